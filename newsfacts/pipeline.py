"""The build: articles → builders → validators → release. The public entry point is `build()`."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsfacts import __version__
from newsfacts.articles import DEFAULT_MAX_BYTES
from newsfacts.builders.text.lexicon import rules_hash
from newsfacts.datasets.diff import Previous
from newsfacts.datasets.stream import ReleaseStream, TableStream
from newsfacts.datasets.writer import check_target, staging, write_documents
from newsfacts.engine import (
    DEFAULT_BATCH,
    DEFAULT_MAX_ROWS,
    Engine,
    batches,
    dask_map,
    engine_client,
    run_batches,
    scan,
)
from newsfacts.errors import UsageError
from newsfacts.problems import Problem, Report, problem
from newsfacts.schema.export import schema_hash
from newsfacts.schema.models import ARTICLE_TABLES
from newsfacts.schema.version import SCHEMA_VERSION

DEFAULT_RELEASE_VERSION = "0.1.0"
MANIFEST_FORMAT = "2"
SEMVER = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$")
Tables = dict[str, list[dict[str, Any]]]


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
    dropped: dict[str, Any] = field(default_factory=lambda: count_drops(()))  # from built articles

    @property
    def written(self) -> bool:
        """True when a release folder was written."""
        return self.manifest is not None

    @property
    def ok(self) -> bool:
        """True when every article was built whole and every check passed."""
        gone = self.dropped
        return (self.written and not self.rejected and self.report.ok
                and not (any(gone["rows"].values()) or gone["tables"] or gone["references"]))

    def to_dict(self) -> dict[str, Any]:
        """The build report (`report.json`): stable keys, relative paths only."""
        return {"release_version": self.release_version, "inputs": self.inputs,
                "built": len(self.built), "rejected": self.rejected,
                "accounted": len(self.built) + len(self.rejected) == self.inputs,
                "counts": self.counts, "dropped": self.dropped, "written": self.written,
                "problems": [p.to_dict() for p in self.report.problems]}


def count_drops(problems: Sequence[Problem], into: dict[str, Any] | None = None) -> dict[str, Any]:
    """Drops from built articles among `problems`, added to `into`: rows per table (`row-invalid`,
    `meeting-too-few-parties`), tables of a builder that raised (`builder-failed`) and references
    to dropped actors removed (`reference-nulled`)."""
    out: dict[str, Any] = into if into is not None else {"rows": {t: 0 for t in ARTICLE_TABLES[1:]},
                                                         "tables": 0, "references": 0}
    for p in problems:
        if p.code in ("row-invalid", "meeting-too-few-parties") and p.table in out["rows"]:
            out["rows"][p.table] += 1
        out["tables"] += p.code == "builder-failed"
        out["references"] += p.code == "reference-nulled"
    return out


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
    listed in the report; a row that fails a check is dropped, and an article whose rows still
    fail is rejected alone (`newsfacts.isolate`): the release is written for the rest, and the
    report counts the drops from built articles (`BuildResult.dropped`; `ok` is False).
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
        with staging(target, overwrite) as folder, engine_client(engine, scheduler, workers) as client:
            stream = ReleaseStream(folder)
            for batch in run_batches(batches(first.refs, batch_size), workers=workers, engine=engine,
                                     scheduler=scheduler, max_bytes=max_bytes, max_rows=max_rows, client=client):
                stream.write(batch.tables)
                result.built.extend(batch.built)
                result.report.extend(batch.problems)
                count_drops(batch.problems, result.dropped)
                for source_path, problems in batch.rejected:
                    _reject(result, source_path, problems)
                for name, rows in batch.tables.items():
                    result.counts[name] = result.counts.get(name, 0) + len(rows)
                done += len(batch.built) + len(batch.rejected)
                if progress is not None:
                    progress(done, result.inputs)
            files = stream.close()
            files.update(consolidate_release(folder, result.report, client, workers))
            result.counts = {name: info["rows"] for name, info in files.items()}
            result.manifest = manifest(result, files)
            if prior is not None:
                result.manifest["previous"] = prior.record(folder)
            write_documents(folder, result.manifest, result.to_dict())
    except OSError as e:  # unwritable folder, disk full: nothing is left behind by staging()
        result.manifest = None
        result.report.extend([problem("release-write", path=str(target),
                                      detail=f"cannot write the release to {target}: {e.strerror or e}")])
    return result


def consolidate_release(folder: Path, report: Report, client: Any = None, workers: int = 1) -> dict[str, Any]:
    """Compute the derived tables (entities, meeting_events, quotes) from the per-article Parquet
    files just written into `folder`, check them (problems into `report`) and write them; returns
    their manifest entries. With a Dask `client` the blocked matching runs on its cluster."""
    from newsfacts.consolidate.common import batched, local_map
    from newsfacts.consolidate.run import consolidate_each
    from newsfacts.validators.integrity import member_ids
    from newsfacts.validators.run import FRAME_CHUNK, validate_derived

    mapper, parts = (dask_map(client), 4 * max(workers, 1)) if client is not None else (local_map, 1)
    files: dict[str, Any] = {}
    entities: set[str] = set()
    for table, rows in consolidate_each(folder, mapper, parts):  # one table at a time, rows as they come
        known, keys = member_ids(folder, (table,)), set[str]()
        stream = TableStream(folder / f"{table}.parquet", table)
        for chunk in batched(rows, FRAME_CHUNK):
            if table == "entities":
                entities.update(r["entity_id"] for r in chunk)
            report.extend(validate_derived({table: chunk}, known, entities=entities, seen=keys))
            stream.write(chunk)
        files[table] = stream.close()
        del known
    return files


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
                   "rejected": len(result.rejected), "digest": inputs_digest(result.built, result.rejected),
                   "dropped": result.dropped},
        "tables": files,
    }
