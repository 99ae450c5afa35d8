"""`newsfacts schema check`: the row models against the registry of published schemas.

The check fails when
- a published file is broken or not where its `$id` says;
- two consecutive published versions differ by more than their version bump allows;
- the models differ from the latest published version without a bump, or with a bump too small;
- the models' version is newer than the latest published one (not exported and committed yet)
  or older than it;
- a frozen table changed beyond its descriptions;
- `CHANGELOG.md` has no entry for a published version or the models' version, or a published
  version's files no longer have the `schema_hash` its entry records (published versions are
  immutable).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any, Literal

from newsfacts.errors import UsageError
from newsfacts.problems import Problem, Report, problem
from newsfacts.schema import version as version_module
from newsfacts.schema.diff import Bump, Change, allows, bump, diff_schemas, needed, parse_version
from newsfacts.schema.export import all_schemas, dumps
from newsfacts.schema.models import TABLES
from newsfacts.schema.registry import CHANGELOG, SUFFIX, Published, changelog_entries, content_hash, load_registry

Compat = Literal["evolve", "freeze"]
# How each table may change: "evolve" allows any change with a large enough version bump;
# "freeze" allows description changes only.
POLICY: dict[str, Compat] = {table: "evolve" for table in TABLES}


@dataclass
class CheckResult:
    """Outcome of a schema check: versions, the models' changes since the latest, the problems."""

    version: str
    latest: str | None
    published: list[str]
    changes: list[Change] = field(default_factory=list)
    report: Report = field(default_factory=Report)

    @property
    def ok(self) -> bool:
        """True when no problem was found."""
        return self.report.ok

    @property
    def needed(self) -> Bump:
        """The bump the models' changes since the latest published version need."""
        return needed(self.changes)

    def asdict(self) -> dict[str, Any]:
        """JSON-ready dict with stable keys."""
        return {"ok": self.ok, "version": self.version, "latest": self.latest,
                "published": self.published, "needed": self.needed,
                "changes": [c.to_dict() for c in self.changes], **self.report.to_dict()}

    def asstr(self) -> str:
        """One line for people."""
        state = "ok" if self.ok else f"{len(self.report.errors)} problem(s)"
        return (f"schema {self.version}: {state}; published: {', '.join(self.published) or 'none'}; "
                f"{len(self.changes)} change(s) since {self.latest or 'nothing'}")


def check(root: Path = Path("schema"), version: str | None = None,
          policy: dict[str, Compat] | None = None) -> CheckResult:
    """Check the models (at `version`, default SCHEMA_VERSION) against the registry under `root`."""
    version = version or version_module.SCHEMA_VERSION
    policy = POLICY if policy is None else policy
    registry = load_registry(root)
    latest = registry.latest
    result = CheckResult(version, latest.version if latest else None, list(registry.versions))
    report = result.report
    report.extend(registry.problems)
    for old, new in pairwise(registry.versions.values()):
        changes = diff_schemas(old.schemas, new.schemas)
        report.extend(bump_problems(changes, old.version, new.version, str(root / new.version)))
        report.extend(frozen_problems(changes, policy, str(root / new.version)))
    models = all_schemas(version)
    if latest is None:
        report.extend([problem("schema-not-published", article=str(root), version=version)])
    else:
        result.changes = diff_schemas(latest.schemas, models)
        report.extend(model_problems(root, version, latest, models, result.changes))
        report.extend(frozen_problems(result.changes, policy, "models"))
    report.extend(changelog_problems(root, registry.versions, version))
    return result


def model_problems(root: Path, version: str, latest: Published, models: dict[str, dict[str, Any]],
                   changes: list[Change]) -> list[Problem]:
    """Problems of the models against the latest published version."""
    if parse_version(version) < parse_version(latest.version):
        return [problem("schema-version-order", article="models", new=version, old=latest.version)]
    if version == latest.version:
        if changes:
            return [problem("schema-unbumped", article=_path(root, version, c.table), table=c.table,
                            field=c.column, detail=f"{c.where}: {c.detail}", version=version,
                            needed=f"a {c.level} bump") for c in changes]
        return [problem("schema-file", article=_path(root, version, t), table=t,
                        detail="differs from what `newsfacts schema export` writes; run it")
                for t, doc in models.items() if latest.texts.get(t) != dumps(doc)]
    found = bump_problems(changes, latest.version, version, "models")
    return [*found, problem("schema-not-published", article=str(root / version), version=version)]


def bump_problems(changes: list[Change], old: str, new: str, where: str) -> list[Problem]:
    """A `schema-bump-too-small` problem for each change that `old` → `new` does not allow."""
    actual = bump(old, new)
    if actual == "downgrade":
        return [problem("schema-version-order", article=where, new=new, old=old)]
    return [problem("schema-bump-too-small", article=where, table=c.table, field=c.column,
                    detail=f"{c.where}: {c.detail}", needed=c.level, old=old, new=new, actual=actual)
            for c in changes if not allows(actual, c.level)]


def frozen_problems(changes: list[Change], policy: dict[str, Compat], where: str) -> list[Problem]:
    """A `schema-frozen` problem for each change beyond descriptions in a frozen table."""
    return [problem("schema-frozen", article=where, table=c.table, field=c.column,
                    detail=f"{c.where}: {c.detail}")
            for c in changes if policy.get(c.table) == "freeze" and c.level != "patch"]


def changelog_problems(root: Path, published: dict[str, Published], version: str) -> list[Problem]:
    """Problems of CHANGELOG.md: an entry for every published version and the models' version, and
    for each published version the `schema_hash` of its files."""
    entries = changelog_entries(root)
    path = str(root / CHANGELOG)
    found: list[Problem] = []
    for name in dict.fromkeys([*published, version]):
        actual = content_hash(published[name].schemas) if name in published else None
        if name not in entries:
            line = f" with the line `schema_hash: {actual}`" if actual else ""
            found.append(problem("schema-changelog", article=path, detail=f"no `## {name}` entry{line}"))
            continue
        recorded = entries[name]
        if actual is None:
            continue
        if recorded is None:
            found.append(problem("schema-changelog", article=path,
                                 detail=f"the {name} entry has no line `schema_hash: {actual}`"))
        elif recorded != actual:
            found.append(problem("schema-published-changed", article=str(root / name), version=name,
                                 found=actual, recorded=recorded))
    return found


def _path(root: Path, version: str, table: str) -> str:
    """The file of a table's schema in a version folder."""
    return str(root / version / f"{table}{SUFFIX}")


MODELS = "models"


@dataclass
class DiffResult:
    """The changes between two schema versions, with the bump they need and the bump made."""

    old: str
    new: str
    changes: list[Change]
    problems: list[Problem] = field(default_factory=list)

    @property
    def needed(self) -> Bump:
        """The smallest bump that allows every change."""
        return needed(self.changes)

    @property
    def bump(self) -> Bump:
        """The bump from `old` to `new`."""
        return bump(self.old, self.new)

    def asdict(self) -> dict[str, Any]:
        """JSON-ready dict with stable keys."""
        return {"old": self.old, "new": self.new, "needed": self.needed, "bump": self.bump,
                "allowed": allows(self.bump, self.needed), "changes": [c.to_dict() for c in self.changes],
                "problems": [p.to_dict() for p in self.problems]}

    def asstr(self) -> str:
        """One line for people."""
        verdict = "enough" if allows(self.bump, self.needed) else "too small"
        return (f"{self.old} → {self.new}: {len(self.changes)} change(s), needs {self.needed}; "
                f"the bump is {self.bump} ({verdict})")


def diff_versions(old: str, new: str, root: Path = Path("schema")) -> DiffResult:
    """Changes from published version `old` to `new`; either may be `models` (the row models).

    Raises `UsageError` for a version that is not published under `root`.
    """
    registry = load_registry(root)
    sides = [_side(registry.versions, name, root) for name in (old, new)]
    where = {str(root / v) for v, _ in sides}
    problems = [p for p in registry.problems if p.article and str(Path(p.article).parent) in where]
    return DiffResult(sides[0][0], sides[1][0], diff_schemas(sides[0][1], sides[1][1]), problems)


def _side(published: dict[str, Published], name: str, root: Path) -> tuple[str, dict[str, Any]]:
    """(version, schemas) of a published version or of the models."""
    if name == MODELS:
        return version_module.SCHEMA_VERSION, all_schemas(version_module.SCHEMA_VERSION)
    if name not in published:
        known = ", ".join([*published, MODELS])
        raise UsageError(f"no published schema {name!r} under {root} (known: {known})")
    return name, published[name].schemas
