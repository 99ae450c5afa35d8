"""Speech cues: which words of a text unit are speech verbs that report a statement.

A word counts when its lowercase form is an inflection of a lexicon verb and:
- it is outside quotations (except a verb opening a quotation right after its subject:
  `Haniyeh “praised the role …”`);
- it is not negated ("did not condemn", "declined to say", "never denied");
- it is not passive ("was accused", "acknowledged by");
- noun-like forms ("claim", "pledges") follow a subject word, not a determiner;
- the verb's complement requirement holds (call for/on, add/acknowledge + clause, post on X);
- a capitalized form is not a name ("Said Abdullah"), and an -ing form is a participle
  after a comma or conjunction ("…, adding that").
"""

from __future__ import annotations

from dataclasses import dataclass

from newsfacts.builders.statements.phrases import skippable
from newsfacts.builders.statements.via import platform_after
from newsfacts.builders.statements.vocab import VerbForm, verb_forms, words
from newsfacts.builders.text.matcher import register
from newsfacts.builders.text.tokens import Tok

NEG_WINDOW = 4
ING_BEFORE = frozenset([",", "and", "—", "–", "as", "while", "by", "before", "after"])


MODALS = frozenset(["would", "will", "could", "might", "may", "should", "must", "can", "shall"])


@dataclass(frozen=True)
class Cue:
    """A speech verb at token index `j`; `in_quote` for a verb opening a quotation."""

    j: int
    form: VerbForm
    in_quote: bool = False


SPEECH_VERBS = "statements.speech_verbs"
register(SPEECH_VERBS, lambda: verb_forms().keys(), "alnum")


def find_cues(toks: list[Tok]) -> list[Cue]:
    """Speech cues of a unit, in order."""
    forms = verb_forms()
    out: list[Cue] = []
    for j, t in enumerate(toks):
        if not t.is_word:
            continue
        form = forms.get(t.lower)
        if form is None:
            continue
        in_quote = t.quoted
        if in_quote and not _opens_quote_after_subject(toks, j):
            continue
        if _accept(toks, j, form, in_quote):
            out.append(Cue(j, form, in_quote))
    return out


def _opens_quote_after_subject(toks: list[Tok], j: int) -> bool:
    """`Haniyeh “praised …”`: the verb is the first word of a quotation right after a name."""
    if j < 2 or toks[j].text[0].isupper():
        return False
    if toks[j - 1].is_word and toks[j - 1].lower.endswith("ly") and toks[j - 1].quoted:
        j -= 1  # `Kenya “strongly condemned” …`
    if j < 2:
        return False
    mark, before = toks[j - 1], toks[j - 2]
    return mark.quoted and not mark.is_word and before.is_word and not before.quoted and before.is_cap


def _accept(toks: list[Tok], j: int, form: VerbForm, in_quote: bool) -> bool:
    """Do the context rules let the verb at j count as a cue?"""
    t = toks[j]
    prev = toks[j - 1] if j > 0 else None
    if t.text[0].isupper() and j > 0 and prev is not None and prev.is_word and not in_quote:
        return False
    if negated(toks, j) or _passive(toks, j, form):
        return False
    if form.exclude_next and any(n.lower in form.exclude_next for n in toks[j + 1:j + 4]):
        return False
    if prev is not None and prev.is_word and not in_quote:
        low = prev.lower
        if low in words("determiners") or prev.possessive or low == "to":
            return False
        if form.kind == "ed" and low in words("documents") and _modifier_follows(toks, j):
            return False
        if low in MODALS:
            return False
    if form.kind == "ing" and not (prev is None or prev.text in ING_BEFORE or prev.lower in ING_BEFORE
                                   or any(t.lower in words("documents") for t in toks[max(0, j - 3):j])):
        return False
    if form.noun_like and form.kind in ("base", "s") and not (_subject_word(prev) and _complement(toks, j)):
        return False
    return _needs_ok(toks, j, form)


def _modifier_follows(toks: list[Tok], j: int) -> bool:
    """`a statement posted on Telegram`: a participle after a document noun, then a preposition."""
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    return nxt is not None and nxt.is_word and nxt.lower in words("prepositions") | {"online", "afterwards"}


def negated(toks: list[Tok], j: int) -> bool:
    """A negator within a few words before the verb, in the same clause."""
    for k in range(j - 1, max(j - 1 - NEG_WINDOW, -1), -1):
        t = toks[k]
        if not t.is_word or t.quoted:
            return False
        if t.lower in words("negators") or t.lower.endswith("n't"):
            return True
    return False


def _passive(toks: list[Tok], j: int, form: VerbForm) -> bool:
    """"was accused", "were confirmed", "acknowledged by"."""
    if form.kind != "ed":
        return False
    if j + 1 < len(toks) and toks[j + 1].lower == "by":
        return True
    k = j - 1
    while k >= 0 and toks[k].is_word and toks[k].text[0].islower() and toks[k].lower.endswith("ly"):
        k -= 1
    return k >= 0 and toks[k].text[0].islower() and toks[k].lower in words("be_forms")


def _subject_word(prev: Tok | None) -> bool:
    """Could `prev` end a subject (pronoun, name, plural or group noun, auxiliary)?"""
    if prev is None or not prev.is_word:
        return False
    low = prev.lower
    return (prev.is_cap or low in words("pronouns_person") or low in words("pronouns_group")
            or low in words("groups") or (skippable(prev) and low not in words("determiners"))
            or low.endswith("s"))


def _complement(toks: list[Tok], j: int) -> bool:
    """After a noun-like form ("pledges", "claim"): a complement, not another verb or "of"."""
    if j + 1 >= len(toks):
        return False
    nxt = toks[j + 1]
    if nxt.quoted or not nxt.is_word:
        return nxt.quoted or nxt.text in "$€£¥:"
    low = nxt.lower
    return (low in ("that", "to", "for", "on", "against", "it", "they", "he", "she") or nxt.is_cap
            or nxt.text[0].isdigit() or low in words("determiners") or low in words("skip"))


def _needs_ok(toks: list[Tok], j: int, form: VerbForm) -> bool:
    """The complement the verb needs (call for/on, add that, post on X)."""
    if form.needs is None:
        return True
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    if form.needs == "platform":
        return platform_after(toks, j, len(toks)) is not None
    if form.needs == "for_on":
        if nxt is not None and nxt.lower in ("for", "on", "upon"):
            return True
        for k in range(j + 1, min(len(toks), j + 8)):
            if toks[k].quoted:
                return True
            if not toks[k].is_word:
                return False
        return False
    return nxt is None or nxt.quoted or nxt.lower == "that" or nxt.text in ",.:;—" or skippable(nxt)
