"""Sentence splitting, slugs and row ids."""

from __future__ import annotations

import pytest

from newsfacts.builders.text.ids import row_id, slug
from newsfacts.builders.text.sentences import split_sentences
from tests.conftest import make_doc


def sentences(text: str) -> list[str]:
    """The sentence texts of `text`."""
    return [text[s.start:s.end] for s in split_sentences(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("One thing. Another thing.", ["One thing.", "Another thing."]),
    ("Dr. Amal Haddad spoke. She left.", ["Dr. Amal Haddad spoke.", "She left."]),
    ("He met J. R. Smith in the U.S. capital. Talks ended.",
     ["He met J. R. Smith in the U.S. capital.", "Talks ended."]),
    ("“We will win,” he said. “Never.”", ["“We will win,” he said.", "“Never.”"]),
    ("It cost 3.5 million. Then 4.", ["It cost 3.5 million.", "Then 4."]),
    ("Headline\nFirst para. Second.", ["Headline", "First para.", "Second."]),
    ("Is it true? Yes! Done.", ["Is it true?", "Yes!", "Done."]),
    ("ends with lowercase. next word", ["ends with lowercase. next word"]),
])
def test_text_split_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_text_sentence_index() -> None:
    doc = make_doc("First one. Second one.\nThird.")
    assert [doc.sentence_index(p) for p in (0, 11, 23)] == [0, 1, 2]
    assert doc.sentence_text(1) == "Second one."


@pytest.mark.parametrize(("text", "expected"), [
    ("Wang Kejian", "wang-kejian"),
    ("Riyad al-Maliki", "riyad-al-maliki"),
    ("China’s Foreign Ministry", "chinas-foreign-ministry"),
    ("Élysée  Palace!", "elysee-palace"),
])
def test_text_slug(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_text_row_id_is_deterministic_and_discriminating() -> None:
    a = row_id("0123456789abcdef", "figures", 1, 5, "figures.x.v1")
    assert a == row_id("0123456789abcdef", "figures", 1, 5, "figures.x.v1")
    assert a.startswith("0123456789abcdef-")
    assert a != row_id("0123456789abcdef", "figures", 1, 5, "figures.x.v1", "person:a")


def test_actor_index_before_finds_the_latest_mention_of_a_kind() -> None:
    from newsfacts.builders.actors.mentions import ActorIndex, Mention

    ms = [Mention(0, 5, "p:a", "person", "Alice"), Mention(10, 15, "s:chn", "state", "China"),
          Mention(20, 30, "o:un", "organization", "the UN"), Mention(22, 25, "s:usa", "state", "US")]
    idx = ActorIndex([], ms)
    assert idx.before(40) == ms[3]                      # the mention that starts last
    assert idx.before(26, ["state"]) == ms[3]
    assert idx.before(26, ["organization"]) is None     # the UN ends after 26
    assert idx.before(40, ["person", "state"]) == ms[3]
    assert idx.before(9, ["state", "person"]) == ms[0]
    assert idx.before(3) is None


def test_release_drops_the_views_and_they_come_back_on_use() -> None:
    from tests.conftest import make_doc

    doc = make_doc("The minister met her counterpart. “We agreed,” she said.")
    words = doc.words
    assert doc.quotes and doc.tokens and "words" in vars(doc)
    doc.release()
    assert set(vars(doc)) == {"article", "sentences"}
    assert doc.words == words
