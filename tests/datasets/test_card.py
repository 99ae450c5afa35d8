"""The dataset card (README.md) and the Frictionless descriptor (datapackage.json) of a release."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsfacts.datasets.card import card
from newsfacts.schema.models import PRIMARY_KEYS, TABLES
from newsfacts.schema.types import column_specs
from tests.datasets.conftest import read_manifest, rewrite_table, table_rows

HEADINGS = ["Summary", "Fields", "Source Data", "Annotations", "How to load", "Limitations", "License",
            "Citation"]


def test_card_has_the_datasets_headings_in_order(built_release: Path) -> None:
    text = (built_release / "README.md").read_text(encoding="utf-8")
    found = re.findall(r"^## (.+)$", text, flags=re.MULTILINE)
    assert [h for h in found if h in HEADINGS] == HEADINGS


def test_card_documents_every_column_and_count(built_release: Path) -> None:
    text = (built_release / "README.md").read_text(encoding="utf-8")
    manifest = read_manifest(built_release)
    for table in TABLES:
        assert f"### {table}" in text
        assert f"{manifest['tables'][table]['rows']} rows" in text
        for spec in column_specs(table):
            assert f"| `{spec.name}` |" in text
    for value in (manifest["schema_version"], manifest["release_version"], manifest["inputs"]["digest"]):
        assert value in text
    for tool in ("pd.read_parquet", "duckdb.sql", "pl.read_parquet"):
        assert tool in text


def test_card_is_a_function_of_the_manifest(built_release: Path) -> None:
    manifest = read_manifest(built_release)
    manifest.pop("files")
    assert card(manifest) == (built_release / "README.md").read_text(encoding="utf-8")
    assert str(built_release.parent) not in card(manifest)


def test_datapackage_describes_every_table(built_release: Path) -> None:
    package = json.loads((built_release / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in package["resources"]}
    assert list(resources) == list(TABLES)
    for table, res in resources.items():
        assert res["path"] == f"{table}.parquet"
        assert res["schema"]["primaryKey"] == list(PRIMARY_KEYS[table])
        assert [f["name"] for f in res["schema"]["fields"]] == [s.name for s in column_specs(table)]
    assert package["version"] == read_manifest(built_release)["release_version"]


def test_datapackage_frictionless_validate_accepts_it(built_release: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(built_release / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])


def test_datapackage_frictionless_finds_a_bad_value(release: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    rows = table_rows(release, "figures")
    rewrite_table(release, "figures", [{**rows[0], "category": "bogus"}, *rows[1:]])
    report = frictionless.validate(str(release / "datapackage.json"))
    assert not report.valid
    assert "constraint-error" in {e.type for task in report.tasks for e in task.errors}
