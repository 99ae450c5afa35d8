"""Run the three consolidations over a release's per-article tables, in order: entities first (the
other two read actors through them), then meeting events and quotations."""

from __future__ import annotations

from typing import Any

from newsfacts.consolidate import events, quotes
from newsfacts.consolidate.common import Mapper, local_map
from newsfacts.consolidate.entities import consolidate_entities, read_actors
from newsfacts.consolidate.source import Source, published

Tables = dict[str, list[dict[str, Any]]]


def consolidate(source: Source, mapper: Mapper = local_map, parts: int = 1) -> Tables:
    """The derived tables of the per-article tables in `source` (a release folder being written, or
    rows in memory), rows sorted by primary key. `mapper` runs the blocked matching work, cut into
    `parts` pieces (the Dask engine spreads them over its cluster); the result does not depend on it."""
    dates = published(source)
    entities = consolidate_entities(read_actors(source, dates))
    meetings = events.cluster(events.read_meetings(source, dates, entities.of), mapper, parts)
    quoted = quotes.cluster(quotes.read_quotes(source, dates, entities.of), mapper, parts)
    return {"entities": entities.rows, "meeting_events": [events.event_row(group) for group in meetings],
            "quotes": [quotes.quote_row(group) for group in quoted]}
