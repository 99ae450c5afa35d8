"""The HTML report as a browser draws it: headless Chromium lays the charts out, a script writes the
box of every label into the page, and the test reads them back from `--dump-dom`.

Checked for time axes of every span (one month to thirty years, dense and with long gaps): every
chart has a title, axis labels are neither empty nor overlapping and stay inside their chart, and
no empty bar carries a count. Skipped only when no Chromium binary is installed (`.ci/run`
installs the distribution's package).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest

from newsfacts.analytics.html import render_html, timeline_chart
from newsfacts.analytics.stats import ReleaseStats
from newsfacts.analytics.timeline import time_bins

CHROMIUM = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser"), "/usr/bin/chromium")
                 if p and Path(p).is_file()), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary (apt-get install chromium)")

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage"]
AXIS = ("tick", "axis-title")

# Runs after the charts are parsed; getBoundingClientRect forces the layout.
MEASURE = """<script>
const out = [];
document.querySelectorAll("svg").forEach((svg, k) => {
  const s = svg.getBoundingClientRect();
  out.push({svg: k, cls: "svg", text: svg.getAttribute("aria-label"), x: s.left, y: s.top, w: s.width, h: s.height});
  svg.querySelectorAll("text").forEach(t => {
    const r = t.getBoundingClientRect();
    out.push({svg: k, cls: t.getAttribute("class") || "", text: t.textContent, x: r.left, y: r.top,
              w: r.width, h: r.height});
  });
});
const pre = document.createElement("pre");
pre.id = "boxes";
pre.textContent = JSON.stringify(out);
document.body.appendChild(pre);
</script>
"""


def months(spec: list[tuple[int, int, int]]) -> list[tuple[str, int]]:
    """(YYYY-MM, count) pairs from (year, month, count) triples."""
    return [(f"{y:04d}-{m:02d}", n) for y, m, n in spec]


SPANS = {
    "one month": months([(2024, 3, 5)]),
    "a quarter": months([(2024, 1, 2), (2024, 2, 0), (2024, 3, 7)]),
    "three dense years": months([(2021 + i // 12, i % 12 + 1, 1 + (i * 7) % 40) for i in range(36)]),
    "60 articles, gaps, five years": months([(2019, 2, 3), (2019, 3, 1), (2020, 11, 9), (2023, 6, 2),
                                             (2024, 1, 12), (2024, 2, 20), (2024, 3, 13)]),
    "thirty years": months([(1994, 5, 1), (2001, 9, 4), (2012, 1, 2), (2024, 3, 9)]),
    "a large count": months([(2024, 1, 12_345), (2024, 9, 1)]),
}


def stats() -> ReleaseStats:
    """Statistics with long names and every figure category, for the full report."""
    names = {f"person:p{i}": f"Somebody With A Rather Long Name Number {i}" for i in range(12)}
    pairs = [(f"person:p{i}", f"person:p{(i * 5) % 12}", 1 + i % 3) for i in range(12) if i != (i * 5) % 12]
    categories = [("killed", 40), ("injured", 31), ("hostages", 12), ("detained", 9), ("displaced", 7),
                  ("people", 30), ("money", 22), ("percentage", 15), ("other", 3)]
    return ReleaseStats(release="r", release_version="1.0.0", schema_version="1.0.0",
                        counts={"articles": 60, "actors": 12, "meetings": 60, "statements": 0, "figures": 169},
                        meeting_months=SPANS["60 articles, gaps, five years"] + [("unknown", 2)],
                        figure_categories=categories, meeting_pairs=pairs, actor_names=names)


@pytest.fixture(scope="module")
def boxes(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """Every svg and text box of the report plus one timeline per span, as Chromium lays them out."""
    folder = tmp_path_factory.mktemp("browser")
    extra = "\n".join(f"<h2>{name}</h2>\n" + timeline_chart(time_bins(pairs), "meetings")
                      for name, pairs in SPANS.items())
    page = render_html(stats()).replace("</body>", extra + "\n" + MEASURE + "</body>")
    (folder / "report.html").write_text(page, encoding="utf-8")
    assert CHROMIUM is not None
    done = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={folder / 'profile'}", "--dump-dom",
                           (folder / "report.html").as_uri()], capture_output=True, text=True, timeout=180,
                          check=False)
    start = done.stdout.find('<pre id="boxes">')
    assert start >= 0, (done.returncode, done.stderr[-2000:])
    raw = done.stdout[start + len('<pre id="boxes">'):done.stdout.index("</pre>", start)]
    return list(json.loads(raw.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")))


def by_svg(boxes: list[dict[str, Any]]) -> dict[int, list[dict[str, Any]]]:
    """The boxes grouped by chart."""
    out: dict[int, list[dict[str, Any]]] = {}
    for b in boxes:
        out.setdefault(b["svg"], []).append(b)
    return out


def overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Do two boxes share more than half a pixel in both directions?"""
    return (min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"]) > 0.5
            and min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"]) > 0.5)


def test_every_chart_has_a_title(boxes: list[dict[str, Any]]) -> None:
    charts = by_svg(boxes)
    assert len(charts) == 3 + len(SPANS)
    for items in charts.values():
        titles = [b for b in items if b["cls"] == "chart-title"]
        assert len(titles) == 1 and titles[0]["text"].strip() and titles[0]["w"] > 0


def test_axes_are_titled(boxes: list[dict[str, Any]]) -> None:
    for items in by_svg(boxes).values():
        svg = next(b for b in items if b["cls"] == "svg")
        if svg["text"].startswith("Who met whom"):
            continue  # a network has no axes
        assert len([b for b in items if b["cls"] == "axis-title" and b["text"].strip()]) == 2, svg["text"]


def test_axis_labels_are_not_empty_do_not_overlap_and_stay_inside(boxes: list[dict[str, Any]]) -> None:
    for items in by_svg(boxes).values():
        svg = next(b for b in items if b["cls"] == "svg")
        labels = [b for b in items if b["cls"] in AXIS]
        assert labels or svg["text"].startswith("Who met whom"), svg["text"]
        for b in labels:
            assert b["text"].strip() and b["w"] > 0 and b["h"] > 0, (svg["text"], b)
            assert svg["x"] - 0.5 <= b["x"] and b["x"] + b["w"] <= svg["x"] + svg["w"] + 0.5, (svg["text"], b)
            assert svg["y"] - 0.5 <= b["y"] and b["y"] + b["h"] <= svg["y"] + svg["h"] + 0.5, (svg["text"], b)
        clashes = [(a["text"], b["text"]) for a, b in combinations(labels, 2) if overlap(a, b)]
        assert clashes == [], svg["text"]


def test_network_names_stay_inside_their_chart(boxes: list[dict[str, Any]]) -> None:
    for items in by_svg(boxes).values():
        svg = next(b for b in items if b["cls"] == "svg")
        nodes = [b for b in items if b["cls"] == "node"]
        for b in nodes:
            assert b["text"].strip() and svg["x"] - 0.5 <= b["x"] <= b["x"] + b["w"] <= svg["x"] + svg["w"] + 0.5, b
            assert svg["y"] - 0.5 <= b["y"] <= b["y"] + b["h"] <= svg["y"] + svg["h"] + 0.5, b


def test_counts_only_on_bars_and_never_overlapping(boxes: list[dict[str, Any]]) -> None:
    for items in by_svg(boxes).values():
        counts = [b for b in items if b["cls"] == "count"]
        assert all(b["text"].strip() not in ("", "0") for b in counts)
        assert [(a["text"], b["text"]) for a, b in combinations(counts, 2) if overlap(a, b)] == []


def test_time_axes_thin_their_labels(boxes: list[dict[str, Any]]) -> None:
    titles = {b["svg"]: b["text"] for b in boxes if b["cls"] == "svg"}
    dense = next(k for k, t in titles.items() if t.startswith("Meetings per month, 2021-01 to 2023-12"))
    ticks = [b["text"] for b in boxes if b["svg"] == dense and b["cls"] == "tick" and "-" in b["text"]]
    assert 3 <= len(ticks) < 36 and ticks[0] == "2021-01"
    assert any(t.startswith("Meetings per quarter") for t in titles.values())
    assert any(t.startswith("Meetings per year") for t in titles.values())
