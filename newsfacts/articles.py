"""Ingestion: input paths → `Article`s (or rejections with the reason).

Formats: `.md` with optional YAML front matter, `.txt` (body only), `.jsonl` (one article per line
with keys `title`, `publisher`, `url`, `published_at`, `language`, `text`). Folders are walked
recursively in sorted order. Nothing here raises for bad input: each problem becomes a `Problem`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema_rs
import yaml

from newsfacts.errors import InputNotFoundError
from newsfacts.problems import Problem, problem

SUFFIXES = (".md", ".txt", ".jsonl")
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Article:
    """One input article: normalized body plus metadata."""

    article_id: str
    body: str
    source_path: str
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published_at: dt.date | None = None
    language: str = "en"
    file: str = ""
    line: int | None = None
    offset: int | None = None
    warnings: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Rejected:
    """An input that could not become an article, with why."""

    source_path: str
    problems: tuple[Problem, ...] = field(default_factory=tuple)


Loaded = Article | Rejected


def normalize_body(text: str) -> str:
    """The codebook's normalization: NFC, CRLF → LF, leading/trailing whitespace stripped."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n")).strip()


def article_id(body: str) -> str:
    """Content address: first 16 hex characters of sha256 of the normalized body."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]


class _StringDateLoader(yaml.SafeLoader):
    """Safe YAML loader that keeps dates and timestamps as strings (checked by the JSON Schema)."""


_StringDateLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@cache
def metadata_schema() -> dict[str, Any]:
    """The JSON Schema of article metadata (front matter / JSONL keys)."""
    schema: dict[str, Any] = json.loads(
        resources.files("newsfacts").joinpath("front_matter.schema.json").read_text("utf-8"))
    return schema


@cache
def metadata_validator() -> Any:
    """Compiled validator of article metadata: jsonschema-rs, which the row checks load anyway and
    which imports far faster than the pure-Python jsonschema."""
    return jsonschema_rs.validator_for(metadata_schema())


def metadata_errors(meta: dict[str, Any]) -> list[tuple[str | None, str, str]]:
    """(top-level key or None, validator keyword, message) of every schema violation, by key.

    YAML can hold values JSON cannot (integer keys, binary, sets), which jsonschema-rs refuses;
    such metadata is checked by the pure-Python jsonschema instead, with the same schema.
    """
    try:
        found = [(str(e.instance_path[0]) if e.instance_path else None, type(e.kind).__name__, e.message)
                 for e in metadata_validator().iter_errors(meta)]
    except ValueError:
        import jsonschema

        found = [(str(e.path[0]) if e.path else None, str(e.validator), e.message)
                 for e in jsonschema.Draft202012Validator(metadata_schema()).iter_errors(meta)]
    return sorted(found, key=lambda f: f[0] or "")


def iter_files(inputs: Sequence[Path]) -> Iterator[tuple[Path, str]]:
    """(path, path relative to its input root) of every article file, roots in order, files sorted.

    Raises `InputNotFoundError` for a path that does not exist (a usage error, not bad data).
    """
    for root in inputs:
        if not root.exists():
            raise InputNotFoundError(root)
        if root.is_file():
            yield root, root.name
            continue
        files = [p for p in root.rglob("*") if p.is_file() and p.suffix in SUFFIXES
                 and not any(part.startswith(".") for part in p.relative_to(root).parts)]
        for path in sorted(files, key=lambda p: p.relative_to(root).as_posix()):
            yield path, path.relative_to(root).as_posix()


def read_inputs(inputs: Sequence[Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Loaded]:
    """Every article (or rejection) of the inputs, in deterministic order."""
    for path, rel in iter_files(inputs):
        yield from read_file(path, rel, max_bytes)


def read_file(path: Path, rel: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Loaded]:
    """The article(s) of one file; `rel` is its path relative to the corpus root."""
    if path.suffix == ".jsonl":
        yield from _read_jsonl(path, rel, max_bytes)
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield Rejected(rel, (problem("article-too-large", article=rel, size=size, limit=max_bytes),))
            return
        raw = path.read_bytes()
    except OSError as e:
        yield Rejected(rel, (problem("input-not-found", article=rel, path=f"{path}: {e.strerror}"),))
        return
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        yield Rejected(rel, (problem("article-encoding", article=rel, line=line,
                                     detail=f"byte {e.start}: {e.reason}"),))
        return
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    meta: dict[str, Any] = {}
    body_line = 1
    if path.suffix == ".md":
        parsed = _split_front_matter(text, rel)
        if isinstance(parsed, Rejected):
            yield parsed
            return
        meta, text, body_line = parsed
    yield _make_article(meta, text, rel, file=rel, line=None, meta_line=body_line, raw_front=meta)


def _split_front_matter(text: str, rel: str) -> tuple[dict[str, Any], str, int] | Rejected:
    """(metadata, body text, line of the body) of a Markdown file, or a rejection."""
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return {}, text, 1
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "---"), None)
    if end is None:
        return Rejected(rel, (problem("article-front-matter", article=rel, line=1,
                                      detail="opening '---' has no closing '---' line"),))
    block = "\n".join(lines[1:end])
    try:
        meta = yaml.load(block, Loader=_StringDateLoader) if block.strip() else {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        detail = getattr(e, "problem", None) or str(e).splitlines()[0]
        return Rejected(rel, (problem("article-front-matter", article=rel, line=line, detail=str(detail)),))
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        return Rejected(rel, (problem("article-front-matter", article=rel, line=2,
                                      detail="front matter is not a mapping of keys to values"),))
    meta["__lines__"] = {str(k): i + 2 for i, ln in enumerate(lines[1:end])
                         for k in [ln.split(":", 1)[0].strip()] if ":" in ln}
    return meta, "\n".join(lines[end + 1:]), end + 2


def _read_jsonl(path: Path, rel: str, max_bytes: int) -> Iterator[Loaded]:
    """One article per non-blank line of a JSONL file, streamed; source_path is `<rel>#<line>`."""
    try:
        f = path.open("rb")
    except OSError as e:
        yield Rejected(rel, (problem("input-not-found", article=rel, path=f"{path}: {e.strerror}"),))
        return
    with f:
        offset = 0
        for number, chunk in enumerate(f, start=1):
            if chunk.strip():
                yield parse_jsonl_line(chunk, rel, number, offset, max_bytes)
            offset += len(chunk)


def read_jsonl_line(path: Path, rel: str, number: int, offset: int, max_bytes: int = DEFAULT_MAX_BYTES) -> Loaded:
    """Re-read the article of line `number` of a JSONL file, starting at byte `offset`."""
    with path.open("rb") as f:
        f.seek(offset)
        return parse_jsonl_line(f.readline(), rel, number, offset, max_bytes)


def parse_jsonl_line(chunk: bytes, rel: str, number: int, offset: int, max_bytes: int) -> Loaded:
    """The article (or rejection) of one JSONL line."""
    where = f"{rel}#{number}"
    if len(chunk) > max_bytes:
        return Rejected(where, (problem("article-too-large", article=rel, line=number,
                                        size=len(chunk), limit=max_bytes),))
    try:
        record = json.loads(chunk.decode("utf-8"))
    except UnicodeDecodeError as e:
        return Rejected(where, (problem("article-encoding", article=rel, line=number,
                                        detail=f"byte {e.start}: {e.reason}"),))
    except ValueError as e:
        return Rejected(where, (problem("article-json", article=rel, line=number, detail=str(e)),))
    if not isinstance(record, dict):
        return Rejected(where, (problem("article-json", article=rel, line=number,
                                        detail="the line is not a JSON object"),))
    text = record.pop("text", None)
    if not isinstance(text, str):
        return Rejected(where, (problem("article-metadata", article=rel, line=number, field="text",
                                        detail="required string `text` is missing"),))
    loaded = _make_article(record, text, where, file=rel, line=number, meta_line=number, raw_front=None)
    return replace(loaded, offset=offset) if isinstance(loaded, Article) else loaded


def _make_article(meta: dict[str, Any], text: str, source_path: str, *, file: str, line: int | None,
                  meta_line: int, raw_front: dict[str, Any] | None) -> Loaded:
    """Validate metadata and body; build the `Article` or the rejection."""
    key_lines: dict[str, int] = meta.pop("__lines__", {}) if raw_front is not None else {}
    problems: list[Problem] = []
    for key, keyword, message in metadata_errors(meta):
        if keyword.lower() == "additionalproperties":
            extra = sorted(str(k) for k in set(meta) - set(metadata_schema()["properties"]))
            for k in extra:
                problems.append(problem("article-metadata", article=file, field=k,
                                        line=key_lines.get(k, line), detail="unknown key"))
            continue
        problems.append(problem("article-metadata", article=file, field=key,
                                line=key_lines.get(key or "", line), detail=message))
    published_at = None
    if not problems and meta.get("published_at"):
        try:
            published_at = dt.datetime.fromisoformat(str(meta["published_at"]).replace(" ", "T")).date()
        except ValueError as e:
            problems.append(problem("article-metadata", article=file, field="published_at",
                                    line=key_lines.get("published_at", line), detail=str(e)))
    body = normalize_body(text)
    try:
        body.encode("utf-8")
    except UnicodeEncodeError as e:
        problems.append(problem("article-encoding", article=file, line=line,
                                detail=f"character {e.start}: {e.reason} (lone surrogate)"))
    if not body and not problems:
        problems.append(problem("article-empty", article=file, line=line or meta_line))
    if problems:
        return Rejected(source_path, tuple(problems))
    warnings = () if published_at else (problem("article-missing-date", article=file, line=line),)
    return Article(article_id=article_id(body), body=body, source_path=source_path,
                   title=_opt_str(meta.get("title")), publisher=_opt_str(meta.get("publisher")),
                   url=_opt_str(meta.get("url")), published_at=published_at,
                   language=str(meta.get("language") or "en"), file=file, line=line, warnings=warnings)


def _opt_str(value: object) -> str | None:
    """A metadata string, or None when absent or blank."""
    return str(value).strip() or None if value is not None else None


def article_from_text(text: str, published_at: dt.date | None = None, source_path: str = "<text>",
                      title: str | None = None, publisher: str | None = None) -> Article:
    """An `Article` from a string in memory (normalized like a file's body), e.g. for `extract`."""
    body = normalize_body(text)
    return Article(article_id=article_id(body), body=body, source_path=source_path, title=title,
                   publisher=publisher, published_at=published_at, file=source_path)
