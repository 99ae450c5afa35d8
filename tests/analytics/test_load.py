"""`newsfacts.load`: types per backend, table selection, manifest checks."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import newsfacts
from newsfacts.datasets.load import ReleaseCheckError
from newsfacts.errors import InputNotFoundError, NewsfactsError, SchemaVersionError, UsageError
from newsfacts.schema.models import TABLES
from newsfacts.schema.types import arrow_schema, column_specs
from tests.analytics.conftest import A1, hand_tables, write_release


def test_load_pandas_types(release: Path) -> None:
    frames = newsfacts.load(release)
    assert list(frames) == list(TABLES)
    meetings = frames["meetings"]
    assert meetings["date"].tolist()[:2] == [dt.date(2024, 3, 17), dt.date(2024, 4, 1)]
    assert meetings["date"].dt.month.tolist()[:2] == [3, 4]
    assert meetings["participants"].tolist()[0] == ["person:wang-yi", "state:qat"]
    assert isinstance(meetings["participants"].iloc[0], list)
    assert list(meetings["mode"].cat.categories) == ["in_person", "phone", "video", "unknown"]
    assert pd.isna(meetings["date_precision"].iloc[2])
    assert frames["actors"]["mentions"].dtype == "int64"
    assert frames["figures"]["value"].dtype == "float64"


def test_load_polars_types(release: Path) -> None:
    figures = newsfacts.load(release, ["figures"], backend="polars")["figures"]
    assert isinstance(figures, pl.DataFrame)
    assert figures.schema["category"] == pl.Enum(column_specs("figures")[6].enum)
    meetings = newsfacts.load(release, "meetings", backend="polars")["meetings"]
    assert meetings.schema["date"] == pl.Date and meetings.schema["participants"] == pl.List(pl.String)


def test_load_arrow_is_file_schema(release: Path) -> None:
    frames = newsfacts.load(release, backend="arrow")
    for name, table in frames.items():
        assert isinstance(table, pa.Table)
        assert [f.name for f in table.schema] == [f.name for f in arrow_schema(name)]
    assert frames["figures"].num_rows == 3


def test_load_tables_in_release_order(release: Path) -> None:
    assert list(newsfacts.load(release, ["figures", "articles"])) == ["articles", "figures"]


@pytest.mark.parametrize(("kwargs", "needle"), [({"tables": ["people"]}, "people"),
                                                ({"backend": "spark"}, "spark")])
def test_load_usage_errors(release: Path, kwargs: dict[str, object], needle: str) -> None:
    with pytest.raises(UsageError, match=needle):
        newsfacts.load(release, **kwargs)  # type: ignore[arg-type]


def test_load_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError):
        newsfacts.load(tmp_path / "nope")


def test_load_bad_manifest_names_file(tmp_path: Path) -> None:
    (tmp_path / "manifest.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(NewsfactsError, match=r"manifest\.json"):
        newsfacts.load(tmp_path)
    (tmp_path / "manifest.json").unlink()
    with pytest.raises(NewsfactsError, match=r"manifest\.json"):
        newsfacts.load(tmp_path)


def test_load_checksum_mismatch(fresh_release: Path, tmp_path: Path) -> None:
    tables = hand_tables()
    tables["figures"] = tables["figures"][:1]
    other = write_release(tmp_path / "other", tables)
    (fresh_release / "figures.parquet").write_bytes((other / "figures.parquet").read_bytes())
    with pytest.raises(ReleaseCheckError) as info:
        newsfacts.load(fresh_release)
    assert [(p.code, p.table) for p in info.value.problems] == [("checksum-mismatch", "figures"),
                                                                ("row-count-mismatch", "figures")]
    assert "figures.parquet" in str(info.value)
    assert len(newsfacts.load(fresh_release, ["articles"])["articles"]) == 3
    assert len(newsfacts.load(fresh_release, verify=False)["figures"]) == 1


def test_load_missing_table_file(fresh_release: Path) -> None:
    (fresh_release / "actors.parquet").unlink()
    with pytest.raises(ReleaseCheckError) as info:
        newsfacts.load(fresh_release)
    assert [(p.code, p.table) for p in info.value.problems] == [("missing-table", "actors")]


def test_load_refuses_other_schema_major(fresh_release: Path) -> None:
    path = fresh_release / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["schema_version"] = "99.0.0"
    path.write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(SchemaVersionError, match=r"99\.0\.0"):
        newsfacts.load(fresh_release)


def test_load_cross_article_actor(release: Path) -> None:
    actors = newsfacts.load(release, ["actors"])["actors"]
    per_actor = actors.groupby("actor_id")["article_id"].nunique()
    assert per_actor["state:chn"] == 3 and A1 in set(actors["article_id"])


def test_load_polars_missing_names_extra(release: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "polars", None)  # makes `import polars` fail as if not installed
    with pytest.raises(UsageError, match=r"newsfacts\[analytics\]"):
        newsfacts.load(release, backend="polars")
    assert len(newsfacts.load(release, ["articles"])["articles"]) == 3
