"""The committed registry: golden files, the schema hash per version, and reading bad folders."""

from __future__ import annotations

from pathlib import Path

from newsfacts.schema.export import dumps, export, schema_hash, table_schema
from newsfacts.schema.models import TABLES
from newsfacts.schema.registry import changelog_entries, content_hash, load_registry, version_folders
from newsfacts.schema.version import SCHEMA_VERSION
from tests.schema.conftest import PUBLISHED

# One entry per schema version. When the models change, schema_hash() changes: bump SCHEMA_VERSION
# (see docs/schema-versions.md), run `newsfacts schema export`, and add the new version's hash here.
KNOWN_HASHES = {
    "1.0.0": "80e87204c8f8f3e04b0054dc0ccb8920afa88701fe4cb0bd467e3441bcca2a22",
    "1.1.0": "7a32b69e85b53ce075b3c8b64f00d362184bd5a70f3e78c2b4c14407f17987a7",
}


def test_registry_schema_hash_changes_only_with_the_version() -> None:
    assert SCHEMA_VERSION in KNOWN_HASHES, f"record the hash of schema {SCHEMA_VERSION} in KNOWN_HASHES"
    assert schema_hash() == KNOWN_HASHES[SCHEMA_VERSION], (
        f"the models changed but SCHEMA_VERSION is still {SCHEMA_VERSION}: bump it")


def test_registry_golden_files_are_byte_identical(tmp_path: Path) -> None:
    folder = PUBLISHED / SCHEMA_VERSION
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{t}.schema.json" for t in TABLES)
    for table in TABLES:
        assert (folder / f"{table}.schema.json").read_text(encoding="utf-8") == dumps(table_schema(table))
    for path in export(tmp_path):
        assert path.read_bytes() == (folder / path.name).read_bytes()


def test_registry_every_published_version_has_a_changelog_entry() -> None:
    versions = version_folders(PUBLISHED)
    assert SCHEMA_VERSION in versions
    entries = changelog_entries(PUBLISHED)
    assert set(versions) <= set(entries)
    assert entries[SCHEMA_VERSION] == schema_hash() == content_hash(load_registry(PUBLISHED).versions[
        SCHEMA_VERSION].schemas)


def test_registry_published_files_carry_version_titles_and_descriptions() -> None:
    registry = load_registry(PUBLISHED)
    assert registry.problems == []
    for published in registry.versions.values():
        for table, doc in published.schemas.items():
            assert doc["$id"] == f"urn:newsfacts:schema:{published.version}:{table}"
            assert doc["title"] and doc["description"].startswith(f"{table} — ")
            assert all(p.get("description") and p.get("title") for p in doc["properties"].values())


def test_registry_ignores_other_folders_and_reads_missing_root(tmp_path: Path) -> None:
    (tmp_path / "1.2.0").mkdir()
    (tmp_path / "1.10.0").mkdir()
    (tmp_path / "drafts").mkdir()
    (tmp_path / "2.0.0").write_text("a file, not a folder")
    assert version_folders(tmp_path) == ["1.2.0", "1.10.0"]
    assert load_registry(tmp_path / "missing").versions == {}
    assert changelog_entries(tmp_path) == {}


def test_registry_bad_files_become_problems(tmp_path: Path) -> None:
    export(tmp_path, "1.0.0")
    (tmp_path / "1.0.0" / "figures.schema.json").write_text('{"type": 7}')
    (tmp_path / "1.0.0" / "actors.schema.json").write_text("[]")
    registry = load_registry(tmp_path)
    assert [(p.code, p.table) for p in registry.problems] == [("schema-file", "actors"), ("schema-file", "figures")]
    assert "2020-12" in registry.problems[1].message
    assert sorted(registry.versions["1.0.0"].schemas) == sorted(set(TABLES) - {"actors", "figures"})
