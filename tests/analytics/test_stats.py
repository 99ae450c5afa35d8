"""`newsfacts stats`: counts, publishers, months, top actors, coverage and the HTML report."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from newsfacts.analytics.html import network_chart, render_html, timeline_chart
from newsfacts.analytics.stats import release_stats
from newsfacts.analytics.timeline import label_stride, labelled, time_bins
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


def test_time_bins_fill_gaps_and_pick_the_unit_by_span() -> None:
    months = time_bins([("2023-11", 2), ("2024-02", 1)])
    assert (months.unit, months.labels, months.counts) == ("month", ["2023-11", "2023-12", "2024-01", "2024-02"],
                                                           [2, 0, 0, 1])
    quarters = time_bins([("2019-02", 1), ("2019-03", 2), ("2024-06", 4)])
    assert quarters.unit == "quarter" and quarters.labels[0] == "2019 Q1" and quarters.labels[-1] == "2024 Q2"
    assert quarters.counts[0] == 3 and sum(quarters.counts) == 7 and len(quarters.counts) == 22
    years = time_bins([("1995-07", 1), ("2024-01", 5)])
    assert years.unit == "year" and len(years.labels) == 30 and years.counts[0] == 1 and years.counts[-1] == 5
    assert time_bins([]).labels == []


def test_time_labels_are_calendar_aligned_and_spaced() -> None:
    bins = time_bins([("2022-01", 1), ("2024-12", 1)])
    stride = label_stride("month", step=800 / 36, label_width=60)
    assert stride == 3
    assert [bins.labels[i] for i in labelled(bins, stride)][:3] == ["2022-01", "2022-04", "2022-07"]
    assert label_stride("year", step=2, label_width=40) == 20
    short = time_bins([("2024-05", 1), ("2024-06", 1)])
    assert labelled(short, 12) == [0]  # no aligned period in range: the first one is labelled


def test_timeline_chart_has_title_axis_titles_and_no_zero_counts() -> None:
    svg = timeline_chart(time_bins([("2023-01", 3), ("2024-12", 2)]), "meetings")
    assert 'class="chart-title"' in svg and "Meetings per month, 2023-01 to 2024-12" in svg
    assert svg.count('class="axis-title"') == 2 and ">month</text>" in svg and ">meetings</text>" in svg
    counts = re.findall(r'class="count"[^>]*>([^<]*)<', svg)
    assert counts == ["3", "2"]
    assert svg.count("<rect") == 2
