"""Word tokens for the actors builder: one linear scan, offsets into the body.

A token is a run of letters and digits, with inner hyphens, apostrophes and periods kept when a
letter or digit follows them ("al-Maliki", "O'Neill", "U.S"). A final period stays on initials
and dotted abbreviations ("L.", "U.S.", "Dr."). A possessive "'s" / "’s" or a bare final
apostrophe ("Hamas’") is cut off and recorded in `possessive`.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from newsfacts.builders.text.memo import Memo

# Alphanumeric runs joined by single inner hyphens, apostrophes or periods. The separators are not
# alphanumeric, so every way to extend a match is unique: the scan is linear.
_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")
_AFTER = frozenset("'’.")
INNER = "-'’."
APOS = "'’"
DOTTED = frozenset([
    "dr", "mr", "mrs", "ms", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "sen", "rep",
    "gov", "amb", "hon", "st", "jr", "sr", "brig", "co", "inc", "corp", "ltd", "bros"
])


class Token(NamedTuple):
    """One word: text as written, span, whether a possessive followed it, whether it starts with an
    uppercase letter (`cap`), its text with curly apostrophes straightened (`key`, for lexicon
    lookups), and the lowercase forms of both (`low`, `key_low`)."""

    text: str
    start: int
    end: int
    possessive: bool
    cap: bool
    key: str
    low: str
    key_low: str


def _features(text: str) -> tuple[bool, str, str, str]:
    """(cap, key, low, key_low) of a word."""
    key = text.replace("’", "'")
    return text[:1].isupper(), key, text.lower(), key.lower()


_FEATURES = Memo(_features)
_new = tuple.__new__  # builds a Token from a ready tuple, without the generated __new__'s call


def _token(text: str, start: int, end: int, possessive: bool = False) -> Token:
    return _new(Token, (text, start, end, possessive, *_FEATURES[text]))


def tokenize(body: str) -> list[Token]:
    """All word tokens of `body`, in order."""
    return [word_token(body, m.start(), m.end(), m.group()) for m in _WORD.finditer(body)]


def word_token(body: str, i: int, j: int, text: str) -> Token:
    """The token of the word run body[i:j] (`text`), as `tokenize` makes it."""
    if body[j:j + 1] not in _AFTER and text[-2:-1] not in APOS:  # the common case of `_finish`
        return _new(Token, (text, i, j, False, *_FEATURES[text]))
    return _finish(body, i, j)


def _finish(body: str, i: int, j: int) -> Token:
    """Build the token body[i:j], moving a possessive off and a final abbreviation dot on."""
    text = body[i:j]
    after = body[j:j + 1]
    if after not in _AFTER and text[-2:-1] not in APOS:
        return _token(text, i, j)
    if len(text) > 2 and text[-2] in APOS and text[-1] in "sS" and text[-3].isalpha():
        return _token(text[:-2], i, j - 2, True)
    if j < len(body) and body[j] in APOS and text.endswith(("s", "S")) and (
            j + 1 >= len(body) or not body[j + 1].isalnum()):
        return _token(text, i, j, True)
    if j < len(body) and body[j] == "." and _takes_dot(text):
        return _token(text + ".", i, j + 1)
    return _token(text, i, j)


def _takes_dot(text: str) -> bool:
    """Does a period after `text` belong to it (an initial or a dotted abbreviation)?"""
    if len(text) == 1 and text.isupper():
        return True
    if "." in text and all(len(p) <= 2 for p in text.split(".")):
        return True
    return text.lower() in DOTTED


def lexicon_tokens(phrase: str) -> tuple[str, ...]:
    """Token keys of a lexicon phrase, tokenized like the body."""
    return tuple(t.key for t in tokenize(phrase))
