"""`newsfacts explain`: a row with its article, names, rule, linked rows and (from the corpus) evidence."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsfacts.articles import Article, read_inputs
from newsfacts.cli import app
from newsfacts.errors import UsageError
from newsfacts.explain import explain
from newsfacts.rules import describe
from newsfacts.schema.columns import columns
from newsfacts.schema.models import TABLES
from tests.datasets.conftest import rewrite_table, table_rows

runner = CliRunner()


def corpus_of(release: Path) -> Path:
    """The folder `built_release` was built from."""
    return release.parent / "corpus"


def one(release: Path, table: str, **match: Any) -> dict[str, Any]:
    """The row of a table whose columns have the given values."""
    [row] = [r for r in table_rows(release, table) if all(r[k] == v for k, v in match.items())]
    return row


def test_explain_meeting_names_rule_and_participants(built_release: Path) -> None:
    meeting = one(built_release, "meetings", participants=["person:mohammed-al-thani", "person:sameh-shoukry"])
    result = explain(built_release, meeting["meeting_id"])
    assert (result.table, result.row["meeting_id"]) == ("meetings", meeting["meeting_id"])
    assert (result.article["title"], result.article["publisher"]) == ("Talks in Doha", "Test Wire")
    assert result.rule == describe(meeting["rule_id"]) and result.rule is not None
    assert [(k.role, k.row["name"]) for k in result.links] == [("participant", "Mohammed Al-Thani"),
                                                              ("participant", "Sameh Shoukry")]
    assert result.evidence is None  # a release holds no article text


def test_explain_with_corpus_marks_the_evidence_in_its_sentence(built_release: Path) -> None:
    meeting = one(built_release, "meetings", participants=["person:mohammed-al-thani", "person:sameh-shoukry"])
    result = explain(built_release, meeting["meeting_id"], corpus_of(built_release))
    assert result.evidence is not None and result.notes == []
    ev = result.evidence
    assert ev.text.startswith("Qatar's Foreign Minister") and ev.text.endswith("on Sunday.")
    assert "met Egyptian Foreign Minister" in ev.text[ev.start:ev.end]
    assert ev.source.endswith("corpus/doha.md")


def test_explain_statement_figure_and_actor_links(built_release: Path) -> None:
    statement = one(built_release, "statements", speaker_id="person:mohammed-al-thani")
    assert [(k.role, k.row["actor_id"]) for k in explain(built_release, statement["statement_id"]).links] == [
        ("speaker", "person:mohammed-al-thani")]
    figure = one(built_release, "figures", source_id="state:egy")
    assert [(k.role, k.row["name"]) for k in explain(built_release, figure["figure_id"]).links] == [
        ("source", "Egypt")]
    actor = explain(built_release, f"{statement['article_id']}/person:mohammed-al-thani")
    assert actor.table == "actors" and actor.row["name"] == "Mohammed Al-Thani"
    assert sorted(k.role for k in actor.links) == ["meeting", "statement"]


def test_explain_notes_a_changed_corpus(built_release: Path, tmp_path: Path) -> None:
    meeting = one(built_release, "meetings", participants=["person:mohammed-al-thani", "person:sameh-shoukry"])
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "doha.md").write_text("---\ntitle: Talks in Doha\n---\nAnother text.\n", encoding="utf-8")
    result = explain(built_release, meeting["meeting_id"], corpus)
    assert result.evidence is None and "no longer holds" in result.notes[0]


def test_explain_unknown_row_is_a_usage_error(built_release: Path) -> None:
    with pytest.raises(UsageError, match="no row"):
        explain(built_release, "0000000000000000-000000000000")


def test_cli_explain_table(built_release: Path) -> None:
    meeting = one(built_release, "meetings", participants=["person:mohammed-al-thani", "person:sameh-shoukry"])
    result = runner.invoke(app, ["explain", str(built_release), meeting["meeting_id"], "--corpus",
                                 str(corpus_of(built_release))], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    for text in ("Talks in Doha", "Test Wire", meeting["rule_id"], describe(meeting["rule_id"]).description,
                 "participant", "Mohammed Al-Thani, Sameh Shoukry", "«"):
        assert text in out
    assert "participants" in out and "person:sameh-shoukry" in out  # linked rows keep the ids


def test_cli_explain_json(built_release: Path) -> None:
    statement = one(built_release, "statements", speaker_id="person:mohammed-al-thani")
    result = runner.invoke(app, ["explain", str(built_release), statement["statement_id"], "--format", "json",
                                 "--corpus", str(corpus_of(built_release))])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["row"]["statement_id"] == statement["statement_id"]
    assert data["rule"]["id"] == statement["rule_id"] and data["rule"]["description"]
    assert data["actor_names"]["person:mohammed-al-thani"] == "Mohammed Al-Thani"
    assert data["links"][0]["role"] == "speaker"
    assert data["evidence"]["text"] == data["evidence"]["sentence"][data["evidence"]["start"]:data["evidence"]["end"]]


def test_cli_explain_errors(release: Path, tmp_path: Path) -> None:
    assert runner.invoke(app, ["explain", str(tmp_path / "nope"), "x-y"]).exit_code == 2
    assert runner.invoke(app, ["explain", str(release), "0000000000000000-000000000000"]).exit_code == 2
    assert runner.invoke(app, ["explain", str(release), "x-y", "--corpus", str(tmp_path / "nope")]).exit_code == 2
    row = table_rows(release, "meetings")[0]
    rewrite_table(release, "figures", table_rows(release, "figures")[1:], fix_manifest=False)
    tampered = runner.invoke(app, ["explain", str(release), row["meeting_id"]])
    assert tampered.exit_code == 1 and "checksum-mismatch" in tampered.output
    assert runner.invoke(app, ["explain", str(release), row["meeting_id"], "--no-verify"]).exit_code == 0


def test_the_release_holds_no_article_body(built_release: Path) -> None:
    bodies = [a.body for a in read_inputs([corpus_of(built_release)]) if isinstance(a, Article)]
    assert len(bodies) == 3
    for table in TABLES:
        assert "body" not in columns(table)
        for row in table_rows(built_release, table):
            for value in row.values():
                assert not isinstance(value, str) or all(len(value) < len(b) and b not in value for b in bodies)
