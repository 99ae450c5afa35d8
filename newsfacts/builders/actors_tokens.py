"""Word tokens for the actors builder: one linear scan, offsets into the body.

A token is a run of letters and digits, with inner hyphens, apostrophes and periods kept when a
letter or digit follows them ("al-Maliki", "O'Neill", "U.S"). A final period stays on initials
and dotted abbreviations ("L.", "U.S.", "Dr."). A possessive "'s" / "’s" or a bare final
apostrophe ("Hamas’") is cut off and recorded in `possessive`.
"""

from __future__ import annotations

from dataclasses import dataclass

INNER = "-'’."
APOS = "'’"
DOTTED = frozenset([
    "dr", "mr", "mrs", "ms", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "sen", "rep",
    "gov", "amb", "hon", "st", "jr", "sr", "brig", "co", "inc", "corp", "ltd", "bros"
])


@dataclass(frozen=True)
class Token:
    """One word: text as written, span, and whether a possessive followed it."""

    text: str
    start: int
    end: int
    possessive: bool = False

    @property
    def cap(self) -> bool:
        """Does the word start with an uppercase letter?"""
        return self.text[:1].isupper()

    @property
    def key(self) -> str:
        """The text with curly apostrophes straightened (for lexicon lookups)."""
        return self.text.replace("’", "'")


def tokenize(body: str) -> list[Token]:
    """All word tokens of `body`, in order."""
    out: list[Token] = []
    n = len(body)
    i = 0
    while i < n:
        if not body[i].isalnum():
            i += 1
            continue
        j = i + 1
        while j < n and (body[j].isalnum() or (body[j] in INNER and j + 1 < n and body[j + 1].isalnum())):
            j += 1
        out.append(_finish(body, i, j))
        i = j
    return out


def _finish(body: str, i: int, j: int) -> Token:
    """Build the token body[i:j], moving a possessive off and a final abbreviation dot on."""
    text = body[i:j]
    if len(text) > 2 and text[-2] in APOS and text[-1] in "sS" and text[-3].isalpha():
        return Token(text[:-2], i, j - 2, True)
    if j < len(body) and body[j] in APOS and text.endswith(("s", "S")) and (
            j + 1 >= len(body) or not body[j + 1].isalnum()):
        return Token(text, i, j, True)
    if j < len(body) and body[j] == "." and _takes_dot(text):
        return Token(text + ".", i, j + 1)
    return Token(text, i, j)


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
