"""The actors builder's lexicons, loaded once into lookup tables.

Files (all under `builders/actors/lexicons/`, each noting its source): `organizations.yaml`,
`titles.yaml`, `actor_words.yaml`, `actor_institutions.yaml`; states, demonyms and capitals come
through `gazetteer`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from newsfacts.builders.text.lexicon import load_data
from newsfacts.builders.text.words import lexicon_tokens


@dataclass(frozen=True)
class OrgEntry:
    """One organization of the lexicon."""

    name: str
    affiliation: str | None
    country: str | None


@dataclass(frozen=True)
class Words:
    """Word sets used by the finders (lowercase unless noted)."""

    particles: frozenset[str]
    inner_titles: frozenset[str]       # case as written
    stopwords: frozenset[str]          # case as written
    org_heads: frozenset[str]          # case as written
    joiners: frozenset[str]
    locative: frozenset[str]
    byline_starts: tuple[str, ...]
    byline_contains: tuple[str, ...]
    honorifics: frozenset[str]         # case as written
    roles: frozenset[str]
    modifiers: frozenset[str]
    heads: frozenset[str]
    military: frozenset[str]
    government: frozenset[str]
    bad_modifiers: frozenset[str]
    synonyms: dict[str, str]
    speech: frozenset[str]
    not_after_head: frozenset[str]
    capital_place_nouns: frozenset[str]
    place_nouns: frozenset[str]


@cache
def words() -> Words:
    """All word lists of the actors builder."""
    w = load_data("actor_words.yaml")
    t = load_data("titles.yaml")
    inst = load_data("actor_institutions.yaml")
    low = lambda xs: frozenset(str(x).lower() for x in xs)  # noqa: E731
    return Words(
        particles=low(w["particles"]), inner_titles=frozenset(map(str, w["inner_titles"])),
        stopwords=frozenset(map(str, w["stopwords"])),
        org_heads=frozenset(map(str, w["org_heads"])), joiners=low(w["name_joiners"]),
        locative=low(w["locative"]),
        byline_starts=tuple(s.lower() for s in w["byline_markers"]["starts"]),
        byline_contains=tuple(s.lower() for s in w["byline_markers"]["contains"]),
        honorifics=frozenset(map(str, t["honorifics"])), roles=low(t["roles"]),
        modifiers=low(t["modifiers"]), heads=low(inst["heads"]), military=low(inst["military"]),
        government=low(inst["government"]), bad_modifiers=low(inst["bad_modifiers"]),
        synonyms={str(k).lower(): str(v) for k, v in inst["synonyms"].items()},
        speech=low(w["speech_verbs"]), not_after_head=low(inst["not_after_head"]),
        capital_place_nouns=low(inst["capital_place_nouns"]), place_nouns=low(w["place_nouns"]),
    )


@cache
def organizations() -> tuple[dict[tuple[str, ...], OrgEntry], int]:
    """Organization lexicon: token keys of every name and alias → entry; and the longest length."""
    table: dict[tuple[str, ...], OrgEntry] = {}
    for rec in load_data("organizations.yaml"):
        entry = OrgEntry(str(rec["name"]), rec.get("affiliation"), rec.get("country"))
        for form in [rec["name"], *(rec.get("aliases") or [])]:
            form = str(form)
            if form.lower().startswith("the "):
                form = form[4:]
            toks = lexicon_tokens(form)
            if toks:
                table.setdefault(toks, entry)
    return table, max(len(k) for k in table)


def canonical(phrase: str) -> str:
    """Canonical lowercase form of an institution phrase ("Ministry of Defense" → "defence ministry")."""
    w = words()
    key = " ".join(phrase.replace("’", "'").lower().split())
    key = w.synonyms.get(key, key)
    if key in w.military:
        return "military"
    return key


@cache
def org_words() -> tuple[dict[str, int], frozenset[str]]:
    """First words (with the longest entry starting with each) and last words of the organization
    lexicon, lowercase."""
    first: dict[str, int] = {}
    last: set[str] = set()
    for toks in organizations()[0]:
        first[toks[0].lower()] = max(first.get(toks[0].lower(), 0), len(toks))
        last.add(toks[-1].lower())
    return first, frozenset(last)
