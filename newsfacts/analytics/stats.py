"""`release_stats(release)`: what is in a release, at a glance.

Counts per table, mentions next to the entities, meeting events and quotations they consolidate
into, articles per publisher and month, the actors found in most articles, how many rows carry a
date, a speaker or a source, and the series the HTML report plots. Everything is
computed with pandas from `newsfacts.load`, so no optional dependency is needed, and every list
is sorted so that the output is the same on every run.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import asdict, dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

import pandas as pd

from newsfacts.datasets.load import load, open_release

UNKNOWN = "unknown"

# (label, table, column): shares of rows where the column is not null.
COVERAGE: tuple[tuple[str, str, str], ...] = (
    ("articles with a publication date", "articles", "published_at"),
    ("meetings with a date", "meetings", "date"),
    ("meetings with a location", "meetings", "location_country"),
    ("statements with a speaker actor", "statements", "speaker_id"),
    ("figures with a source", "figures", "source_text"),
    ("figures with a source actor", "figures", "source_id"),
)


# (what is counted, per-article table, derived table, its column counting reporting articles)
CONSOLIDATED: tuple[tuple[str, str, str, str], ...] = (
    ("actors", "actors", "entities", "n_articles"),
    ("meetings", "meetings", "meeting_events", "n_reports"),
    ("direct and mixed statements", "statements", "quotes", "n_reports"),
)


@dataclass(frozen=True)
class Consolidated:
    """Mentions in a per-article table next to what they consolidate into across articles."""

    what: str
    table: str
    mentions: int
    consolidated: int
    in_several: int  # consolidated rows reported by more than one article

    def asstr(self) -> str:
        """`meetings: 75 mentions, 70 meeting_events (5 in more than one article)`."""
        return (f"{self.what}: {self.mentions} mentions, {self.consolidated} {self.table} "
                f"({self.in_several} in more than one article)")


@dataclass(frozen=True)
class Share:
    """How many of a table's rows have a value in a column."""

    label: str
    table: str
    column: str
    rows: int
    present: int

    @property
    def share(self) -> float:
        """present / rows (0.0 for an empty table)."""
        return self.present / self.rows if self.rows else 0.0


@dataclass(frozen=True)
class ReleaseStats:
    """Summary of a release; `asdict()` for JSON, `asstr()` for people."""

    release: str
    release_version: str
    schema_version: str
    counts: dict[str, int]
    publishers: list[tuple[str, int]] = field(default_factory=list)
    article_months: list[tuple[str, int]] = field(default_factory=list)
    top_actors: list[dict[str, Any]] = field(default_factory=list)
    coverage: list[Share] = field(default_factory=list)
    meeting_months: list[tuple[str, int]] = field(default_factory=list)
    figure_categories: list[tuple[str, int]] = field(default_factory=list)
    meeting_pairs: list[tuple[str, str, int]] = field(default_factory=list)
    actor_names: dict[str, str] = field(default_factory=dict)
    consolidation: list[Consolidated] = field(default_factory=list)

    def asdict(self) -> dict[str, Any]:
        """JSON-ready dict with stable keys."""
        data = asdict(self)
        data["coverage"] = [{**asdict(s), "share": round(s.share, 4)} for s in self.coverage]
        return data

    def asstr(self) -> str:
        """A few lines of plain text."""
        lines = [f"release {self.release} (version {self.release_version}, schema {self.schema_version})",
                 "rows: " + ", ".join(f"{n} {t}" for t, n in self.counts.items())]
        lines += [c.asstr() for c in self.consolidation]
        lines += [f"{s.label}: {s.present}/{s.rows} ({s.share:.0%})" for s in self.coverage]
        return "\n".join(lines)


def month(value: object) -> str:
    """`YYYY-MM` of a date, or `unknown` for a null."""
    return str(value)[:7] if isinstance(value, dt.date) else UNKNOWN


def counted(values: list[str], by_key: bool = False) -> list[tuple[str, int]]:
    """(value, count) pairs: by count descending then value, or by value (`unknown` last)."""
    pairs = Counter(values).items()
    if by_key:
        return sorted(pairs, key=lambda p: (p[0] == UNKNOWN, p[0]))
    return sorted(pairs, key=lambda p: (-p[1], p[0]))


def actor_table(actors: pd.DataFrame, top: int) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """The `top` actors by number of articles (then mentions), and every actor's usual name."""
    if actors.empty:
        return [], {}
    usual = (actors.groupby(["actor_id", "name"], observed=True).size().reset_index(name="n")
             .sort_values(["actor_id", "n", "name"], ascending=[True, False, True]).drop_duplicates("actor_id"))
    names = {str(a): str(n) for a, n in zip(usual["actor_id"], usual["name"], strict=True)}
    grouped = actors.groupby("actor_id", observed=True).agg(
        articles=("article_id", "nunique"), mentions=("mentions", "sum"), kind=("kind", "first"))
    grouped = grouped.reset_index().sort_values(["articles", "mentions", "actor_id"],
                                                ascending=[False, False, True]).head(top)
    rows = [{"actor_id": str(a), "name": names[str(a)], "kind": str(k), "articles": int(n), "mentions": int(m)}
            for a, k, n, m in zip(grouped["actor_id"], grouped["kind"], grouped["articles"], grouped["mentions"],
                                  strict=True)]
    return rows, names


def meeting_pairs(meetings: pd.DataFrame) -> list[tuple[str, str, int]]:
    """(actor, actor, meetings together) for every pair of named participants, most first."""
    pairs: Counter[tuple[str, str]] = Counter()
    for participants in meetings["participants"]:
        pairs.update(combinations(sorted(set(participants)), 2))
    return sorted(((a, b, n) for (a, b), n in pairs.items()), key=lambda p: (-p[2], p[0], p[1]))


def consolidation(frames: dict[str, pd.DataFrame]) -> list[Consolidated]:
    """Mentions against consolidated rows, per `CONSOLIDATED` (statements: direct and mixed only)."""
    out = []
    for what, table, derived, reports in CONSOLIDATED:
        mentions = frames[table]
        if table == "statements":
            mentions = mentions[mentions["kind"].isin(["direct", "mixed"])]
        rows = frames[derived]
        out.append(Consolidated(what, derived, len(mentions), len(rows), int((rows[reports] > 1).sum())))
    return out


def coverage(frames: dict[str, pd.DataFrame]) -> list[Share]:
    """The shares of `COVERAGE`."""
    return [Share(label, table, column, len(frames[table]), int(frames[table][column].notna().sum()))
            for label, table, column in COVERAGE]


def release_stats(release: Path | str, *, top: int = 10, verify: bool = True) -> ReleaseStats:
    """Statistics of a release folder (checked against its manifest unless `verify=False`)."""
    frames = load(release, backend="pandas", verify=verify)
    manifest = open_release(release).manifest
    articles, meetings, figures = frames["articles"], frames["meetings"], frames["figures"]
    top_actors, names = actor_table(frames["actors"], top)
    return ReleaseStats(
        release=Path(release).resolve().name,
        release_version=str(manifest.get("release_version", "")),
        schema_version=str(manifest.get("schema_version", "")),
        counts={name: len(frame) for name, frame in frames.items()},
        publishers=counted([UNKNOWN if pd.isna(p) else str(p) for p in articles["publisher"]]),
        article_months=counted([month(d) for d in articles["published_at"]], by_key=True),
        top_actors=top_actors,
        coverage=coverage(frames),
        meeting_months=counted([month(d) for d in meetings["date"]], by_key=True),
        figure_categories=counted([str(c) for c in figures["category"]]),
        meeting_pairs=meeting_pairs(meetings),
        actor_names=names,
        consolidation=consolidation(frames),
    )
