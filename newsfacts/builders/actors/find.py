"""Finders for states, organizations and places: token spans → candidate mentions.
Descriptions ("China's Foreign Ministry") are in `describe`.

Rules (ids as written in the rows):
- `actors.state_name.v1`: a state's name from the gazetteer ("the United States", "UAE").
- `actors.org_lexicon.v1`: an organization of the lexicon, by name or acronym.
- `actors.org_named.v1`: a capitalized run holding an institution noun ("Ministry of Health").
- `actors.place.v1`: territories and regions; they block other rules and make no actor.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from newsfacts.builders.actors.vocab import OrgEntry, canonical, org_words, organizations, words
from newsfacts.builders.geo import gazetteer as gz
from newsfacts.builders.text.lexicon import load_data
from newsfacts.builders.text.words import Token

FUNCTION_WORDS = frozenset([
    "the", "a", "an", "in", "on", "at", "for", "but", "and", "or", "if", "as", "after", "before",
    "during", "while", "when", "since", "until", "though", "although", "however", "meanwhile",
    "with", "from", "to", "by", "of", "about", "according", "under", "despite", "because", "so",
    "then", "there", "this", "that", "its", "their", "his", "her", "our", "also", "yet"
])
CALENDAR = frozenset([
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December"
])


@dataclass
class Cand:
    """A candidate mention: token span [t0, t1), actor kind and merge key, attributes if known."""

    t0: int
    t1: int
    start: int
    end: int
    kind: str
    key: str
    rule: str
    text: str
    name_ok: bool = True            # may this form be the actor's name?
    canon: str | None = None        # lexicon name (for the id)
    country: str | None = None
    affiliation: str | None = None
    bare: str | None = None         # the name without its state prefix ("Foreign Ministry")
    title: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class Ctx:
    """The tokens of one body and which of them are already taken."""

    body: str
    toks: list[Token]
    taken: list[bool]

    def gap_ok(self, a: int, b: int) -> bool:
        """Are tokens a and b (b = a + 1) separated by spaces only (or a possessive mark)?"""
        gap = self.body[self.toks[a].end:self.toks[b].start]
        if gap == " ":  # the common case, whatever the possessive
            return True
        if self.toks[a].possessive:
            gap = gap.replace("’s", "", 1).replace("'s", "", 1).replace("’", "", 1).replace("'", "", 1)
        return gap.strip(" ") == "" and "\n" not in gap

    def text(self, t0: int, t1: int) -> str:
        """Body text of tokens [t0, t1)."""
        return self.body[self.toks[t0].start:self.toks[t1 - 1].end]

    def cand(self, t0: int, t1: int, kind: str, key: str, rule: str, **kw: object) -> Cand:
        """A candidate over tokens [t0, t1)."""
        return Cand(t0, t1, self.toks[t0].start, self.toks[t1 - 1].end, kind, key, rule,
                    self.text(t0, t1), **kw)  # type: ignore[arg-type]


def _places() -> frozenset[str]:
    data = load_data("states.yaml")
    return frozenset(gz.fold(x) for x in [*data["territories"], *data["regions"]])


PLACES = _places()


def _state_text_ok(text: str) -> bool:
    """Is a surface form cased like a proper name (short all-caps codes must be all caps)?"""
    letters = text.replace(".", "")
    if not text[:1].isupper():
        return False
    return len(letters) > 3 or letters.isupper() or letters.istitle()


@cache
def _first_words() -> dict[str, int]:
    """First word (lowercase) of any lexicon organization or gazetteer name → the most words a name
    starting with it has."""
    org_first, geo_first = org_words()[0], gz.name_words()[0]
    return {w: max(org_first.get(w, 0), geo_first.get(w, 0)) for w in {*org_first, *geo_first}}


def fixed_names(ctx: Ctx) -> list[Cand]:
    """Lexicon organizations, state names and places: the longest match at every token."""
    table = organizations()[0]
    first = _first_words()
    toks, out = ctx.toks, []
    for i in range(len(toks)):
        max_len = first.get(toks[i].key_low, 0)
        if ctx.taken[i] or max_len == 0:
            continue
        j = i + 1
        while j < len(toks) and j - i < max_len and ctx.gap_ok(j - 1, j):
            j += 1
        for k in range(j, i, -1):
            c = _fixed(ctx, i, k, table)
            if c is not None:
                out.append(c)
                break
    return out


def _fixed(ctx: Ctx, i: int, k: int, table: dict[tuple[str, ...], OrgEntry]) -> Cand | None:
    """The lexicon org, state or place named by tokens [i, k), if any."""
    entry = table.get(tuple(t.key for t in ctx.toks[i:k]))
    if entry is not None:
        return ctx.cand(i, k, "organization", "org|" + entry.name, "actors.org_lexicon.v1",
                        canon=entry.name, country=entry.country, affiliation=entry.affiliation)
    if (not ctx.toks[i].cap or not ctx.toks[k - 1].cap or ctx.toks[i].text == "The"
            or any(t.possessive for t in ctx.toks[i:k - 1])):
        return None
    text = ctx.text(i, k)
    if gz.fold(text) in PLACES:
        return ctx.cand(i, k, "place", "place", "actors.place.v1", country=gz.territory_iso3(text))
    iso = gz.state_iso3(text)
    nxt = ctx.body[ctx.toks[k - 1].end:ctx.toks[k - 1].end + 1]
    if iso is not None and _state_text_ok(text) and nxt != "$" and not _first_name(ctx, i, k):
        return ctx.cand(i, k, "state", "state|" + iso, "actors.state_name.v1", country=iso)
    return None


def _first_name(ctx: Ctx, i: int, k: int) -> bool:
    """Is the one-word state name [i, k) the first name of a person ("Jordan Bardella")?"""
    if k != i + 1 or k >= len(ctx.toks) or ctx.toks[i].possessive or not ctx.gap_ok(i, k):
        return False
    t, w = ctx.toks[k], words()
    if i > 0 and (ctx.toks[i - 1].low in FUNCTION_WORDS or ctx.toks[i - 1].low in w.locative):
        return False
    if not t.cap or t.text in w.stopwords or t.text in w.org_heads or t.low in w.roles:
        return False
    return not (gz.state_iso3(t.text) or gz.demonym_iso3(t.text) or gz.place_iso3(t.text)
                or _is_lexicon_org(t) or t.text.isupper())


def state_ending(ctx: Ctx, i: int) -> tuple[int, str] | None:
    """(first token, ISO3) of a state name, capital or demonym ending at token i."""
    for size in (1, 2, 3):
        t0 = i - size + 1
        if t0 < 0 or not ctx.toks[t0].cap:
            break
        text = ctx.text(t0, i + 1)
        iso = gz.state_iso3(text) or gz.demonym_iso3(text)
        if iso is None and ctx.toks[i].possessive:
            iso = gz.capital_iso3(text)
        if iso is not None and _state_text_ok(text):
            return t0, iso
    return None


def named_orgs(ctx: Ctx) -> list[Cand]:
    """Capitalized runs that hold an institution noun ("National Disaster Management Agency")."""
    toks, out = ctx.toks, []
    i = 0
    while i < len(toks):
        if not toks[i].cap:
            i += 1
            continue
        j = _run_end(ctx, i)
        out.extend(_org_in_run(ctx, i, j))
        i = max(j, i + 1)
    return out


def _run_end(ctx: Ctx, i: int) -> int:
    """End (exclusive) of the capitalized run starting at token i (joiners allowed inside)."""
    w, toks = words(), ctx.toks
    j = i + 1
    while j < len(toks) and (ctx.gap_ok(j - 1, j) or _serial_list(ctx, i, j)):
        prev, t = toks[j - 1], toks[j]
        if prev.possessive and (state_ending(ctx, j - 1) or _is_lexicon_org(prev) or t.text not in w.org_heads):
            break
        if t.text in CALENDAR:
            break
        if t.cap:
            j += 1
            continue
        m = j
        while m < len(toks) and m - j < 2 and toks[m].low in w.joiners and ctx.gap_ok(m - 1, m):
            m += 1
        if m == j or m >= len(toks) or not toks[m].cap or not ctx.gap_ok(m - 1, m) or toks[m].text in CALENDAR:
            break
        if t.text == "and" and (toks[j + 1].text == "the" or state_ending(ctx, j - 1) or _is_lexicon_org(prev)):
            break
        j = m + 1
    return j


def _serial_list(ctx: Ctx, i: int, j: int) -> bool:
    """Does ", " before token j continue a name of the form "A, B and C Agency" (a list of fields
    before one institution noun, none of them a state or a known body)?"""
    w, toks = words(), ctx.toks
    if ctx.body[toks[j - 1].end:toks[j].start] != ", ":
        return False
    if any(t.text in w.org_heads for t in toks[i:j]):
        return _field_list(ctx, i, j)
    seen_and = False
    for k in range(j, min(j + 10, len(toks))):
        t = toks[k]
        if k > j and ctx.body[toks[k - 1].end:t.start] not in (" ", ", "):
            return False
        if t.text == "and" and not seen_and:
            seen_and = True
        elif not t.cap or _is_lexicon_org(t) or gz.state_iso3(t.text) or t.text in CALENDAR:
            return False
        elif seen_and and t.text in w.org_heads:
            return True
    return False


def _field_list(ctx: Ctx, i: int, j: int) -> bool:
    """After "<Head> of <Field>", does ", " continue a list of one-word fields ("Ministry of
    Agriculture, Forestry and Fisheries")?"""
    w, toks = words(), ctx.toks
    if j - 2 < i or toks[j - 2].text not in ("of", "for"):
        return False
    k = j
    while k + 1 < len(toks) and k - j < 8:
        t, gap = toks[k], ctx.body[toks[k].end:toks[k + 1].start]
        if not t.cap or _is_lexicon_org(t) or gz.state_iso3(t.text) or t.text in w.stopwords:
            return False
        if gap == " " and toks[k + 1].text == "and":
            return k + 2 < len(toks) and toks[k + 2].cap and not gz.state_iso3(toks[k + 2].text)
        if gap != ", ":
            return False
        k += 1
    return False


def _is_lexicon_org(t: Token) -> bool:
    return (t.key,) in organizations()[0]


def _org_in_run(ctx: Ctx, i: int, j: int) -> list[Cand]:
    """The organization named in the run [i, j): from its first word to its last institution noun
    and the "of …" / "for …" segments after it; cut before a title that starts a person's name."""
    w, toks = words(), ctx.toks
    while i < j and (toks[i].low in FUNCTION_WORDS or toks[i].text in CALENDAR):
        i += 1
    heads: list[int] = []
    for k in range(i, j):
        t = toks[k]
        titled = t.text in w.honorifics or t.low in w.roles
        if heads and titled and not t.possessive and k + 1 < j and toks[k + 1].text not in w.org_heads:
            j = k
            break
        if t.text in w.org_heads:
            heads.append(k)
    if not heads or (toks[heads[-1]].text == "Cabinet" and heads[-1] + 1 < len(toks) \
            and toks[heads[-1] + 1].text == "Secretary"):
        return []
    end = _extend(ctx, heads[-1] + 1, j, toks[heads[-1]].text)
    if end is None:
        return []
    start = i
    for k in range(i, heads[0]):
        if toks[k].low in w.joiners and toks[k].text != "and":
            start = k + 1
    while start < heads[0] and (toks[start].text in w.honorifics or toks[start].low in w.roles
                                or toks[start].low in w.joiners):
        start += 1
    if end - start < 2 and not toks[start].text.isupper():
        return []
    return [_named(ctx, start, end)]


LOCATED = frozenset({"Embassy", "Consulate", "Mission", "Chamber", "Delegation", "Commerce"})


def _extend(ctx: Ctx, k: int, j: int, head: str) -> int | None:
    """End of an organization name after its last head: joiner-led segments ("of Foreign Affairs").
    None when a non-name word follows the head directly ("… Fund Facility", "… Council Resolution")."""
    w, toks = words(), ctx.toks
    while k < j:
        t = toks[k]
        if t.cap:
            return None if t.text in w.stopwords and t.text not in w.org_heads else k
        m = k
        while m < j and toks[m].low in w.joiners:
            m += 1
        seg = m
        while seg < j and toks[seg].cap:
            seg += 1
        if seg == m:
            break
        joined = {x.low for x in toks[k:m]}
        text = ctx.text(m, seg)
        place = gz.state_iso3(text) or gz.place_iso3(text)
        if "in" in joined and not (head in LOCATED and place):
            break
        if "and" in joined and (place or gz.demonym_iso3(toks[m].text) or _is_lexicon_org(toks[m])):
            break
        k = seg
    return k


def _named(ctx: Ctx, i: int, j: int) -> Cand:
    """A named-organization candidate with its state (from a prefix or an "of <State>" tail)."""
    toks = ctx.toks
    iso, rest0, rest1 = None, i, j
    for size in (3, 2, 1):
        if i + size < j:
            text = ctx.text(i, i + size)
            found = gz.state_iso3(text) or gz.demonym_iso3(text)
            if found and _state_text_ok(text):
                iso, rest0 = found, i + size
                break
    if (iso is None and j - i >= 3 and toks[j - 2].text == "of") or (j - i >= 4 and toks[j - 3].text == "of"):
        for k in (j - 1, j - 2):
            if toks[k - 1].text == "of" and (found := gz.state_iso3(ctx.text(k, j))):
                iso, rest1 = found, k - 1
                break
    rest = canonical(ctx.text(rest0, rest1))
    key = f"org|{iso}|{rest}" if iso else f"org||{rest}"
    return ctx.cand(i, j, "organization", key, "actors.org_named.v1", country=iso,
                    affiliation=gz.state_name(iso) if iso else None)
