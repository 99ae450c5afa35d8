"""Row isolation (issue 20): a bad row costs that row, a failing builder its table, a broken
article itself; the release is written for the rest and the exit code and report say so."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

import newsfacts.engine as engine
from newsfacts.builders import ArticleRows
from newsfacts.cli import app
from newsfacts.isolate import isolate
from newsfacts.validate import validate

runner = CliRunner()
TALKS = ("---\ntitle: Talks in Doha\npublisher: Test Wire\npublished_at: 2024-03-19\n---\n"
         "Qatar's Prime Minister Mohammed bin Abdulrahman Al Thani met Egyptian Foreign Minister Sameh "
         "Shoukry in Doha on Sunday.\n\n\"The talks were useful,\" Shoukry said after the meeting.\n\n"
         "At least 40 people were killed in the strike, according to Shoukry.\n")
OTHER = ("---\ntitle: Aid\npublished_at: 2024-03-20\n---\n"
         "The Foreign Ministry of Norway said on Monday that 40 aid workers had reached the border.\n")
SHOUKRY = "person:sameh-shoukry"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Two articles: talks.md (actors referenced by a meeting, a statement and a figure) and other.md."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "talks.md").write_text(TALKS)
    (folder / "other.md").write_text(OTHER)
    return folder


def breaking(monkeypatch: pytest.MonkeyPatch, change: Callable[[ArticleRows], None]) -> None:
    """Make the build's extraction of talks.md go wrong as `change` says."""
    real = engine.extract

    def patched(article: Any) -> ArticleRows:
        rows = real(article)
        if article.source_path.endswith("talks.md"):
            change(rows)
        return rows

    monkeypatch.setattr(engine, "extract", patched)


def run(corpus: Path) -> tuple[int, dict[str, Any], Path]:
    """Build the corpus with the CLI: (exit code, report.json, release folder)."""
    out = corpus.parent / "release"
    done = runner.invoke(app, ["build", str(corpus), "--out", str(out), "--quiet", "--workers", "1"])
    return done.exit_code, json.loads((out / "report.json").read_text()), out


def rows(out: Path, table: str) -> list[dict[str, Any]]:
    """A table of the release as dicts."""
    return pq.read_table(out / f"{table}.parquet").to_pylist()


def codes(report: dict[str, Any]) -> list[tuple[str, str | None]]:
    """(code, table) of every problem of the report."""
    return [(p["code"], p["table"]) for p in report["problems"]]


def test_issue20_untouched_corpus_builds_clean(corpus: Path) -> None:
    code, report, out = run(corpus)
    assert code == 0
    assert report["dropped"] == {"rows": {"actors": 0, "meetings": 0, "statements": 0, "figures": 0},
                                 "tables": 0, "references": 0}
    assert len(rows(out, "articles")) == 2 and len(rows(out, "meetings")) == 1
    assert "Nothing was dropped" in (out / "README.md").read_text()


def test_issue20_row_forced_invalid_is_dropped_alone(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def empty_unit(r: ArticleRows) -> None:
        r.figures = [r.figures[0].model_copy(update={"unit": ""}), *r.figures[1:]]

    breaking(monkeypatch, empty_unit)
    code, report, out = run(corpus)
    assert code == 1
    [warning] = [p for p in report["problems"] if p["code"] == "row-invalid"]
    assert (warning["severity"], warning["article"], warning["table"], warning["field"], warning["rule_id"],
            warning["evidence"]) == ("warning", "talks.md", "figures", "unit", "figures.count.v1",
                                     "At least 40 people")
    assert report["rejected"] == [] and report["built"] == 2
    assert report["dropped"]["rows"]["figures"] == 1
    talks = next(a["article_id"] for a in rows(out, "articles") if a["source_path"] == "talks.md")
    kept = {t: [r for r in rows(out, t) if r["article_id"] == talks] for t in ("actors", "meetings", "statements",
                                                                              "figures")}
    assert [len(kept[t]) for t in ("actors", "meetings", "statements", "figures")] == [3, 1, 1, 0]
    assert [f["text"] for f in rows(out, "figures")] == ["40 aid workers"]  # the other article's
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["inputs"]["dropped"]["rows"]["figures"] == 1
    assert "1 rows (1 figures)" in (out / "README.md").read_text()


def test_issue20_dropped_actor_nulls_its_references(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def bad_actor(r: ArticleRows) -> None:
        r.actors = [a.model_copy(update={"name": ""}) if a.actor_id == SHOUKRY else a for a in r.actors]

    breaking(monkeypatch, bad_actor)
    code, report, out = run(corpus)
    assert code == 1
    assert sorted(codes(report)) == [("meeting-too-few-parties", "meetings"), ("reference-nulled", "figures"),
                                     ("reference-nulled", "statements"), ("row-invalid", "actors")]
    assert SHOUKRY not in [a["actor_id"] for a in rows(out, "actors")]
    statement = next(s for s in rows(out, "statements") if s["quote"] == "The talks were useful,")
    assert (statement["speaker_id"], statement["speaker_text"]) == (None, "Sameh Shoukry")
    figure = next(f for f in rows(out, "figures") if f["text"] == "At least 40 people")
    assert (figure["source_id"], figure["source_text"]) == (None, "Shoukry")
    assert rows(out, "meetings") == []  # one named party left
    assert report["dropped"] == {"rows": {"actors": 1, "meetings": 1, "statements": 0, "figures": 0},
                                 "tables": 0, "references": 2}


def test_issue20_builder_that_raises_loses_its_table_only(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import newsfacts.builders as builders

    real = builders.build_figures

    def flaky(doc: Any, index: Any) -> Any:
        if doc.article.source_path == "talks.md":
            raise ZeroDivisionError("a rule's bug")
        return real(doc, index)

    monkeypatch.setattr(builders, "build_figures", flaky)
    code, report, out = run(corpus)
    assert code == 1
    assert codes(report) == [("builder-failed", "figures")]
    assert report["problems"][0]["severity"] == "warning" and report["dropped"]["tables"] == 1
    assert report["built"] == 2
    assert [f["text"] for f in rows(out, "figures")] == ["40 aid workers"]
    assert len(rows(out, "meetings")) == 1 and len(rows(out, "statements")) == 2


def test_issue20_cross_table_failure_rejects_the_article_alone(corpus: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    def dangling(r: ArticleRows) -> None:
        r.statements = [r.statements[0].model_copy(update={"speaker_id": "person:nobody"})]
        r.figures = [r.figures[0].model_copy(update={"unit": ""})]

    breaking(monkeypatch, dangling)
    code, report, out = run(corpus)
    assert code == 1
    assert [(r["source_path"], [p["code"] for p in r["reasons"]]) for r in report["rejected"]] == [
        ("talks.md", ["fk-actor-missing"])]
    assert [a["source_path"] for a in rows(out, "articles")] == ["other.md"]
    assert report["written"] is True
    # the figure dropped on the way is reported, but not counted as a drop from a built article
    assert [p["code"] for p in report["problems"]] == ["row-invalid", "fk-actor-missing"]
    assert report["dropped"]["rows"]["figures"] == 0


def test_issue20_validate_shows_drops_as_errors(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def empty_unit(r: ArticleRows) -> None:
        r.figures = [r.figures[0].model_copy(update={"unit": ""})]

    breaking(monkeypatch, empty_unit)
    result = validate([corpus / "talks.md", corpus / "other.md"], corpus=None)
    talks, other = result.articles
    assert [(p.code, p.severity, p.table, p.line) for p in talks.problems] == [
        ("row-invalid", "error", "figures", 10), ("article-no-figures", "warning", "figures", None)]
    assert other.ok and not result.ok


def test_issue20_isolate_keeps_the_first_of_rows_sharing_a_key() -> None:
    body = "Qatar hosted talks. Qatar hosted talks."
    article = {"article_id": "0" * 16}
    row = {"meeting_id": "m1", "article_id": "0" * 16, "participants": ["state:qat", "state:egy"],
           "unnamed_participants": [], "mode": "in_person", "location": None, "location_country": None,
           "date": None, "date_text": None, "date_precision": None, "sentence_index": 0, "char_start": 0,
           "char_end": 19, "rule_id": "meetings.hosted.v1"}
    actors = [{"article_id": "0" * 16, "actor_id": a, "name": n, "kind": "state", "title": None,
               "affiliation": None, "country": a[-3:].upper(), "aliases": [], "mentions": 1, "sentence_index": 0,
               "char_start": 0, "char_end": 5, "rule_id": "actors.state_name.v1"}
              for a, n in (("state:qat", "Qatar"), ("state:egy", "Egypt"))]
    tables = {"articles": [article], "actors": actors, "meetings": [row, {**row, "char_start": 20, "char_end": 39}],
              "statements": [], "figures": []}
    out = isolate(tables, body, "x.md", [])
    assert out.tables == tables and not out.warnings  # nothing found, nothing dropped
    from newsfacts.problems import problem

    dup = problem("duplicate-key", article="x.md", table="meetings", row_key="m1", detail="m1")
    out = isolate(tables, body, "x.md", [dup])
    assert [m["char_start"] for m in out.tables["meetings"]] == [0]
    assert [(p.code, p.evidence) for p in out.warnings] == [("row-invalid", "Qatar hosted talks.")]


def test_issue20_isolate_keeps_a_meeting_with_an_unnamed_party() -> None:
    from newsfacts.problems import problem

    meeting = {"meeting_id": "m1", "article_id": "0" * 16, "participants": ["state:egy", "state:qat"],
               "unnamed_participants": ["counterparts in Jordan"], "mode": "in_person", "location": None,
               "location_country": None, "date": None, "date_text": None, "date_precision": None,
               "sentence_index": 0, "char_start": 0, "char_end": 5, "rule_id": "meetings.met.v1"}
    actor = {"article_id": "0" * 16, "actor_id": "state:egy", "name": "", "kind": "state", "title": None,
             "affiliation": None, "country": "EGY", "aliases": [], "mentions": 1, "sentence_index": 0,
             "char_start": 0, "char_end": 5, "rule_id": "actors.state_name.v1"}
    tables = {"articles": [{"article_id": "0" * 16}], "actors": [actor], "meetings": [meeting],
              "statements": [], "figures": []}
    bad = problem("schema-row", article="x.md", table="actors", row_key=f"{'0' * 16}/state:egy", field="name")
    out = isolate(tables, "Egypt", "x.md", [bad])
    assert out.tables["actors"] == []
    assert out.tables["meetings"][0]["participants"] == ["state:qat"]
    assert [p.code for p in out.warnings] == ["row-invalid", "reference-nulled"]
