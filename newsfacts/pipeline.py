"""The build: articles → builders → validators → release. The public entry point is `build()`."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsfacts import __version__
from newsfacts.articles import DEFAULT_MAX_BYTES, Article, Rejected, read_inputs
from newsfacts.builders import ArticleRows, extract
from newsfacts.builders.text.lexicon import rules_hash
from newsfacts.datasets.diff import Previous
from newsfacts.datasets.stream import ReleaseStream
from newsfacts.datasets.writer import check_target, staging, write_documents
from newsfacts.engine import DEFAULT_BATCH, DEFAULT_MAX_ROWS, Engine, batches, run_batches, scan
from newsfacts.errors import UsageError
from newsfacts.problems import CODES, Problem, Report, problem
from newsfacts.schema.export import schema_hash
from newsfacts.schema.version import SCHEMA_VERSION
from newsfacts.validators import validate_tables

DEFAULT_RELEASE_VERSION = "0.1.0"
MANIFEST_FORMAT = "2"
SEMVER = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$")
Tables = dict[str, list[dict[str, Any]]]
INPUT_CODES = frozenset(c.code for c in CODES.values() if c.category == "input")


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


class _ValidationFailed(Exception):
    """Raised inside the staging block so that nothing of a failed release is kept."""


def build(inputs: Sequence[Path | str] = ("seeds",), out: Path | str | None = None, *,
          release_version: str = DEFAULT_RELEASE_VERSION, overwrite: bool = False,
          max_bytes: int = DEFAULT_MAX_BYTES, workers: int = 1, engine: Engine = "local",
          scheduler: str | None = None, batch_size: int = DEFAULT_BATCH, max_rows: int = DEFAULT_MAX_ROWS,
          progress: Callable[[int, int], None] | None = None,
          previous: Path | str | None = None) -> BuildResult:
    """Build a release from the input files or folders into `out`.

    Default output: `datasets/newsfacts/<release_version>/`. Inputs are scanned once (bodies
    hashed, nothing kept), then processed in batches in article_id order by `workers` processes
    (or a Dask cluster with `engine="dask"`) and streamed into the Parquet files; the bytes do not
    depend on the number of workers or the engine. Articles that cannot be read are rejected and
    listed in the report; a failed validation check stops the release (nothing is written).
    `progress(done, total)` is called after each batch. With `previous` (an earlier release folder)
    the manifest records that release's version, the sha256 of its manifest and the rows added,
    removed and changed per table. Besides the tables, the release holds `README.md` (the dataset
    card), `datapackage.json`, `report.json` and `manifest.json` (checksums of all of them).
    Raises `UsageError` for a bad version, option or previous release and `ReleaseExistsError` for
    a non-empty `out` without `overwrite`.
    """
    if not SEMVER.match(release_version):
        raise UsageError(f"release version {release_version!r} is not semver (X.Y.Z)")
    if workers < 1 or batch_size < 1 or max_rows < 1:
        raise UsageError("workers, batch size and max rows must be at least 1")
    target = Path(out) if out is not None else Path("datasets") / "newsfacts" / release_version
    check_target(target, overwrite)
    prior = Previous.read(Path(previous)) if previous is not None else None
    if prior is not None and not newer(release_version, prior.release_version):
        raise UsageError(f"release version {release_version} must be newer than the previous release "
                         f"{prior.release_version} ({previous})")
    result = BuildResult(out=target, release_version=release_version)
    first = scan([Path(p) for p in inputs], max_bytes)
    result.inputs = first.inputs
    result.report.extend(first.warnings)
    for source_path, problems in first.rejected:
        _reject(result, source_path, problems)
    done = len(first.rejected)
    try:
        with staging(target, overwrite) as folder:
            stream = ReleaseStream(folder)
            for batch in run_batches(batches(first.refs, batch_size), workers=workers, engine=engine,
                                     scheduler=scheduler, max_bytes=max_bytes, max_rows=max_rows):
                stream.write(batch.tables)
                result.built.extend(batch.built)
                result.report.extend(batch.problems)
                for source_path, problems in batch.rejected:
                    _reject(result, source_path, problems)
                for name, rows in batch.tables.items():
                    result.counts[name] = result.counts.get(name, 0) + len(rows)
                done += len(batch.built) + len(batch.rejected)
                if progress is not None:
                    progress(done, result.inputs)
            files = stream.close()
            result.counts = {name: info["rows"] for name, info in files.items()}
            if any(p.severity == "error" for p in result.report.problems if p.code not in INPUT_CODES):
                result.validation_failed = True
                raise _ValidationFailed
            result.manifest = manifest(result, files)
            if prior is not None:
                result.manifest["previous"] = prior.record(folder)
            write_documents(folder, result.manifest, result.to_dict())
    except _ValidationFailed:
        result.manifest = None
    except OSError as e:  # unwritable folder, disk full: nothing is left behind by staging()
        result.manifest = None
        result.report.extend([problem("release-write", path=str(target),
                                      detail=f"cannot write the release to {target}: {e.strerror or e}")])
    return result


def _reject(result: BuildResult, source_path: str, problems: list[Problem]) -> None:
    """Record a rejected input with its problems."""
    result.report.extend(problems)
    result.rejected.append({"source_path": source_path,
                            "reasons": [p.to_dict() for p in problems if p.severity == "error"]})


def semver_key(version: str) -> tuple[Any, ...]:
    """Sort key of a semver string by precedence: a pre-release sorts before its release."""
    match = SEMVER.match(version)
    if match is None:
        raise UsageError(f"release version {version!r} is not semver (X.Y.Z)")
    core = tuple(int(match.group(i)) for i in (1, 2, 3))
    pre = match.group(4)
    if pre is None:
        return (core, 1, ())
    parts = tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in pre[1:].split("."))
    return (core, 0, parts)


def newer(version: str, than: str) -> bool:
    """True when `version` has a higher semver precedence than `than`."""
    return semver_key(version) > semver_key(than)


def inputs_digest(built: Sequence[str], rejected: Sequence[dict[str, Any]]) -> str:
    """sha256 over the built inputs' source paths (in release order) and the rejected ones."""
    digest = hashlib.sha256()
    for path in built:
        digest.update(f"built\t{path}\n".encode())
    for item in rejected:
        digest.update(f"rejected\t{item['source_path']}\n".encode())
    return digest.hexdigest()


def manifest(result: BuildResult, files: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The release manifest: versions, hashes, inputs and per-file checksums and row counts."""
    return {
        "format_version": MANIFEST_FORMAT,
        "name": "newsfacts",
        "release_version": result.release_version,
        "schema_version": SCHEMA_VERSION,
        "schema_hash": schema_hash(),
        "package_version": __version__,
        "rules_hash": rules_hash(),
        "inputs": {"articles": result.inputs, "built": len(result.built),
                   "rejected": len(result.rejected), "digest": inputs_digest(result.built, result.rejected)},
        "tables": files,
    }
