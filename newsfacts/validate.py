"""`validate()`: check new or changed articles the way the release would, plus review checks.

For each article: ingestion checks (encoding, front matter against its JSON Schema, body, language),
duplicates against a corpus (bodies hashed only, nothing extracted) and within the run, review
checks (`validators/checks.py`), then its tables are built and validated by the release's own
`engine.process_batch` (same builders, pandera models, JSON Schemas and integrity checks), and its
sidecar expectations (`validators/expectations.py`) are checked against the rows.
Heavy modules (pandas, pandera, the builders) are imported only when an article gets built.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from newsfacts.articles import DEFAULT_MAX_BYTES, SUFFIXES, Article, Rejected, iter_files, read_file
from newsfacts.errors import InputNotFoundError, UsageError
from newsfacts.problems import DROP_CODES, Problem
from newsfacts.validators.checks import (
    CorpusIndex,
    Fingerprint,
    check_article,
    check_rows,
    fingerprints,
    first_body_line,
    key_lines,
    split_text,
)
from newsfacts.validators.expectations import SUFFIX, check_expectations, load_expectations, sidecar_path

FORMAT_VERSION = 1
BATCH = 256
DEFAULT_MAX_ROWS = 5_000


@dataclass
class ArticleResult:
    """The verdict on one input: its rows per table and every problem found."""

    file: str
    line: int | None = None
    article_id: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    expectations: str | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no problem is an error."""
        return not any(p.severity == "error" for p in self.problems)

    @property
    def name(self) -> str:
        """`file` or `file#line` (one article of a JSONL file)."""
        return f"{self.file}#{self.line}" if self.line else self.file

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with stable keys."""
        return {"file": self.file, "line": self.line, "article_id": self.article_id,
                "status": "pass" if self.ok else "fail", "counts": self.counts,
                "expectations": self.expectations, "problems": [p.to_dict() for p in self.problems]}


@dataclass
class ValidationResult:
    """Outcome of `validate()`: one `ArticleResult` per input, in input order."""

    articles: list[ArticleResult] = field(default_factory=list)
    strict: bool = False
    changed_since: str | None = None
    corpus: str | None = None

    @property
    def problems(self) -> list[Problem]:
        """Every problem of every article."""
        return [p for a in self.articles for p in a.problems]

    @property
    def ok(self) -> bool:
        """True when every article passed."""
        return all(a.ok for a in self.articles)

    def summary(self) -> dict[str, int]:
        """Counts of articles passed and failed, errors and warnings."""
        problems = self.problems
        failed = sum(not a.ok for a in self.articles)
        return {"articles": len(self.articles), "passed": len(self.articles) - failed, "failed": failed,
                "errors": sum(p.severity == "error" for p in problems),
                "warnings": sum(p.severity == "warning" for p in problems)}

    def to_dict(self) -> dict[str, Any]:
        """The JSON report (keys documented in docs/validate.md)."""
        return {"format_version": FORMAT_VERSION, "ok": self.ok, "strict": self.strict,
                "changed_since": self.changed_since, "corpus": self.corpus, "summary": self.summary(),
                "articles": [a.to_dict() for a in self.articles]}


@dataclass
class _Accepted:
    """An article that passed ingestion and is waiting to be built."""

    result: ArticleResult
    article: Article
    path: Path
    body_line: int


def validate(paths: Sequence[Path | str] = (), *, corpus: Path | str | None = "seeds", strict: bool = False,
             changed_since: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
             max_rows: int = DEFAULT_MAX_ROWS) -> ValidationResult:
    """Validate article files or folders (default: the corpus folder).

    `corpus` is the folder whose articles (other than those validated) count as already
    published for the duplicate checks; None skips them. `changed_since` keeps only articles
    added or modified since that git ref (a changed sidecar selects its article). `strict` turns
    every warning into an error. Raises `InputNotFoundError` for a missing path and `UsageError`
    for a missing corpus, a git failure or nothing to validate.
    """
    corpus_dir = Path(corpus) if corpus is not None else None
    if corpus_dir is not None and not corpus_dir.is_dir():
        raise UsageError(f"corpus folder not found: {corpus_dir} (give --corpus DIR)")
    roots = [Path(p) for p in paths] or ([corpus_dir] if corpus_dir is not None else [])
    if not roots:
        raise UsageError("nothing to validate: give article files or folders, or a corpus")
    files, orphans = select_files(roots, changed_since)
    result = ValidationResult(strict=strict, changed_since=changed_since,
                              corpus=display(corpus_dir) if corpus_dir is not None else None)
    index = CorpusIndex()
    if corpus_dir is not None:
        taken = {p.resolve() for p in files}
        for path, _ in iter_files([corpus_dir]):
            if path.resolve() not in taken:
                for fp in fingerprints(path, display(path)):
                    index.add(fp)
    accepted: list[_Accepted] = []
    for path in files:
        for item in _first_pass(path, index, max_bytes):
            result.articles.append(item.result if isinstance(item, _Accepted) else item)
            if isinstance(item, _Accepted):
                accepted.append(item)
    for start in range(0, len(accepted), BATCH):
        _build(accepted[start:start + BATCH], max_bytes, max_rows)
    result.articles += [_orphan(p) for p in orphans]
    if strict:
        for item in result.articles:
            item.problems = [replace(p, severity="error") for p in item.problems]
    return result


def display(path: Path) -> str:
    """A path as shown in reports: relative to the working folder when inside it, with `/`."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def select_files(roots: Sequence[Path], changed_since: str | None) -> tuple[list[Path], list[Path]]:
    """(article files, sidecars without an article) under the roots, in input order.

    A sidecar given as a root stands for its article; with `changed_since`, only files changed
    since that ref (or whose sidecar changed) are kept.
    """
    for root in roots:
        if not root.exists():
            raise InputNotFoundError(root)
    files: list[Path] = []
    sidecars: list[Path] = []
    for root in roots:
        if root.is_dir():
            sidecars += sorted(p for p in root.rglob("*" + SUFFIX)
                               if not any(part.startswith(".") for part in p.relative_to(root).parts))
            files += [path for path, _ in iter_files([root])]
        elif root.name.endswith(SUFFIX):
            sidecars.append(root)
            article = _article_of(root)
            files += [article] if article is not None else []
        else:
            files.append(root)
    orphans = [car for car in sidecars if _article_of(car) is None]
    if changed_since is not None:
        changed = changed_files(changed_since, roots)
        files = [f for f in files if f.resolve() in changed or sidecar_path(f).resolve() in changed]
        orphans = [o for o in orphans if o.resolve() in changed]
    return _unique(files), orphans


def _article_of(car: Path) -> Path | None:
    """The article file a sidecar belongs to, if it exists."""
    stem = car.name[: -len(SUFFIX)]
    return next((car.with_name(stem + s) for s in (".md", ".txt") if car.with_name(stem + s).is_file()), None)


def _unique(paths: Iterable[Path]) -> list[Path]:
    """Paths without repeats (same file given twice), first occurrence kept."""
    seen: set[Path] = set()
    out = []
    for p in paths:
        if p.resolve() not in seen:
            seen.add(p.resolve())
            out.append(p)
    return out


def changed_files(ref: str, roots: Sequence[Path]) -> set[Path]:
    """Files under the roots added, copied, modified or renamed since `ref` (from the merge base of
    `ref` and HEAD), plus untracked files. Raises `UsageError` outside a git work tree or for an
    unknown ref."""
    top = Path(_git(["rev-parse", "--show-toplevel"], "not inside a git work tree: --changed-since needs git").strip())
    _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], f"unknown git ref {ref!r}")
    try:
        base = _git(["merge-base", ref, "HEAD"], "").strip()
    except UsageError:  # no common history (e.g. a shallow clone): compare with the ref itself
        base = ref
    specs = ["--", *(str(r) for r in roots)]
    diff = _git(["diff", "--name-only", "-z", "--no-renames", "--diff-filter=ACMR", base, *specs],
                f"git diff against {ref!r} failed")
    new = _git(["ls-files", "-z", "--full-name", "--others", "--exclude-standard", *specs],
               "git ls-files failed")
    return {(top / name).resolve() for name in (diff + new).split("\0") if name}


def _git(args: list[str], message: str) -> str:
    """Output of a git command; a `UsageError` with `message` (and git's own words) when it fails."""
    try:
        done = subprocess.run(["git", *args], capture_output=True, text=True, check=False)
    except OSError as e:
        raise UsageError(f"cannot run git: {e.strerror or e}") from None
    if done.returncode != 0:
        said = done.stderr.strip().splitlines()
        raise UsageError(message + (f" ({said[-1]})" if said else ""))
    return done.stdout


def _first_pass(path: Path, index: CorpusIndex, max_bytes: int) -> Iterable[ArticleResult | _Accepted]:
    """Read one file: rejections, duplicates and review warnings; articles to build come back accepted."""
    shown = display(path)
    block, body_text, body_line = "", "", 1
    if path.suffix != ".jsonl":  # JSONL articles are located by their line number
        with contextlib.suppress(OSError, UnicodeDecodeError):  # read_file reports them
            block, body_text, body_line = split_text(path.read_bytes().decode("utf-8"), path.suffix)
    keys = key_lines(block)
    for loaded in read_file(path, shown, max_bytes):
        if isinstance(loaded, Rejected):
            line = int(loaded.source_path.rsplit("#", 1)[1]) if path.suffix == ".jsonl" else None
            yield ArticleResult(shown, line, problems=list(loaded.problems))
            continue
        fp = Fingerprint.of(loaded, loaded.source_path)
        item = ArticleResult(shown, loaded.line, loaded.article_id, problems=index.check(loaded, fp, keys))
        duplicate = fp.article_id in index.by_id
        index.add(fp)
        item.problems += list(loaded.warnings) + check_article(loaded, keys)
        if duplicate:
            yield item
        else:
            yield _Accepted(item, loaded, path, first_body_line(body_text, body_line) if not loaded.line else 0)


def _build(batch: Sequence[_Accepted], max_bytes: int, max_rows: int) -> None:
    """Build and validate a batch with the release's `process_batch`; attach rows, problems and
    expectations to each article."""
    from newsfacts.engine import InputRef, process_batch
    from newsfacts.schema.models import PRIMARY_KEYS

    refs = [InputRef(a.article.article_id, str(a.path), a.article.source_path, a.result.file,
                     a.article.line, a.article.offset) for a in batch]
    out = process_batch(refs, max_bytes, max_rows)
    by_id = {a.article.article_id: a for a in batch}
    by_source = {a.article.source_path: a for a in batch}
    rows: dict[str, dict[str, list[dict[str, Any]]]] = {aid: {t: [] for t in out.tables} for aid in by_id}
    keys: dict[tuple[str, str], tuple[str, int | None]] = {}
    for table, items in out.tables.items():
        for row in items:
            rows[row["article_id"]][table].append(row)
            key = "/".join(str(row.get(k)) for k in PRIMARY_KEYS[table])
            keys[(table, key)] = (row["article_id"], row.get("char_start"))
    for source_path, problems in out.rejected:
        for p in problems:
            _attach(_as_error(p), [by_source[source_path]], keys, by_id)
    built = {a.article.article_id for a in batch} - {by_source[s].article.article_id for s, _ in out.rejected}
    for p in out.problems:
        _attach(_as_error(p), batch, keys, by_id)
    for aid in sorted(built):
        _finish(by_id[aid], rows[aid], keys, by_id)


def _as_error(p: Problem) -> Problem:
    """What the release drops to save the rest (a row, a table, a reference) fails the article here."""
    return replace(p, severity="error") if p.code in DROP_CODES else p


def _attach(p: Problem, batch: Sequence[_Accepted], keys: dict[tuple[str, str], tuple[str, int | None]],
            by_id: dict[str, _Accepted]) -> None:
    """Give a problem of the batch to its article, with the file line of its row when known."""
    if p.table and p.row_key and (p.table, p.row_key) in keys:
        aid, start = keys[(p.table, p.row_key)]
        owner = by_id[aid]
        owner.result.problems.append(replace(p, line=p.line or _row_line(owner, start)))
        return
    owner = next((a for a in batch if a.result.file == p.article and (p.line is None or a.article.line == p.line)),
                 batch[0])
    if p.line is None and p.evidence and p.table:  # a dropped row: placed by its evidence text
        start = owner.article.body.find(p.evidence)
        p = replace(p, line=_row_line(owner, start) if start >= 0 else None)
    owner.result.problems.append(p)


def _finish(item: _Accepted, tables: dict[str, list[dict[str, Any]]],
            keys: dict[tuple[str, str], tuple[str, int | None]], by_id: dict[str, _Accepted]) -> None:
    """Counts, row warnings and sidecar expectations of one built article."""
    item.result.counts = {t: len(r) for t, r in tables.items() if t != "articles"}
    for p in check_rows(item.article, tables):
        _attach(p, [item], keys, by_id)
    car = sidecar_path(item.path)
    if item.article.line is None and item.path.suffix in SUFFIXES and car.is_file():
        item.result.expectations = display(car)
        exp = load_expectations(car, item.result.expectations)
        item.result.problems += exp.problems or check_expectations(exp, tables)


def _row_line(item: _Accepted, start: int | None) -> int | None:
    """Line in the file of a character offset of the normalized body."""
    if item.article.line is not None:
        return item.article.line
    if not isinstance(start, int) or item.body_line == 0:
        return None
    return item.body_line + item.article.body[:start].count("\n")


def _orphan(car: Path) -> ArticleResult:
    """A sidecar whose article is missing: its expectations would silently never run."""
    from newsfacts.problems import problem

    shown = display(car)
    stem = car.name[: -len(SUFFIX)]
    return ArticleResult(shown, expectations=shown, problems=[problem(
        "expect-invalid", article=shown, line=1, detail=f"no article {stem}.md or {stem}.txt next to this file")])
