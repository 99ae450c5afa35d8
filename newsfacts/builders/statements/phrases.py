"""Phrases around speech verbs: the subject before a verb, the noun phrase after an inverted
verb, and the subject at the start of a clause.

A subject phrase is found by walking left from the verb over adverbs, auxiliaries and time
words, then over the noun phrase up to a boundary (punctuation, a quotation, a conjunction or
relative word, or a determiner that does not follow a preposition). Comma-enclosed descriptions
("Kim, a former ambassador to Russia, told") are stepped over to the name they describe. Every
walk is bounded, so the cost per verb is constant.
"""

from __future__ import annotations

from newsfacts.builders.statements.vocab import words
from newsfacts.builders.text.tokens import Tok

MAX_PHRASE = 30
APPOSITIVE_MARKS = frozenset([",", "—", "–"])
DAYS_MONTHS = frozenset([
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december"
])


def skippable(t: Tok) -> bool:
    """Adverbs, auxiliaries and time words between a subject and its verb."""
    if not t.is_word or t.quoted:
        return False
    low = t.lower
    if low in DAYS_MONTHS:
        return True
    if not t.text[0].islower():
        return False
    return low in words("skip") or (low.endswith("ly") and len(low) > 4)


def _paren_start(toks: list[Tok], i: int) -> int:
    """Index of the "(" matching the ")" at i, or -1 (bounded search)."""
    k = i - 1
    while k >= 0 and i - k < 12:
        if toks[k].text == "(":
            return k
        if toks[k].text == ")":
            return -1
        k -= 1
    return -1


def np_left(toks: list[Tok], k: int, lo: int) -> int:
    """Start index of the noun phrase ending at token k (inclusive), not before `lo`."""
    a = k + 1
    i = k
    while i >= lo and k - i < MAX_PHRASE:
        t = toks[i]
        if t.quoted:
            break
        if t.text == ")":
            p = _paren_start(toks, i)
            if p < lo:
                break
            a = i = p
            i -= 1
            continue
        if not t.is_word:
            if t.text in "'’" and i - 1 >= lo and toks[i - 1].is_word:
                a = i
                i -= 1
                continue
            break
        low = t.lower
        if t.text[0].islower() and low in words("boundaries"):
            break
        if low in ("and", "&"):
            if a > k or i - 1 < lo or not toks[i - 1].is_word or toks[i - 1].quoted:
                break
        elif low in words("determiners") and i != k:
            prev = toks[i - 1] if i - 1 >= lo else None
            if not (prev and prev.is_word and (prev.lower in words("prepositions") or prev.lower == "and")):
                return i
        a = i
        i -= 1
    return a


def _segment_start(toks: list[Tok], end: int, lo: int) -> int:
    """Start of the comma-delimited segment ending before token `end`."""
    i = end - 1
    while i >= lo and end - i < MAX_PHRASE:
        t = toks[i]
        if t.quoted or t.text in ",;:—–":
            return i + 1
        if t.text == ")":
            p = _paren_start(toks, i)
            if p < lo:
                return i + 1
            i = p - 1
            continue
        i -= 1
    return i + 1


def subject_before(toks: list[Tok], j: int, lo: int) -> tuple[int, int, str]:
    """Subject phrase of the verb at token j as (start, end, how).

    `how` is "np" (a phrase right before the verb), "appositive" (a name before comma-enclosed
    descriptions), "empty" (nothing usable), or the word that ends an empty subject on its left
    ("and", "but", "who", "which", "that", ",").
    """
    k = j - 1
    while k >= lo and skippable(toks[k]):
        k -= 1
    if k < lo:
        return j, j, "empty"
    t = toks[k]
    if t.text in APPOSITIVE_MARKS:
        return _appositive(toks, k, lo)
    if t.text == ")" and not t.quoted:
        return np_left(toks, k, lo), k + 1, "np"
    if not t.is_word or t.quoted:
        return k + 1, k + 1, "empty"
    if t.text[0].islower() and t.lower in words("boundaries") | {"and", "but"}:
        return k + 1, k + 1, t.lower
    a = np_left(toks, k, lo)
    return a, k + 1, "np"


def _appositive(toks: list[Tok], comma: int, lo: int) -> tuple[int, int, str]:
    """The named segment before comma-enclosed descriptions ("X, aged 34, who …, said")."""
    end = comma
    for _ in range(4):
        s = _segment_start(toks, end, lo)
        if s >= end:
            return end + 1, end + 1, ","
        first = toks[s]
        owner = first.possessive and s + 1 < end and toks[s + 1].text[0].islower()
        if first.text[0].islower() or first.text[0].isdigit() or owner:
            if s - 1 < lo or toks[s - 1].text not in APPOSITIVE_MARKS:
                return end + 1, end + 1, ","
            end = s - 1
            continue
        return np_left(toks, end - 1, s), end, "appositive"
    return comma + 1, comma + 1, ","


def np_right(toks: list[Tok], i: int, hi: int) -> int:
    """End index (exclusive) of the noun phrase starting at token i (after an inverted verb)."""
    k = i
    while k < hi and k - i < MAX_PHRASE:
        t = toks[k]
        if t.quoted or not t.is_word:
            if t.text == "(" and k > i:
                close = next((m for m in range(k + 1, min(hi, k + 10)) if toks[m].text == ")"), -1)
                if close > 0:
                    k = close + 1
                    continue
            break
        low = t.lower
        if k > i and t.text[0].islower() and (low in words("prepositions") - {"of", "for"}
                                               or low in words("boundaries") or skippable(t)):
            break
        k += 1
    return k


def main_subject_range(toks: list[Tok], lo: int, hi: int) -> tuple[int, int]:
    """The grammatical subject at the start of a clause: capitalized names, titles, group nouns."""
    i = lo
    if i < hi and toks[i].text.isupper() and len(toks[i].text) > 1:
        dash = next((n for n in range(i, min(hi, i + 15)) if toks[n].text in "—–-"), -1)
        i = dash + 1 if dash >= 0 else i
    if i < hi and toks[i].lower in words("prepositions") | {"speaking", "during", "asked", "later"}:
        while i < hi and toks[i].text != ",":
            i += 1
        i += 1
    k = i
    while k < hi and k - i < MAX_PHRASE:
        t = toks[k]
        if t.quoted or (not t.is_word and t.text not in "()"):
            break
        low = t.lower
        ok = (t.is_cap or t.text in "()" or low in words("determiners") or low in words("groups")
              or low in words("titles") or low in words("institutions") or t.text[0].isdigit()
              or low in words("documents")
              or (low in ("of", "for", "and", "the") and k + 1 < hi and toks[k + 1].is_cap))
        if not ok:
            break
        k += 1
    return i, k
