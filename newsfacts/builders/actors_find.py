"""Finders for states, organizations and places: token spans → candidate mentions.

Rules (ids as written in the rows):
- `actors.state_name.v1`: a state's name from the gazetteer ("the United States", "UAE").
- `actors.org_lexicon.v1`: an organization of the lexicon, by name or acronym.
- `actors.org_named.v1`: a capitalized run holding an institution noun ("Ministry of Health").
- `actors.org_description.v1`: state or demonym + institution noun ("China's Foreign Ministry").
- `actors.state_government.v1`: state or demonym + "government" ("the Ukrainian government").
- `actors.place.v1`: territories and regions; they block other rules and make no actor.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsfacts.builders import gazetteer as gz
from newsfacts.builders.actors_lexicons import OrgEntry, canonical, organizations, words
from newsfacts.builders.actors_tokens import Token
from newsfacts.builders.lexicon import load_data

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


def fixed_names(ctx: Ctx) -> list[Cand]:
    """Lexicon organizations, state names and places: the longest match at every token."""
    table, max_len = organizations()
    toks, out = ctx.toks, []
    for i in range(len(toks)):
        if ctx.taken[i] or not toks[i].cap:
            continue
        j = i + 1
        while j < len(toks) and j - i < max_len and ctx.gap_ok(j - 1, j) and not toks[j - 1].possessive:
            j += 1
        for k in range(j, i, -1):
            c = _fixed(ctx, i, k, table)
            if c is not None:
                out.append(c)
                break
    return out


def _fixed(ctx: Ctx, i: int, k: int, table: dict[tuple[str, ...], OrgEntry]) -> Cand | None:
    """The lexicon org, state or place named by tokens [i, k), if any."""
    if not ctx.toks[k - 1].cap and ctx.toks[k - 1].text[:1].isalpha():
        return None
    entry = table.get(tuple(t.key for t in ctx.toks[i:k]))
    if entry is not None:
        return ctx.cand(i, k, "organization", "org|" + entry.name, "actors.org_lexicon.v1",
                        canon=entry.name, country=entry.country, affiliation=entry.affiliation)
    text = ctx.text(i, k)
    if gz.fold(text) in PLACES:
        return ctx.cand(i, k, "place", "place", "actors.place.v1")
    iso = gz.state_iso3(text)
    if iso is not None and _state_text_ok(text):
        return ctx.cand(i, k, "state", "state|" + iso, "actors.state_name.v1", country=iso)
    return None


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
    """End (exclusive) of the capitalized run starting at token i."""
    w, toks = words(), ctx.toks
    j = i + 1
    while j < len(toks) and ctx.gap_ok(j - 1, j):
        prev, t = toks[j - 1], toks[j]
        if prev.possessive and (state_ending(ctx, j - 1) or _is_lexicon_org(prev)):
            break
        if t.text in CALENDAR:
            break
        if t.cap:
            j += 1
        elif t.text.lower() in w.joiners and j + 1 < len(toks) and toks[j + 1].cap and ctx.gap_ok(j, j + 1):
            j += 2
        else:
            break
    return j


def _is_lexicon_org(t: Token) -> bool:
    return (t.key,) in organizations()[0]


def _org_in_run(ctx: Ctx, i: int, j: int) -> list[Cand]:
    """The organization named in the run [i, j), cut at titles and trimmed of function words."""
    w, toks = words(), ctx.toks
    while i < j and (toks[i].text.lower() in FUNCTION_WORDS or (toks[i].text in w.stopwords
                     and toks[i].text not in w.org_heads and toks[i].text.lower() not in ("national", "central"))):
        i += 1
    heads = [k for k in range(i, j) if toks[k].text in w.org_heads]
    if not heads:
        return []
    end = heads[-1] + 1
    while end < j and (toks[end].text.lower() in w.joiners or (toks[end].cap
                       and toks[end].text not in w.honorifics and toks[end].text.lower() not in w.roles)):
        end += 1
    while end > i and toks[end - 1].text.lower() in w.joiners:
        end -= 1
    start = i
    while start < heads[0] and (toks[start].text in w.honorifics or toks[start].text.lower() in w.roles):
        start += 1
    if end - start < 2 and not toks[start].text.isupper():
        return []
    return [_named(ctx, start, end)]


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


def descriptions(ctx: Ctx) -> list[Cand]:
    """State or demonym + institution noun: organizations, or the state itself for "government"."""
    out = []
    for i in range(len(ctx.toks)):
        if ctx.toks[i].cap and (hit := state_ending(ctx, i)) is not None:
            c = _description(ctx, hit[0], i, hit[1])
            if c is not None:
                out.append(c)
    return out


def _description(ctx: Ctx, t0: int, i: int, iso: str) -> Cand | None:
    """The description after the state words [t0, i], if its head follows within three words."""
    w, toks = words(), ctx.toks
    for j in range(i + 1, min(i + 4, len(toks))):
        if not ctx.gap_ok(j - 1, j) or (toks[j - 1].possessive and j - 1 != i):
            return None
        low = toks[j].text.lower()
        if low in w.bad_modifiers or low in FUNCTION_WORDS:
            return None
        phrase = ctx.text(i + 1, j + 1).lower()
        last2 = ctx.text(max(i + 1, j - 1), j + 1).lower()
        if low in w.government or last2 in w.government:
            return ctx.cand(t0, j + 1, "state", "state|" + iso, "actors.state_government.v1",
                            name_ok=False, country=iso)
        if low in w.heads or last2 in w.military:
            if j + 1 < len(toks) and toks[j + 1].cap and ctx.gap_ok(j, j + 1) and toks[j].cap:
                return None
            rest = canonical(phrase)
            return ctx.cand(t0, j + 1, "organization", f"org|{iso}|{rest}", "actors.org_description.v1",
                            country=iso, affiliation=gz.state_name(iso))
    return None
