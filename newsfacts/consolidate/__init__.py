"""Consolidation: the derived tables `entities`, `meeting_events` and `quotes`.

The per-article tables count mentions: five articles reporting one meeting give five meetings
rows. After they are written, consolidation reads back the few columns it needs from the whole
corpus (ids, names, participants, dates, places, speakers and quotes) and groups the rows that
stand for the same actor, meeting or quotation. The rules are in the module docstrings of
`entities`, `events` and `quotes`; `run.consolidate` runs them in order. The result is a pure
function of the per-article tables: the same whatever the input order, workers or engine.
"""
