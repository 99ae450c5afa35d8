"""Streaming, batched and parallel extraction for large corpora.

1. `scan()` reads every input once, cheaply: it normalizes and hashes each body, keeps only a
   small `InputRef` per article (no bodies), drops duplicates, and sorts by article_id.
2. `batches()` cuts the sorted refs into fixed-size batches; `process_batch()` re-reads a batch,
   extracts and validates its rows and returns them sorted by primary key. It is a pure function
   of its refs, so it runs the same in this process, in a process pool or on a Dask worker.
3. `run_batches()` yields batch results in batch order whatever the engine, with a bounded
   number in flight, so the writer sees the same rows in the same order every time.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from newsfacts.articles import DEFAULT_MAX_BYTES, Article, Loaded, Rejected, read_file, read_jsonl_line
from newsfacts.builders import extract
from newsfacts.datasets.writer import sort_rows
from newsfacts.isolate import isolate, row_key
from newsfacts.problems import Problem, problem
from newsfacts.schema.models import ARTICLE_TABLES
from newsfacts.validators import validate_tables

Engine = Literal["local", "dask"]
DEFAULT_BATCH = 256
DEFAULT_MAX_ROWS = 5_000


@dataclass(frozen=True)
class InputRef:
    """Where to find one accepted article again, without holding its body."""

    article_id: str
    path: str
    source_path: str
    rel: str
    line: int | None = None
    offset: int | None = None


@dataclass
class Scan:
    """Result of the first pass: accepted refs (sorted by article_id) and rejected inputs."""

    refs: list[InputRef] = field(default_factory=list)
    rejected: list[tuple[str, list[Problem]]] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    inputs: int = 0


@dataclass
class BatchResult:
    """Rows and fates of one batch of articles (picklable, sent back from workers)."""

    tables: dict[str, list[dict[str, Any]]]
    built: list[str] = field(default_factory=list)
    rejected: list[tuple[str, list[Problem]]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def scan(inputs: Sequence[Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Scan:
    """First pass over the inputs: hash every body, reject bad or duplicate inputs, sort the rest."""
    out = Scan()
    seen: dict[str, str] = {}
    for path, loaded in _with_paths(inputs, max_bytes):
        out.inputs += 1
        if isinstance(loaded, Rejected):
            out.rejected.append((loaded.source_path, list(loaded.problems)))
            continue
        if loaded.article_id in seen:
            dup = problem("article-duplicate", article=loaded.file, line=loaded.line,
                          detail=f"{loaded.article_id}, first read from {seen[loaded.article_id]}")
            out.rejected.append((loaded.source_path, [dup]))
            continue
        seen[loaded.article_id] = loaded.source_path
        out.warnings.extend(loaded.warnings)
        out.refs.append(InputRef(loaded.article_id, str(path), loaded.source_path, loaded.file,
                                 loaded.line, loaded.offset))
    out.refs.sort(key=lambda r: r.article_id)
    return out


def _with_paths(inputs: Sequence[Path], max_bytes: int) -> Iterator[tuple[Path, Loaded]]:
    """(file path, loaded item) for every input, in the ingestion order."""
    from newsfacts.articles import iter_files

    for path, rel in iter_files(inputs):
        for loaded in read_file(path, rel, max_bytes):
            yield path, loaded


def load_ref(ref: InputRef, max_bytes: int = DEFAULT_MAX_BYTES) -> Loaded:
    """Read the article of a ref again."""
    path = Path(ref.path)
    if ref.line is not None and ref.offset is not None:
        return read_jsonl_line(path, ref.rel, ref.line, ref.offset, max_bytes)
    return next(iter(read_file(path, ref.rel, max_bytes)))


def batches(refs: Sequence[InputRef], size: int = DEFAULT_BATCH) -> list[list[InputRef]]:
    """Consecutive batches of `size` refs (the last may be shorter)."""
    return [list(refs[i:i + size]) for i in range(0, len(refs), size)]


def process_batch(refs: Sequence[InputRef], max_bytes: int = DEFAULT_MAX_BYTES,
                  max_rows: int = DEFAULT_MAX_ROWS) -> BatchResult:
    """Extract and validate a batch; rows come back sorted by primary key within each table.

    Rows that fail a check are dropped and an article whose rows still fail is rejected alone
    (`newsfacts.isolate`); a builder that raised has cost its own table of that article only.
    """
    result = BatchResult(tables={t: [] for t in ARTICLE_TABLES})
    done: list[_Extracted] = []
    for ref in refs:
        loaded = load_ref(ref, max_bytes)
        if not isinstance(loaded, Article) or loaded.article_id != ref.article_id:
            reason = problem("article-changed", article=ref.rel, line=ref.line)
            result.rejected.append((ref.source_path, [reason]))
            continue
        rows = extract(loaded)
        own = [p for p in rows.problems if p.code != "article-missing-date"]
        tables: dict[str, list[dict[str, Any]]] = {}
        for name, items in rows.tables().items():
            if len(items) > max_rows:
                own.append(problem("too-many-rows", article=ref.rel, table=name, detail=str(len(items)),
                                   limit=max_rows))
                items = items[:max_rows]
            tables[name] = [r.model_dump() for r in items]
        done.append(_Extracted(ref, loaded, tables, own))
    found = validate_tables(_merged(done), {d.article.article_id: d.article.body for d in done},
                            {d.article.article_id: d.file for d in done})
    checked = _isolate_batch(done, found, result) if any(p.severity == "error" for p in found) else found
    for d in done:
        result.built.append(d.ref.source_path)
        result.problems.extend(d.problems)
    result.problems.extend(checked)
    result.tables = {name: sort_rows(name, rows) for name, rows in _merged(done).items()}
    return result


@dataclass
class _Extracted:
    """One article's rows between extraction and the release."""

    ref: InputRef
    article: Article
    tables: dict[str, list[dict[str, Any]]]
    problems: list[Problem]

    @property
    def file(self) -> str:
        """The name problems of this article carry."""
        return self.article.file or self.article.source_path


def _merged(done: Sequence[_Extracted]) -> dict[str, list[dict[str, Any]]]:
    """The rows of every article, table by table."""
    return {t: [row for d in done for row in d.tables.get(t, ())] for t in ARTICLE_TABLES}


def _isolate_batch(done: list[_Extracted], found: Sequence[Problem], result: BatchResult) -> list[Problem]:
    """Isolate the articles the batch's errors point at: rejected ones leave `done` (into
    `result.rejected`); returns the problems of the articles that stay."""
    owner = {(t, row_key(t, r)): d.article.article_id for d in done for t, rows in d.tables.items() for r in rows}
    files = Counter(d.file for d in done)  # the lines of a JSONL file share one file name
    by_file = {d.file: d.article.article_id for d in done if files[d.file] == 1}
    mine: dict[str, list[Problem]] = {d.article.article_id: [] for d in done}
    unplaced = False
    kept: list[Problem] = []
    for p in found:
        aid = owner.get((p.table or "", p.row_key or "")) or by_file.get(p.article or "")
        if aid is not None:
            mine[aid].append(p)
        elif p.severity == "error":
            unplaced = True
        else:
            kept.append(p)
    for d in list(done):
        own = mine[d.article.article_id]
        if not unplaced and not any(p.severity == "error" for p in own):
            kept += own
            continue
        out = isolate(d.tables, d.article.body, d.file, None if unplaced else own)
        told = [p for p in own if p.severity != "error"]
        told += [replace(p, line=p.line or d.article.line) for p in out.warnings + out.errors]
        if out.rejected:
            result.rejected.append((d.ref.source_path, d.problems + told))
            done.remove(d)
            continue
        kept += told
        d.tables = out.tables
    return kept


def run_batches(work: Sequence[Sequence[InputRef]], *, workers: int = 1, engine: Engine = "local",
                scheduler: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                max_rows: int = DEFAULT_MAX_ROWS, client: Any = None) -> Iterator[BatchResult]:
    """Results of every batch, in batch order, from the chosen engine (with `engine="dask"`, on
    `client` when given, else on a cluster opened and closed here)."""
    if engine == "dask" and client is None:
        with dask_client(scheduler, workers) as own:
            yield from _run_dask(work, own, workers, max_bytes, max_rows)
    elif engine == "dask":
        yield from _run_dask(work, client, workers, max_bytes, max_rows)
    elif workers <= 1 or len(work) <= 1:
        for refs in work:
            yield process_batch(refs, max_bytes, max_rows)
    else:
        pool = ProcessPoolExecutor(max_workers=workers)
        try:
            yield from _ordered(lambda refs: pool.submit(process_batch, refs, max_bytes, max_rows),
                                work, 2 * workers)
        finally:  # on an error or an interrupt, queued batches are dropped rather than run
            pool.shutdown(wait=True, cancel_futures=True)


def _ordered(submit: Callable[[Sequence[InputRef]], Any], work: Iterable[Sequence[InputRef]],
             window: int) -> Iterator[BatchResult]:
    """Submit work with at most `window` batches in flight; yield results in submission order."""
    pending: deque[Future[BatchResult]] = deque()
    for refs in work:
        pending.append(submit(refs))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _run_dask(work: Sequence[Sequence[InputRef]], client: Any, workers: int, max_bytes: int,
              max_rows: int) -> Iterator[BatchResult]:
    """Run the batches on a Dask client."""
    yield from _ordered(lambda refs: client.submit(process_batch, refs, max_bytes, max_rows, pure=False),
                        work, 2 * max(workers, 1))


@contextmanager
def dask_client(scheduler: str | None, workers: int) -> Iterator[Any]:
    """A Dask client of the cluster at `scheduler`, or of a LocalCluster of `workers` processes
    started here; both are closed when the block ends."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as e:  # optional extra
        raise ModuleNotFoundError("the dask engine needs the optional extra: pip install -e '.[dask]'") from e
    cluster = None if scheduler else LocalCluster(n_workers=max(workers, 1), threads_per_worker=1,
                                                  processes=True, dashboard_address=None)
    client = Client(scheduler or cluster)
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


@contextmanager
def engine_client(engine: Engine, scheduler: str | None, workers: int) -> Iterator[Any]:
    """The Dask client a build shares between extraction and consolidation; None for the local engine."""
    if engine != "dask":
        yield None
        return
    with dask_client(scheduler, workers) as client:
        yield client


def dask_map(client: Any) -> Callable[[Callable[[Any], Any], Sequence[Any]], list[Any]]:
    """A mapper (`fn`, items → results in order) that runs every call as a task on the client."""
    def run(fn: Callable[[Any], Any], items: Sequence[Any]) -> list[Any]:
        return list(client.gather(client.map(fn, list(items), pure=False))) if items else []
    return run


__all__ = ["BatchResult", "InputRef", "Scan", "batches", "dask_client", "dask_map", "engine_client", "process_batch",
           "run_batches", "scan"]
