"""`newsfacts query`: SQL over the five tables with DuckDB, as a table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsfacts.analytics.query import query
from newsfacts.cli import app
from newsfacts.errors import UsageError
from newsfacts.schema.models import TABLES

runner = CliRunner()
ACTOR_SQL = ("SELECT actor_id, count(DISTINCT article_id) AS articles, sum(mentions) AS mentions "
             "FROM actors GROUP BY actor_id ORDER BY articles DESC, actor_id")


def test_query_views_by_name(release: Path) -> None:
    result = query(release, "SELECT (SELECT count(*) FROM articles) a, (SELECT count(*) FROM actors) b, "
                            "(SELECT count(*) FROM meetings) c, (SELECT count(*) FROM statements) d, "
                            "(SELECT count(*) FROM figures) e")
    assert result.rows() == [{"a": 3, "b": 6, "c": 3, "d": 3, "e": 3}]


def test_query_actor_across_articles(release: Path) -> None:
    rows = query(release, ACTOR_SQL).rows()
    assert rows[:2] == [{"actor_id": "state:chn", "articles": 3, "mentions": 6},
                        {"actor_id": "person:wang-yi", "articles": 2, "mentions": 3}]


def test_query_who_met_whom(release: Path) -> None:
    sql = ("SELECT a.p AS one, b.p AS other, count(*) AS n FROM "
           "(SELECT meeting_id, unnest(participants) AS p FROM meetings) a JOIN "
           "(SELECT meeting_id, unnest(participants) AS p FROM meetings) b "
           "ON a.meeting_id = b.meeting_id AND a.p < b.p GROUP BY ALL ORDER BY n DESC")
    assert query(release, sql).rows() == [{"one": "person:wang-yi", "other": "state:qat", "n": 2}]


def test_query_csv_and_json(release: Path) -> None:
    result = query(release, "SELECT meeting_id, participants, date FROM meetings ORDER BY meeting_id")
    rows = list(csv.reader(io.StringIO(result.to_csv())))
    assert rows[0] == ["meeting_id", "participants", "date"]
    assert rows[1] == ["m1", '["person:wang-yi", "state:qat"]', "2024-03-17"]
    assert rows[3] == ["m3", '["state:chn"]', ""]
    data = json.loads(result.to_json())
    assert data[0] == {"meeting_id": "m1", "participants": ["person:wang-yi", "state:qat"], "date": "2024-03-17"}
    assert data[2]["date"] is None


def test_query_bad_sql(release: Path) -> None:
    with pytest.raises(UsageError, match="SQL error"):
        query(release, "SELECT * FROM nowhere")


def test_query_without_duckdb(release: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "duckdb", None)  # makes `import duckdb` fail as if not installed
    with pytest.raises(UsageError, match=r"newsfacts\[analytics\]"):
        query(release, "SELECT 1")
    result = runner.invoke(app, ["query", str(release), "SELECT 1"])
    assert result.exit_code == 2 and "analytics" in result.output


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_cli_query_formats(release: Path, fmt: str) -> None:
    result = runner.invoke(app, ["query", str(release), ACTOR_SQL, "--format", fmt])
    assert result.exit_code == 0, result.output
    assert "state:chn" in result.stdout
    if fmt == "json":
        assert json.loads(result.stdout)[0]["articles"] == 3
    if fmt == "csv":
        assert result.stdout.splitlines()[1] == "state:chn,3,6"


@pytest.mark.parametrize(("args", "code"), [(["SELECT * FROM nowhere"], 2), (["SELECT 1", "--format", "xml"], 2)])
def test_cli_query_usage_errors(release: Path, args: list[str], code: int) -> None:
    assert runner.invoke(app, ["query", str(release), *args]).exit_code == code


def test_cli_query_missing_release(tmp_path: Path) -> None:
    result = runner.invoke(app, ["query", str(tmp_path / "nope"), "SELECT 1"])
    assert result.exit_code == 2 and "nope" in result.output


def test_cli_query_changed_file(fresh_release: Path) -> None:
    path = fresh_release / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["tables"]["figures"]["sha256"] = "0" * 64
    path.write_text(json.dumps(manifest), encoding="utf-8")
    result = runner.invoke(app, ["query", str(fresh_release), "SELECT count(*) AS n FROM figures"])
    assert result.exit_code == 1 and "checksum-mismatch" in result.output
    result = runner.invoke(app, ["query", str(fresh_release), "SELECT count(*) AS n FROM figures",
                                 "--no-verify", "--format", "csv"])
    assert result.exit_code == 0 and result.stdout == "n\n3\n"


def test_query_older_minor_version_goes_through_upgrade(release: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    module = sys.modules["newsfacts.analytics.query"]
    upgraded: list[str] = []

    def read_arrow(info: Any, name: str) -> Any:
        upgraded.append(name)
        return real_read_arrow(info, name)

    real_read_arrow = module.read_arrow
    monkeypatch.setattr(module, "SCHEMA_VERSION", "1.99.0")
    monkeypatch.setattr(module, "read_arrow", read_arrow)
    assert query(release, ACTOR_SQL).rows()[0] == {"actor_id": "state:chn", "articles": 3, "mentions": 6}
    assert upgraded == list(TABLES)
