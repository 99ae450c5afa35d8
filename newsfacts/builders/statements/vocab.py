"""Lexicons of the statements builder, loaded once: speech-verb forms and word classes.

The data live in `lexicons/speech_verbs.yaml` and `lexicons/statement_words.yaml`; this module
only generates verb inflections and turns the lists into frozensets.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from newsfacts.builders.text.lexicon import load_data

FormKind = Literal["base", "s", "ed", "ing"]
VOWELS = frozenset("aeiou")


@dataclass(frozen=True)
class VerbForm:
    """One inflected form of a speech verb."""

    lemma: str
    cue: str
    kind: FormKind
    needs: str | None
    noun_like: bool
    exclude_next: frozenset[str] = frozenset()


def inflect(lemma: str) -> dict[str, FormKind]:
    """Regular forms of a verb: bare, -s, -ed and -ing with the usual spelling rules."""
    cons_y = lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in VOWELS
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        third = lemma + "es"
    else:
        third = lemma[:-1] + "ies" if cons_y else lemma + "s"
    past = lemma + "d" if lemma.endswith("e") else lemma[:-1] + "ied" if cons_y else lemma + "ed"
    ing = lemma[:-1] + "ing" if lemma.endswith("e") and not lemma.endswith("ee") else lemma + "ing"
    return {lemma: "base", third: "s", past: "ed", ing: "ing"}


def _kind_of(form: str) -> FormKind:
    """Form kind of an irregular form, from its ending."""
    if form.endswith("ing"):
        return "ing"
    if form.endswith("s") and not form.endswith("ss"):
        return "s"
    return "ed"


@cache
def verb_forms() -> dict[str, VerbForm]:
    """Lowercase word form → speech verb form."""
    out: dict[str, VerbForm] = {}
    verbs: dict[str, dict[str, Any]] = load_data("speech_verbs.yaml")["verbs"]
    for lemma, spec in verbs.items():
        spec = spec or {}
        forms = inflect(lemma)
        for extra in spec.get("forms", []):
            forms.setdefault(extra, _kind_of(extra))
        for form, kind in forms.items():
            if spec.get("no_base") and kind in ("base", "s"):
                continue
            out.setdefault(form, VerbForm(lemma, spec.get("cue", lemma), kind, spec.get("needs"),
                                          bool(spec.get("noun_like")),
                                          frozenset(spec.get("exclude_next", []))))
    return out


@cache
def words(name: str) -> frozenset[str]:
    """A word class of `statement_words.yaml` as a frozenset of lowercase words."""
    return frozenset(str(w).lower().replace("’", "'") for w in load_data("statement_words.yaml")[name])


@cache
def phrases(name: str) -> tuple[tuple[str, ...], ...]:
    """A list of names (media, platforms) as token tuples, as written, longest first."""
    items = [tuple(str(w).split()) for w in load_data("statement_words.yaml")[name]]
    return tuple(sorted(items, key=len, reverse=True))
