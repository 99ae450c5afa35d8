"""Lexicon matches: every registered word list found in a body in one pass.

Builders register the word lists they gate on (`register("meetings.cues", words, "word")`) when
their module is imported. The first document that asks for matches builds one Aho-Corasick
automaton (pyahocorasick) over the words of every list, once per process; each body is then
lowercased and scanned once, whatever the number of lists. A match counts when it stands alone
at its ends:

- `word`: no letter, digit or underscore (what `\\w` matches) right before or after it, the
  bounds of the clause tokens;
- `alnum`: no letter or digit right before or after it, the bounds of the word tokens of names
  and clauses (`[^\\W_]+` runs: an underscore separates them);
- `alpha`: no letter right before or after it ("2nd" still holds "nd").

Matches are a gate, never a rule: a builder asks which sentences hold a word of a list and skips
the others only where its own scan could find nothing there.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

import ahocorasick

Bound = Literal["word", "alnum", "alpha"]


@dataclass(frozen=True)
class WordList:
    """A registered list: its words (lowercase), computed on first use, and how a match is bounded."""

    name: str
    words: Callable[[], Iterable[str]]
    bound: Bound


_LISTS: dict[str, WordList] = {}
_AUTOMATON: list[tuple[ahocorasick.Automaton, tuple[str, ...]]] = []  # built once, for the lists registered


def register(name: str, words: Callable[[], Iterable[str]], bound: Bound = "word") -> None:
    """Register a word list under `name` (its words are read when the automaton is built)."""
    if name in _LISTS and _LISTS[name] != WordList(name, words, bound):
        raise ValueError(f"word list {name} registered twice")
    _LISTS[name] = WordList(name, words, bound)
    _AUTOMATON.clear()


def automaton() -> tuple[ahocorasick.Automaton, tuple[str, ...]]:
    """The automaton over every registered list (word → indexes of its lists) and the list names."""
    if not _AUTOMATON:
        names = tuple(sorted(_LISTS))
        by_word: dict[str, list[int]] = {}
        for n, name in enumerate(names):
            for word in _LISTS[name].words():
                if word and word == word.lower():
                    by_word.setdefault(word, []).append(n)
                else:
                    raise ValueError(f"word list {name}: {word!r} is not a lowercase word")
        auto = ahocorasick.Automaton()
        for word, lists in sorted(by_word.items()):
            auto.add_word(word, (len(word), tuple(sorted(set(lists)))))
        if by_word:
            auto.make_automaton()
        _AUTOMATON.append((auto, names))
    return _AUTOMATON[0]


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class Matches:
    """Where the words of every registered list stand in one body (starts, sorted, per list)."""

    def __init__(self, body: str) -> None:
        low = body.lower()
        self.exact = len(low) == len(body)  # else offsets would drift: callers scan everything
        auto, names = automaton()
        self._starts: dict[str, list[int]] = {name: [] for name in names}
        if not self.exact or not len(auto):
            return
        bounds = [_LISTS[name].bound for name in names]
        n = len(low)
        for last, (size, lists) in auto.iter(low):
            start, end = last - size + 1, last + 1
            before = low[start - 1] if start > 0 else " "
            after = low[end] if end < n else " "
            ok = {"word": not _word_char(before) and not _word_char(after),
                  "alnum": not before.isalnum() and not after.isalnum(),
                  "alpha": not before.isalpha() and not after.isalpha()}
            for k in lists:
                if ok[bounds[k]]:
                    self._starts[names[k]].append(start)
        for starts in self._starts.values():
            starts.sort()

    def starts(self, name: str) -> list[int]:
        """Start offsets of the matches of list `name`, in order."""
        return self._starts[name]

    def within(self, name: str, start: int, end: int) -> bool:
        """Does a match of list `name` start in [start, end)? (True when the body could not be
        matched exactly: any span may hold one.)"""
        if not self.exact:
            return True
        starts = self._starts[name]
        return bisect.bisect_left(starts, start) < bisect.bisect_left(starts, end)

    def sentences(self, name: str, sentence_starts: list[int]) -> set[int] | None:
        """Indexes of the sentences (given by their start offsets) holding a match of list `name`;
        None when the body could not be matched exactly (every sentence may hold one)."""
        if not self.exact:
            return None
        found = {bisect.bisect_right(sentence_starts, s) - 1 for s in self._starts[name]}
        found.discard(-1)
        return found
