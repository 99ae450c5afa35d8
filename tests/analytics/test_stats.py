"""`newsfacts stats`: counts, publishers, months, top actors, coverage and the HTML report."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from newsfacts.analytics.html import fill_months, network_chart, render_html
from newsfacts.analytics.stats import release_stats
from newsfacts.cli import app

runner = CliRunner()


def test_stats_counts_and_groups(release: Path) -> None:
    stats = release_stats(release)
    assert stats.counts == {"articles": 3, "actors": 6, "meetings": 3, "statements": 3, "figures": 3}
    assert stats.publishers == [("Wire", 2), ("unknown", 1)]
    assert stats.article_months == [("2024-03", 1), ("2024-04", 1), ("unknown", 1)]
    assert stats.meeting_months == [("2024-03", 1), ("2024-04", 1), ("unknown", 1)]
    assert stats.figure_categories == [("killed", 2), ("hostages", 1)]
    assert stats.meeting_pairs == [("person:wang-yi", "state:qat", 2)]


def test_stats_top_actors_use_usual_name(release: Path) -> None:
    stats = release_stats(release, top=2)
    assert stats.top_actors == [
        {"actor_id": "state:chn", "name": "China", "kind": "state", "articles": 3, "mentions": 6},
        {"actor_id": "person:wang-yi", "name": "Foreign Minister Wang Yi", "kind": "person", "articles": 2,
         "mentions": 3},
    ]


def test_stats_coverage(release: Path) -> None:
    shares = {s.label: (s.present, s.rows) for s in release_stats(release).coverage}
    assert shares["articles with a publication date"] == (2, 3)
    assert shares["meetings with a date"] == (2, 3)
    assert shares["statements with a speaker actor"] == (2, 3)
    assert shares["figures with a source"] == (2, 3)
    assert shares["figures with a source actor"] == (0, 3)


def test_stats_html_is_offline_and_stable(release: Path) -> None:
    page = render_html(release_stats(release))
    assert page == render_html(release_stats(release))
    assert page.count("<svg") == 3
    assert re.findall(r"(?:src|href)=", page) == []
    assert [u for u in re.findall(r"https?://[^\"' ]+", page) if u != "http://www.w3.org/2000/svg"] == []
    assert "Foreign Minister Wang Yi" in page and str(release) not in page


def test_stats_network_escapes_and_limits() -> None:
    pairs = [(f"org:a{i}", f"org:b{i}", 1) for i in range(40)]
    svg = network_chart(pairs, {"org:a0": "<Army & Co>"}, max_nodes=10)
    assert svg.count("<circle") == 10 and "&lt;Army &amp; Co&gt;" in svg
    assert "<p" in network_chart([], {})


def test_cli_stats(release: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    result = runner.invoke(app, ["stats", str(release), "--html", str(report)])
    assert result.exit_code == 0, result.output
    assert "state:chn" in result.stdout and "statements with a speaker actor" in result.stdout
    assert report.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_stats_json(release: Path) -> None:
    result = runner.invoke(app, ["stats", str(release), "--json", "--top", "1"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["counts"]["actors"] == 6 and len(data["top_actors"]) == 1
    assert data["coverage"][0] == {"label": "articles with a publication date", "table": "articles",
                                   "column": "published_at", "rows": 3, "present": 2, "share": 0.6667}


def test_cli_stats_errors(fresh_release: Path, tmp_path: Path) -> None:
    assert runner.invoke(app, ["stats", str(tmp_path / "nope")]).exit_code == 2
    assert runner.invoke(app, ["stats", str(fresh_release), "--top", "0"]).exit_code == 2
    unwritable = tmp_path / "missing-dir" / "r.html"
    assert runner.invoke(app, ["stats", str(fresh_release), "--html", str(unwritable)]).exit_code == 2
    (fresh_release / "meetings.parquet").unlink()
    result = runner.invoke(app, ["stats", str(fresh_release)])
    assert result.exit_code == 1 and "missing-table" in result.output


def test_stats_timeline_fills_empty_months() -> None:
    assert fill_months([("2023-11", 2), ("2024-02", 1)]) == [("2023-11", 2), ("2023-12", 0), ("2024-01", 0),
                                                             ("2024-02", 1)]
    assert fill_months([]) == []
