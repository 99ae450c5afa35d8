"""Channels and sources of statements: "in a statement", "told state television", "wrote on X",
"according to a readout from …", and the figure test for "according to".

All functions scan a bounded window of tokens and return token index ranges.
"""

from __future__ import annotations

from newsfacts.builders.statements.vocab import phrases, words
from newsfacts.builders.text.tokens import Tok

MAX_NP = 14
CONTINUE = frozenset([
    "posted", "published", "issued", "released", "carried", "broadcast", "sent", "shared",
    "circulated", "aired", "distributed", "signed"
])


def _match_name(toks: list[Tok], i: int, hi: int, names: tuple[tuple[str, ...], ...]) -> int:
    """End index of a listed name starting at token i (case-sensitive), or i."""
    for name in names:
        e = i + len(name)
        if e <= hi and all(toks[i + n].text == w for n, w in enumerate(name)):
            return e
    if i < hi and toks[i].lower == "social" and i + 1 < hi and toks[i + 1].lower == "media":
        return i + 2
    return i


def _stop(t: Tok) -> bool:
    """Does the token end a channel phrase (punctuation, quotation, clause or date word)?"""
    if t.quoted or (not t.is_word and t.text not in "()"):
        return True
    low = t.lower
    return t.text[0].islower() and low in ("that", "on", "in", "at", "after", "before", "during",
                                           "and", "but", "which", "who", "to", "as", "when", "while")


def doc_phrase_end(toks: list[Tok], i: int, hi: int) -> int:
    """End of a document phrase starting at determiner i ("a statement posted on Telegram",
    "its latest situation report", "a readout from China’s Foreign Ministry"), or i if none."""
    k = i + 1 if toks[i].lower in words("determiners") or toks[i].possessive else i
    head = -1
    for n in range(k, min(hi, k + 5)):
        t = toks[n]
        if _stop(t):
            break
        if t.lower in words("documents"):
            head = n
            if not (n + 1 < hi and toks[n + 1].lower in words("documents")):
                break
    if head < 0:
        return i
    return _continuation(toks, head + 1, hi)


def _continuation(toks: list[Tok], k: int, hi: int) -> int:
    """Extend a document phrase over "posted on X", "from the ministry", "by the agency"."""
    if k < hi and toks[k].lower in CONTINUE:
        k += 1
        while k < hi and toks[k].lower in ("online", "afterwards", "later", "earlier", "jointly"):
            k += 1
    if k + 1 < hi and toks[k].lower == "on":
        e = _match_name(toks, k + 1, hi, phrases("platforms"))
        if e > k + 1:
            return e
        if toks[k + 1].lower in words("determiners") or toks[k + 1].possessive:
            return _np_end(toks, k + 1, hi)
    if k + 1 < hi and toks[k].lower in ("from", "by", "of", "with") and not toks[k + 1].quoted:
        return _np_end(toks, k + 1, hi)
    return k


def _np_end(toks: list[Tok], k: int, hi: int) -> int:
    """End of a simple noun phrase from k: words and parentheses up to a stop word."""
    e = k
    while e < hi and e - k < MAX_NP:
        t = toks[e]
        if t.quoted or (not t.is_word and t.text not in "()"):
            break
        if e > k and t.text[0].islower() and (t.lower in words("skip") or t.lower in ("that", "and", "to")):
            break
        e += 1
    return e


def in_document(toks: list[Tok], lo: int, hi: int) -> tuple[int, int] | None:
    """The first "in <document phrase>" in toks[lo:hi] as the range of the document phrase."""
    for i in range(lo, hi - 1):
        t = toks[i]
        if t.lower == "in" and not t.quoted:
            e = doc_phrase_end(toks, i + 1, hi)
            if e > i + 1:
                return i + 1, e
    return None


def told_channel(toks: list[Tok], j: int, hi: int) -> tuple[int, int] | None:
    """The media object of "told" at j ("told state broadcaster EBC"), not people ("reporters")."""
    e = _np_end(toks, j + 1, hi)
    k = j + 1
    while k < e and not _stop(toks[k]):
        k += 1
    if k == j + 1:
        return None
    last = -1
    for n in range(j + 1, k):
        e = _match_name(toks, n, k, phrases("media_names"))
        if e > n:
            last = e
        elif toks[n].lower in words("media") or (last == n and toks[n].is_cap):
            last = n + 1
    return (j + 1, last) if last > j + 1 else None


def platform_after(toks: list[Tok], j: int, hi: int) -> tuple[int, int] | None:
    """The platform of "wrote on X" / "posted on Telegram" right after the verb at j."""
    if j + 2 <= hi and j + 1 < hi and toks[j + 1].lower == "on":
        e = _match_name(toks, j + 2, hi, phrases("platforms"))
        if e > j + 2:
            return j + 2, e
    return None


def according_to(toks: list[Tok], lo: int, hi: int) -> list[tuple[int, int, int]]:
    """Every "according to <source>" outside quotations: (index of "according", start, end)."""
    out: list[tuple[int, int, int]] = []
    for i in range(lo, hi - 2):
        if toks[i].lower == "according" and toks[i + 1].lower == "to" and not toks[i].quoted:
            s = i + 2
            e = doc_phrase_end(toks, s, hi)
            if e == s:
                e = _np_end(toks, s, hi)
            while e > s and (toks[e - 1].lower in words("skip") or toks[e - 1].lower in ("in", "on")):
                e -= 1
            if e > s:
                out.append((i, s, e))
    return out


def is_document(toks: list[Tok], a: int, b: int, subject: bool = False) -> bool:
    """Is toks[a:b] a document phrase (its head noun a document noun)? As a subject ("the report
    said") a report speaks; as a source ("according to a report") it is data."""
    if not any(t.lower in words("documents") for t in toks[a:min(b, a + 6)]):
        return False
    return subject or not is_data(toks, a, b)


def is_data(toks: list[Tok], a: int, b: int) -> bool:
    """Is toks[a:b] a data source ("UN figures", "estimates by …", "a report released in June")?"""
    head = next((t for t in toks[a:b] if t.text[0].islower()
                 and (t.lower in words("data") or t.lower in words("documents"))), None)
    if head is None:
        return False
    if head.lower in words("data") and head.lower not in ("report",):
        return True
    return head.lower == "report" and (head is toks[b - 1] or any(
        t.lower in ("released", "published", "circulated") for t in toks[a:b]))


def has_figure(toks: list[Tok], lo: int, hi: int) -> bool:
    """Does toks[lo:hi] state a quantity (a number that is not a year or a day of a month)?"""
    months = words("months")
    for i in range(lo, hi):
        t = toks[i]
        low = t.lower
        if low in words("number_words") or t.text in "%$€£¥":
            return True
        if not t.text[0].isdigit():
            continue
        digits = low.replace(",", "").replace(".", "")
        if len(digits) == 4 and digits.isdigit() and 1900 <= int(digits) <= 2100:
            continue
        near = [toks[n].lower for n in (i - 1, i + 1) if lo <= n < hi]
        if any(w in months for w in near):
            continue
        return True
    return False
