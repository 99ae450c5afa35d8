"""`newsfacts build` and `extract` as a user runs them: files written, exit codes, the report."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from newsfacts.cli import app
from tests.conftest import ROOT

runner = CliRunner()
GOOD = ("---\ntitle: Talks in Doha\npublisher: Test Wire\npublished_at: 2024-03-19\nlanguage: en\n---\n"
        "Qatar hosted talks on Sunday, the ministry said.\n")
ARTICLE_TABLES = ("articles", "actors", "meetings", "statements", "figures")
TABLES = (*ARTICLE_TABLES, "entities", "meeting_events", "quotes")


def test_cli_build_seeds_writes_every_table(tmp_path: Path) -> None:
    out = tmp_path / "release"
    result = runner.invoke(app, ["build", str(ROOT / "seeds"), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    for table in TABLES:
        meta = pq.read_schema(out / f"{table}.parquet").metadata
        assert meta[b"newsfacts.table"] == table.encode()
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["schema_version"] == "1.1.0"
    assert manifest["tables"]["articles"]["rows"] == len(list((ROOT / "seeds").glob("*.md")))
    assert str(tmp_path) not in (out / "manifest.json").read_text() + (out / "report.json").read_text()


def test_cli_build_good_and_broken_article(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "good.md").write_text(GOOD)
    (corpus / "broken.md").write_text("---\ntitle: [oops\n---\nBody.\n")
    out = tmp_path / "r"
    result = runner.invoke(app, ["build", str(corpus), "--out", str(out), "--quiet"])
    assert result.exit_code == 1
    report = json.loads((out / "report.json").read_text())
    assert (report["inputs"], report["built"], report["accounted"]) == (2, 1, True)
    assert report["rejected"][0]["source_path"] == "broken.md"
    assert report["rejected"][0]["reasons"][0]["code"] == "article-front-matter"
    assert pq.read_table(out / "articles.parquet").column("source_path").to_pylist() == ["good.md"]


def test_cli_build_refuses_non_empty_out(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "good.md").write_text(GOOD)
    out = tmp_path / "r"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    assert runner.invoke(app, ["build", str(corpus), "--out", str(out), "--quiet"]).exit_code == 2
    assert (out / "keep.txt").read_text() == "mine"
    assert runner.invoke(app, ["build", str(corpus), "--out", str(out), "--quiet", "--overwrite"]).exit_code == 0
    assert not (out / "keep.txt").exists()


def test_cli_build_usage_errors(tmp_path: Path) -> None:
    assert runner.invoke(app, ["build", str(tmp_path / "missing"), "--out", str(tmp_path / "r")]).exit_code == 2
    assert runner.invoke(app, ["build", "--release-version", "v1", "--out", str(tmp_path / "r")]).exit_code == 2


def test_cli_extract_json(tmp_path: Path) -> None:
    path = tmp_path / "one.md"
    path.write_text(GOOD)
    result = runner.invoke(app, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert set(rows) == set(ARTICLE_TABLES)  # one article has no derived tables
    assert rows["articles"][0]["source_path"] == "one.md"


def test_render_problems_prints_brackets_literally() -> None:
    from newsfacts import cli
    from newsfacts.problems import problem

    p = problem("article-metadata", article="a[bold].md", table="actors", row_key="x-1", field="name",
                detail="value [red]not markup[/red]")
    with cli.err.capture() as cap:
        cli.render_problems([p])
    text = cap.get()
    assert "a[bold].md" in text and "[actors x-1]" in text and "[red]not markup[/red]" in text


def test_issue20_cli_extract_shows_what_a_release_would_drop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import newsfacts.isolate as isolate

    real = isolate.extract

    def empty_unit(article):  # type: ignore[no-untyped-def]
        rows = real(article)
        rows.figures = [f.model_copy(update={"unit": ""}) for f in rows.figures]
        return rows

    path = tmp_path / "one.md"
    path.write_text(GOOD.replace("Qatar hosted talks", "Qatar hosted talks with 40 diplomats"))
    clean = runner.invoke(app, ["extract", str(path), "--format", "json"])
    assert clean.exit_code == 0 and len(json.loads(clean.stdout)["figures"]) == 1
    monkeypatch.setattr(isolate, "extract", empty_unit)
    result = runner.invoke(app, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["figures"] == []
    assert "row-invalid" in result.stderr
