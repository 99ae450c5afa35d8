"""Data problems as values: one `Problem` record, one code table, one `Report`.

Nothing under `builders/`, `validators/` or `datasets/` prints or raises for bad input data;
they return `Problem`s, and only `cli.py` renders them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning"]
Category = Literal["input", "schema", "data", "integrity", "release"]


@dataclass(frozen=True)
class Code:
    """One entry of the code table: a stable kebab-case code and how to render it."""

    code: str
    title: str
    category: Category
    severity: Severity
    template: str


_CODES: tuple[Code, ...] = (
    # input: reading an article
    Code("input-not-found", "Input not found", "input", "error", "no such file or folder: {path}"),
    Code("article-encoding", "Invalid encoding", "input", "error", "not valid UTF-8: {detail}"),
    Code("article-front-matter", "Broken front matter", "input", "error", "front matter: {detail}"),
    Code("article-metadata", "Invalid metadata", "input", "error", "metadata field {field}: {detail}"),
    Code("article-json", "Invalid JSON line", "input", "error", "invalid JSON: {detail}"),
    Code("article-empty", "Empty body", "input", "error", "the article body is empty"),
    Code("article-too-large", "Article too large", "input", "error",
         "article is {size} bytes, over the limit of {limit} bytes"),
    Code("article-language", "Unsupported language", "input", "error",
         "language {detail!r} is not supported (only 'en')"),
    Code("article-duplicate", "Duplicate article", "input", "error",
         "same body (article_id {detail}) as an article read before"),
    Code("article-changed", "Article changed during the build", "input", "error",
         "the file changed between the first pass and extraction"),
    Code("article-missing-date", "No publication date", "input", "warning",
         "no published_at: relative dates cannot be resolved"),
    # input: `newsfacts validate` article checks and sidecar expectations (issue 7)
    Code("article-missing-key", "Metadata key missing", "input", "warning", "front matter has no {field}"),
    Code("article-language-body", "Body not in English", "input", "warning",
         "the body does not look like English: {detail}"),
    Code("article-duplicate-url", "Same URL as another article", "input", "error",
         "same URL as {detail}"),
    Code("article-duplicate-title", "Same title as another article", "input", "warning",
         "same title as {detail}"),
    Code("article-no-figures", "No figures", "data", "warning", "no figures were found in the article"),
    Code("statement-no-speaker", "Statement without speaker", "data", "warning",
         "the speaker is not an actor of the article ({detail})"),
    Code("expect-invalid", "Invalid expectations file", "input", "error", "expectations: {detail}"),
    Code("expect-missing-row", "Expected row not found", "data", "error", "no {what} row matches {detail}"),
    Code("expect-count", "Too few rows", "data", "error",
         "expected at least {limit} {what} rows, found {found}"),
    # schema: a row against the JSON Schema / pandera model of its table
    Code("schema-row", "Row does not match its JSON Schema", "schema", "error", "{detail}"),
    Code("schema-column", "Column check failed", "schema", "error", "check {check} failed: {detail}"),
    # schema: the registry of published schemas (`newsfacts schema check`)
    Code("schema-file", "Invalid published schema file", "schema", "error", "{detail}"),
    Code("schema-unbumped", "Schema changed without a version bump", "schema", "error",
         "{detail}: the models differ from schema/{version} without a version bump (needs {needed})"),
    Code("schema-bump-too-small", "Version bump too small", "schema", "error",
         "{detail} needs a {needed} bump, but {old} → {new} is a {actual} bump"),
    Code("schema-version-order", "Schema version went back", "schema", "error",
         "schema version {new} is older than the published {old}"),
    Code("schema-not-published", "Schema version not published", "schema", "error",
         "schema/{version} is not published: run `newsfacts schema export` and commit it"),
    Code("schema-frozen", "Frozen table changed", "schema", "error",
         "{detail}: the table is frozen, only description changes are allowed"),
    Code("schema-changelog", "Changelog entry missing or incomplete", "schema", "error", "{detail}"),
    Code("schema-published-changed", "Published schema changed", "schema", "error",
         "schema {version} changed after it was published: its hash is {found}, the changelog records "
         "{recorded}; restore it and publish the change as a new version"),
    # data: rows that are well-typed but wrong
    Code("span-outside-body", "Span outside the body", "data", "error",
         "span [{start}, {end}) is outside the body of {n_chars} characters"),
    Code("span-evidence-mismatch", "Evidence differs from the body", "data", "error",
         "body[{start}:{end}] is not the row's evidence text"),
    Code("duplicate-key", "Duplicate primary key", "data", "error", "primary key {detail} occurs twice"),
    Code("too-many-rows", "Too many rows", "data", "warning",
         "{detail} rows, over the per-article limit of {limit}; the rest were dropped"),
    # data: what the build drops to keep one rule's bug from costing more than its rows (issue 20)
    Code("builder-failed", "Builder failed", "data", "warning",
         "builder {detail} raised an exception; this article has no {table} rows"),
    Code("row-invalid", "Invalid row dropped", "data", "warning",
         "row of rule {rule} dropped: {detail}"),
    # integrity: references between tables
    Code("fk-article-missing", "Article missing", "integrity", "error",
         "article_id {detail} is not in articles"),
    Code("fk-actor-missing", "Actor missing", "integrity", "error",
         "actor {detail} is not an actor of the same article"),
    Code("fk-member-missing", "Member row missing", "integrity", "error",
         "{field} lists {detail}, which is not a row of {target}"),
    Code("fk-entity-missing", "Entity missing", "integrity", "error",
         "{field} names entity {detail}, which is not in entities"),
    Code("reference-nulled", "Reference to a dropped actor removed", "integrity", "warning",
         "{field} {detail} removed: that actor row was dropped (the text is kept)"),
    Code("meeting-too-few-parties", "Meeting dropped with its party", "integrity", "warning",
         "meeting dropped: {found} party left after actor {detail} was dropped"),
    # release
    Code("release-exists", "Release exists", "release", "error",
         "{path} exists and is not empty; use --overwrite"),
    Code("release-write", "Release could not be written", "release", "error", "{detail}"),
    Code("missing-table", "Table file missing", "release", "error",
         "{path} is listed in manifest.json but missing"),
    Code("checksum-mismatch", "Checksum mismatch", "release", "error",
         "sha256 of {path} differs from manifest.json"),
    # release: `newsfacts verify` (issue 9)
    Code("unexpected-table", "Unexpected table", "release", "error",
         "{path} is in the release folder but not in manifest.json"),
    Code("row-count-mismatch", "Row count mismatch", "release", "error",
         "{path} has {found} rows, manifest.json says {expected}"),
    Code("missing-file", "File missing", "release", "error", "{path} is listed in manifest.json but missing"),
    Code("unexpected-file", "Unexpected file", "release", "error",
         "{path} is in the release folder but not in manifest.json"),
    Code("table-unreadable", "Table unreadable", "release", "error", "not a readable Parquet file: {detail}"),
    Code("manifest-invalid", "Manifest missing or invalid", "release", "error", "manifest.json: {detail}"),
    Code("schema-version-unknown", "Schema version unknown", "release", "error",
         "schema version {version} is neither published under schema/ nor this package's ({supported})"),
    Code("schema-version-older", "Release of another schema version", "release", "warning",
         "schema version {version}: checked with its published JSON Schemas and keys only "
         "(pandera checks are those of {supported})"),
    Code("problem-limit", "Problem limit reached", "release", "warning",
         "reached problem limit: {limit}; later checks were skipped"),
)
CODES: dict[str, Code] = {c.code: c for c in _CODES}
DROP_CODES = frozenset({"builder-failed", "row-invalid", "reference-nulled", "meeting-too-few-parties"})
"""What a build drops from an article it keeps (a table, a row, a reference): warnings of a build,
errors of `newsfacts validate`."""


@dataclass(frozen=True)
class Problem:
    """Something wrong with an input or a row, located as precisely as we can."""

    code: str
    severity: Severity
    message: str
    article: str | None = None
    table: str | None = None
    row_key: str | None = None
    field: str | None = None
    line: int | None = None
    evidence: str | None = None
    rule_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable keys (for JSON reports)."""
        return asdict(self)

    def location(self) -> str:
        """`file:line` (or just the file) for people and CI annotations."""
        where = self.article or "-"
        return f"{where}:{self.line}" if self.line else where


def problem(code: str, *, article: str | None = None, table: str | None = None,
            row_key: str | None = None, field: str | None = None, line: int | None = None,
            evidence: str | None = None, rule_id: str | None = None, severity: Severity | None = None,
            **values: Any) -> Problem:
    """Make a `Problem` from the code table, rendering its message template with `values`."""
    spec = CODES[code]
    params = {"field": field, "table": table, "rule": rule_id, "detail": "", **values}
    message = spec.template.format(**params)
    return Problem(code=code, severity=severity or spec.severity, message=message, article=article,
                   table=table, row_key=row_key, field=field, line=line, evidence=evidence, rule_id=rule_id)


@dataclass
class Report:
    """Problems collected by a build or a validation run."""

    problems: list[Problem] = field(default_factory=list)

    def extend(self, items: Iterable[Problem]) -> None:
        """Add problems."""
        self.problems.extend(items)

    @property
    def errors(self) -> list[Problem]:
        """Problems of severity error."""
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        """Problems of severity warning."""
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        """True when there is no error."""
        return not self.errors

    def flatten(self, keys: Sequence[str] = ("article", "table", "field", "code")) -> list[list[Any]]:
        """Rows of the chosen attributes, for tests and quick looks."""
        return [[getattr(p, k) for k in keys] for p in self.problems]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with stable keys."""
        return {"ok": self.ok, "errors": len(self.errors), "warnings": len(self.warnings),
                "problems": [p.to_dict() for p in self.problems]}
