"""Lexicon matches: one Aho-Corasick pass finds the words of every registered list, bounded as
the builders' tokens are; the sentences they stand in gate the builders' scans."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsfacts.builders.meetings.cues import CUE_WORDS, find_cues
from newsfacts.builders.statements.cues import SPEECH_VERBS
from newsfacts.builders.statements.cues import find_cues as find_speech_cues
from newsfacts.builders.text import matcher
from newsfacts.builders.text.clause_tokens import clause_tokens
from newsfacts.builders.text.matcher import Matches
from tests.conftest import make_doc


@pytest.fixture
def lists() -> Iterator[None]:
    """Two test lists, removed afterwards (the automaton is rebuilt either way)."""
    matcher.register("test.words", lambda: ["talks", "met", "peace talks"], "word")
    matcher.register("test.alpha", lambda: ["five", "million"], "alpha")
    yield
    for name in ("test.words", "test.alpha"):
        matcher._LISTS.pop(name)
    matcher._AUTOMATON.clear()


def test_word_lists_match_whole_words_only(lists: None) -> None:
    body = "They met for peace talks; the method_met and talks2 do not count. Talks’ end."
    m = Matches(body)
    assert [body[s:s + 5] for s in m.starts("test.words")] == ["met f", "peace", "talks", "Talks"]


def test_alpha_lists_allow_digits_beside_them(lists: None) -> None:
    body = "5million and fivefold but five, and 2five"
    assert Matches(body).starts("test.alpha") == [1, 26, 37]


def test_sentences_holding_a_word(lists: None) -> None:
    doc = make_doc("Nothing here. The leaders met on Monday. Still nothing. Peace talks resumed.")
    assert doc.sentences_with("test.words") == {1, 3}


def test_a_body_whose_lowercase_changes_length_gates_nothing(lists: None) -> None:
    doc = make_doc("İstanbul hosted talks. Nothing else.")
    assert doc.sentences_with("test.words") is None


def test_a_list_must_be_lowercase() -> None:
    matcher.register("test.bad", lambda: ["Talks"])
    try:
        with pytest.raises(ValueError, match="not a lowercase word"):
            Matches("talks")
    finally:
        matcher._LISTS.pop("test.bad")
        matcher._AUTOMATON.clear()


@pytest.mark.parametrize("sentence", [
    "The two leaders met in Doha on Monday.",
    "The talks were also attended by the foreign minister.",
    "Officials from both sides were present at the talks.",
    "He spoke with his counterpart by phone.",
    "After the meeting, the envoy left.",
    "The summit brought together leaders of the region.",
])
def test_every_sentence_with_a_meeting_cue_holds_a_cue_word(sentence: str) -> None:
    body = sentence
    assert find_cues(clause_tokens(body, 0, len(body)))
    assert make_doc(sentence).sentences_with(CUE_WORDS) == {0}


def test_a_sentence_without_cue_words_is_skipped() -> None:
    doc = make_doc("Prices rose sharply in March. The central bank said inflation would ease.")
    assert doc.sentences_with(CUE_WORDS) == set()


@pytest.mark.parametrize("sentence", [
    "“We will not back down,” she said.",
    "The ministry stressed that talks would go on.",
    "Hamas_officials said nothing new.",       # an underscore separates word tokens
    "Officials, speaking on condition of anonymity, declined to confirm it.",
])
def test_every_unit_with_a_speech_cue_holds_a_verb_form(sentence: str) -> None:
    doc = make_doc(sentence)
    toks = doc.tokens.between(0, len(doc.body))
    if find_speech_cues(toks):
        assert doc.matches.within(SPEECH_VERBS, 0, len(doc.body))


def test_a_unit_without_verb_forms_is_skipped() -> None:
    doc = make_doc("Prices rose sharply in March.")
    assert not doc.matches.within(SPEECH_VERBS, 0, len(doc.body))
