"""People: names found by titles, appositions, speech verbs and name shape; surnames resolved.

Rules:
- `actors.person_titled.v1`: a name right after a title or role ("Foreign Minister Wang Yi").
- `actors.person_apposition.v1`: a name followed by ", the/a … <role>" or ", <age>,".
- `actors.person_speaker.v1`: a name right before or after a speech verb ("said Amira Haj").
- `actors.person_name.v1`: two or more name-shaped words with no other reading.
- `actors.person_coref.v1`: a part of a known person's name ("Wang", "Foreign Minister Wang"),
  resolved to the person with the same title, else the most recently mentioned one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from newsfacts.builders.actors.find import Cand, Ctx
from newsfacts.builders.actors.vocab import words
from newsfacts.builders.geo import gazetteer as gz
from newsfacts.builders.text.memo import Memo
from newsfacts.builders.text.words import Token

LOOKBACK = 12   # tokens scanned for a title or an apposition


@dataclass
class Person:
    """A person found so far: key, name tokens, title words, last mention position."""

    key: str
    parts: tuple[str, ...]
    title_words: frozenset[str]
    last: int
    mentions: list[Cand] = field(default_factory=list)

    @property
    def bare(self) -> tuple[str, ...]:
        """The name words as matched (`_bare`), computed once per name."""
        return _bare_parts(self.parts)


def _name_word(t: Token) -> bool:
    """Could this token be part of a person's name? (Its text decides: memoized per process.)"""
    return _NAME_WORDS[t.text]


def _name_word_text(text: str) -> bool:
    """Could a token with this text be part of a person's name?"""
    w = words()
    head, dash, rest = text.partition("-")
    if dash and head.lower() in w.particles and rest[:1].isupper():
        return True
    if not text[:1].isupper() or text in w.stopwords or text in w.honorifics or text in w.org_heads:
        return False
    if text.lower() in w.roles or text.lower() in w.modifiers:
        return False
    if len(text) > 1 and text.replace(".", "").isupper() and "." not in text:
        return False
    return not (gz.demonym_iso3(text) or any(c.isdigit() for c in text))


_NAME_WORDS = Memo(_name_word_text)


def name_runs(ctx: Ctx) -> list[tuple[int, int]]:
    """Maximal runs of untaken name words (particles allowed inside), in order."""
    toks, w, out = ctx.toks, words(), []
    i = 0
    while i < len(toks):
        if ctx.taken[i] or not _name_word(toks[i]):
            i += 1
            continue
        j = i + 1
        while j < len(toks) and not toks[j - 1].possessive and ctx.gap_ok(j - 1, j) and not ctx.taken[j]:
            if _name_word(toks[j]):
                j += 1
                continue
            if (toks[j].text in w.inner_titles and j + 1 < len(toks) and _name_word(toks[j + 1])
                    and ctx.gap_ok(j, j + 1) and not ctx.taken[j + 1]):
                j += 2  # "Hassan Sheikh Mohamud": an honorific between two name words is a name part
                continue
            m = j
            while m < len(toks) and m - j < 2 and toks[m].low in w.particles and ctx.gap_ok(m - 1, m):
                m += 1
            if m == j or m >= len(toks) or not _name_word(toks[m]) or not ctx.gap_ok(m - 1, m) or ctx.taken[m]:
                break
            j = m + 1
        out.append((i, j))
        i = j
    return out


def title_before(ctx: Ctx, a: int, taken_end: dict[int, Cand]) -> tuple[int, list[str]]:
    """Start token and lowercase words of the title right before token a ("Ambassador to Qatar")."""
    w, toks = words(), ctx.toks
    k, found = a - 1, list[str]()
    while k >= 0 and a - k <= LOOKBACK and ctx.gap_ok(k, k + 1):
        t = toks[k]
        low = t.low
        if low in w.roles or low in w.modifiers or t.text in w.honorifics or (low == "of" and found):
            found.append(low)
            k -= 1
        elif k in taken_end and taken_end[k].t0 > 0 and toks[taken_end[k].t0 - 1].text in ("to", "for") and found == []:
            k = taken_end[k].t0 - 2
        else:
            break
    if not any(x in w.roles or x.capitalize() in w.honorifics or x in w.honorifics for x in found):
        return a, []
    return k + 1, list(reversed(found))


_APPOSITION_BREAKS = ",.;:—–()\n“”\""


def _apposition(ctx: Ctx, b: int) -> range | None:
    """Tokens of the apposition opened by a comma before token b, up to the next punctuation
    (at most LOOKBACK tokens); None when no comma opens one."""
    toks, body = ctx.toks, ctx.body
    if b >= len(toks) or body[toks[b - 1].end:toks[b].start].strip() != ",":
        return None
    k, end = b + 1, min(b + LOOKBACK, len(toks))
    while k < end and not any(ch in body[toks[k - 1].end:toks[k].start] for ch in _APPOSITION_BREAKS):
        k += 1
    return range(b, k)


def apposition_after(ctx: Ctx, b: int) -> list[str]:
    """Role words of an apposition ", the Palestinian foreign minister" or ["age"] for ", 34,"."""
    seg = _apposition(ctx, b)
    if seg is None:
        return []
    toks, roles = ctx.toks, words().roles
    if toks[b].text.isdigit() or toks[b].text == "aged":
        return ["age"]
    # ", officials said" opens a clause, not an apposition
    return [low for k in seg if (low := toks[k].low) in roles and low not in _PLURAL_ROLES]


_PLURAL_ROLES = frozenset({"officials", "ministers", "envoys", "negotiators", "spokespeople", "mediators",
                           "counterparts", "spokesmen"})
_TITLE_STOPS = frozenset({"for", "at", "with", "who", "which", "whose", "in", "on", "from", "since", "and"})


def apposition_title(ctx: Ctx, b: int) -> str | None:
    """The role of an apposition as written: ", the Palestinian foreign minister," → "foreign
    minister"; ", Sweden's ambassador to Kenya," → "ambassador to Kenya"; ", a spokesman for the
    ministry," → "spokesman". None when the apposition holds no role word."""
    seg = _apposition(ctx, b)
    if seg is None:
        return None
    w, toks = words(), ctx.toks
    start = last = -1
    named = False  # inside a name after "of"/"to" ("ambassador to South Sudan")
    for k in seg:
        t = toks[k]
        low = t.low
        if start >= 0 and (low in _TITLE_STOPS or (low == "of" and k + 1 < len(toks)
                                                    and toks[k + 1].low in ("the", "a", "an"))):
            break
        if start < 0:
            if not t.possessive and (low in w.roles or (low in w.modifiers and t.text.islower())):
                start = last = k
            continue
        if low in ("of", "to"):
            named, last = True, k
        elif low in w.roles or low in w.modifiers:
            named, last = False, k
        elif t.cap and named:
            last = k
        else:
            break  # "mediator Khalid al-Harbi met …": a name or a verb ends the role
    while last >= start >= 0 and toks[last].low in ("of", "to"):
        last -= 1
    if start < 0 or last < start:
        return None
    roles = [t.low for t in toks[start:last + 1] if t.low in w.roles]
    if not roles or roles[-1] in _PLURAL_ROLES:
        return None
    return ctx.text(start, last + 1)


def title_comma_before(ctx: Ctx, a: int) -> list[str]:
    """Role words of a title phrase before ", <name>" ("Washington's special envoy, Daniel Harwood")."""
    w, toks, body = words(), ctx.toks, ctx.body
    if a == 0 or body[toks[a - 1].end:toks[a].start].strip() != ",":
        return []
    k, found = a - 1, []
    while k >= 0 and a - k <= 6 and (k == a - 1 or ctx.gap_ok(k, k + 1)):
        low = toks[k].low
        if low in w.roles:
            found.append(low)
        elif low not in w.modifiers:
            break
        k -= 1
    return found


def speaker_anchor(ctx: Ctx, a: int, b: int) -> bool:
    """Is the name [a, b) right after or right before a speech verb?"""
    speech, toks = words().speech, ctx.toks
    after = b < len(toks) and toks[b].low in speech and ctx.gap_ok(b - 1, b)
    before = a > 0 and toks[a - 1].low in speech and ctx.gap_ok(a - 1, a)
    return after or before


def find_people(ctx: Ctx, accepted: list[Cand], headings: frozenset[int] = frozenset()) -> list[Cand]:
    """Person mentions among the untaken tokens, new people and resolved name parts, in order.
    Name shape alone makes no person inside a heading line (token indices in `headings`)."""
    taken_end = {c.t1 - 1: c for c in accepted}
    people = People()
    out: list[Cand] = []
    for a, b in name_runs(ctx):
        t_start, title = title_before(ctx, a, taken_end)
        person = people.find(tuple(t.text for t in ctx.toks[a:b]), title)
        if person is not None:
            out.append(_mention(ctx, a, b, person, "actors.person_coref.v1"))
            continue
        rule = _new_rule(ctx, a, b, title)
        if rule is None or (rule == "actors.person_name.v1" and a in headings):
            continue
        words_ = frozenset(title or apposition_after(ctx, b) or title_comma_before(ctx, a))
        person = people.add(Person("person|" + ctx.text(a, b), tuple(t.text for t in ctx.toks[a:b]), words_, a))
        c = _mention(ctx, a, b, person, rule)
        c.title = ctx.text(t_start, a) if title else apposition_title(ctx, b)
        out.append(c)
    return out


@lru_cache(maxsize=4096)  # bounded: names differ from article to article
def _bare_parts(parts: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_bare(w) for w in parts)


def _bare(word: str) -> str:
    """A name word for matching: lowercase, without a joined particle ("al-Burhan" → "burhan"),
    so a bare "Burhan" or "Sisi" finds "Abdel Fattah al-Burhan" and "el-Sisi"."""
    low = word.lower()
    head, dash, rest = low.partition("-")
    if dash and rest and head in words().particles:
        return rest
    return low


class People:
    """The people found so far, indexed by each word of their names."""

    def __init__(self) -> None:
        self.by_key: dict[str, Person] = {}
        self.by_word: dict[str, list[Person]] = {}

    def add(self, person: Person) -> Person:
        """Register a person (or return the one with the same key). A person known so far by a
        part of this name only ("Mr. Netanyahu" before "Benjamin Netanyahu") becomes this one."""
        if person.key in self.by_key:
            return self.by_key[person.key]
        for old in self._parts_of(person):
            for c in old.mentions:
                c.key, c.name_ok = person.key, False
            person.mentions.extend(old.mentions)
            old.mentions.clear()
            old.parts = ()
        self.by_key[person.key] = person
        for w in set(person.bare):
            self.by_word.setdefault(w, []).append(person)
        return person

    def _parts_of(self, person: Person) -> list[Person]:
        """Known people whose whole name is a strict part of this person's name."""
        low = person.bare
        out = []
        for w in set(low):
            for p in self.by_word.get(w, [])[-50:]:
                n = len(p.parts)
                mine = p.bare
                if 0 < n < len(low) and p not in out and any(low[k:k + n] == mine for k in range(len(low) - n + 1)):
                    out.append(p)
        return out

    def find(self, words_: tuple[str, ...], title: list[str]) -> Person | None:
        """The known person whose name contains `words_`, preferring the same title, then the most
        recently mentioned one."""
        n = len(words_)
        low = _bare_parts(words_)
        found = [p for p in self.by_word.get(low[0], [])[-50:] if n < len(p.parts)
                 and any(p.bare[k:k + n] == low for k in range(len(p.parts) - n + 1))]
        if not found:
            return None
        if title:
            same = [p for p in found if set(title) & (p.title_words - {"former", "foreign", "deputy"})]
            found = same or found
        return max(found, key=lambda p: p.last)


def _new_rule(ctx: Ctx, a: int, b: int, title: list[str]) -> str | None:
    """The rule that makes [a, b) a new person, or None."""
    if title:
        return "actors.person_titled.v1"
    if apposition_after(ctx, b) or title_comma_before(ctx, a):
        return "actors.person_apposition.v1"
    text, toks, w = ctx.text(a, b), ctx.toks, words()
    if b - a < 2 or gz.place_iso3(text) is not None:
        return None
    prev = toks[a - 1].low if a > 0 and ctx.gap_ok(a - 1, a) else ""
    nxt = toks[b].low if b < len(toks) and ctx.gap_ok(b - 1, b) else ""
    if prev in ("the", "of") or prev in w.locative or nxt in w.place_nouns:
        return None
    if speaker_anchor(ctx, a, b):
        return "actors.person_speaker.v1"
    return "actors.person_name.v1"


def _mention(ctx: Ctx, a: int, b: int, person: Person, rule: str) -> Cand:
    """A person mention candidate over tokens [a, b)."""
    person.last = a
    for k in range(a, b):
        ctx.taken[k] = True
    c = ctx.cand(a, b, "person", person.key, rule, name_ok=rule != "actors.person_coref.v1")
    person.mentions.append(c)
    return c
