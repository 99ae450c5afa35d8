"""What a figure counts (unit) and its category, from the noun phrase after it and nearby verbs.

`noun_unit` reads the noun phrase after a number ("40 additional police advisers" → "police
adviser"); `category` picks killed / injured / hostages / detained / displaced / people from the
unit's noun and the cue words nearest the figure in its sentence ("killing more than 1,200
people" → killed). Look-around windows are bounded, so the cost per figure is constant.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from newsfacts.builders.figures.scan import figures_lex
from newsfacts.builders.geo.gazetteer import demonym_iso3
from newsfacts.builders.text.lexicon import load_data
from newsfacts.builders.text.numbers import NUM, WORD, Token, number_words, scales

MAX_NP = 6          # words of a noun phrase after a number
BACK_WINDOW = 10    # tokens looked at before a figure for category cues
FORWARD_WINDOW = 12  # tokens looked at after a figure
DETERMINERS = frozenset(["the", "our", "their", "its", "his", "her", "my", "your", "these", "those",
                         "this", "that", "all"])
FORWARD_STOPS = frozenset(["according", "said", "says", "told", ";"])
AUXILIARIES = frozenset(["have", "has", "had", "been", "were", "was", "are", "is", "be", "being",
                         "reportedly", "also", "since", "all", "now", "already"])  # "have been killed"
CONJUNCTIONS = frozenset(["and", "but", "while", "or", "whereas"])  # a new verb phrase starts


@dataclass(frozen=True)
class NounUnit:
    """The unit read after a number: the unit, where the phrase ends, and the words seen."""

    unit: str | None
    end: int
    words: tuple[str, ...]
    carry: bool = False     # "312 of them": the unit is the one of an earlier figure


@cache
def units_lex() -> dict[str, Any]:
    """The units lexicon with lists turned into sets and cue phrases split into tuples."""
    data = load_data("units.yaml")
    out: dict[str, Any] = {k: frozenset(v) if isinstance(v, list) else v for k, v in data.items()}
    cues: dict[tuple[str, ...], str] = {}
    for cat, words in data["cues"].items():
        for w in words:
            cues[tuple(w.split())] = cat
    out["cues"] = cues
    out["compounds"] = frozenset(tuple(c.split()) for c in data["compounds"])
    return out


def singular(word: str) -> str:
    """Singular lowercase form of a noun ("children" → "child", "entities" → "entity")."""
    w = word.lower().replace("’", "'")
    lex = units_lex()
    if w in lex["irregular"]:
        return str(lex["irregular"][w])
    if w.endswith("men") and len(w) > 4:
        return w[:-3] + "man"
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def is_plural(word: str) -> bool:
    """Does `word` look like a plural noun (or a noun that counts unchanged, like "staff")?"""
    w = word.lower()
    lex = units_lex()
    if w in lex["invariant"] or (w in lex["irregular"] and lex["irregular"][w] != w):
        return True
    if w.endswith("men") and len(w) > 4 and not w.endswith(("specimen", "regimen", "abdomen")):
        return True
    return len(w) > 2 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s"))


def _people_word(word: str) -> bool:
    """Is a capitalized word a people's name ("Ukrainians", "Rohingya")?"""
    w = word.lower()
    if w in units_lex()["irregular"] and units_lex()["irregular"][w] == "person":
        return True
    if demonym_iso3(word) and is_plural(word):
        return True
    return w.endswith(tuple(units_lex()["person_suffixes"])) and is_plural(word)


def noun_unit(tokens: list[Token], j: int) -> NounUnit:
    """The unit named by the noun phrase starting at token `j` (partitives followed)."""
    if j < len(tokens) and tokens[j].lower == "of":
        return _partitive(tokens, j + 1)
    if j < len(tokens) and tokens[j].lower in ("others", "more"):
        found = _phrase(tokens, j + 1) if tokens[j].lower == "more" else NounUnit(None, j, ())
        return found if found.unit else NounUnit(None, j + 1, (), carry=True)  # "120 others were hurt"
    return _phrase(tokens, j)


def _partitive(tokens: list[Token], k: int) -> NounUnit:
    """ "of the camp's nine water points", "of our people", "of them"."""
    words = number_words() | frozenset(scales())
    start = k
    while k < len(tokens) and k - start < 6:
        t = tokens[k]
        if t.lower in ("them", "those", "whom"):
            return NounUnit(None, k + 1, (), carry=True)
        if t.lower in DETERMINERS or t.kind == NUM or t.lower in words or t.lower.endswith("'s") \
                or t.text in ",":
            k += 1
            continue
        break
    found = _phrase(tokens, k)
    if found.unit is None:
        return NounUnit(None, start - 1, ())
    return found


def _phrase(tokens: list[Token], j: int) -> NounUnit:
    """Modifiers then a plural head: "90 Russian servicemen", "23 polling stations"."""
    lex = units_lex()
    stops = figures_lex()["stop_after"]
    words: list[str] = []
    k = j
    while k < len(tokens) and len(words) < MAX_NP:
        t = tokens[k]
        if t.kind != WORD or t.lower in stops:
            break
        if len(words) == 0 and t.lower in lex["abbreviations"]:
            return NounUnit(str(lex["abbreviations"][t.lower]), k + 1, (t.lower,))
        words.append(t.text)
        k += 1
        if t.lower in lex["collective"]:
            return NounUnit(str(lex["collective"][t.lower]), k, tuple(words))
        if t.text[0].isupper():
            nxt = tokens[k] if k < len(tokens) else None
            if _people_word(t.text) and (nxt is None or nxt.kind != WORD or nxt.lower in stops
                                         or not nxt.text.islower()):
                return NounUnit("person", k, tuple(words))
            continue
        if is_plural(t.text) and not _compound_ahead(tokens, k - 1):
            return _head(tokens, k, words)
    return NounUnit(None, j, tuple(words))


def _compound_ahead(tokens: list[Token], k: int) -> bool:
    """Does an invariant word at k start a known compound ("police officers", "staff members")?"""
    if tokens[k].lower not in units_lex()["invariant"]:
        return False
    compounds = units_lex()["compounds"]
    for size in (2, 3):
        part = tokens[k:k + size]
        if len(part) == size and all(t.kind == WORD for t in part):
            key = (*(t.lower for t in part[:-1]), singular(part[-1].text))
            if key in compounds:
                return True
    return False


def _head(tokens: list[Token], k: int, words: list[str]) -> NounUnit:
    """The unit of a phrase ending in a plural head at token k-1 ("head of livestock" → livestock)."""
    lex = units_lex()
    head = singular(words[-1])
    if head == "head" and k + 1 < len(tokens) and tokens[k].lower == "of" and tokens[k + 1].kind == WORD:
        return NounUnit(singular(tokens[k + 1].text), k + 2, (*words, "of", tokens[k + 1].text))
    mods = [w.lower() for w in words[:-1]]
    for size in (3, 2):
        if len(mods) >= size - 1:
            cand = (*mods[len(mods) - size + 1:], head)
            if cand in lex["compounds"]:
                return NounUnit(" ".join(cand), k, tuple(words))
    return NounUnit(str(lex["spelling"].get(head, head)), k, tuple(words))


def is_person_unit(unit: str | None) -> bool:
    """Does the unit count people?"""
    if not unit:
        return False
    lex = units_lex()
    return unit in lex["person_nouns"] or unit.split()[-1] in lex["person_nouns"]


def base_category(unit: str | None, currency: str | None, words: tuple[str, ...]) -> str | None:
    """The category decided without context (money, percentage, other, or by the noun)."""
    lex = units_lex()
    if currency:
        return "money"
    if unit in ("percent", "percentage point", "basis point"):
        return "percentage"
    if unit in lex["noun_category"]:
        return str(lex["noun_category"][unit])
    for w in words:
        if w.lower() in lex["adjective_category"]:
            return str(lex["adjective_category"][w.lower()])
    if unit is not None and not is_person_unit(unit):
        return "other"
    return None


def cue_category(tokens: list[Token], first: int, last: int, lo: int, hi: int) -> str | None:
    """Category from the cue nearest the figure at tokens [first, last) within sentence [lo, hi)."""
    cues = units_lex()["cues"]
    best: tuple[int, int, str] | None = None
    k = last
    dist = 0
    while k < min(hi, last + FORWARD_WINDOW) and tokens[k].lower not in FORWARD_STOPS \
            and not (tokens[k].lower in CONJUNCTIONS and tokens[k].lower != "or" and k > last):
        hit = _cue_at(tokens, k, cues)
        if hit:
            best = (dist, 0, hit)
            break
        dist += tokens[k].lower not in AUXILIARIES
        k += 1
    k = first - 1
    while k >= max(lo, first - BACK_WINDOW) and tokens[k].text != ";" \
            and not (tokens[k].lower in CONJUNCTIONS and k + 1 < first):
        hit = _cue_at(tokens, k, cues)
        if hit and (best is None or first - 1 - k < best[0]):
            return hit
        if hit:
            break
        k -= 1
    return best[2] if best else None


def _cue_at(tokens: list[Token], k: int, cues: dict[tuple[str, ...], str]) -> str | None:
    """The category of a cue phrase starting at token k (three words, then two, then one)."""
    if tokens[k].kind != WORD:
        return None
    for size in (3, 2, 1):
        key = tuple(t.lower for t in tokens[k:k + size])
        if len(key) == size and key in cues:
            return cues[key]
    return None
