"""Tokens and clause bounds for the meetings builder: one scan per sentence, no backtracking regex."""

from __future__ import annotations

from functools import cache
from typing import Any

from newsfacts.builders.text.clause_tokens import ClauseTok as Tok
from newsfacts.builders.text.lexicon import load_data

MAX_CLAUSE = 80  # tokens a clause may reach on either side of its cue (keeps the scan linear)
SPEECH = frozenset({"said", "says", "told", "stated", "announced", "added", "reported", "according",
                    "wrote", "posted", "confirmed", "noted", "stressed", "quoted", "tweeted", "saying",
                    "stating", "adding"})
# Words that open a new clause on the left of a cue (its subject starts after them).
LEFT_STOPS = frozenset({"when", "where", "while", "whereas", "but", "that", "said", "says", "told", "who",
                        "because", "although", "though", "since", "as"})
# After "that", these make it a determiner ("later that day"), not a clause opener.
_TIME_NOUNS = frozenset({"day", "morning", "afternoon", "evening", "night", "week", "weekend", "month", "year",
                         "time"})
# Words that end the clause on the right of a cue.
RIGHT_STOPS = frozenset({"but", "after", "before", "when", "while", "as", "because", "although", "though",
                         "stating", "saying", "adding", "which", "where", "who", "whose", "until"})
PAST_VERBS = frozenset({"said", "agreed", "signed", "discussed", "pledged", "urged", "offered", "promised",
                        "called", "vowed", "warned", "stressed", "announced", "issued", "expressed",
                        "told", "made", "gave", "left", "sent", "took", "reached", "set", "declined",
                        "spoke", "met", "held", "hosted", "received", "visited", "talked", "phoned",
                        "attended", "joined", "travelled", "traveled", "flew"})


@cache
def lexicon() -> dict[str, Any]:
    """The meetings lexicon (`lexicons/meetings.yaml`)."""
    data: dict[str, Any] = load_data("meetings.yaml")
    return data


@cache
def word_set(key: str) -> frozenset[str]:
    """A list of the lexicon as a set of lowercase words."""
    return frozenset(str(w).lower() for w in lexicon()[key])


def negated(tok: Tok) -> bool:
    """Is the token a negation ("not", "didn't")?"""
    low = tok.text.lower()
    return low in ("not", "never", "no", "neither", "nor") or low.endswith(("n't", "n’t"))


def left_bound(toks: list[Tok], i: int) -> int:
    """Index of the first token of the clause that holds token i (scanning left)."""
    j = i - 1
    floor = max(i - MAX_CLAUSE, 0)
    while j >= floor:
        low = toks[j].low
        if toks[j].text == ";" or (low in LEFT_STOPS and not toks[j].text.isupper()
                                   and not (low == "that" and j + 1 < i and toks[j + 1].low in _TIME_NOUNS)):
            return j + 1
        j -= 1
    return floor


def right_bound(toks: list[Tok], i: int) -> int:
    """Index just past the last token of the clause that starts at token i (scanning right)."""
    j = i
    end = min(len(toks), i + MAX_CLAUSE)
    while j < end:
        tok = toks[j]
        low = tok.low
        if tok.text == ";" or (low in RIGHT_STOPS and tok.text.islower()):
            return j
        if tok.text == "," and _reporting(toks, j + 1):
            return j
        if low == "to" and j + 1 < len(toks) and _purpose(toks[j + 1]):
            return j
        if low == "and" and j + 1 < len(toks) and toks[j + 1].low in PAST_VERBS:
            return j
        j += 1
    return end


def _reporting(toks: list[Tok], j: int) -> bool:
    """Is the comma segment starting at token j a reporting tail ("…, the ministry said")?"""
    k = j
    while k < len(toks) and toks[k].text != "," and k - j < 12:
        if toks[k].low in SPEECH:
            return True
        k += 1
    return False


def _purpose(tok: Tok) -> bool:
    """Does "to" before this token open a purpose clause ("to discuss")?"""
    low = tok.text.lower()
    return tok.text.islower() and low not in ("the", "a", "an", "his", "her", "their", "its", "our", "both",
                                              "each", "other", "reporters", "journalists")


def skip_relatives(toks: list[Tok], lo: int, hi: int) -> list[tuple[int, int]]:
    """Token ranges of ", which …," / ", who …," insertions inside [lo, hi)."""
    out: list[tuple[int, int]] = []
    j = lo
    while j < hi - 1:
        if toks[j].text == "," and toks[j + 1].low in ("which", "who", "whose", "whom"):
            k = j + 2
            while k < hi and toks[k].text != ",":
                k += 1
            out.append((j, k))
            j = k
        j += 1
    return out


__all__ = [
    "SPEECH",
    "left_bound",
    "lexicon",
    "negated",
    "right_bound",
    "skip_relatives",
    "word_set",
]
