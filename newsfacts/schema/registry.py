"""The registry of published schemas: `schema/<X.Y.Z>/<table>.schema.json` plus `schema/CHANGELOG.md`.

Every published version is a folder of JSON Schema files written by `newsfacts schema export`
and committed; its changelog entry records its `schema_hash`, so a published version that is
changed afterwards is caught. Reading the registry checks each file (valid JSON, a valid 2020-12 schema, `$id`,
table and version fields that match its place) and returns problems instead of raising.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema

from newsfacts.problems import Problem, problem
from newsfacts.schema.diff import VERSION_KEYS, parse_version
from newsfacts.schema.export import DIALECT, schema_id

SUFFIX = ".schema.json"
CHANGELOG = "CHANGELOG.md"
HEADING = re.compile(r"^##\s+\[?v?(\d+\.\d+\.\d+)\]?", re.MULTILINE)
HASH_LINE = re.compile(r"schema_hash:\s*`?([0-9a-f]{64})`?")


@dataclass(frozen=True)
class Published:
    """One published version: its schemas by table, and the exact text of each file."""

    version: str
    schemas: dict[str, dict[str, Any]]
    texts: dict[str, str]


@dataclass
class Registry:
    """Every published version under `root`, oldest first, and the problems found reading them."""

    root: Path
    versions: dict[str, Published] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def latest(self) -> Published | None:
        """The highest published version, or None when nothing is published."""
        return list(self.versions.values())[-1] if self.versions else None

    def get(self, version: str) -> Published | None:
        """A published version by its `X.Y.Z` name."""
        return self.versions.get(version)


def version_folders(root: Path) -> list[str]:
    """Names of the `X.Y.Z` folders under `root`, in version order."""
    if not root.is_dir():
        return []
    names = []
    for item in root.iterdir():
        try:
            parse_version(item.name)
        except ValueError:
            continue
        if item.is_dir():
            names.append(item.name)
    return sorted(names, key=parse_version)


def load_registry(root: Path) -> Registry:
    """Read every published version under `root` (a missing folder is an empty registry)."""
    registry = Registry(root)
    for version in version_folders(root):
        published, problems = load_version(root, version)
        registry.versions[version] = published
        registry.problems += problems
    return registry


def load_version(root: Path, version: str) -> tuple[Published, list[Problem]]:
    """The schema files of one version, with a `schema-file` problem for each bad file."""
    schemas: dict[str, dict[str, Any]] = {}
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    for path in sorted((root / version).glob(f"*{SUFFIX}")):
        table = path.name[: -len(SUFFIX)]
        text = path.read_text(encoding="utf-8")
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as e:
            problems.append(problem("schema-file", article=str(path), line=e.lineno, table=table,
                                    detail=f"invalid JSON: {e.msg}"))
            continue
        found = check_document(doc, table, version)
        problems += [problem("schema-file", article=str(path), table=table, detail=d) for d in found]
        if not found:
            schemas[table], texts[table] = doc, text
    return Published(version, schemas, texts), problems


def check_document(doc: Any, table: str, version: str) -> list[str]:
    """What is wrong with one published schema document (empty when it is fine)."""
    if not isinstance(doc, dict):
        return ["not a JSON object"]
    try:
        jsonschema.Draft202012Validator.check_schema(doc)
    except jsonschema.SchemaError as e:
        return [f"not a valid JSON Schema 2020-12: {e.message}"]
    expected = {"$schema": DIALECT, "$id": schema_id(table, version), "x-newsfacts-table": table,
                "x-newsfacts-schema-version": version}
    return [f"{key} is {doc.get(key)!r}, expected {value!r}" for key, value in expected.items()
            if doc.get(key) != value]


def changelog_entries(root: Path) -> dict[str, str | None]:
    """{version: recorded schema hash or None} for each `## X.Y.Z` section of `root/CHANGELOG.md`."""
    path = root / CHANGELOG
    if not path.is_file():
        return {}
    text = path.read_text(encoding="utf-8")
    heads = list(HEADING.finditer(text))
    entries: dict[str, str | None] = {}
    ends = [h.start() for h in heads[1:]] + [len(text)]
    for head, end in zip(heads, ends[: len(heads)], strict=True):
        section = text[head.end(): end]
        found = HASH_LINE.search(section)
        entries.setdefault(head.group(1), found.group(1) if found else None)
    return entries


def content_hash(schemas: Mapping[str, Mapping[str, Any]]) -> str:
    """sha256 of a version's schemas as `export.schema_hash` computes it (version fields left out)."""
    digest = hashlib.sha256()
    for table in sorted(schemas):
        body = {k: v for k, v in schemas[table].items() if k not in VERSION_KEYS}
        digest.update(table.encode())
        digest.update(json.dumps(body, sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()
