"""Sentences: the body split into sentence spans in one linear scan (no regex backtracking), and
where a dateline can stand (the first line that is not a byline)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsfacts.builders.text.lexicon import load_data

ABBREVIATIONS: frozenset[str] = frozenset(load_data("abbreviations.yaml")["words"])
# Line openings of bylines and credits, lowercase and followed by a space ("by ", "reporting by ").
BYLINE_STARTS: tuple[str, ...] = tuple(f"{str(m).lower()} " for m in
                                       load_data("actor_words.yaml")["byline_markers"]["starts"])
OPENERS = "\"'“‘«(["
CLOSERS = "\"'”’»)]"
ENDERS = ".!?"
_CANDIDATE = re.compile(r"[\n.!?]")  # one character class: linear, no backtracking


@dataclass(frozen=True)
class Span:
    """Half-open character span of the body."""

    start: int
    end: int


def split_sentences(body: str) -> list[Span]:
    """Sentence spans of the body: paragraphs split on newlines, then on sentence-final punctuation.

    A boundary is `.`, `!` or `?` (plus closing quotes/brackets) followed by whitespace and an
    uppercase letter, a digit or an opening quote, unless the word before the period is a known
    abbreviation or a single initial.
    """
    spans: list[Span] = []
    n = len(body)
    start = 0
    resume = 0
    for match in _CANDIDATE.finditer(body):
        i = match.start()
        if i < resume:
            continue
        ch = body[i]
        if ch == "\n":
            _add(spans, body, start, i)
            start = i + 1
            continue
        j = i + 1
        while j < n and body[j] in CLOSERS:
            j += 1
        k = j
        while k < n and body[k] in " \t":
            k += 1
        if k > j and k < n and _starts_sentence(body[k]) and not (ch == "." and _abbreviation(body, i)):
            _add(spans, body, start, j)
            start = resume = k
    _add(spans, body, start, n)
    return spans


def _starts_sentence(ch: str) -> bool:
    """Could `ch` open a new sentence?"""
    return ch.isupper() or ch.isdigit() or ch in OPENERS


def _abbreviation(body: str, dot: int) -> bool:
    """Is the word ending at `dot` an abbreviation or an initial?"""
    j = dot
    while j > 0 and (body[j - 1].isalpha() or body[j - 1] == "."):
        j -= 1
        if dot - j > 12:
            return False
    word = body[j:dot]
    if len(word) == 1 and word.isupper():
        return True
    return word.lower() in ABBREVIATIONS


def _add(spans: list[Span], body: str, start: int, end: int) -> None:
    """Append the stripped span [start, end) when it holds any text."""
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end))


def first_text_line(body: str) -> int:
    """Offset of the first of the body's first three lines that is neither empty nor a byline
    ("By Sana Jamal", "Reporting by …": the byline markers of `actor_words.yaml`): where a dateline
    can stand."""
    at = 0
    for _ in range(3):
        end = body.find("\n", at)
        line = body[at:] if end < 0 else body[at:end]
        if line.strip() and not line.lstrip().lower().startswith(BYLINE_STARTS):
            return at
        if end < 0:
            break
        at = end + 1
    return 0
