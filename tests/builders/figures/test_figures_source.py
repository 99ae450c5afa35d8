"""Figures builder: who a figure is attributed to (issue 6). Actors are built by hand here."""

from __future__ import annotations

from newsfacts.builders.actors.mentions import ActorIndex, Mention
from newsfacts.builders.figures.build import build_figures
from newsfacts.builders.text.ids import slug
from newsfacts.schema.models import ActorRow
from tests.conftest import make_doc

AID = "0" * 16


def index(text: str, actors: dict[str, tuple[str, str | None]]) -> ActorIndex:
    """An ActorIndex with every occurrence of each name: {surface form: (kind, title)}."""
    rows: dict[str, ActorRow] = {}
    mentions: list[Mention] = []
    for form, (kind, title) in actors.items():
        prefix = {"person": "person", "organization": "org", "state": "state"}[kind]
        actor_id = f"{prefix}:{slug(form)}"
        start = text.find(form)
        rows[actor_id] = ActorRow(article_id=AID, actor_id=actor_id, name=form, kind=kind,  # type: ignore[arg-type]
                                  title=title, affiliation=None, country=None, aliases=[], mentions=1,
                                  sentence_index=0, char_start=max(start, 0),
                                  char_end=max(start, 0) + len(form), rule_id="test.v1")
        while start >= 0:
            mentions.append(Mention(start, start + len(form), actor_id, kind, form))
            start = text.find(form, start + 1)
    return ActorIndex(rows.values(), mentions)


def sources(text: str, actors: dict[str, tuple[str, str | None]] | None = None) -> list[tuple[str, str | None]]:
    """(figure text, source_text) of every figure."""
    doc = make_doc(text)
    rows, _ = build_figures(doc, index(doc.body, actors or {}))
    return [(r.text, r.source_text) for r in rows]


def ids(text: str, actors: dict[str, tuple[str, str | None]]) -> list[str | None]:
    """source_id of every figure."""
    doc = make_doc(text)
    return [r.source_id for r in build_figures(doc, index(doc.body, actors))[0]]


ORG: tuple[str, None] = ("organization", None)
PERSON: tuple[str, None] = ("person", None)


def test_figures_source_according_to_covers_the_clause_before() -> None:
    text = "Floods killed at least 80 people and destroyed 400 homes, according to the Red Cross."
    assert sources(text, {"Red Cross": ORG}) == [("at least 80 people", "the Red Cross"),
                                                 ("400 homes", "the Red Cross")]
    assert ids(text, {"Red Cross": ORG}) == ["org:red-cross", "org:red-cross"]


def test_figures_source_sentence_initial_according_to() -> None:
    text = "According to the finance ministry, debt rose by 12% last year."
    assert sources(text) == [("12%", "the finance ministry")]


def test_figures_source_speaker_before_and_trailing_speaker() -> None:
    text = ("The Health Office said 35 people had died. Some 900 families were evacuated, the "
            "governor's office said on Friday.")
    assert sources(text, {"Health Office": ORG}) == [
        ("35 people", "The Health Office"), ("Some 900 families", "the governor's office")]


def test_figures_source_inverted_speaker_after_a_quote() -> None:
    text = "“We lost more than 60 boats,” said Tomas Rivera, a fisherman."
    assert sources(text, {"Tomas Rivera": PERSON}) == [("more than 60 boats", "Tomas Rivera")]


def test_figures_source_figure_in_the_speakers_description_is_not_attributed() -> None:
    text = "“We will stay,” said Ana Costa, who runs a shelter for some 150 orphans."
    assert sources(text, {"Ana Costa": PERSON}) == [("some 150 orphans", None)]


def test_figures_source_pronoun_takes_the_last_person() -> None:
    text = "Mira Okafor leads the clinic. She said 40 patients were treated for burns."
    assert sources(text, {"Mira Okafor": PERSON}) == [("40 patients", "Mira Okafor")]


def test_figures_source_anaphor_takes_the_named_body() -> None:
    text = ("The Refugee Support Agency opened a camp in the north. The agency said it now hosts "
            "about 12,000 refugees.")
    assert sources(text, {"Refugee Support Agency": ORG}) == [("about 12,000 refugees", "Refugee Support Agency")]


def test_figures_source_pledge_verb_subject() -> None:
    text = "Norway pledged $25 million, while aid groups sent 40 trucks."
    assert sources(text, {"Norway": ("state", None)}) == [("$25 million", "Norway"), ("40 trucks", None)]


def test_figures_source_negated_verb_is_not_a_source() -> None:
    text = "The army did not say how 14 soldiers died."
    assert sources(text) == [("14 soldiers", None)]


def test_figures_source_quoted_figure_takes_the_quotes_speaker() -> None:
    text = "“This is a disaster,” Lena Moss told reporters. “Over 3,000 homes are gone.”"
    assert sources(text, {"Lena Moss": PERSON}) == [("Over 3,000 homes", "Lena Moss")]


def test_figures_source_title_resolves_to_the_person() -> None:
    text = ("Deputy Minister Ivo Petrov visited the port. Later the deputy minister said 200 "
            "containers were stuck.")
    assert ids(text, {"Ivo Petrov": ("person", "Deputy Minister")}) == ["person:ivo-petrov"]


def test_figures_source_without_cue_is_none() -> None:
    assert sources("The bridge carries 9,000 trucks a week.") == [("9,000 trucks", None)]


def test_figures_source_short_trailing_cue_and_object_sense_of_added() -> None:
    text = "Factories added 12,000 jobs in May, the statistics office said Tuesday."
    assert sources(text) == [("12,000 jobs", "the statistics office")]


def test_figures_source_figure_inside_a_source_phrase_has_no_source() -> None:
    text = "Most adults back the plan, a survey of 1,800 voters found."
    assert sources(text) == [("1,800 voters", None)]


def test_figures_source_name_with_commas_is_kept_whole() -> None:
    text = ("Rains flooded 300 homes, according to the Department for Environment, Food and Rural "
            "Affairs. The Ministry of Trade, Industry and Energy said 40 factories shut.")
    assert sources(text) == [
        ("300 homes", "the Department for Environment, Food and Rural Affairs"),
        ("40 factories", "The Ministry of Trade, Industry and Energy")]


def test_figures_source_document_noun_before_a_reporting_verb() -> None:
    assert sources("A Reuters tally shows at least 60 ships were hit.") == [("at least 60 ships", "A Reuters tally")]


def test_figures_source_inverted_speaker_with_title_abbreviation_and_adding() -> None:
    text = "At least 30 people died, said Dr. Omar Nasser, head of the clinic, adding that 90 others were hurt."
    assert sources(text, {"Omar Nasser": PERSON}) == [("At least 30 people", "Dr. Omar Nasser"),
                                                      ("90 others", "Dr. Omar Nasser")]


def test_figures_source_quote_running_into_the_next_paragraph() -> None:
    text = ("Ada Obi spoke at the camp. “We have lost 900 homes.\n"
            "“We need 40 tents,” she said.")
    assert sources(text, {"Ada Obi": PERSON}) == [("900 homes", "Ada Obi"), ("40 tents", "Ada Obi")]


def test_generic_anaphor_falls_back_to_the_latest_organization_source() -> None:
    text = ("According to the World Food Programme, about 2.3 million people face shortages. "
            "The agency said it needed $120 million to keep operations running.")
    assert ids(text, {"World Food Programme": ("organization", None)}) == [
        "org:world-food-programme", "org:world-food-programme"]


def test_a_described_body_is_not_an_earlier_source() -> None:
    text = ("The Red Cross said 40 people were hurt. At least 1,500 households were left without power, "
            "according to the regional administration.")
    assert ids(text, {"Red Cross": ("organization", None)}) == ["org:red-cross", None]


def test_a_specific_noun_needs_its_own_body() -> None:
    text = "The Red Cross said 40 people were hurt. The company said it would cut 2,000 jobs."
    assert ids(text, {"Red Cross": ("organization", None)}) == ["org:red-cross", None]
