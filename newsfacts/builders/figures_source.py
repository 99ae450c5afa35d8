"""Who a figure is attributed to: "according to X", "X said …", "…, X said", "X pledged $5m".

`Sources` reads the attribution cues of each sentence once (a bounded scan around each reporting
verb) and answers `source(first, last, sentence)` for a figure at tokens [first, last): the
nearest cue before it whose scope holds it, else a trailing cue after it, else the speaker of
the quotation it sits in. Pronouns and anaphors ("she said", "the agency said") resolve to
actors through the `ActorIndex`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache
from typing import Any

from newsfacts.builders.lexicon import load_data
from newsfacts.builders.mentions import ActorIndex, Mention
from newsfacts.builders.numbers import PUNCT, WORD, Token

MAX_SUBJECT = 14        # tokens walked back from a verb to find its subject
MAX_SOURCE = 16         # tokens of an "according to" phrase
QUOTES = "\"“”«»"
PHRASE_END = frozenset(",.;:—–()\"“”")


@dataclass(frozen=True)
class Source:
    """A resolved source: text as written (or the actor's name) and the actor id, if any."""

    text: str
    actor_id: str | None


@dataclass(frozen=True)
class Cue:
    """An attribution cue in a sentence: the verb token, the source's tokens and its scope kind."""

    verb: int
    kind: str           # speech, object or according
    subj_first: int
    subj_last: int
    trailing: bool
    source: Source | None


@cache
def source_lex() -> dict[str, Any]:
    """The attribution lexicon with lists as sets."""
    data = load_data("figure_sources.yaml")
    out: dict[str, Any] = {k: frozenset(v) if isinstance(v, list) else v for k, v in data.items()}
    out["pronouns"] = {k: frozenset(v) for k, v in data["pronouns"].items()}
    return out


class Sources:
    """Attribution cues of one document, read sentence by sentence, and the figure → source lookup."""

    def __init__(self, body: str, tokens: list[Token], bounds: list[tuple[int, int]],
                 paragraphs: list[int], actors: ActorIndex) -> None:
        self.body = body
        self.tokens = tokens
        self.bounds = bounds
        self.paragraphs = paragraphs
        self.actors = actors
        self.history: list[tuple[int, Source]] = []   # (char position, source) of resolved cues
        self._token_ends = [t.end for t in tokens]
        self._mention_starts = [m.start for m in actors.mentions]
        self.cues: list[list[Cue]] = []
        for s in range(len(bounds)):
            self.cues.append(self._sentence_cues(s))
        self.quotes = _quote_spans(body)
        self._quote_starts = [q[0] for q in self.quotes]

    def source(self, first: int, last: int, sentence: int) -> Source | None:
        """The source of the figure at tokens [first, last) of sentence `sentence`, or None."""
        cues = self.cues[sentence]
        before = [c for c in cues if c.verb < first and not (c.subj_first <= first < c.subj_last)
                  and self._in_scope(c, first)]
        if before:
            return max(before, key=lambda c: c.verb).source
        after = [c for c in cues if c.verb >= last and c.trailing
                 and not (c.subj_first <= first < c.subj_last)]
        if after:
            return min(after, key=lambda c: c.verb).source
        if self._quoted(self.tokens[first].start):
            return self._quote_speaker(sentence)
        return None

    def _in_scope(self, cue: Cue, first: int) -> bool:
        """Does the cue's scope reach token `first`? Object verbs stop at a clause break."""
        if cue.kind != "object":
            return True
        breaks = source_lex()["clause_breaks"]
        for k in range(cue.verb + 1, first):
            t = self.tokens[k]
            if t.lower in breaks or (t.text == "," and k + 1 < first and self.tokens[k + 1].lower == "and"):
                return False
        return True

    def _quoted(self, pos: int) -> bool:
        """Is character `pos` inside a quotation?"""
        i = bisect.bisect_right(self._quote_starts, pos) - 1
        return i >= 0 and self.quotes[i][0] <= pos < self.quotes[i][1]

    def _quote_speaker(self, sentence: int) -> Source | None:
        """The source of the nearest speech cue in the same paragraph (for quoted figures)."""
        para = self.paragraphs[sentence]
        for dist in range(1, 4):
            for s in (sentence - dist, sentence + dist):
                if 0 <= s < len(self.cues) and self.paragraphs[s] == para:
                    found = [c for c in self.cues[s] if c.kind == "speech" and c.source]
                    if found:
                        return found[0].source
        return None

    # ------------------------------------------------------------------ reading cues
    def _sentence_cues(self, s: int) -> list[Cue]:
        """All attribution cues of sentence `s`, sources resolved."""
        lo, hi = self.bounds[s]
        lex = source_lex()
        out: list[Cue] = []
        k = lo
        while k < hi:
            t = self.tokens[k]
            cue: Cue | None
            if t.kind == WORD and t.lower == "according" and k + 1 < hi and self.tokens[k + 1].lower == "to":
                cue = self._according(k, hi)
            elif t.kind == WORD and (t.lower in lex["speech"] or t.lower in lex["object"]) \
                    and not self._negated(k, lo):
                cue = self._verb_cue(k, lo, hi)
            else:
                cue = None
            if cue is not None:
                out.append(cue)
                if cue.source is not None:
                    self.history.append((self.tokens[k].start, cue.source))
            k += 1
        return out

    def _negated(self, k: int, lo: int) -> bool:
        """Is the verb at k negated ("did not say", "declined to comment")?"""
        negs = source_lex()["negations"]
        return any(self.tokens[j].lower in negs for j in range(max(lo, k - 3), k))

    def _according(self, k: int, hi: int) -> Cue:
        """ "according to X": X runs to the next punctuation."""
        j = k + 2
        while j < hi and j - k < MAX_SOURCE and not (self.tokens[j].kind == PUNCT
                                                     and self.tokens[j].text in PHRASE_END):
            j += 1
        source = self._resolve(k + 2, j)
        return Cue(k, "according", k + 2, j, True, source)

    def _verb_cue(self, k: int, lo: int, hi: int) -> Cue | None:
        """ "X said …", "…, X said", "…, said X"."""
        kind = "speech" if self.tokens[k].lower in source_lex()["speech"] else "object"
        first = self._subject_start(k, lo)
        sf, sl = first, self._strip_tail(first, k)
        inverted = False
        if sf == sl and k > lo and self.tokens[k - 1].text in ",”\"’":
            sf, sl = k + 1, self._phrase_end(k + 1, hi)
            inverted = True
        if sf >= sl:
            sf, sl = self._appositive_subject(lo, k)
        if sf >= sl:
            return None
        trailing = inverted or self._no_complement(k, hi)
        if inverted:
            return Cue(k, kind, sf, hi, True, self._resolve(sf, sl))
        return Cue(k, kind, sf, sl, trailing, self._resolve(sf, sl))

    def _subject_start(self, k: int, lo: int) -> int:
        """First token of the subject before the verb at k (after the nearest boundary)."""
        bounds = source_lex()["subject_boundaries"]
        j = k - 1
        while j >= lo and k - j <= MAX_SUBJECT:
            t = self.tokens[j]
            if (t.kind == PUNCT and t.text in PHRASE_END) or t.lower in bounds:
                return j + 1
            j -= 1
        return j + 1

    def _strip_tail(self, first: int, k: int) -> int:
        """End of the subject: drop adverbs, auxiliaries and time words before the verb."""
        tail = source_lex()["subject_tail"]
        j = k
        while j > first and self.tokens[j - 1].lower in tail:
            j -= 1
        return j

    def _phrase_end(self, j: int, hi: int) -> int:
        """End of a noun phrase starting at j: the next punctuation."""
        k = j
        while k < hi and k - j < MAX_SOURCE and not (self.tokens[k].kind == PUNCT
                                                     and self.tokens[k].text in PHRASE_END):
            k += 1
        return k

    def _appositive_subject(self, lo: int, k: int) -> tuple[int, int]:
        """Subject of "Name, a title, said": the first actor mention of the sentence before k."""
        start, end = self.tokens[lo].start, self.tokens[k].start
        mentions = self.actors.in_span(start, end)
        people = [m for m in mentions if m.kind == "person"]
        pick = people[0] if people else mentions[0] if mentions else None
        if pick is None:
            j = lo
            while j < k and j - lo < 3 and self.tokens[j].kind == WORD:
                j += 1
            return lo, j
        return self._token_at(pick.start), self._token_at(pick.end - 1) + 1

    def _token_at(self, pos: int) -> int:
        """Index of the token covering or following character `pos`."""
        return bisect.bisect_left(self._token_ends, pos + 1)

    def _no_complement(self, k: int, hi: int) -> bool:
        """Does nothing but adverbials follow the verb at k up to the next punctuation?"""
        j = k + 1
        if j >= hi or self.tokens[j].kind == PUNCT:
            return True
        if self.tokens[j].lower not in source_lex()["trailing_heads"]:
            return False
        while j < hi and not (self.tokens[j].kind == PUNCT and self.tokens[j].text in PHRASE_END):
            if self.tokens[j].lower == "that":
                return False
            j += 1
        return True

    # ------------------------------------------------------------------ resolving sources
    def _resolve(self, first: int, last: int) -> Source | None:
        """The source named by tokens [first, last): an actor, a pronoun's antecedent, or text."""
        if first >= last:
            return None
        start, end = self.tokens[first].start, self.tokens[last - 1].end
        text = self.body[start:end]
        words = [t.lower for t in self.tokens[first:last] if t.kind == WORD]
        mentions = self.actors.in_span(start, end)
        if mentions:
            return Source(text, _best(mentions).actor_id)
        pronouns = source_lex()["pronouns"]
        if len(words) == 1 and words[0] in pronouns["person"]:
            m = self.actors.before(start, kinds=["person"])
            return Source(self.actors.name(m.actor_id), m.actor_id) if m else None
        if len(words) == 1 and words[0] in pronouns["group"]:
            return self._recent(start) or self._actor_before(start, None)
        if words and words[0] in ("the", "its", "a", "their") and len(words) <= 4 \
                and words[-1] in source_lex()["generic_nouns"]:
            return self._actor_before(start, words[-1]) or self._recent(start) or Source(text, None)
        return Source(text, None)

    def _recent(self, pos: int) -> Source | None:
        """The most recent resolved source before `pos` that names an actor."""
        for p, src in reversed(self.history):
            if p < pos and src.actor_id:
                return src
        return None

    def _actor_before(self, pos: int, noun: str | None) -> Source | None:
        """The nearest organization (or state) before `pos` whose name holds `noun` (any if None)."""
        i = bisect.bisect_left(self._mention_starts, pos) - 1
        seen = 0
        while i >= 0 and seen < 60:
            m = self.actors.mentions[i]
            name = self.actors.name(m.actor_id) if m.actor_id in self.actors.actors else m.text
            if m.kind != "person" and (noun is None or noun.rstrip("'s") in name.lower()):
                return Source(name, m.actor_id)
            i -= 1
            seen += 1
        return None


def _best(mentions: list[Mention]) -> Mention:
    """The mention that names the source: the last person, else the longest mention."""
    people = [m for m in mentions if m.kind == "person"]
    if people:
        return people[-1]
    return max(mentions, key=lambda m: (m.end - m.start, -m.start))


def _quote_spans(body: str) -> list[tuple[int, int]]:
    """Spans of quotations in the body (curly pairs or straight-quote toggles, within a paragraph)."""
    spans: list[tuple[int, int]] = []
    open_at = -1
    for i, ch in enumerate(body):
        if ch == "\n":
            if open_at >= 0:
                spans.append((open_at, i))
            open_at = -1
        elif ch in "“«" or (ch == '"' and open_at < 0):
            open_at = i
        elif ch in "”»" or ch == '"':
            if open_at >= 0:
                spans.append((open_at, i + 1))
            open_at = -1
    return spans
