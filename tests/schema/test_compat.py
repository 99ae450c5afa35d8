"""Reading releases of other schema versions: another major is refused, older minors are upgraded."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from pydantic import Field

import newsfacts
from newsfacts.errors import SchemaVersionError
from newsfacts.schema.columns import columns
from newsfacts.schema.compat import (
    ReleaseSchemaError,
    check_manifest,
    check_readable,
    read_release,
    read_table,
    upgrade_table,
)
from newsfacts.schema.models import TABLES, FigureRow
from newsfacts.schema.types import arrow_schema
from newsfacts.schema.version import SCHEMA_VERSION
from tests.schema.conftest import Swap, variant

ARTICLE = ("---\ntitle: Talks in Doha\npublisher: Test Wire\npublished_at: 2024-03-19\nlanguage: en\n---\n"
           "Qatar hosted talks on Sunday, the ministry said. More than 1,200 people were killed and "
           "some 250 were taken hostage, according to Israel.\n")
CONFIDENCE = variant(FigureRow, fields={"confidence": (float | None, Field(None, description="Confidence."))})


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A release written with the current models (schema 1.1.0)."""
    root = tmp_path_factory.mktemp("compat")
    (root / "in").mkdir()
    (root / "in" / "doha.md").write_text(ARTICLE, encoding="utf-8")
    result = newsfacts.build([root / "in"], root / "release", workers=1)
    assert result.ok, result.report.problems
    return root / "release"


def test_compat_check_readable() -> None:
    for version in ("1.0.0", "1.0.7", "1.4.0"):
        check_readable(version)
    for version in ("2.0.0", "0.9.0", "one", ""):
        with pytest.raises(SchemaVersionError, match=r"reads 1\.x") as caught:
            check_readable(version, where="x/manifest.json")
        assert caught.value.where == "x/manifest.json" and caught.value.supported == "1.x"


def test_compat_release_says_its_schema_version(release: Path) -> None:
    manifest = json.loads((release / "manifest.json").read_text())
    assert check_manifest(manifest, "manifest.json") == SCHEMA_VERSION
    for table in TABLES:
        meta = pq.read_schema(release / f"{table}.parquet").metadata
        assert (meta[b"newsfacts.table"], meta[b"newsfacts.schema_version"]) == (table.encode(),
                                                                                SCHEMA_VERSION.encode())


def test_compat_release_1_1_0_read_after_a_1_2_0_addition(release: Path, swap: Swap) -> None:
    before = pq.read_table(release / "figures.parquet")
    assert before.num_rows > 0
    swap("figures", CONFIDENCE, version="1.2.0")
    tables = read_release(release)
    figures = tables["figures"]
    assert figures.column_names == list(columns("figures")) and "confidence" in figures.column_names
    assert figures.column("confidence").to_pylist() == [None] * before.num_rows
    assert figures.column("value").to_pylist() == before.column("value").to_pylist()
    assert figures.schema.metadata[b"newsfacts.schema_version"] == b"1.2.0"
    assert figures.schema.metadata[b"newsfacts.read_from_schema_version"] == b"1.1.0"
    assert tables["actors"].equals(pq.read_table(release / "actors.parquet").cast(arrow_schema("actors")))


def test_compat_release_of_another_major_is_refused(release: Path, swap: Swap) -> None:
    swap("figures", FigureRow, version="2.0.0")
    with pytest.raises(SchemaVersionError, match=r"manifest\.json: schema version 1\.1\.0 is not supported"):
        read_release(release)
    with pytest.raises(SchemaVersionError, match=r"figures\.parquet: schema version 1\.1\.0"):
        read_table(release / "figures.parquet")


def test_compat_newer_minor_drops_unknown_columns(tmp_path: Path) -> None:
    empty = arrow_schema("figures").empty_table()
    wider = empty.append_column("confidence", pa.array([], pa.float64()))
    upgraded = upgrade_table("figures", wider, "1.3.0")
    assert upgraded.column_names == list(columns("figures"))


def test_compat_missing_required_column_and_bad_types() -> None:
    table = arrow_schema("figures").empty_table()
    with pytest.raises(ReleaseSchemaError, match=r"figures\.unit is missing"):
        upgrade_table("figures", table.drop_columns(["unit"]), "1.0.0")
    broken = table.set_column(table.schema.get_field_index("value"), "value", pa.array([], pa.list_(pa.int64())))
    with pytest.raises(ReleaseSchemaError, match=r"figures\.value of type list<item: int64>"):
        upgrade_table("figures", broken, "1.0.0")
    large = table.set_column(table.schema.get_field_index("unit"), "unit", pa.array([], pa.large_string()))
    assert upgrade_table("figures", large, "1.0.0").schema.field("unit").type == pa.string()


def test_compat_table_as_a_folder_of_parts(release: Path, tmp_path: Path) -> None:
    whole = pq.read_table(release / "figures.parquet")
    (tmp_path / "figures").mkdir()
    pq.write_table(whole.slice(0, 1), tmp_path / "figures" / "part-0.parquet")
    pq.write_table(whole.slice(1), tmp_path / "figures" / "part-1.parquet")
    assert read_table(tmp_path / "figures").to_pylist() == whole.to_pylist()


def test_compat_file_without_version_metadata(tmp_path: Path) -> None:
    path = tmp_path / "figures.parquet"
    pq.write_table(arrow_schema("figures").empty_table(), path)
    with pytest.raises(SchemaVersionError, match=r"no newsfacts\.table"):
        read_table(path)
    (tmp_path / "parts").mkdir()
    with pytest.raises(SchemaVersionError, match="no Parquet files"):
        read_table(tmp_path / "parts")
