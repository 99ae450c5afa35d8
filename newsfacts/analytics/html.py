"""A self-contained HTML report of `ReleaseStats`: tables plus three inline SVG charts.

The charts (meetings over time, the actor network of meetings, figures by category) are SVG,
each with a title and, where it has axes, axis titles; the time axis bins by month, quarter or
year and thins its labels to fit (see `timeline.py`). They are written here, with no script,
stylesheet or font fetched from anywhere, so the file opens offline in any browser. The output
depends only on the stats: same release, same bytes.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from html import escape
from pathlib import Path

from newsfacts.analytics.stats import UNKNOWN, ReleaseStats
from newsfacts.analytics.timeline import TimeBins, label_stride, labelled, time_bins

BAR = "#4c72b0"
EDGE = "#9aa7b8"
STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; color: #222; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.2rem 0.6rem; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
svg text { font-family: system-ui, sans-serif; font-size: 11px; fill: #222; }
svg text.chart-title { font-size: 13px; font-weight: 600; }
svg text.axis-title { fill: #555; }
.note { color: #666; font-size: 0.9rem; }
"""


def _num(x: float) -> str:
    """A coordinate with at most one decimal (stable text)."""
    return f"{x:.1f}".rstrip("0").rstrip(".")


CHAR = 7.0       # pixels per character of an 11px label (generous for digits and capitals)
TITLE_Y = 18     # baseline of a chart's title
NODE_LABEL = 24  # characters of an actor's name next to its node (the margin holds about 27)


def _svg_open(width: float, height: float, title: str) -> list[str]:
    """The opening of a chart: the svg element and its title at the top."""
    return [f'<svg xmlns="http://www.w3.org/2000/svg" width="{_num(width)}" height="{_num(height)}" role="img" '
            f'aria-label="{escape(title)}">',
            f'<text class="chart-title" x="{_num(width / 2)}" y="{TITLE_Y}" text-anchor="middle">'
            f'{escape(title)}</text>']


def _nice_ticks(top: int) -> list[int]:
    """0 up to the first round value at or above `top`, in steps of 1, 2 or 5 × 10^k (at most six)."""
    step = 1
    while math.ceil(top / step) > 5:
        step = next(m * 10 ** e for e in range(20) for m in (1, 2, 5) if m * 10 ** e > step)
    return list(range(0, max(math.ceil(top / step), 1) * step + 1, step))


def timeline_chart(bins: TimeBins, what: str, width: int = 900, height: int = 300) -> str:
    """Vertical bars over time with a titled, readable time axis: labels only at calendar-aligned
    periods spaced for their text, counts only above non-empty bars wide enough to hold them."""
    if not bins.ordinals:
        return f'<p class="note">{escape(what)} per month: no dated rows.</p>'
    labels, counts = bins.labels, bins.counts
    left, right, top_margin, bottom = 56, 40, 40, 58
    plot_w, plot_h = width - left - right, height - top_margin - bottom
    step = plot_w / len(counts)
    ticks = _nice_ticks(max(counts))
    scale = plot_h / ticks[-1]
    base = top_margin + plot_h
    first, last = labels[0], labels[-1]
    title = f"{what.capitalize()} per {bins.unit}, {first}" + (f" to {last}" if last != first else "")
    parts = _svg_open(width, height, title)
    for t in ticks:
        y = base - t * scale
        parts.append(f'<line x1="{left}" y1="{_num(y)}" x2="{width - right}" y2="{_num(y)}" stroke="#e4e4e4"/>')
        parts.append(f'<text class="tick" x="{left - 6}" y="{_num(y + 4)}" text-anchor="end">{t}</text>')
    for i, (label, n) in enumerate(zip(labels, counts, strict=True)):
        if n == 0:
            continue
        h, x = n * scale, left + i * step
        bar = min(max(step * 0.8, 1), 48)
        parts.append(f'<rect x="{_num(x + (step - bar) / 2)}" y="{_num(base - h)}" width="{_num(bar)}" '
                     f'height="{_num(h)}" fill="{BAR}"><title>{escape(label)}: {n}</title></rect>')
        if step >= len(str(n)) * CHAR + 2:
            parts.append(f'<text class="count" x="{_num(x + step / 2)}" y="{_num(base - h - 4)}" '
                         f'text-anchor="middle">{n}</text>')
    parts.append(f'<line x1="{left}" y1="{_num(base)}" x2="{width - right}" y2="{_num(base)}" stroke="#999"/>')
    stride = label_stride(bins.unit, step, max(len(x) for x in labels) * CHAR + 12)
    for i in labelled(bins, stride):
        x = left + i * step + step / 2
        parts.append(f'<line x1="{_num(x)}" y1="{_num(base)}" x2="{_num(x)}" y2="{_num(base + 4)}" stroke="#999"/>')
        parts.append(f'<text class="tick" x="{_num(x)}" y="{_num(base + 17)}" text-anchor="middle">'
                     f'{escape(labels[i])}</text>')
    parts.append(f'<text class="axis-title" x="{_num(left + plot_w / 2)}" y="{height - 8}" '
                 f'text-anchor="middle">{bins.unit}</text>')
    parts.append(f'<text class="axis-title" x="14" y="{_num(top_margin + plot_h / 2)}" text-anchor="middle" '
                 f'transform="rotate(-90 14 {_num(top_margin + plot_h / 2)})">{escape(what)}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def bar_chart(pairs: Sequence[tuple[str, int]], title: str, x_title: str, y_title: str,
              width: int = 600) -> str:
    """Horizontal bars, one per (label, count), with a title and both axis titles."""
    if not pairs:
        return f'<p class="note">{escape(title)}: no data.</p>'
    top, row = max(n for _, n in pairs), 22
    left = 30 + max(len(label) for label, _ in pairs) * CHAR
    top_margin, plot_h = 34, row * len(pairs)
    height = top_margin + plot_h + 40
    parts = _svg_open(width, height, title)
    for i, (label, n) in enumerate(pairs):
        w = (width - left - 50) * n / top
        y = top_margin + i * row
        parts.append(f'<text class="tick" x="{_num(left - 6)}" y="{y + 15}" text-anchor="end">{escape(label)}</text>')
        parts.append(f'<rect x="{_num(left)}" y="{y + 3}" width="{_num(w)}" height="{row - 6}" fill="{BAR}">'
                     f'<title>{escape(label)}: {n}</title></rect>')
        parts.append(f'<text class="count" x="{_num(left + w + 4)}" y="{y + 15}">{n}</text>')
    base = top_margin + plot_h
    parts.append(f'<line x1="{_num(left)}" y1="{base}" x2="{width - 40}" y2="{base}" stroke="#999"/>')
    parts.append(f'<text class="axis-title" x="{_num(left + (width - left - 50) / 2)}" y="{base + 26}" '
                 f'text-anchor="middle">{escape(x_title)}</text>')
    parts.append(f'<text class="axis-title" x="14" y="{_num(top_margin + plot_h / 2)}" text-anchor="middle" '
                 f'transform="rotate(-90 14 {_num(top_margin + plot_h / 2)})">{escape(y_title)}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def network_chart(pairs: Sequence[tuple[str, str, int]], names: dict[str, str], max_nodes: int = 30,
                  size: int = 900) -> str:
    """Actors on a circle, a line for each pair that met (thicker for more meetings).

    Only the `max_nodes` actors with the most meetings are drawn, ordered by actor id so that the
    layout does not move when counts change.
    """
    degree: Counter[str] = Counter()
    for a, b, n in pairs:
        degree[a] += n
        degree[b] += n
    if not degree:
        return '<p class="note">No meeting has two named participants.</p>'
    kept = sorted(a for a, _ in sorted(degree.items(), key=lambda p: (-p[1], p[0]))[:max_nodes])
    center, radius = size / 2, size / 2 - 200
    pos = {a: (center + radius * math.cos(2 * math.pi * i / len(kept) - math.pi / 2),
               center + radius * math.sin(2 * math.pi * i / len(kept) - math.pi / 2)) for i, a in enumerate(kept)}
    title = f"Who met whom: the {len(kept)} actors with the most meetings"
    parts = [*_svg_open(size, size + 30, title), '<g transform="translate(0 30)">']
    for a, b, n in pairs:
        if a in pos and b in pos:
            (x1, y1), (x2, y2) = pos[a], pos[b]
            parts.append(f'<line x1="{_num(x1)}" y1="{_num(y1)}" x2="{_num(x2)}" y2="{_num(y2)}" '
                         f'stroke="{EDGE}" stroke-width="{min(1 + n, 6)}"><title>{escape(names.get(a, a))} – '
                         f'{escape(names.get(b, b))}: {n}</title></line>')
    for i, a in enumerate(kept):
        x, y = pos[a]
        angle = 360 * i / len(kept) - 90
        flip = 90 < angle < 270
        anchor, rot = ("end", angle - 180) if flip else ("start", angle)
        dx = -8 if flip else 8
        parts.append(f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(3 + min(degree[a], 10) / 2)}" '
                     f'fill="{BAR}"><title>{escape(names.get(a, a))} ({escape(a)}): {degree[a]}</title></circle>')
        parts.append(f'<text class="node" x="{_num(x + dx)}" y="{_num(y + 4)}" text-anchor="{anchor}" '
                     f'transform="rotate({_num(rot)} {_num(x)} {_num(y)})">{escape(_short(names.get(a, a)))}</text>')
    parts.append("</g>\n</svg>")
    return "\n".join(parts)


def _short(name: str, limit: int = NODE_LABEL) -> str:
    """A node label short enough to stay inside the chart's margin (the full name is in its tooltip)."""
    return name if len(name) <= limit else name[:limit - 1].rstrip() + "…"


def html_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain HTML table; numbers right-aligned."""
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(
        f'<td class="n">{v}</td>' if isinstance(v, int | float) else f"<td>{escape(str(v))}</td>" for v in row)
        + "</tr>\n" for row in rows)
    return f"<table><tr>{head}</tr>\n{body}</table>"


def render_html(stats: ReleaseStats) -> str:
    """The whole report as one HTML document."""
    dated = time_bins([(m, n) for m, n in stats.meeting_months if m != UNKNOWN])
    undated = sum(n for m, n in stats.meeting_months if m == UNKNOWN)
    sections = [
        f"<h1>newsfacts release {escape(stats.release)}</h1>",
        f'<p class="note">release version {escape(stats.release_version)}, '
        f"schema {escape(stats.schema_version)}</p>",
        "<h2>Rows per table</h2>", html_table(["table", "rows"], list(stats.counts.items())),
        "<h2>Coverage</h2>", html_table(["rows", "with a value", "of", "share"],
                                        [(s.label, s.present, s.rows, f"{s.share:.0%}") for s in stats.coverage]),
        "<h2>Meetings over time</h2>", timeline_chart(dated, "meetings"),
        f'<p class="note">{undated} meeting(s) without a date are not shown.</p>',
        "<h2>Who met whom</h2>", network_chart(stats.meeting_pairs, stats.actor_names),
        "<h2>Figures by category</h2>",
        bar_chart(stats.figure_categories, "Figures by category", "figures", "category"),
        "<h2>Actors in most articles</h2>",
        html_table(["actor_id", "name", "kind", "articles", "mentions"],
                   [tuple(a.values()) for a in stats.top_actors]),
        "<h2>Articles per publisher</h2>", html_table(["publisher", "articles"], stats.publishers),
        "<h2>Articles per month</h2>", html_table(["month", "articles"], stats.article_months),
    ]
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>newsfacts {escape(stats.release)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
            + "\n".join(sections) + "\n</body>\n</html>\n")


def write_html(stats: ReleaseStats, path: Path | str) -> Path:
    """Write the report to `path` (UTF-8) and return the path."""
    target = Path(path)
    target.write_text(render_html(stats), encoding="utf-8")
    return target
