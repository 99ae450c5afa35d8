"""`newsfacts schema check`: the models against the published versions, and the versions against
each other."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import Field

from newsfacts.schema.check import Compat, check
from newsfacts.schema.export import export, schema_hash
from newsfacts.schema.models import FigureRow, StatementRow
from newsfacts.schema.version import SCHEMA_VERSION
from tests.schema.conftest import PUBLISHED, Swap, variant

LATEST = SCHEMA_VERSION  # the latest published version is the models' version
NEXT_MINOR = "1.2.0"

ADDED = variant(FigureRow, fields={"confidence": (float | None, Field(None, description="Confidence."))})
REMOVED = variant(StatementRow, drop=("via",))


def codes(root: Path, policy: dict[str, Compat] | None = None) -> list[tuple[str, str | None, str | None]]:
    """(code, table, field) of every problem of a check."""
    return [(p.code, p.table, p.field) for p in check(root, policy=policy).report.problems]


def publish(root: Path, version: str) -> None:
    """Export the current models as `version` and give it a changelog entry."""
    export(root, version)
    with (root / "CHANGELOG.md").open("a", encoding="utf-8") as f:
        f.write(f"\n## {version}\n\nschema_hash: `{schema_hash(version)}`\n")


def test_check_committed_registry_is_clean() -> None:
    result = check(PUBLISHED)
    assert result.ok, result.report.problems
    assert (result.latest, result.changes, result.needed) == (LATEST, [], "none")


def test_check_change_without_bump_names_table_and_column(swap: Swap) -> None:
    swap("figures", ADDED)
    result = check(PUBLISHED)
    [found] = result.report.problems
    assert (found.code, found.table, found.field) == ("schema-unbumped", "figures", "confidence")
    assert "figures.confidence" in found.message and "minor" in found.message
    assert found.article == str(PUBLISHED / LATEST / "figures.schema.json")


def test_check_bump_too_small(swap: Swap, registry: Path) -> None:
    swap("statements", REMOVED, version=NEXT_MINOR)
    assert codes(registry) == [("schema-bump-too-small", "statements", "via"),
                               ("schema-not-published", None, None), ("schema-changelog", None, None)]


def test_check_minor_addition_then_published(swap: Swap, registry: Path) -> None:
    swap("figures", ADDED, version=NEXT_MINOR)
    assert [c for c, _, _ in codes(registry)] == ["schema-not-published", "schema-changelog"]
    publish(registry, NEXT_MINOR)
    result = check(registry)
    assert result.ok, result.report.problems
    assert result.published == ["1.0.0", "1.1.0", NEXT_MINOR]


def test_check_major_removal_published(swap: Swap, registry: Path) -> None:
    swap("statements", REMOVED, version="2.0.0")
    publish(registry, "2.0.0")
    assert codes(registry) == []


def test_check_published_versions_are_checked_in_pairs(swap: Swap, registry: Path) -> None:
    swap("statements", REMOVED, version=NEXT_MINOR)
    publish(registry, NEXT_MINOR)
    found = check(registry).report.problems
    assert [(p.code, p.table, p.field, p.article) for p in found] == [
        ("schema-bump-too-small", "statements", "via", str(registry / NEXT_MINOR))]


def test_check_frozen_table(swap: Swap, registry: Path) -> None:
    swap("figures", ADDED, version=NEXT_MINOR)
    publish(registry, NEXT_MINOR)
    frozen: dict[str, Compat] = {"figures": "freeze"}
    assert codes(registry, policy=frozen) == [("schema-frozen", "figures", "confidence")]
    assert codes(registry, policy={"statements": "freeze"}) == []


def test_check_version_older_than_published(swap: Swap, registry: Path) -> None:
    swap("figures", FigureRow, version="0.9.0")
    assert [c for c, _, _ in codes(registry)] == ["schema-version-order", "schema-changelog"]


def test_check_broken_and_stale_files(registry: Path) -> None:
    figures = registry / LATEST / "figures.schema.json"
    doc = json.loads(figures.read_text())
    figures.write_text(json.dumps(doc))
    assert codes(registry) == [("schema-file", "figures", None)]
    figures.write_text(json.dumps({**doc, "$id": "urn:newsfacts:schema:9.9.9:figures"}, indent=2))
    found = check(registry).report.problems
    assert found[0].code == "schema-file" and "$id" in found[0].message
    figures.write_text('{\n  "type": "object",\n')
    assert (found := check(registry).report.problems)[0].line == 3 and found[0].article == str(figures)


def test_check_changelog_entry_and_empty_registry(registry: Path, tmp_path: Path) -> None:
    (registry / "CHANGELOG.md").write_text("# Changes\n")
    found = check(registry).report.problems
    assert {p.code for p in found} == {"schema-changelog"} and len(found) == len(list(registry.glob("*.*.*")))
    assert any(f"schema_hash: {schema_hash()}" in p.message for p in found)
    assert [c for c, _, _ in codes(tmp_path / "nothing")] == ["schema-not-published", "schema-changelog"]


def test_check_published_version_changed_by_a_new_export(swap: Swap, registry: Path) -> None:
    swap("figures", variant(FigureRow, doc="figures — one row per number."))
    export(registry, LATEST)
    assert codes(registry) == [("schema-published-changed", None, None)]


def test_check_changelog_entry_without_hash(registry: Path) -> None:
    changelog = registry / "CHANGELOG.md"
    changelog.write_text(changelog.read_text().replace(f"schema_hash: `{schema_hash()}`", ""))
    [found] = check(registry).report.problems
    assert found.code == "schema-changelog" and schema_hash() in found.message
