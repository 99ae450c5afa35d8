"""The build: articles → builders → validators → release. The public entry point is `build()`."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from newsfacts import __version__
from newsfacts.articles import DEFAULT_MAX_BYTES, Article, Rejected, read_inputs
from newsfacts.builders import ArticleRows, extract
from newsfacts.datasets.writer import check_target, dump_json, staging, write_tables
from newsfacts.errors import UsageError
from newsfacts.problems import Problem, Report, problem
from newsfacts.schema.export import schema_hash
from newsfacts.schema.models import TABLES
from newsfacts.schema.version import SCHEMA_VERSION
from newsfacts.validators import validate_tables

DEFAULT_RELEASE_VERSION = "0.1.0"
MANIFEST_FORMAT = "1"
SEMVER = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$")
Tables = dict[str, list[dict[str, Any]]]


@dataclass
class ArticleOutcome:
    """What became of one input: built (with its rows) or rejected (with problems)."""

    source_path: str
    article_id: str | None
    rows: ArticleRows | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def built(self) -> bool:
        """True when the article's rows go into the release."""
        return self.rows is not None


@dataclass
class BuildResult:
    """Outcome of a build: where it went, what was built or rejected, and every problem."""

    out: Path | None
    release_version: str
    inputs: int = 0
    built: list[str] = field(default_factory=list)
    rejected: list[dict[str, Any]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    report: Report = field(default_factory=Report)
    manifest: dict[str, Any] | None = None
    validation_failed: bool = False

    @property
    def written(self) -> bool:
        """True when a release folder was written."""
        return self.manifest is not None

    @property
    def ok(self) -> bool:
        """True when every article was built and every check passed."""
        return self.written and not self.rejected and self.report.ok

    def to_dict(self) -> dict[str, Any]:
        """The build report (`report.json`): stable keys, relative paths only."""
        return {"release_version": self.release_version, "inputs": self.inputs,
                "built": len(self.built), "rejected": self.rejected,
                "accounted": len(self.built) + len(self.rejected) == self.inputs,
                "counts": self.counts, "written": self.written,
                "problems": [p.to_dict() for p in self.report.problems]}


def process(article: Article | Rejected, seen: dict[str, str]) -> ArticleOutcome:
    """Extract and validate one loaded input; `seen` maps article ids already built to their path."""
    if isinstance(article, Rejected):
        return ArticleOutcome(article.source_path, None, None, list(article.problems))
    if article.article_id in seen:
        dup = problem("article-duplicate", article=article.file, line=article.line,
                      detail=f"{article.article_id}, first read from {seen[article.article_id]}")
        return ArticleOutcome(article.source_path, article.article_id, None, [dup])
    rows = extract(article)
    failed = [p for p in rows.problems if p.code == "builder-failed"]
    if failed:
        return ArticleOutcome(article.source_path, article.article_id, None, rows.problems)
    tables = {name: [r.model_dump() for r in items] for name, items in rows.tables().items()}
    where = {article.article_id: article.file or article.source_path}
    found = validate_tables(tables, {article.article_id: article.body}, where)
    seen[article.article_id] = article.source_path
    return ArticleOutcome(article.source_path, article.article_id, rows, rows.problems + found)


def iter_outcomes(inputs: Sequence[Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[ArticleOutcome]:
    """Outcomes of every input article in deterministic order."""
    seen: dict[str, str] = {}
    for loaded in read_inputs(inputs, max_bytes):
        yield process(loaded, seen)


def build(inputs: Sequence[Path | str] = ("seeds",), out: Path | str | None = None, *,
          release_version: str = DEFAULT_RELEASE_VERSION, overwrite: bool = False,
          max_bytes: int = DEFAULT_MAX_BYTES, progress: Callable[[str], None] | None = None) -> BuildResult:
    """Build a release from the input files or folders into `out`.

    Default output: `datasets/newsfacts/<release_version>/`. Articles that cannot be read are
    rejected and listed in the report; a failed validation check stops the release (nothing is
    written). Raises `UsageError` for a bad version and `ReleaseExistsError` for a non-empty `out`
    without `overwrite`.
    """
    if not SEMVER.match(release_version):
        raise UsageError(f"release version {release_version!r} is not semver (X.Y.Z)")
    target = Path(out) if out is not None else Path("datasets") / "newsfacts" / release_version
    check_target(target, overwrite)
    result = BuildResult(out=target, release_version=release_version)
    tables: Tables = {t: [] for t in TABLES}
    paths = [Path(p) for p in inputs]
    for outcome in iter_outcomes(paths, max_bytes):
        result.inputs += 1
        result.report.extend(outcome.problems)
        if progress is not None:
            progress(outcome.source_path)
        if outcome.rows is None:
            result.rejected.append({"source_path": outcome.source_path,
                                    "reasons": [p.to_dict() for p in outcome.problems
                                                if p.severity == "error"]})
            continue
        if any(p.severity == "error" for p in outcome.problems):
            result.validation_failed = True
        result.built.append(outcome.source_path)
        for name, items in outcome.rows.tables().items():
            tables[name].extend(r.model_dump() for r in items)
    result.counts = {t: len(rows) for t, rows in tables.items()}
    if result.validation_failed:
        return result
    with staging(target, overwrite) as folder:
        files = write_tables(folder, tables)
        result.manifest = manifest(result, files, tables)
        dump_json(folder / "manifest.json", result.manifest)
        dump_json(folder / "report.json", result.to_dict())
    return result


def inputs_digest(built: Sequence[str], ids: Sequence[str]) -> str:
    """sha256 over the built articles' (source_path, article_id) pairs in order."""
    digest = hashlib.sha256()
    for path, aid in zip(built, ids, strict=True):
        digest.update(f"{path}\t{aid}\n".encode())
    return digest.hexdigest()


def rules_hash() -> str:
    """sha256 over the builders' lexicon and rule files (names and bytes, sorted)."""
    digest = hashlib.sha256()
    folder = resources.files("newsfacts.builders").joinpath("lexicons")
    for item in sorted(folder.iterdir(), key=lambda f: f.name):
        if item.is_file():
            digest.update(item.name.encode() + b"\0" + item.read_bytes())
    return digest.hexdigest()


def manifest(result: BuildResult, files: dict[str, dict[str, Any]], tables: Tables) -> dict[str, Any]:
    """The release manifest: versions, hashes, inputs and per-file checksums and row counts."""
    ids = [r["article_id"] for r in tables["articles"]]
    return {
        "format_version": MANIFEST_FORMAT,
        "name": "newsfacts",
        "release_version": result.release_version,
        "schema_version": SCHEMA_VERSION,
        "schema_hash": schema_hash(),
        "package_version": __version__,
        "rules_hash": rules_hash(),
        "inputs": {"articles": result.inputs, "built": len(result.built),
                   "rejected": len(result.rejected), "digest": inputs_digest(result.built, ids)},
        "tables": files,
    }
