"""The rule catalogue: every rule id the builders use, with a one-line description and an example.

Each builder describes its rules in its own YAML data, under a top-level `rules:` mapping of rule id
→ `{description, example}` (plus `alias`, `participant` or `no_actor` for a rule that never names a
row: what its example shows instead). The data files are found by scanning the builders package for
`*.yaml` at any depth, so the catalogue follows the files wherever they live; only files with a
top-level `rules:` line are parsed. Reading the catalogue imports no builder code.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from newsfacts.errors import NewsfactsError

PACKAGE = "newsfacts.builders"
CHECKS = ("alias", "participant", "no_actor")
TOP_LEVEL_RULES = re.compile(r"^rules:", re.MULTILINE)  # files without this line are not parsed
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class RuleCatalogueError(NewsfactsError):
    """A `rules:` entry without a description or an example, or a rule id described twice."""


@dataclass(frozen=True)
class Rule:
    """One rule: its id, the table it writes, what it does and a sentence it fires on."""

    id: str
    table: str
    description: str
    example: str
    source: str
    in_rows: bool = True
    check: tuple[str, str] | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with stable keys (`check` as {kind: value} or null)."""
        data = asdict(self)
        data["check"] = dict([self.check]) if self.check else None
        return data


def builders_folder() -> Path:
    """The folder of the builders package, found without importing it (its import loads lexicons)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuleCatalogueError(f"package {PACKAGE} not found")
    return Path(next(iter(spec.submodule_search_locations)))


def rule_files(folder: Path | None = None) -> list[Path]:
    """Every YAML file under the builders package, sorted by relative path."""
    root = folder or builders_folder()
    return sorted((p for p in root.rglob("*.yaml") if p.is_file()), key=lambda p: p.relative_to(root).as_posix())


def _entry(rule_id: str, spec: Any, source: str) -> Rule:
    """One `rules:` entry as a `Rule`; a `RuleCatalogueError` naming the file and id when incomplete."""
    if not isinstance(spec, dict):
        raise RuleCatalogueError(f"{source}: rule {rule_id}: expected a mapping with description and example")
    missing = [k for k in ("description", "example") if not str(spec.get(k) or "").strip()]
    if missing:
        raise RuleCatalogueError(f"{source}: rule {rule_id}: no {' and no '.join(missing)}")
    checks = [(k, str(spec[k])) for k in CHECKS if k in spec]
    return Rule(id=str(rule_id), table=str(rule_id).split(".", 1)[0],
                description=" ".join(str(spec["description"]).split()), example=str(spec["example"]).strip(),
                source=source, in_rows=not checks, check=checks[0] if checks else None)


@cache
def catalogue() -> dict[str, Rule]:
    """The package's rule catalogue (read once): rule id → `Rule`, sorted by id."""
    return read_catalogue(builders_folder())


def read_catalogue(root: Path) -> dict[str, Rule]:
    """Rule id → `Rule`, sorted by id, from the `rules:` mappings of the YAML files under `root`."""
    rules: dict[str, Rule] = {}
    for path in rule_files(root):
        source = path.relative_to(root.parent.parent).as_posix()
        text = path.read_text(encoding="utf-8")
        if not TOP_LEVEL_RULES.search(text):
            continue
        data = yaml.load(text, Loader=_Loader)
        entries = data.get("rules") if isinstance(data, dict) else None
        if entries is None:
            continue
        if not isinstance(entries, dict):
            raise RuleCatalogueError(f"{source}: `rules` must map rule ids to their description and example")
        for rule_id, spec in entries.items():
            if rule_id in rules:
                raise RuleCatalogueError(f"{source}: rule {rule_id} is already described in {rules[rule_id].source}")
            rules[rule_id] = _entry(rule_id, spec, source)
    return dict(sorted(rules.items()))


def describe(rule_id: str) -> Rule | None:
    """The catalogue entry of a rule id, or None for an id no builder describes."""
    return catalogue().get(rule_id)
