"""Meeting cues in one sentence: verbs ("met"), nouns with a governor ("held talks"), joins
("also present", "led by") and back-references ("during their meeting").

Every cue comes from `lexicons/meetings.yaml`. A cue preceded (within its clause, three words back)
by a negation, a modal or an infinitive "to" is dropped: planned or denied meetings are not rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from newsfacts.builders.meetings.clauses import lexicon, negated, word_set
from newsfacts.builders.text.clause_tokens import ClauseTok as Tok
from newsfacts.builders.text.matcher import register

MAX_CUES = 40  # cues read per sentence: bounds the work on pathological one-sentence inputs
DEFINITE = frozenset({"the", "their", "that", "this", "his", "her", "its", "these", "those"})
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_PREPS = frozenset({"after", "during", "in", "at", "following", "about", "on", "from", "before", "since"})
_GROUP_WORDS = frozenset({"delegations", "mission", "team", "sides", "meetings", "calls", "summit", "round"})
_PASSIVE = frozenset({"were", "was", "had", "been", "have", "has", "he", "she", "they", "we", "it"})
_SPANS = frozenset({"round", "rounds", "week", "weeks", "day", "days", "hours", "series"})
_GATHERED = frozenset({"leaders", "ministers", "heads", "members", "delegates"})


@dataclass(frozen=True)
class Cue:
    """A cue: token range [i, j), what it is, and how it shapes the meeting."""

    i: int
    j: int
    kind: str  # verb, noun, join, anaphor
    rule: str
    mode: str = "unknown"
    host: bool = False
    needs_object: bool = False
    split: bool = False
    side: str = "subject"
    gov: int = -1


@cache
def cue_words() -> frozenset[str]:
    """Words without which a sentence has no cue: every verb, channel verb and noun cue, "brought",
    the longest word of each join phrase, and the meeting words a definite reference needs ("after
    the talks"). A sentence holding none of them is not read (`find_cues` would find nothing)."""
    lex = lexicon()
    joins = {max(phrase.split(), key=len) for phrase in lex["joins"]}
    words = {*lex["verbs"], *word_set("channel_verbs"), *lex["nouns"], "brought", *joins, *word_set("anaphors")}
    return frozenset(w for w in words if w == w.lower())  # a token's lowercase form never equals the others


CUE_WORDS = "meetings.cues"
register(CUE_WORDS, cue_words)


def find_cues(toks: list[Tok]) -> list[Cue]:
    """All cues of a sentence, in token order."""
    out: list[Cue] = []
    lex = lexicon()
    for k, tok in enumerate(toks):
        low = tok.low
        cue: Cue | None = None
        if low in lex["verbs"] and tok.text.islower():
            cue = _verb(toks, k, lex["verbs"][low])
        elif low in word_set("channel_verbs"):
            cue = _channel_verb(toks, k)
        elif low in lex["nouns"]:
            cue = _noun(toks, k, lex["nouns"][low])
        elif low == "brought" and any(t.low == "together" for t in toks[k + 1:k + 12]):
            cue = Cue(k, k + 1, "verb", "meetings.brought_together.v1", "in_person")
        if cue is None:
            cue = _join(toks, k)
        if cue is None:
            continue
        prep = cue.gov >= 0 and toks[cue.gov].low in _PREPS
        if prep or not blocked(toks, cue.gov if cue.gov >= 0 else cue.i):
            out.append(cue)
    return _dedupe(out)[:MAX_CUES]


def blocked(toks: list[Tok], i: int) -> bool:
    """Is the word at i preceded in its clause by a negation, modal or infinitive marker?"""
    blockers = word_set("blockers")
    for k in range(i - 1, max(i - 4, -1), -1):
        if toks[k].text in (",", ";", "(", ")", "—", "–"):
            return False
        if negated(toks[k]) or toks[k].low in blockers:
            return True
    return False


def _verb(toks: list[Tok], k: int, spec: dict[str, Any]) -> Cue:
    j = k + 1
    if j < len(toks) and toks[j].low == "with":
        j += 1
    return Cue(k, j, "verb", spec["rule"], spec.get("mode", "in_person"), host=bool(spec.get("host")),
               needs_object=bool(spec.get("object")))


def _channel_verb(toks: list[Tok], k: int) -> Cue | None:
    """"spoke by phone", "spoke with X by telephone", "had spoken by phone on Friday"."""
    mode = channel_mode(toks, k + 1, min(len(toks), k + 12))
    if mode is None:
        return None
    j = k + 1
    while j < len(toks) and j < k + 4 and toks[j].low in ("by", "phone", "telephone", "on", "the", "video",
                                                          "link", "with"):
        j += 1
    rule = "meetings.phone.v1" if mode == "phone" else "meetings.video.v1"
    return Cue(k, j, "verb", rule, mode)


def channel_mode(toks: list[Tok], lo: int, hi: int) -> str | None:
    """The channel named in toks[lo:hi] ("by phone" → phone, "video call" → video), if any."""
    words = " ".join(t.low for t in toks[lo:hi])
    padded = f" {words} "
    for mode in ("video", "phone"):
        for phrase in lexicon()["channels"][mode]:
            if f" {phrase} " in padded:
                return mode
    return None


def _noun(toks: list[Tok], k: int, spec: dict[str, Any]) -> Cue | None:
    """A meeting noun with a governor before it (or a passive "were held" after it)."""
    low = toks[k].low
    prev = toks[k - 1].low if k else ""
    if low == "conference" and prev in ("news", "press"):
        return None
    mode = spec.get("mode", "in_person")
    if low in ("call", "conference", "conversation", "meeting", "session"):
        mode = channel_mode(toks, max(k - 2, 0), k + 1) or (mode if low != "meeting" else "in_person")
    if spec.get("needs_channel") and channel_mode(toks, max(k - 2, 0), k + 1) is None:
        return None
    gov, definite = _governor(toks, k, bool(spec.get("summit")))
    rule = spec["rule"]
    if gov < 0:
        if _passive_held(toks, k):
            return Cue(k, k + 1, "noun", rule, mode, split=bool(spec.get("split")))
        return None
    if definite:
        kind = "join" if toks[gov].low in ("attended", "joined") else "anaphor"
        return Cue(gov, k + 1, kind, "meetings.joined.v1" if kind == "join" else rule, mode, gov=gov)
    return Cue(k, k + 1, "noun", rule, mode, split=bool(spec.get("split")), gov=gov)


def _governor(toks: list[Tok], k: int, summit: bool) -> tuple[int, bool]:
    """(index of the governor of the noun at k or -1, whether the noun is definite)."""
    govs = word_set("summit_governors") if summit else word_set("governors")
    definite = False
    for g in range(k - 1, max(k - 9, -1), -1):
        low = toks[g].low
        if toks[g].text in (",", ";", "(", ")"):
            return -1, False
        if not summit and (low in DEFINITE or (low in WEEKDAYS and toks[g].text.lower() != low)):
            definite = True
        if summit and low == "at" and any(t.low in _GATHERED for t in toks[max(0, g - 8):g]):
            return g, False
        if low in govs:
            if summit and g + 2 < k and toks[g + 1].low == "of":
                return -1, False
            if low == "for" and not _motion_before(toks, g):
                return -1, False
            remote = toks[k].low in ("call", "conference", "conversation", "videoconference")
            with_whom = k + 1 < len(toks) and toks[k + 1].low in ("with", "between")
            if low in ("in", "by") and not remote and not (low == "in" and with_whom and not definite):
                return -1, False
            return g, definite
        if low == "of" and g > 0 and toks[g - 1].low in _SPANS:
            continue
        if low == "to" or negated(toks[g]) or (low in word_set("blockers") and low not in govs):
            return -1, False
        if low in lexicon()["nouns"] or low in ("sidelines", "of"):
            return -1, False
    return -1, False


def _motion_before(toks: list[Tok], g: int) -> bool:
    motion = word_set("motion_verbs")
    return any(toks[m].low in motion for m in range(max(g - 10, 0), g))


def _passive_held(toks: list[Tok], k: int) -> bool:
    """"Talks were held in Doha", "the meeting took place on Monday", "a meeting between A and B
    took place …"."""
    if k + 1 < len(toks) and toks[k + 1].low in ("between", "with"):
        for j in range(k + 2, min(k + 30, len(toks) - 1)):
            if toks[j].text == ";" or toks[j].low in ("will", "would", "not", "to"):
                return False
            if (toks[j].low == "took" and toks[j + 1].low == "place") or (
                    toks[j].low == "held" and toks[j - 1].low in ("was", "were")):
                return True
        return False
    j = k + 1
    while j < len(toks) and j < k + 3 and toks[j].low in _PASSIVE:
        j += 1
    if j >= len(toks) or (j == k + 1 and toks[j].low != "took"):
        return False
    if toks[j].low == "held":
        return True
    return toks[j].low == "took" and j + 1 < len(toks) and toks[j + 1].low == "place"


@cache
def _join_starts() -> frozenset[str]:
    """First words of the join phrases."""
    return frozenset(phrase.split(" ", 1)[0] for phrase in lexicon()["joins"])


def _join(toks: list[Tok], k: int) -> Cue | None:
    """A join phrase at token k ("also present", "led by", "attended the talks")."""
    low = toks[k].low
    if low not in _PREPS and low not in _join_starts():
        return None  # neither a phrase nor an anaphor can start here
    joins = lexicon()["joins"]
    nxt = toks[k + 1].low if k + 1 < len(toks) else ""
    for phrase in (f"{low} {nxt}", low):
        spec = joins.get(phrase)
        if spec is None:
            continue
        j = k + len(phrase.split())
        if phrase.endswith(("attended", "joined")) and not _definite_meeting(toks, j):
            return None
        if phrase in ("was present", "were present") and not _definite_meeting(toks, j + 1):
            return None
        if spec.get("side") == "object" and not _meeting_before(toks, k):
            return None  # "a coalition led by X" is no meeting
        return Cue(k, j, "join", spec["rule"], side=spec.get("side", "subject"))
    if low in _PREPS and _definite_meeting(toks, k + 1) and low not in ("about", "from", "since"):
        return Cue(k, k + 1, "anaphor", "meetings.anaphor.v1")
    return None


def _meeting_before(toks: list[Tok], k: int) -> bool:
    """Is a meeting word (delegation, talks, meeting …) among the six words before token k?"""
    anaphors = word_set("anaphors") | _GROUP_WORDS
    return any(toks[m].low in anaphors for m in range(max(k - 6, 0), k))


def _definite_meeting(toks: list[Tok], j: int) -> bool:
    """Do toks[j:] start with a definite reference to a meeting ("the talks", "Wednesday's meeting")?"""
    if j >= len(toks):
        return False
    first = toks[j]
    if first.low not in DEFINITE and not (first.low in WEEKDAYS and first.text.lower() != first.low):
        return False
    anaphors = word_set("anaphors")
    return any(toks[m].low in anaphors for m in range(j + 1, min(j + 4, len(toks))))


def _dedupe(cues: list[Cue]) -> list[Cue]:
    """Drop a noun cue governed by a verb cue ("hosted a meeting"), and overlapping cues."""
    out: list[Cue] = []
    for cue in cues:
        if out and cue.i < out[-1].j:
            continue
        if cue.kind == "noun" and out and out[-1].kind == "verb" and cue.gov >= 0 and cue.gov < out[-1].j:
            continue
        out.append(cue)
    return out


__all__ = ["Cue", "blocked", "channel_mode", "find_cues"]
