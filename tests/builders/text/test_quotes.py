"""Tests of quotation-mark scanning."""

from __future__ import annotations

from newsfacts.builders.text.quotes import find_quotes


def test_quotes_curly_and_straight() -> None:
    body = 'She said “we will stay” and he said "we will go" today.'
    found = [q.text(body) for q in find_quotes(body)]
    assert found == ["we will stay", "we will go"]


def test_quotes_apostrophe_is_not_a_quote() -> None:
    body = "The council’s decision was “final”, the mayor’s office said."
    assert [q.text(body) for q in find_quotes(body)] == ["final"]


def test_quotes_continue_into_next_paragraph() -> None:
    body = "“The river came at night.\n“Nobody had time to leave.”\nThe mayor spoke later."
    quotes = find_quotes(body)
    assert len(quotes) == 1
    assert quotes[0].closed
    assert body[quotes[0].start:quotes[0].end].endswith("leave.”")
    assert quotes[0].text(body) == "The river came at night.\nNobody had time to leave."


def test_quotes_unclosed_quote_ends_with_its_paragraph() -> None:
    body = "He called it “a farce.\nThe vote went ahead."
    quotes = find_quotes(body)
    assert len(quotes) == 1
    assert not quotes[0].closed
    assert quotes[0].end == body.index("\n")


def test_quotes_guillemets_and_empty_input() -> None:
    assert [q.text("Il a dit «non» hier.") for q in find_quotes("Il a dit «non» hier.")] == ["non"]
    assert find_quotes("") == []


def test_quotes_single_marks_in_british_style() -> None:
    body = "‘We will rebuild,’ she said. The farmers’ union called it ‘a betrayal’, and ‘it’s over’."
    assert [q.text(body) for q in find_quotes(body)] == ["We will rebuild,", "a betrayal", "it’s over"]


def test_quotes_apostrophes_alone_make_no_quotation() -> None:
    assert find_quotes("Rock ’n’ roll isn’t dead, the fans’ club said in the ’90s.") == []
