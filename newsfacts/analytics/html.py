"""A self-contained HTML report of `ReleaseStats`: tables plus three inline SVG charts.

The charts (meetings per month, the actor network of meetings, figures by category) are SVG
written here, with no script, stylesheet or font fetched from anywhere, so the file opens
offline in any browser. The output depends only on the stats: same release, same bytes.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from html import escape
from pathlib import Path

from newsfacts.analytics.stats import UNKNOWN, ReleaseStats

BAR = "#4c72b0"
EDGE = "#9aa7b8"
STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; color: #222; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.2rem 0.6rem; text-align: left; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
svg text { font-family: system-ui, sans-serif; font-size: 11px; fill: #222; }
.note { color: #666; font-size: 0.9rem; }
"""


def _num(x: float) -> str:
    """A coordinate with at most one decimal (stable text)."""
    return f"{x:.1f}".rstrip("0").rstrip(".")


def column_chart(pairs: Sequence[tuple[str, int]], title: str, width: int = 900, height: int = 260) -> str:
    """Vertical bars, one per (label, count), labels rotated under the axis."""
    if not pairs:
        return f'<p class="note">{escape(title)}: no data.</p>'
    top = max(n for _, n in pairs)
    left, bottom, top_margin, step = 40, 70, 20, (width - 50) / len(pairs)
    plot = height - bottom - top_margin
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
             f'aria-label="{escape(title)}">',
             f'<line x1="{left}" y1="{top_margin + plot}" x2="{width - 5}" y2="{top_margin + plot}" '
             'stroke="#999"/>']
    for i, (label, n) in enumerate(pairs):
        h = plot * n / top
        x = left + i * step
        parts.append(f'<rect x="{_num(x + 2)}" y="{_num(top_margin + plot - h)}" width="{_num(max(step - 4, 1))}" '
                     f'height="{_num(h)}" fill="{BAR}"><title>{escape(label)}: {n}</title></rect>')
        parts.append(f'<text x="{_num(x + step / 2)}" y="{_num(top_margin - 4 + plot - h)}" '
                     f'text-anchor="middle">{n}</text>')
        lx, ly = _num(x + step / 2), _num(top_margin + plot + 12)
        parts.append(f'<text x="{lx}" y="{ly}" text-anchor="end" transform="rotate(-60 {lx} {ly})">'
                     f'{escape(label)}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def bar_chart(pairs: Sequence[tuple[str, int]], title: str, width: int = 600) -> str:
    """Horizontal bars, one per (label, count)."""
    if not pairs:
        return f'<p class="note">{escape(title)}: no data.</p>'
    top, row, left = max(n for _, n in pairs), 22, 110
    height = row * len(pairs) + 10
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
             f'aria-label="{escape(title)}">']
    for i, (label, n) in enumerate(pairs):
        w = (width - left - 50) * n / top
        y = 5 + i * row
        parts.append(f'<text x="{left - 6}" y="{y + 14}" text-anchor="end">{escape(label)}</text>')
        parts.append(f'<rect x="{left}" y="{y + 2}" width="{_num(w)}" height="{row - 6}" fill="{BAR}">'
                     f'<title>{escape(label)}: {n}</title></rect>')
        parts.append(f'<text x="{_num(left + w + 4)}" y="{y + 14}">{n}</text>')
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
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" role="img" '
             'aria-label="actor network of meetings">']
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
                     f'fill="{BAR}"><title>{escape(a)}: {degree[a]}</title></circle>')
        parts.append(f'<text x="{_num(x + dx)}" y="{_num(y + 4)}" text-anchor="{anchor}" '
                     f'transform="rotate({_num(rot)} {_num(x)} {_num(y)})">{escape(names.get(a, a))}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def html_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain HTML table; numbers right-aligned."""
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(
        f'<td class="n">{v}</td>' if isinstance(v, int | float) else f"<td>{escape(str(v))}</td>" for v in row)
        + "</tr>\n" for row in rows)
    return f"<table><tr>{head}</tr>\n{body}</table>"


def fill_months(pairs: Sequence[tuple[str, int]]) -> list[tuple[str, int]]:
    """(YYYY-MM, count) for every month from the first to the last, 0 where nothing happened."""
    counts = dict(pairs)
    if not counts:
        return []
    first, last = min(counts), max(counts)
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        key = f"{year:04d}-{month:02d}"
        out.append((key, counts.get(key, 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def render_html(stats: ReleaseStats) -> str:
    """The whole report as one HTML document."""
    dated = fill_months([(m, n) for m, n in stats.meeting_months if m != UNKNOWN])
    undated = sum(n for m, n in stats.meeting_months if m == UNKNOWN)
    sections = [
        f"<h1>newsfacts release {escape(stats.release)}</h1>",
        f'<p class="note">release version {escape(stats.release_version)}, '
        f"schema {escape(stats.schema_version)}</p>",
        "<h2>Rows per table</h2>", html_table(["table", "rows"], list(stats.counts.items())),
        "<h2>Coverage</h2>", html_table(["rows", "with a value", "of", "share"],
                                        [(s.label, s.present, s.rows, f"{s.share:.0%}") for s in stats.coverage]),
        "<h2>Meetings per month</h2>", column_chart(dated, "meetings per month"),
        f'<p class="note">{undated} meeting(s) without a date are not shown.</p>',
        "<h2>Who met whom</h2>", network_chart(stats.meeting_pairs, stats.actor_names),
        "<h2>Figures by category</h2>", bar_chart(stats.figure_categories, "figures by category"),
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
