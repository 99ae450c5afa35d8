"""statements builder: every quotation and reported statement, attributed to its speaker.

The body is read in units: sentences, merged where a quotation runs over a sentence or
paragraph break (`quotes.find_quotes`). In each unit the speech cues (`cues`) are
grouped into statements (`groups`), each with its speakers, cue, channel and span.

Rules (rule ids):
- `statements.quote_after.v1`: `“…,” she said` / `“…,” said the minister` / `“…,” he said, “…”`.
- `statements.quote_before.v1`: `He said: “…”` / `told reporters: “…”` (all content quoted).
- `statements.reported.v1`: `<speaker> <verb> (that) <clause>`, indirect or mixed with quoted
  fragments; several cues of one speaker in a sentence are one row, the first verb is the cue.
- `statements.attribution_after.v1`: `<clause>, the ministry said`.
- `statements.according_to.v1`: `<clause or quotation>, according to <source>`.
- `statements.quote_verb.v1`: `Haniyeh “praised …”`: the quotation opens with the verb.
- `statements.quote_continued.v1`: a unit that is only a quotation, right after a statement,
  continues that speaker (`“…,” said X. “Second quotation.”`).

Decisions:
- Negated cues are not statements: "did not comment", "declined to say", "never denied".
- Questions: "asked"/"questioned" are not cues, so a question put to someone is no statement;
  the answer is, when reported with a cue.
- Scare quotes: a quotation with no cue, no "according to" and no statement just before it
  (e.g. `a “two-state” solution`) is not a statement. A quotation inside a sentence with a cue
  is a fragment of that statement (kind mixed).
- "according to <source>" that only sources a number (the clause has a figure and no
  quotation, or the source is data: figures, estimates, a report) is left to `figures.source`.
- Document subjects and sources ("the statement said", "according to a readout from X") give
  `via`; the speaker is the actor named in the document phrase, else the source of the last
  document, else the latest organization. A trailing attribution after another speaker's
  statement is that statement's channel ("Donnelly stressed …, the ministry added").
- Hypothetical or future speech after a modal ("would respond", "will announce") is not a
  statement; nor are non-speech senses ("denied entry", "claimed the lives", "declared a
  state of emergency", "That said, …").
- Kind: `direct` when all reported content is quoted (`“…,” she said`, `said: “…”`,
  `said “…”`), `mixed` when a quotation sits inside reported content or after a verb that
  frames it ("stressed “…”", "called it “…”", "…, adding that …"), else `indirect`.
- Speakers the actor index does not know keep their text: a personal name without its titles
  ("Arakan Army spokesman Khaing Min Oo" → "Khaing Min Oo"), an unnamed group as written
  ("Turkish officials", "a spokesman for the ministry"); "he"/"she" go to the previous speaker
  or subject of a compatible gender, "it"/"they" to the previous speakers or the latest
  organization or state.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from newsfacts.builders.actors.mentions import ActorIndex
from newsfacts.builders.statements.cues import SPEECH_VERBS, find_cues
from newsfacts.builders.statements.groups import Group, UnitContext, build_groups, doc_speakers
from newsfacts.builders.statements.phrases import main_subject_range
from newsfacts.builders.statements.speaker import Speaker, SpeakerResolver
from newsfacts.builders.statements.via import according_to, has_figure, is_data, is_document
from newsfacts.builders.statements.vocab import words
from newsfacts.builders.text.document import Doc
from newsfacts.builders.text.ids import row_id
from newsfacts.builders.text.quotes import Quote
from newsfacts.builders.text.tokens import Tok, mark_quoted
from newsfacts.problems import Problem
from newsfacts.schema.models import StatementKind, StatementRow, make_row

JOIN = " … "
SPOKEN = 30
OPENERS = frozenset("“\"«‘'")
INSTITUTIONS = words("institutions")
TRAILING = frozenset(["and", "but", "or", "while", "whereas", "though", "although", "as", "which", "who",
                      "where", "when", "because", "after", "before", "since", "so", "that"])
PRONOUNS = words("pronouns_person") | words("pronouns_group")
STRIP = " \t\n,.;:—–"


@dataclass
class Memory:
    """What the builder remembers between units."""

    doc_source: Speaker | None = None
    last_unit: int = -9
    last_speakers: tuple[Speaker, ...] = ()
    last_cue: str = "say"
    subject: Speaker | None = None
    subject_unit: int = -9


def units(doc: Doc, quotes: list[Quote]) -> Iterator[tuple[int, int]]:
    """Character spans of the units: sentences merged across quotations that span them, and a
    sentence ending with a colon merged with a quotation that follows it."""
    qi = 0
    reach = -1
    cur: tuple[int, int] | None = None
    for s in doc.sentences:
        while qi < len(quotes) and quotes[qi].start < s.start:
            reach = max(reach, quotes[qi].end)
            qi += 1
        colon = cur is not None and doc.body[cur[1] - 1] == ":" and doc.body[s.start] in OPENERS
        if cur is not None and (reach > s.start or colon):
            cur = (cur[0], s.end)
            continue
        if cur is not None:
            yield cur
        cur = (s.start, s.end)
    if cur is not None:
        yield cur


def build_statements(doc: Doc, actors: ActorIndex) -> tuple[list[StatementRow], list[Problem]]:
    """Rows of the statements table for one article."""
    body = doc.body
    quotes = doc.quotes
    resolver = SpeakerResolver(body, actors)
    memory = Memory()
    rows: list[StatementRow] = []
    qi = 0
    for ui, (lo, hi) in enumerate(units(doc, quotes)):
        while qi < len(quotes) and quotes[qi].end <= lo:
            qi += 1
        unit_quotes = [q for q in quotes[qi:qi + 50] if q.start >= lo and q.end <= hi + 1]
        toks = mark_quoted(doc.tokens.between(lo, hi), [(q.start, q.end) for q in unit_quotes])
        if not toks:
            continue
        resolver.prefer_person = _preferred_person(memory, ui)
        resolver.prefer_group = list(memory.last_speakers) if memory.last_unit >= ui - 1 else []
        ctx = UnitContext(body, toks, resolver, memory.doc_source)
        cues = find_cues(toks) if doc.matches.within(SPEECH_VERBS, lo, hi) else []  # no verb form: no cue
        groups = build_groups(ctx, cues)
        groups = _according(ctx, groups)
        if not groups and memory.last_unit >= ui - 1 and _quote_only(toks):
            groups = [Group(list(memory.last_speakers), memory.last_cue, "statements.quote_continued.v1",
                            0, 0, 0, False, end=len(toks))]
        for g in groups:
            rows.extend(_rows(doc, ctx, g, unit_quotes))
            _remember(memory, ctx, g, ui)
        a, b = main_subject_range(toks, 0, len(toks))
        found = resolver.resolve(toks, a, b) if b > a and toks[a].lower not in PRONOUNS else []
        if len(found) == 1 and found[0].kind == "person":
            memory.subject, memory.subject_unit = found[0], ui
    return rows, []


def _preferred_person(memory: Memory, ui: int) -> Speaker | None:
    """Who "he"/"she" most likely is: the person who spoke or was the subject in the unit before."""
    speaker = next((s for s in memory.last_speakers if s.kind == "person" or _name_like(s)), None)
    if speaker is not None and memory.last_unit >= ui - 1 and memory.last_unit >= memory.subject_unit:
        return speaker
    if memory.subject is not None and memory.subject_unit >= ui - 1:
        return memory.subject
    return speaker if memory.last_unit >= ui - 1 else None


def _name_like(s: Speaker) -> bool:
    """An unresolved speaker written like a personal name ("Khaing Min Oo", "Toktogulov")."""
    parts = s.text.split()
    return (s.actor_id is None and 1 <= len(parts) <= 4 and all(p[0].isupper() for p in parts)
            and parts[-1].lower() not in INSTITUTIONS and s.text.lower() not in PRONOUNS
            and not s.text.replace("’", "'").endswith("'s"))


def _quote_only(toks: list[Tok]) -> bool:
    """Is the unit a quotation and nothing else (besides punctuation)?"""
    return toks[0].quoted and all(t.quoted or not t.is_word for t in toks)


def _according(ctx: UnitContext, groups: list[Group]) -> list[Group]:
    """Attach "according to <source>" to the statement before it, or make it a statement."""
    toks = ctx.toks
    out = list(groups)
    for i, s, e in according_to(toks, 0, len(toks)):
        owner = next((g for g in reversed(out) if g.verb < i and g.start <= i), None)
        if owner is None and i == 0:
            owner = out[0] if out else None
        if owner is not None:
            if owner.via is None:
                owner.via = (s, e)
            continue
        if is_data(toks, s, e):
            continue
        doc = is_document(toks, s, e)
        content = (e, len(toks)) if i == 0 else (0, i)
        lo, hi = max(content[0], content[1] - 80), content[1]
        if not doc and not any(t.quoted for t in toks[lo:hi]) and has_figure(toks, lo, hi):
            continue
        speakers = doc_speakers(ctx, s, e, unit_orgs=True) if doc else ctx.resolver.resolve(toks, s, e)
        if not speakers:
            continue
        reported = not all(t.quoted or not t.is_word for t in toks[content[0]:content[1]])
        nxt = next((g.start for g in out if g.start > i), len(toks))
        g = Group(speakers, "according_to", "statements.according_to.v1", 0, i, content[0], reported,
                  via=(s, e) if doc else None, end=nxt, subject=(s, e))
        out = sorted([*out, g], key=lambda x: x.start)
    return out


def _rows(doc: Doc, ctx: UnitContext, g: Group, quotes: list[Quote]) -> list[StatementRow]:
    """One row per speaker of a group."""
    toks, body = ctx.toks, ctx.body
    last = g.end - 1
    while last > g.start and (not toks[last].is_word or toks[last].lower in TRAILING) and not toks[last].quoted:
        last -= 1
    if last < g.start:
        return []
    start, end = _trim(body, toks[g.start].start, toks[last].end)
    if end <= start:
        return []
    subj = (toks[g.subject[0]].start, toks[g.subject[1] - 1].end) if g.subject[1] > g.subject[0] else (0, 0)
    inside = [q for q in quotes if q.start >= start and q.end <= end + 1
              and not (subj[0] <= q.start < subj[1])]
    kind: StatementKind
    if inside:
        kind = "mixed" if g.reported else "direct"
        text = JOIN.join(t for q in inside if (t := q.text(body)))
    else:
        kind = "indirect"
        text = _reported_text(body, toks, g)
    text = text or body[start:end]
    via = body[toks[g.via[0]].start:toks[g.via[1] - 1].end] if g.via else None
    out = []
    for n, sp in enumerate(g.speakers):
        if not sp.text.strip():
            continue
        sid = row_id(doc.article.article_id, "statements", start, end, g.rule, sp.actor_id or "", sp.text, str(n))
        out.append(make_row(
            StatementRow, statement_id=sid, article_id=doc.article.article_id, speaker_id=sp.actor_id,
            speaker_text=sp.text, quote=text, kind=kind, cue=g.cue, via=via or None,
            sentence_index=doc.sentence_index(start), char_start=start, char_end=end, rule_id=g.rule))
    return out


def _reported_text(body: str, toks: list[Tok], g: Group) -> str:
    """The reported clause of an indirect statement."""
    if g.rule in ("statements.attribution_after.v1", "statements.according_to.v1") and g.content_start < g.verb:
        a, b = g.content_start, (g.subject[0] if g.rule.endswith("after.v1") else g.verb)
    else:
        a, b = g.verb + 1, g.end
        while a < b and toks[a].lower in ("that", ":", ","):
            a += 1
    if a >= b:
        return ""
    s, e = _trim(body, toks[a].start, toks[b - 1].end)
    return body[s:e]


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    """Span without surrounding spaces and clause punctuation at its end."""
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1] in STRIP:
        end -= 1
    return start, end


def _remember(memory: Memory, ctx: UnitContext, g: Group, ui: int) -> None:
    """Update the memory after a group: last speakers, last cue, source of documents."""
    if not g.speakers:
        return
    memory.last_unit = ui
    memory.last_speakers = tuple(g.speakers)
    spoken = ctx.resolver.spoken
    spoken.extend(sp for sp in g.speakers if sp not in spoken)
    del spoken[:-SPOKEN]
    memory.last_cue = g.cue if g.cue != "according_to" else "say"
    if g.via is not None:
        toks = ctx.toks
        inner = ctx.resolver.actors.in_span(toks[g.via[0]].start, toks[g.via[1] - 1].end)
        org = next((m for m in inner if m.kind == "organization"), None)
        memory.doc_source = ctx.resolver.speaker(org) if org else g.speakers[0]
    elif memory.doc_source is None and g.speakers[0].kind == "organization":
        memory.doc_source = g.speakers[0]
