"""Run the three consolidations over a release's per-article tables, in order: entities first (the
other two read actors through them), then meeting events and quotations. Each table's rows are
made one at a time from compact records read back from the per-article tables, and each table is
started only when the one before has been consumed, so that a caller that writes the rows as they
come holds little more than those records."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newsfacts.consolidate import events, quotes
from newsfacts.consolidate.common import Mapper, local_map
from newsfacts.consolidate.entities import consolidate_entities, read_actors
from newsfacts.consolidate.source import Articles, Source, read_articles

Rows = Iterator[dict[str, Any]]


def consolidate_each(source: Source, mapper: Mapper = local_map, parts: int = 1) -> Iterator[tuple[str, Rows]]:
    """(table, rows) of `entities`, `meeting_events` and `quotes` in turn, from the per-article
    tables in `source` (a release folder being written, or rows in memory), rows in primary-key
    order. Consume each table's rows before asking for the next table. `mapper` runs the blocked
    matching work cut into `parts` pieces (the Dask engine spreads them over its cluster); the rows
    do not depend on it."""
    articles = read_articles(source)
    found = consolidate_entities(read_actors(source, articles), articles)
    entity = found.of
    yield "entities", found.rows
    del found
    yield "meeting_events", _events(source, articles, entity, mapper, parts)
    yield "quotes", _quotes(source, articles, entity, mapper, parts)


def _events(source: Source, articles: Articles, entity: dict[str, str], mapper: Mapper, parts: int) -> Rows:
    """The meeting_events rows, one at a time."""
    for group in events.cluster(events.read_meetings(source, articles, entity), mapper, parts):
        yield events.event_row(group, articles)


def _quotes(source: Source, articles: Articles, entity: dict[str, str], mapper: Mapper, parts: int) -> Rows:
    """The quotes rows, one at a time."""
    for group in quotes.cluster(quotes.read_quotes(source, articles, entity), mapper, parts):
        yield quotes.quote_row(group, articles)


def consolidate(source: Source, mapper: Mapper = local_map, parts: int = 1) -> dict[str, list[dict[str, Any]]]:
    """Every derived table at once, as lists of rows (see `consolidate_each`)."""
    return {table: list(rows) for table, rows in consolidate_each(source, mapper, parts)}
