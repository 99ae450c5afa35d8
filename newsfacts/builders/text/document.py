"""The document layer: an article as every builder reads it, computed once per article.

`Doc.of(article)` splits the body into sentences; everything else is computed on first use and
kept for the other builders: the token views (`words` for names, `tokens` for clauses and
quotations, `clause_tokens` for meeting clauses and place phrases, number tokens of a sentence),
the quotations, the date expressions of a sentence and the lexicon matches of the whole body
(one Aho-Corasick pass, `matcher`). Each view keeps the token definition its builder's rules were
written for; a builder slices a view (`doc.tokens.between(start, end)`) instead of scanning the
body again.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

from newsfacts.articles import Article
from newsfacts.builders.text.clause_tokens import ClauseTok, clause_tokens
from newsfacts.builders.text.dates import DateMention, find_dates
from newsfacts.builders.text.matcher import Matches
from newsfacts.builders.text.numbers import Token as NumberToken
from newsfacts.builders.text.numbers import tokenize as number_tokens
from newsfacts.builders.text.quotes import Quote, find_quotes
from newsfacts.builders.text.sentences import Span, split_sentences
from newsfacts.builders.text.tokens import Tok, tokenize_with_words
from newsfacts.builders.text.words import Token as Word

T = TypeVar("T")


class Tokens(list[T]):
    """Tokens sorted by position, and the ones that start in a span (`between`)."""

    _starts: list[int] | None = None

    def between(self, start: int, end: int) -> list[T]:
        """The tokens that start in [start, end) (a span that starts and ends at a sentence boundary)."""
        if self._starts is None:
            self._starts = [t.start for t in self]  # type: ignore[attr-defined]
        return self[bisect.bisect_left(self._starts, start):bisect.bisect_left(self._starts, end)]

    def starting_at(self, positions: list[int], start: int = 0, end: int | None = None) -> list[int] | None:
        """Indexes in `between(start, end)` of the tokens that start at one of the sorted `positions`
        (lexicon matches); None without positions to go by (`Matches.exact` false)."""
        if self._starts is None:
            self._starts = [t.start for t in self]  # type: ignore[attr-defined]
        starts = self._starts
        first = bisect.bisect_left(starts, start)
        lo = bisect.bisect_left(positions, start)
        hi = len(positions) if end is None else bisect.bisect_left(positions, end)
        out = []
        for pos in positions[lo:hi]:
            k = bisect.bisect_left(starts, pos)
            if k < len(starts) and starts[k] == pos:
                out.append(k - first)
        return out


@dataclass
class Doc:
    """An article as the builders read it: body, metadata and sentence spans."""

    article: Article
    sentences: list[Span] = field(default_factory=list)

    @classmethod
    def of(cls, article: Article) -> Doc:
        """Split the article into sentences."""
        return cls(article, split_sentences(article.body))

    def release(self) -> None:
        """Drop every view computed so far (tokens, matches …): an extraction is over, and a
        builder's leftover reference to the document must not keep them alive."""
        for name in [n for n in vars(self) if n not in ("article", "sentences")]:
            del self.__dict__[name]

    @property
    def body(self) -> str:
        """The normalized body."""
        return self.article.body

    @cached_property
    def sentence_starts(self) -> list[int]:
        """Start offset of every sentence."""
        return [s.start for s in self.sentences]

    def sentence_index(self, pos: int) -> int:
        """Index of the sentence holding character `pos` (the previous one between sentences)."""
        return max(bisect.bisect_right(self.sentence_starts, pos) - 1, 0)

    @cached_property
    def matches(self) -> Matches:
        """Where the words of every registered word list stand in the body (one Aho-Corasick pass)."""
        return Matches(self.body)

    def clause_tokens_at(self, name: str, start: int = 0, end: int | None = None) -> list[int] | None:
        """Indexes in `clause_tokens.between(start, end)` of the tokens where a word of the
        registered list `name` starts (None: any token may be one)."""
        if not self.matches.exact:
            return None
        return self.clause_tokens.starting_at(self.matches.starts(name), start, end)

    def sentences_with(self, name: str) -> set[int] | None:
        """Indexes of the sentences holding a word of the registered list `name` (None: any may)."""
        return self.matches.sentences(name, self.sentence_starts)

    def sentence_text(self, index: int) -> str:
        """Text of sentence `index`."""
        s = self.sentences[index]
        return self.body[s.start:s.end]

    @cached_property
    def _scanned(self) -> tuple[Tokens[Tok], list[Word]]:
        tokens, words = tokenize_with_words(self.body)
        return Tokens(tokens), words

    @cached_property
    def words(self) -> list[Word]:
        """Word tokens of the whole body (names: possessives cut off, dotted abbreviations kept)."""
        return self._scanned[1]

    @cached_property
    def tokens(self) -> Tokens[Tok]:
        """Word and punctuation tokens of the whole body, with their lowercase and case features
        (made in the same scan as `words`)."""
        return self._scanned[0]

    @cached_property
    def clause_tokens(self) -> Tokens[ClauseTok]:
        """Clause tokens of the whole body (words with inner hyphens and apostrophes, single marks)."""
        return Tokens(clause_tokens(self.body, 0, len(self.body)))

    @cached_property
    def quotes(self) -> list[Quote]:
        """Every quotation of the body, in order."""
        return find_quotes(self.body)

    @cached_property
    def _number_tokens(self) -> dict[int, list[NumberToken]]:
        return {}

    def number_tokens(self, index: int) -> list[NumberToken]:
        """Word, number and punctuation tokens of sentence `index` (numbers read whole: "1,200")."""
        found = self._number_tokens.get(index)
        if found is None:
            span = self.sentences[index]
            found = self._number_tokens[index] = number_tokens(self.body[span.start:span.end], span.start)
        return found

    @cached_property
    def _dates(self) -> dict[tuple[int, int], list[DateMention]]:
        return {}

    def dates_in(self, start: int, end: int) -> list[DateMention]:
        """Date expressions of body[start:end], with offsets into the body."""
        found = self._dates.get((start, end))
        if found is None:
            found = self._dates[(start, end)] = find_dates(self.body[start:end], start)
        return found
