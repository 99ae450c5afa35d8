"""The document layer's one scan gives the same word tokens and clause tokens as the two
tokenizers run apart, on any text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts.builders.text import tokens, words

ALPHABET = "aAbZé1.'’-_ \n“”,sS"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_one_scan_equals_the_two_tokenizers(text: str) -> None:
    both, found = tokens.tokenize_with_words(text)
    assert both == tokens.tokenize(text, 0, len(text))
    assert found == words.tokenize(text)


def test_abbreviations_possessives_and_initials() -> None:
    text = "Dr. Smith's aide met U.S. envoy J. Doe and Hamas’ chief at 5 p.m. in al-Arish."
    both, found = tokens.tokenize_with_words(text)
    assert [t.text for t in both][:6] == ["Dr.", "Smith's", "aide", "met", "U.S.", "envoy"]
    assert [t.text for t in found][:6] == ["Dr.", "Smith", "aide", "met", "U.S.", "envoy"]
    assert found[1].possessive and found[1].low == "smith"
    assert both == tokens.tokenize(text, 0, len(text)) and found == words.tokenize(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET + "?!.A", max_size=80))
def test_a_sentence_slice_of_the_body_tokens_is_the_sentence_tokenized(text: str) -> None:
    from newsfacts.builders.text.clause_tokens import clause_tokens
    from newsfacts.builders.text.document import Tokens
    from newsfacts.builders.text.sentences import split_sentences

    whole = Tokens(tokens.tokenize(text, 0, len(text)))
    clauses = Tokens(clause_tokens(text, 0, len(text)))
    for s in split_sentences(text):
        assert whole.between(s.start, s.end) == tokens.tokenize(text, s.start, s.end)
        assert clauses.between(s.start, s.end) == clause_tokens(text, s.start, s.end)
