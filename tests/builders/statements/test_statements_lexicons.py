"""Tests of the statements lexicons: well-formed data and generated verb forms."""

from __future__ import annotations

import pytest

from newsfacts.builders.statements.vocab import inflect, verb_forms, words
from newsfacts.builders.text.lexicon import load_data

SPEC_KEYS = {"forms", "cue", "needs", "noun_like", "no_base", "exclude_next"}
NEEDS = {None, "for_on", "quote", "clause", "platform"}


def test_statements_lexicons_word_lists_hold_only_strings() -> None:
    data = load_data("statement_words.yaml")
    for name, items in data.items():
        assert all(isinstance(w, str) and w for w in items), name


def test_statements_lexicons_verb_specs_are_valid() -> None:
    for lemma, spec in load_data("speech_verbs.yaml")["verbs"].items():
        assert isinstance(lemma, str)
        assert set(spec or {}) <= SPEC_KEYS, lemma
        assert (spec or {}).get("needs") in NEEDS, lemma


@pytest.mark.parametrize(("lemma", "forms"), [
    ("say", {"say", "says", "saying"}), ("deny", {"deny", "denies", "denied", "denying"}),
    ("stress", {"stresses", "stressed", "stressing"}), ("urge", {"urges", "urged", "urging"}),
])
def test_statements_lexicons_inflections(lemma: str, forms: set[str]) -> None:
    assert forms <= set(inflect(lemma)) | {f for f, v in verb_forms().items() if v.lemma == lemma}


def test_statements_lexicons_forms_map_to_cues() -> None:
    forms = verb_forms()
    assert forms["said"].cue == "say" and forms["told"].cue == "tell"
    assert forms["criticized"].cue == forms["criticised"].cue == "criticise"
    assert "state" not in forms and "stated" in forms
    assert "on" in words("prepositions") and "no" in words("negators")
