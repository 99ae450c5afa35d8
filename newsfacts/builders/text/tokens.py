"""Tokens for the statements builder: words and punctuation with their offsets in the body.

A word is a run of letters and digits, with inner hyphens, apostrophes and periods kept when a
letter or digit follows ("al-Harbi", "China’s", "U.N"). Every other non-space character is a
token of its own. One linear scan.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from newsfacts.builders.text.memo import Memo
from newsfacts.builders.text.words import DOTTED, Token, word_token

# A word (alphanumeric runs joined by single inner separators, which are not alphanumeric, so the
# match is unique and the scan linear), or any other non-space character.
_TOKEN = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*|\S")


class Tok(NamedTuple):
    """One token: its text, span, whether it lies inside a quotation, and derived forms computed once:
    `lower` (lowercase, curly apostrophes straightened), `is_word` (letters or digits, not
    punctuation), `is_cap` (starts with an uppercase letter), `possessive` ("China’s", "UN's")."""

    text: str
    start: int
    end: int
    quoted: bool
    lower: str
    is_word: bool
    is_cap: bool
    possessive: bool


def _features(text: str) -> tuple[str, bool, bool, bool]:
    """(lower, is_word, is_cap, possessive) of a token text."""
    lower = text.lower().replace("’", "'")
    return lower, text[0].isalnum(), text[0].isupper(), lower.endswith("'s") and len(text) > 2


_FEATURES = Memo(_features)
_new = tuple.__new__  # builds a Tok from a ready tuple, without the generated __new__'s call


def make_tok(text: str, start: int, end: int, quoted: bool = False) -> Tok:
    """A token with its derived forms."""
    return _new(Tok, (text, start, end, quoted, *_FEATURES[text]))


def tokenize(body: str, start: int, end: int) -> list[Tok]:
    """Tokens of body[start:end]."""
    out: list[Tok] = []
    append, features = out.append, _FEATURES
    taken = start  # end of the last token: a period taken by the token before is not a token again
    for m in _TOKEN.finditer(body, start, end):
        i, j = m.span()
        if i < taken:
            continue
        if j < end and body[j] == "." and ("." in body[i:j] or (j - i == 1 and body[i].isupper())
                                           or body[i:j].lower() in DOTTED):
            j += 1  # "U.N.", the initial in "Daniel R. Whitcombe" and "Dr." keep their period
        taken = j
        text = body[i:j]
        append(_new(Tok, (text, i, j, False, *features[text])))
    return out


def tokenize_with_words(body: str) -> tuple[list[Tok], list[Token]]:
    """`tokenize(body, 0, len(body))` and `words.tokenize(body)` in one scan: the word runs of this
    pattern are exactly the runs the word pattern finds (both try a word at every position first,
    and a word can only start at a letter or digit, where `\\S` is never tried)."""
    out: list[Tok] = []
    found: list[Token] = []
    append, add_word, features = out.append, found.append, _FEATURES
    end = len(body)
    taken = 0
    for m in _TOKEN.finditer(body):
        i, j = m.span()
        text = m.group()
        is_word = text[0].isalnum()
        if is_word:
            add_word(word_token(body, i, j, text))
        if i < taken:
            continue
        if j < end and body[j] == "." and ("." in text or (j - i == 1 and body[i].isupper())
                                           or text.lower() in DOTTED):
            j += 1
            text = body[i:j]
        taken = j
        append(_new(Tok, (text, i, j, False, *features[text])))
    return out, found


def mark_quoted(tokens: list[Tok], spans: list[tuple[int, int]]) -> list[Tok]:
    """The tokens with `quoted` set for those inside one of the sorted, disjoint spans."""
    if not spans:
        return list(tokens)
    out: list[Tok] = []
    k = 0
    for t in tokens:
        while k < len(spans) and spans[k][1] <= t.start:
            k += 1
        inside = k < len(spans) and spans[k][0] <= t.start < spans[k][1]
        out.append(_new(Tok, (t[0], t[1], t[2], True, *t[4:])) if inside else t)
    return out
