"""Grouping the cues of one text unit into statements: who spoke, what, and through what.

One group is one statement: its speakers (one row each), the cue of its first verb, its region
(the evidence span), whether it reports content outside quotation marks (`reported`), and its
channel. Later cues by the same speaker join the group ("denied … and said …", "…, adding
that …"); a cue inside another speaker's reported clause without a clause break is embedded
and ignored ("X said the council welcomed …"); a trailing attribution after a group becomes
that group's channel ("Donnelly stressed …, the ministry added").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsfacts.builders.statements.cues import Cue
from newsfacts.builders.statements.phrases import APPOSITIVE_MARKS as MARKS
from newsfacts.builders.statements.phrases import main_subject_range, np_left, np_right, skippable, subject_before
from newsfacts.builders.statements.speaker import Speaker, SpeakerResolver
from newsfacts.builders.statements.via import in_document, is_document, platform_after, told_channel
from newsfacts.builders.statements.vocab import words
from newsfacts.builders.text.tokens import Tok

INVERTING = frozenset(["say", "add", "write", "warn", "insist", "continue", "explain"])
CONTINUATION = frozenset(["and", "but", "then"])
WINDOW = 40
BARE_QUOTING = frozenset(["said", "says", "added", "adds", "wrote", "writes", "replied", "replies"])
ADJUNCT_PREPS = frozenset(["on", "in", "at", "after", "before", "during", "from", "late", "earlier",
                           "last", "this", "to", "via", "through", "with", "outside", "inside"])


@dataclass
class Group:
    """A statement under construction (token indices into the unit's tokens)."""

    speakers: list[Speaker]
    cue: str
    rule: str
    start: int
    verb: int
    content_start: int
    reported: bool
    via: tuple[int, int] | None = None
    via_text: str | None = None
    end: int = -1
    subject: tuple[int, int] = (0, 0)
    members: list[int] = field(default_factory=list)


@dataclass
class UnitContext:
    """What the grouping of one unit needs: tokens, resolver and the document memory."""

    body: str
    toks: list[Tok]
    resolver: SpeakerResolver
    doc_source: Speaker | None = None
    last_person: Speaker | None = None


def build_groups(ctx: UnitContext, cues: list[Cue]) -> list[Group]:
    """Groups of a unit from its cues, in order."""
    groups: list[Group] = []
    for cue in cues:
        g = _cue_group(ctx, cue, groups)
        if g is not None:
            groups.append(g)
    for i, g in enumerate(groups):
        g.end = groups[i + 1].start if i + 1 < len(groups) else len(ctx.toks)
        if g.via is None:
            _find_via(ctx, g, groups[i - 1].end if i else 0)
    return groups


def _cue_group(ctx: UnitContext, cue: Cue, groups: list[Group]) -> Group | None:
    """The new group a cue opens, or None when it joins, qualifies or is embedded in another."""
    toks, j = ctx.toks, cue.j
    last = groups[-1] if groups else None
    if cue.form.kind == "ing" and not cue.in_quote:
        if last is not None:
            _join(last, ctx, j)
            return None
        return _participle(ctx, cue)
    pos = (j - 1 if toks[j - 1].quoted and not toks[j - 1].is_word else j - 2) if cue.in_quote else j
    a, b, how = subject_before(toks, pos, 0)
    if how != "appositive" and not cue.in_quote and _inverted(toks, j, cue):
        a, b = j + 1, np_right(toks, j + 1, len(toks))
        how = "inverted"
    if how in CONTINUATION or (how == "np" and last is not None and _same_as_last(ctx, a, b, last)):
        if last is None:
            return _participle(ctx, cue)
        _join(last, ctx, j)
        return None
    if how in words("relatives") and a >= 2 and toks[a - 2].text == ",":
        k = a - 3
        while k >= 0 and skippable(toks[k]):
            k -= 1
        a, b, how = (np_left(toks, k, 0), k + 1, "np") if k >= 0 else (a, b, how)
    if a >= b:
        return None
    if last is not None and _embedded(toks, last, a):
        return None
    return _new_group(ctx, cue, a, b, how, last)


def _new_group(ctx: UnitContext, cue: Cue, a: int, b: int, how: str, last: Group | None) -> Group | None:
    """Resolve the subject and work out the structure (after-quote, after-clause, reported)."""
    toks, j = ctx.toks, cue.j
    doc = is_document(toks, a, b, subject=True)
    speakers = doc_speakers(ctx, a, b) if doc else ctx.resolver.resolve(toks, a, b)
    if not speakers:
        return None
    p = a - 1 if how != "inverted" else j - 1
    trailing = _trailing(toks, b if how == "inverted" else j + 1, cue)
    if how == "np" and trailing and last is not None and p >= 0 and (toks[p].text in MARKS or toks[p].quoted):
        if last.via is None:
            last.via = (a, b)
        return None
    g = Group(speakers, cue.form.cue, "statements.reported.v1", min(a, j), j, j + 1, True,
              subject=(a, b), members=[j])
    if doc:
        g.via = (a, b)
    if cue.in_quote:
        g.rule, g.content_start = "statements.quote_verb.v1", b
        return g
    while p >= 0 and toks[p].text == "," and p - 1 >= 0 and not toks[p - 1].quoted and how == "appositive":
        p -= 1
        while p >= 0 and toks[p].text != "," and not toks[p].quoted:
            p -= 1
    if p >= 0 and (toks[p].quoted or (toks[p].text == "," and p > 0 and toks[p - 1].quoted)):
        q = p if toks[p].quoted else p - 1
        g.start = g.content_start = _quote_start(toks, q)
        g.rule, g.reported = "statements.quote_after.v1", False
    elif p > 0 and toks[p].text in MARKS and (how == "inverted" or (how == "np" and trailing)):
        start = last.verb + 1 if last is not None else 0
        g.start = g.content_start = start
        g.rule = "statements.attribution_after.v1"
        g.reported = not all(t.quoted or not t.is_word for t in toks[start:p])
    else:
        g.reported = not _direct_after(toks, j)
        if not g.reported:
            g.rule = "statements.quote_before.v1"
    return g


def _join(last: Group, ctx: UnitContext, j: int) -> None:
    """A later cue by the same speaker: the group now reports content too."""
    last.members.append(j)
    if not _direct_after(ctx.toks, j):
        last.reported = True


def _participle(ctx: UnitContext, cue: Cue) -> Group | None:
    """`…, pledging to …` with no earlier cue: the clause's subject (or its document) speaks."""
    toks, j = ctx.toks, cue.j
    k = j - 1
    while k >= 0 and toks[k].text != ",":
        k -= 1
    if k >= 0 and j - k < 12:
        seg = (k + 1, j)
        doc_at = next((n for n in range(seg[0], seg[1]) if toks[n].lower in words("documents")), -1)
        if doc_at >= 0:
            a = next((n for n in range(seg[0], doc_at) if toks[n].lower in words("determiners")), doc_at)
            speakers = doc_speakers(ctx, a, doc_at + 1)
            if speakers:
                return Group(speakers, cue.form.cue, "statements.reported.v1", a, j, j + 1, True,
                             via=(a, doc_at + 1), subject=(a, doc_at + 1), members=[j])
    a, b = main_subject_range(toks, 0, j)
    via = None
    if a < b and is_document(toks, a, b, subject=True):
        speakers, via = doc_speakers(ctx, a, b), (a, b)
    elif a < b and ctx.resolver.head_mention(toks, a, b) is not None:
        speakers = ctx.resolver.resolve(toks, a, b)
    else:
        person = next((m for m in ctx.resolver.actors.in_span(toks[a].start if a < j else toks[0].start,
                                                              toks[j].start)
                       if m.kind == "person" and not ctx.resolver.possessive(m)), None)
        speakers = [ctx.resolver.speaker(person)] if person else ctx.resolver.resolve(toks, a, b)
    if not speakers:
        return None
    return Group(speakers, cue.form.cue, "statements.reported.v1", a, j, j + 1, True,
                 via=via, subject=(a, b), members=[j])


def doc_speakers(ctx: UnitContext, a: int, b: int, unit_orgs: bool = False) -> list[Speaker]:
    """Who speaks through a document phrase toks[a:b]: an actor named in it, the body after
    "from"/"by" ("a letter from 48 health ministers"), the organization its institution noun
    points at ("a commission statement"), with `unit_orgs` an organization named earlier in the
    unit, then the last document's source or the latest organization."""
    res, toks = ctx.resolver, ctx.toks
    for m in res.actors.in_span(toks[a].start, toks[b - 1].end):
        return [res.speaker(m)]
    by = next((k for k in range(a, b - 1) if toks[k].lower in ("from", "by", "of")), -1)
    if by >= 0:
        return res.resolve(toks, by + 1, b)
    noun = next((t for t in toks[a:b] if t.text[0].islower() and t.lower in words("institutions")), None)
    found = res.institution(toks[a].start, noun.lower) if noun is not None else None
    if found is not None:
        return [found]
    if unit_orgs:
        for m in res.actors.in_span(toks[max(0, a - 80)].start, toks[a].start):
            if m.kind == "organization" and not res.possessive(m):
                return [res.speaker(m)]
    if ctx.doc_source is not None:
        return [ctx.doc_source]
    orgs = res.recent(toks[a].start, ("organization",))
    return [res.speaker(orgs[0])] if orgs else []


def _same_as_last(ctx: UnitContext, a: int, b: int, last: Group) -> bool:
    """A pronoun subject after a group of the same kind of speaker ("… and he urged")."""
    if b - a != 1:
        return False
    low = ctx.toks[a].lower
    kinds = {s.kind for s in last.speakers}
    unresolved = any(sp.actor_id is None and sp.text[:1].isupper() for sp in last.speakers)
    if low in words("pronouns_person"):
        return "person" in kinds or unresolved
    return low in words("pronouns_group") and (bool(kinds & {"organization", "state"}) or unresolved)


def _embedded(toks: list[Tok], last: Group, a: int) -> bool:
    """Is a subject at `a` inside the last group's reported clause (no break in between)?"""
    if a <= last.verb or a - last.verb > WINDOW:
        return False
    for t in toks[last.verb + 1:a]:
        if t.text in ",;:—–()" or t.quoted or (t.lower in words("boundaries") and t.lower != "that"):
            return False
    return True


def _inverted(toks: list[Tok], j: int, cue: Cue) -> bool:
    """`“…,” said the minister` / `…, said Mahamat Saleh`."""
    if cue.form.lemma not in INVERTING or j == 0 or j + 1 >= len(toks):
        return False
    prev, nxt = toks[j - 1], toks[j + 1]
    if not (prev.text == "," or (prev.quoted and not prev.is_word)):
        return False
    if not nxt.is_word or nxt.quoted or nxt.lower in ("that", "it", "they", "he", "she", "we"):
        return False
    end = np_right(toks, j + 1, len(toks))
    named = any(t.is_cap for t in toks[j + 1:end]) or nxt.lower in words("determiners")
    return end > j + 1 and named and (
        end >= len(toks) or not toks[end].is_word or toks[end].lower in ADJUNCT_PREPS or skippable(toks[end]))


def _trailing(toks: list[Tok], k: int, cue: Cue) -> bool:
    """Is the verb followed only by adjuncts before the end of the clause (`…, the agency said.`)?"""
    if cue.form.lemma == "tell":
        k = np_right(toks, k, len(toks))
    n = len(toks)
    while k < n:
        t = toks[k]
        if t.quoted:
            return False
        if not t.is_word:
            return t.text in ",.;—–)"
        low = t.lower
        if low == "that":
            return False
        prev = toks[k - 1].lower
        if (skippable(t) or low in ADJUNCT_PREPS or t.is_cap or t.text[0].isdigit()
                or prev in ADJUNCT_PREPS or prev in words("determiners")):
            k += 1
            continue
        return False
    return True


def _direct_after(toks: list[Tok], j: int) -> bool:
    """`said: “…”` / `told reporters, “…”` / `said “…”`: a quotation right after the verb (or after
    a colon or comma) runs to the end of the unit."""
    n = len(toks)
    k = j + 1
    while k < n and not toks[k].quoted:
        if toks[k].lower == "that" or k - j > WINDOW:
            return False
        k += 1
    bare = k == j + 1 and toks[j].lower in BARE_QUOTING
    if k >= n or not (bare or (k > j + 1 and toks[k - 1].text in ":,")):
        return False
    while k < n and toks[k].quoted:
        k += 1
    return n - k < 4 and all(not t.is_word for t in toks[k:])


def _quote_start(toks: list[Tok], q: int) -> int:
    """Index of the first token of the quotation ending at token q."""
    while q > 0 and toks[q - 1].quoted:
        q -= 1
    return q


def _find_via(ctx: UnitContext, g: Group, before: int) -> None:
    """The channel of a group: `in a statement …`, `told state television`, `wrote on X`."""
    toks = ctx.toks
    span = told_channel(toks, g.verb, g.end) if g.cue == "tell" else None
    if span is None and g.start < g.end:
        span = in_document(toks, g.start, g.end)
    if span is None:
        span = platform_after(toks, g.verb, g.end)
    if span is None and g.start > before:
        span = in_document(toks, before, g.start)
    g.via = span
