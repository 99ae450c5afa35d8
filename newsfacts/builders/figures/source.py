"""Who a figure is attributed to: "according to X", "X said …", "…, X said", "X pledged $5m".

`Sources` reads the attribution cues of each sentence once (a bounded scan around each reporting
verb) and answers `source(first, last, sentence)` for a figure at tokens [first, last): the
nearest reporting cue before it whose scope holds it, else a trailing cue after it ("…, the
agency said"), else a pledge-like verb's subject, else the speaker of the quotation it sits in.
Sources resolve to actors through `resolve.Resolver`.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass

from newsfacts.builders.actors.mentions import ActorIndex
from newsfacts.builders.figures.quotes import Quotes, token_at
from newsfacts.builders.figures.resolve import Resolver, Source, source_lex
from newsfacts.builders.text.numbers import NUM, PUNCT, WORD, Token
from newsfacts.builders.text.sentences import ABBREVIATIONS

MAX_SUBJECT = 14        # tokens walked back from a verb to find its subject
MAX_SOURCE = 16         # tokens of an "according to" phrase
MAX_INVERTED = 8        # tokens of an inverted subject (", said Amal Haddad, …")
ACCORDING_REACH = 4     # tokens after a mid-sentence "according to X," that it still covers
PHRASE_END = frozenset(",.;:—–()\"“”")
SUBJECT_END = frozenset(",;:—–-\"“”")
CLOSERS = frozenset(",”\"’")
NAME_JOINERS = frozenset(["and", "of", "for", "the", "on", "&"])
WINDOW = 80             # tokens around a figure whose cues may attribute it
MAX_DESCRIPTION = 40    # tokens of an inverted speaker's description
CONTEXT = 6             # sentences before a figure whose cues are read (for anaphors)


@dataclass(frozen=True)
class Cue:
    """An attribution cue: verb token, the source's tokens [subj_first, subj_last), its kind."""

    verb: int
    kind: str           # speech, weak, object or according
    subj_first: int
    subj_last: int
    trailing: bool
    source: Source | None


class Sources:
    """Attribution cues of one document, read lazily sentence by sentence, and figure → source lookup.

    `tokens_of(s)` gives the tokens of sentence `s`; cues of a sentence are read once, with those
    of the few sentences before it (for "it said" and "the agency said").
    """

    def __init__(self, body: str, n_sentences: int, paragraphs: list[int], actors: ActorIndex,
                 tokens_of: Callable[[int], list[Token]]) -> None:
        self.n = n_sentences
        self.paragraphs = paragraphs
        self.actors = actors
        self.tokens_of = tokens_of
        self.tokens: list[Token] = []
        self.resolver = Resolver(body, actors)
        self.quotes = Quotes(body)
        self._cues: dict[int, list[Cue]] = {}
        self._verbs: dict[int, list[int]] = {}
        self._current = -1
        self._context_read: set[int] = set()
        self.resolver.before_lookup = self._read_context

    def cues(self, s: int) -> list[Cue]:
        """The cues of sentence `s`, read on first use."""
        if s not in self._cues:
            saved, current = self.tokens, self._current
            self.tokens, self._current = self.tokens_of(s), s
            self._cues[s] = self._sentence_cues()
            self._verbs[s] = [c.verb for c in self._cues[s]]
            self.tokens, self._current = saved, current
        return self._cues[s]

    def _read_context(self) -> None:
        """Read the cues of the sentences before the current one (for "it said", "the agency said")."""
        s = self._current
        if s in self._context_read:
            return
        self._context_read.add(s)
        for t in range(max(0, s - CONTEXT), s):
            self._context_read.add(t)
            self.cues(t)

    def source(self, first: int, last: int, sentence: int) -> Source | None:
        """The source of the figure at tokens [first, last) of sentence `sentence`, or None."""
        every = self.cues(sentence)
        verbs = self._verbs[sentence]
        all_cues = every[bisect.bisect_left(verbs, first - WINDOW):bisect.bisect_right(verbs, last + WINDOW)]
        if any(c.subj_first <= first < c.subj_last for c in all_cues if c.kind in ("speech", "according")):
            return None  # the figure describes a source ("a survey of 2,000 households found")
        cues = all_cues
        self.tokens = self.tokens_of(sentence)
        strong = [c for c in cues if c.kind in ("speech", "according")]
        before = [c for c in strong if c.verb < first and self._reaches(c, first)]
        if before:
            return before[-1].source
        after = [c for c in strong if c.verb >= last and c.trailing]
        if after:
            return after[0].source
        weak = [c for c in cues if c.kind in ("weak", "object") and c.verb < first
                and self._in_clause(c, first)]
        if weak:
            return weak[-1].source
        late = [c for c in cues if c.kind == "object" and c.verb >= last and c.trailing]
        if late:
            return late[0].source
        quote = self.quotes.at(self.tokens[first].start)
        if quote is not None:
            return self._quote_speaker(sentence, self.quotes.runs_on(quote))
        return None

    def _reaches(self, cue: Cue, first: int) -> bool:
        """Does a cue before the figure cover it? Mid-sentence "according to X" reaches only a little."""
        if cue.kind != "according" or cue.verb <= 1:
            return True
        return first - cue.subj_last <= ACCORDING_REACH

    def _in_clause(self, cue: Cue, first: int) -> bool:
        """Is there no clause break between an object verb and the figure?"""
        if cue.kind == "weak":
            return True
        breaks = source_lex()["clause_breaks"]
        for k in range(cue.verb + 1, first):
            t = self.tokens[k]
            if t.lower in breaks or (t.text == "," and k + 1 < first and self.tokens[k + 1].lower == "and"):
                return False
        return True

    def _quote_speaker(self, sentence: int, runs_on: bool) -> Source | None:
        """The source of the nearest speech cue in the same paragraph (for quoted figures).

        A quotation left open at the end of its paragraph runs on into the next one, whose speech
        cue may name the speaker ("… 3,000 homes.¶“We need tents,” she said.").
        """
        para = self.paragraphs[sentence]
        allowed = {para, para + 1} if runs_on else {para}
        for dist in range(1, 4):
            for s in (sentence - dist, sentence + dist):
                if 0 <= s < self.n and self.paragraphs[s] in allowed:
                    found = [c for c in self.cues(s) if c.kind == "speech" and c.source]
                    if found:
                        return found[0].source
        return None

    # ------------------------------------------------------------------ reading cues
    def _sentence_cues(self) -> list[Cue]:
        """All attribution cues of the current sentence (`self.tokens`), sources resolved."""
        lo, hi = 0, len(self.tokens)
        lex = source_lex()
        out: list[Cue] = []
        for k in range(lo, hi):
            t = self.tokens[k]
            if t.kind != WORD or not (t.text.islower() or t.text == "According"):
                continue
            cue: Cue | None = None
            if t.lower == "according" and k + 1 < hi and self.tokens[k + 1].lower == "to":
                cue = self._according(k, hi)
            elif t.lower in lex["speech"] or t.lower in lex["weak"] or t.lower in lex["object"] \
                    or (t.lower in lex["noun_verbs"] and self._noun_verb(k)):
                cue = self._verb_cue(k, lo, hi, out)
            if cue is not None:
                out.append(cue)
                if cue.source is not None:
                    self.resolver.remember(self.tokens[k].start, cue.source)
        return out

    def _according(self, k: int, hi: int) -> Cue:
        """ "according to X": X runs to the next punctuation (or past it, to the end of a name)."""
        j = self._phrase_end(k + 2, hi)
        j = self._name_list_end(j, hi)
        if k + 2 < j < hi:
            m = self.actors.at(self.tokens[j - 1].start)
            if m is not None and m.end > self.tokens[j - 1].end:
                j = self._phrase_end(token_at(self.tokens, m.end - 1) + 1, hi)
        return Cue(k, "according", k + 2, j, True, self._resolve(k + 2, j, 0))

    def _noun_verb(self, k: int) -> bool:
        """Is "estimates"/"reports" at k a verb ("The World Bank estimates", "she reports")?"""
        if k == 0:
            return False
        prev, nxt = self.tokens[k - 1], self.tokens[k + 1] if k + 1 < len(self.tokens) else None
        lex = source_lex()
        if nxt is not None and nxt.lower in ("of", "by", "from", "for", "on", "in", "to", "suggest", "show"):
            return False
        return (k > 1 and prev.kind == WORD and prev.text[0].isupper()) or prev.lower in lex["generic_nouns"] \
            or prev.lower in lex["documents"] or prev.lower in ("tally", "count", "poll", "census") \
            or prev.lower in lex["pronouns"]["person"] or prev.lower in lex["pronouns"]["group"]

    def _is_verb(self, k: int, lo: int) -> bool:
        """Is the cue word at k a finite reporting verb (not "the estimated", "are estimated", negated)?"""
        lex = source_lex()
        prev = self.tokens[k - 1].lower if k > lo else ""
        if prev in lex["determiners"] or prev in lex["passive"]:
            return False
        return not any(self.tokens[j].lower in lex["negations"] for j in range(max(lo, k - 3), k))

    def _verb_cue(self, k: int, lo: int, hi: int, earlier: list[Cue]) -> Cue | None:
        """ "X said …", "…, X said", "…, said X", "Name, a title, said", "…, adding that …"."""
        if not self._is_verb(k, lo):
            return None
        word = self.tokens[k].lower
        lex = source_lex()
        if word.endswith("ing"):
            src = next((c.source for c in reversed(earlier[-8:]) if c.source and k - c.verb < WINDOW), None)
            if src is not None:
                return Cue(k, "speech", k, k, False, src)
            return self._appositive_cue(k, "weak", lo, hi)
        kind = "speech" if word in lex["speech"] else "weak" if word in lex["weak"] else "object"
        if word in lex["announce"]:
            nxt = self.tokens[k + 1] if k + 1 < hi else None
            clause = nxt is None or nxt.lower == "that" or nxt.kind == PUNCT
            kind = "speech" if clause or self._no_complement(k, hi) else "object"
        sf = self._name_list_start(self._subject_start(k, lo), k, lo)
        while sf < k and self.tokens[sf].lower in lex["subject_lead"]:
            sf += 1
        sl = self._strip_tail(sf, k)
        if sf < sl:
            return Cue(k, kind, sf, sl, self._no_complement(k, hi), self._resolve(sf, sl, lo))
        boundary = self.tokens[sf - 1] if sf > lo else None
        if boundary is not None and boundary.lower in lex["relative"]:
            nf = self._np_start(sf - 1, lo)
            if nf < sf - 1:
                return Cue(k, kind, nf, sf - 1, False, self._resolve(nf, sf - 1, lo))
        if boundary is not None and boundary.text in CLOSERS and self._inverted(k + 1, hi):
            end = self._phrase_end(k + 1, hi)
            return Cue(k, kind, k + 1, self._description_end(k + 1, hi), True, self._resolve(k + 1, end, lo))
        return self._appositive_cue(k, kind, lo, hi)

    def _appositive_cue(self, k: int, kind: str, lo: int, hi: int) -> Cue | None:
        """ "Amal Haddad, head of the office, said …": the subject is the sentence's first actor."""
        start, end = self.tokens[max(lo, k - MAX_SUBJECT * 3)].start, self.tokens[k].start
        mentions = self.actors.in_span(start, end)
        if mentions:
            people = [m for m in mentions if m.kind == "person"]
            m = people[0] if people else mentions[-1]
            sf, sl = self._token_at(m.start), self._token_at(m.end - 1) + 1
            if sl < k and self.tokens[sl].lower in source_lex()["group_heads"] and self.tokens[sl].text.islower():
                sl += 1
        else:
            sf, sl = lo, self._leading_np(lo, k)
        if sf >= sl:
            return None
        return Cue(k, kind, sf, sl, self._no_complement(k, hi), self._resolve(sf, sl, lo))

    def _name_words(self, a: int, b: int) -> bool:
        """Are tokens [a, b) a run of a name with a list in it ("Climatology and Geophysics Agency")?"""
        words = self.tokens[a:b]
        if not words or not words[0].text[0].isupper() or all(t.lower != "and" for t in words):
            return False
        return all(t.text in "()" or (t.kind == WORD and (t.text[0].isupper() or t.lower in NAME_JOINERS))
                   for t in words)

    def _name_list_end(self, j: int, hi: int) -> int:
        """Past ", Climatology and Geophysics Agency" when a name with commas was cut at a comma."""
        if j + 1 < hi and self.tokens[j].text == "," and self.tokens[j - 1].text[0].isupper():
            end = self._phrase_end(j + 1, hi)
            if self._name_words(j + 1, end):
                return end
        return j

    def _name_list_start(self, sf: int, k: int, lo: int) -> int:
        """Back over "the Meteorology," when a subject is the list-like tail of a name with commas."""
        if sf - 2 < lo or self.tokens[sf - 1].text != "," or not self._name_words(sf, k):
            return sf
        i = sf - 2
        while i >= lo and self.tokens[i].kind == WORD and (self.tokens[i].text[0].isupper()
                                                           or self.tokens[i].lower in NAME_JOINERS):
            i -= 1
        start = i + 1
        while start < sf - 1 and self.tokens[start].lower in NAME_JOINERS and self.tokens[start].lower != "the":
            start += 1
        return start if start < sf - 1 else sf

    def _leading_np(self, lo: int, k: int) -> int:
        """End of the name-like phrase opening a sentence ("Commission chairwoman Gulnara Asanova")."""
        j = lo
        while j < k and j - lo < 8 and self.tokens[j].kind == WORD:
            t = self.tokens[j]
            nxt = self.tokens[j + 1] if j + 1 < k else None
            prev = self.tokens[j - 1].lower if j > lo else ""
            ok = (t.text[0].isupper() or t.lower in ("of", "for", "and", "the")
                  or prev in ("the", "a", "an", "its", "their")
                  or (nxt is not None and nxt.kind == WORD and nxt.text[0].isupper()))
            if not ok:
                break
            j += 1
        return j

    def _subject_start(self, k: int, lo: int) -> int:
        """First token of the subject before the verb at k (after the nearest boundary)."""
        lex = source_lex()
        j = k - 1
        while j >= lo and k - j <= MAX_SUBJECT:
            t = self.tokens[j]
            if t.kind == PUNCT and t.text in SUBJECT_END:
                return j + 1
            if t.text.islower() and (t.lower in lex["speech"] or
                                     (t.lower in lex["subject_boundaries"] and not self._joins(j, lo))):
                return j + 1
            j -= 1
        return j + 1

    def _joins(self, j: int, lo: int) -> bool:
        """Does the "and" at j join two names of one subject ("UNHCR and the NRC", "groups and researchers")?"""
        if self.tokens[j].lower != "and" or j == lo:
            return False
        prev = self.tokens[j - 1]
        if prev.kind == PUNCT and prev.text != ")":
            return False
        if prev.text == ")" or (prev.kind == WORD and prev.text[0].isupper()):
            return True
        lex = source_lex()
        for i in range(j - 1, max(lo - 1, j - 4), -1):
            t = self.tokens[i]
            if t.kind == NUM:
                return False
            if (t.kind == PUNCT and t.text in SUBJECT_END) or t.lower in lex["subject_boundaries"]:
                return True
        return j - 1 < lo + 3

    def _np_start(self, j: int, lo: int) -> int:
        """Start of the noun phrase ending before token j ("a report by UN experts" before "that")."""
        stops = source_lex()["np_stops"]
        i = j - 1
        if i >= lo and self.tokens[i].text == ",":
            i -= 1
        while i >= lo and j - i <= MAX_SUBJECT:
            t = self.tokens[i]
            if (t.kind == PUNCT and t.text in PHRASE_END) or t.lower in stops:
                return i + 1
            i -= 1
        return i + 1

    def _strip_tail(self, first: int, k: int) -> int:
        """End of the subject: drop adverbs, auxiliaries and time words before the verb."""
        tail = source_lex()["subject_tail"]
        j = k
        while j > first and self.tokens[j - 1].lower in tail:
            j -= 1
        return j

    def _inverted(self, j: int, hi: int) -> bool:
        """Does a short name-like phrase follow the verb (", said Amal Haddad, …")?"""
        if j >= hi or self.tokens[j].kind != WORD:
            return False
        t = self.tokens[j]
        if not (t.text[0].isupper() or t.lower in ("a", "an", "the")):
            return False
        return self._phrase_end(j, hi) - j <= MAX_INVERTED

    def _description_end(self, j: int, hi: int) -> int:
        """End of an inverted speaker's description: the sentence end or a new "adding that …" clause."""
        speech = source_lex()["speech"]
        for k in range(j, min(hi, j + MAX_DESCRIPTION)):
            low = self.tokens[k].lower
            if low.endswith("ing") and low in speech:
                return k
        return min(hi, j + MAX_DESCRIPTION)

    def _phrase_end(self, j: int, hi: int) -> int:
        """End of a phrase starting at j: the next punctuation (parentheses kept inside)."""
        k = j
        depth = 0
        while k < hi and k - j < MAX_SOURCE:
            text = self.tokens[k].text
            if text == "(":
                depth += 1
            elif text == ")" and depth:
                depth -= 1
            elif self.tokens[k].kind == PUNCT and text in PHRASE_END and not depth \
                    and not (text == "." and k > j and self.tokens[k - 1].lower in ABBREVIATIONS):
                break
            k += 1
        return k

    def _token_at(self, pos: int) -> int:
        """Index of the token covering or following character `pos`."""
        return token_at(self.tokens, pos)

    def _no_complement(self, k: int, hi: int) -> bool:
        """Does nothing but adverbials (or a short object of "told") follow the verb at k?"""
        lex = source_lex()
        j = k + 1
        if j >= hi or self.tokens[j].kind == PUNCT:
            return True
        end = self._phrase_end(j, hi)
        if any(self.tokens[i].lower == "that" for i in range(j, end)):
            return False
        if self.tokens[k].lower in lex["short_object"]:
            return end - j <= 5
        return self.tokens[j].lower in lex["trailing_heads"]

    def _resolve(self, first: int, last: int, lo: int) -> Source | None:
        """The source named by tokens [first, last)."""
        if first >= last:
            return None
        return self.resolver.resolve(self.tokens[first].start, self.tokens[last - 1].end,
                                     self.tokens[lo].start)
