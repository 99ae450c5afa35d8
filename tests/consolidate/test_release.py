"""Consolidation in a built release, from articles written for these tests (`articles/`):

- a, b, c: one meeting in Cairo told by three outlets in different words (different titles; a says
  "on Sunday", b "on May 12, 2024", c "on May 12"), and a quotation carried by a and b with
  different lead-ins (c carries only its first nine words: too short to count as the same);
- d: the same two people meeting again in Cairo a month later;
- e, f: one meeting in Beijing, named in full in e ("Xi Jinping", "Luiz Inacio Lula da Silva",
  later "Lula") and only as "President Xi" and "President Lula" in f.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

import newsfacts
from newsfacts.analytics.query import query
from newsfacts.analytics.stats import release_stats
from newsfacts.cli import app
from newsfacts.datasets.writer import sha256_file

ARTICLES = Path(__file__).parent / "articles"
AL_THANI, SHOUKRY = "person:mohammed-bin-abdulrahman-al-thani", "person:sameh-shoukry"
QUOTE = "We will not stop until there is a lasting ceasefire and every hostage is home with their family"
runner = CliRunner()


def corpus(folder: Path, names: str) -> Path:
    """A corpus folder with the test articles whose names start with one of the letters of `names`."""
    folder.mkdir(parents=True)
    for path in sorted(ARTICLES.glob("*.md")):
        if path.name[0] in names:
            shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The release of all six articles."""
    root = tmp_path_factory.mktemp("consolidated")
    result = newsfacts.build([corpus(root / "in", "abcdef")], root / "release", workers=1)
    assert result.ok, result.report.problems
    return root / "release"


def by_article(release: Path, table: str, id_column: str) -> dict[str, str]:
    """id → the source file letter of its article."""
    frames = newsfacts.load(release, ["articles", table])
    letter = {a: s[0] for a, s in zip(frames["articles"]["article_id"], frames["articles"]["source_path"],
                                      strict=True)}
    return {i: letter[a] for i, a in zip(frames[table][id_column], frames[table]["article_id"], strict=True)}


def test_release_three_outlets_one_meeting_a_month_later_another(release: Path) -> None:
    events = newsfacts.load(release, ["meeting_events"])["meeting_events"]
    meetings = by_article(release, "meetings", "meeting_id")
    assert len(meetings) == 6 and len(events) == 3
    cairo = [e for e in events.to_dict("records") if e["location"] == "Cairo"]
    cairo.sort(key=lambda e: e["date"])
    may, june = cairo
    assert sorted(meetings[m] for m in may["meeting_ids"]) == ["a", "b", "c"] and may["n_reports"] == 3
    assert (may["date"], may["date_precision"], may["location_country"], may["mode"]) == (
        dt.date(2024, 5, 12), "day", "EGY", "in_person")
    assert may["participants"] == [AL_THANI, SHOUKRY]
    assert may["first_reported_at"] == dt.date(2024, 5, 13)
    earliest = next(m for m in may["meeting_ids"] if meetings[m] == "b")  # b was published first
    assert may["event_id"] == f"ev-{earliest}"
    assert [meetings[m] for m in june["meeting_ids"]] == ["d"] and june["date"] == dt.date(2024, 6, 10)


def test_release_short_forms_join_their_full_names_across_articles(release: Path) -> None:
    entities = newsfacts.load(release, ["entities"])["entities"].set_index("entity_id")
    assert entities.loc["person:xi-jinping", "names"] == ["Xi", "Xi Jinping"]
    assert entities.loc["person:luiz-inacio-lula-da-silva", "n_articles"] == 2
    assert entities.loc[SHOUKRY, "n_articles"] == 4
    assert "person:xi" not in entities.index and "person:lula" not in entities.index
    [beijing] = [e for e in newsfacts.load(release, ["meeting_events"])["meeting_events"].to_dict("records")
                 if e["location"] == "Beijing"]
    assert beijing["n_reports"] == 2 and beijing["participants"] == ["person:luiz-inacio-lula-da-silva",
                                                                     "person:xi-jinping"]


def test_release_one_quotation_with_different_lead_ins(release: Path) -> None:
    quotes = newsfacts.load(release, ["quotes"])["quotes"]
    statements = by_article(release, "statements", "statement_id")
    [carried] = [q for q in quotes.to_dict("records") if q["n_reports"] > 1]
    assert sorted(statements[s] for s in carried["statement_ids"]) == ["a", "b"]
    assert carried["speaker_entity_id"] == SHOUKRY and carried["quote"].rstrip(",.") == QUOTE
    short = [q for q in quotes.to_dict("records") if q["quote"].startswith("We will not stop until there is a "
                                                                           "lasting ceasefire.")]
    assert [statements[s] for q in short for s in q["statement_ids"]] == ["c"]


def test_release_verify_query_stats_and_card(release: Path) -> None:
    assert newsfacts.verify(release).ok
    rows = query(release, "SELECT n_reports, len(meeting_ids) AS n FROM meeting_events ORDER BY date").rows()
    assert rows == [{"n_reports": 3, "n": 3}, {"n_reports": 1, "n": 1}, {"n_reports": 2, "n": 2}]
    found = {c.table: (c.mentions, c.consolidated, c.in_several) for c in release_stats(release).consolidation}
    assert found["meeting_events"] == (6, 3, 2)
    card = (release / "README.md").read_text(encoding="utf-8")
    for table in ("entities", "meeting_events", "quotes"):
        assert f"- config_name: {table}\n  data_files: {table}.parquet\n" in card
    assert "## Consolidation: one event, many reports" in card and "at least two shared entities" in card
    package = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in package["resources"]][-3:] == ["entities", "meeting_events", "quotes"]


def test_release_cli_query_and_stats(release: Path) -> None:
    shown = runner.invoke(app, ["query", str(release), "SELECT event_id, n_reports FROM meeting_events", "--format",
                                "json"])
    assert shown.exit_code == 0, shown.output
    assert sorted(r["n_reports"] for r in json.loads(shown.stdout)) == [1, 2, 3]
    stats = runner.invoke(app, ["stats", str(release), "--json"])
    assert stats.exit_code == 0 and json.loads(stats.stdout)["counts"]["meeting_events"] == 3


def test_release_a_later_report_keeps_the_ids_and_diff_shows_it(tmp_path: Path) -> None:
    first = newsfacts.build([corpus(tmp_path / "in1", "abd")], tmp_path / "r1", release_version="1.0.0")
    second = newsfacts.build([corpus(tmp_path / "in2", "abcd")], tmp_path / "r2", release_version="1.1.0",
                             previous=tmp_path / "r1")
    assert first.ok and second.ok
    change = newsfacts.diff(tmp_path / "r1", tmp_path / "r2", max_keys=None)
    events = next(t for t in change.tables if t.table == "meeting_events")
    assert (events.added, events.removed, events.changed, events.unchanged) == (0, 0, 1, 1)
    assert events.changed_columns == {"n_reports": 1, "meeting_ids": 1}
    quotes = next(t for t in change.tables if t.table == "quotes")
    assert (quotes.added, quotes.removed, quotes.changed) == (1, 0, 0)  # c's short quotation is new
    manifest = json.loads((tmp_path / "r2" / "manifest.json").read_text())
    assert manifest["previous"]["changes"]["meeting_events"] == {"added": 0, "removed": 0, "changed": 1}


def test_release_of_schema_1_0_0_reads_with_empty_derived_tables(release: Path, tmp_path: Path) -> None:
    """A release written before the derived tables existed verifies, loads and queries."""
    old = Path(shutil.copytree(release, tmp_path / "old"))
    manifest = json.loads((old / "manifest.json").read_text())
    for table in ("entities", "meeting_events", "quotes"):
        (old / f"{table}.parquet").unlink()
        del manifest["tables"][table]
    for info in manifest["tables"].values():  # the files say 1.0.0, as a 1.0.0 build wrote them
        path = old / info["file"]
        data = pq.read_table(path)
        pq.write_table(data.replace_schema_metadata({**data.schema.metadata, b"newsfacts.schema_version": b"1.0.0"}),
                       path)
        info.update(sha256=sha256_file(path), bytes=path.stat().st_size)
    manifest["schema_version"] = "1.0.0"
    (old / "manifest.json").write_text(json.dumps(manifest))
    checked = newsfacts.verify(old)
    assert checked.ok and [p.code for p in checked.report.problems] == ["schema-version-older"]
    frames = newsfacts.load(old)
    assert len(frames["meetings"]) == 6 and len(frames["meeting_events"]) == 0
    assert list(frames["quotes"].columns) == list(newsfacts.load(release, ["quotes"])["quotes"].columns)
    assert query(old, "SELECT count(*) AS n FROM entities").rows() == [{"n": 0}]
