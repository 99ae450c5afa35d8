"""The dataset card (README.md) and the Frictionless descriptor (datapackage.json) of a release."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from newsfacts.datasets.card import card, size_category
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


def test_card_opens_with_the_hub_metadata_block(built_release: Path) -> None:
    text = (built_release / "README.md").read_text(encoding="utf-8")
    assert text.startswith("---\n")
    meta = yaml.safe_load(text.split("---\n", 2)[1])
    manifest = read_manifest(built_release)
    assert [c["config_name"] for c in meta["configs"]] == list(TABLES)
    assert all(c["data_files"] == manifest["tables"][c["config_name"]]["file"] for c in meta["configs"])
    assert meta["language"] == ["en"] and meta["license"] == "other" and "news" in meta["tags"]
    assert meta["size_categories"] == [size_category(max(t["rows"] for t in manifest["tables"].values()))]


def test_size_categories() -> None:
    assert [size_category(n) for n in (0, 999, 1000, 99_999, 100_000, 5_000_000_000)] == [
        "n<1K", "n<1K", "1K<n<10K", "10K<n<100K", "100K<n<1M", "n>1B"]


# Run in a fresh interpreter outside the project: the project's own `datasets/` output folder would
# otherwise stand for the Hugging Face `datasets` package on the import path.
LOAD_WITH_DATASETS = """
import json, sys
try:
    import datasets
except ImportError:
    print(json.dumps(None)); sys.exit(0)
out = {}
for table in sys.argv[2:]:
    data = datasets.load_dataset(sys.argv[1], table, split="train")
    out[table] = {"rows": data.num_rows, "columns": data.column_names, "first": data[0] if data.num_rows else None}
print(json.dumps(out, default=str))
"""


def test_datasets_library_loads_each_table_by_name(built_release: Path, tmp_path: Path) -> None:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1", "HF_HOME": str(tmp_path / "hf"),
           "PYTHONPATH": ""}
    done = subprocess.run([sys.executable, "-c", LOAD_WITH_DATASETS, str(built_release), *TABLES], cwd=tmp_path,
                          env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    if loaded is None:
        pytest.skip("the Hugging Face datasets library is not installed (pip install -e '.[dev]')")
    manifest = read_manifest(built_release)
    for table in TABLES:
        assert loaded[table]["rows"] == manifest["tables"][table]["rows"]
        assert loaded[table]["columns"] == [s.name for s in column_specs(table)]
    meetings = table_rows(built_release, "meetings")
    assert loaded["meetings"]["first"]["meeting_id"] == meetings[0]["meeting_id"]
    assert loaded["meetings"]["first"]["participants"] == meetings[0]["participants"]
