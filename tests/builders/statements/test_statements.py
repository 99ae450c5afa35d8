"""Tests of the statements builder on hand-written sentences and a hand-built actor index."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts.builders.actors.mentions import ActorIndex, Mention
from newsfacts.builders.statements.build import build_statements
from newsfacts.builders.text.document import Doc
from newsfacts.schema.models import ActorRow, StatementRow
from tests.conftest import make_doc

# (actor_id, name, kind, title, country, surface forms)
ACTORS = [
    ("person:maria-lopez", "Maria Lopez", "person", "nurse", None, ["Maria Lopez", "Lopez"]),
    ("person:jan-novak", "Jan Novak", "person", "Defence Minister", "CZE", ["Jan Novak", "Novak"]),
    ("person:ana-silva", "Ana Silva", "person", "mayor", "PRT", ["Ana Silva", "Silva"]),
    ("org:ruritanian-foreign-ministry", "Ruritanian Foreign Ministry", "organization", None, None,
     ["Ruritanian Foreign Ministry"]),
    ("org:red-crescent", "Red Crescent", "organization", None, None, ["Red Crescent"]),
    ("state:nor", "Norway", "state", None, "NOR", ["Norway", "Oslo"]),
    ("state:ken", "Kenya", "state", None, "KEN", ["Kenya"]),
    ("state:eth", "Ethiopia", "state", None, "ETH", ["Ethiopia"]),
]


def index_for(doc: Doc) -> ActorIndex:
    """Actor rows and mentions for every surface form of ACTORS found in the body."""
    body = doc.body
    rows, mentions = [], []
    for aid, name, kind, title, country, forms in ACTORS:
        found: list[Mention] = []
        for form in sorted(forms, key=len, reverse=True):
            i = body.find(form)
            while i >= 0:
                if not any(m.start <= i < m.end for m in found):
                    found.append(Mention(i, i + len(form), aid, kind, form))
                i = body.find(form, i + 1)
        if found:
            first = min(found)
            rows.append(ActorRow(article_id=doc.article.article_id, actor_id=aid, name=name, kind=kind,
                                 title=title, affiliation=None, country=country, aliases=[],
                                 mentions=len(found), sentence_index=0, char_start=first.start,
                                 char_end=first.end, rule_id="test.v1"))
            mentions.extend(found)
    return ActorIndex(rows, mentions)


def run(text: str) -> list[StatementRow]:
    """Statement rows of a test text, with the span invariant checked."""
    doc = make_doc(text)
    rows, problems = build_statements(doc, index_for(doc))
    assert problems == []
    assert len({r.statement_id for r in rows}) == len(rows)
    for r in rows:
        assert 0 <= r.char_start < r.char_end <= len(doc.body)
        assert r.sentence_index == doc.sentence_index(r.char_start)
    return rows


def brief(rows: list[StatementRow]) -> list[tuple[str | None, str, str, str | None]]:
    """(speaker_id or text, kind, cue, via) of each row."""
    return [(r.speaker_id or r.speaker_text, r.kind, r.cue or "", r.via) for r in rows]


def test_statements_quote_after_with_inverted_speaker() -> None:
    rows = run("“We will not leave the ward,” said Maria Lopez, a nurse in the town.")
    assert brief(rows) == [("person:maria-lopez", "direct", "say", None)]
    assert rows[0].quote == "We will not leave the ward,"
    assert rows[0].rule_id == "statements.quote_after.v1"


def test_statements_quote_before_with_colon() -> None:
    rows = run("Jan Novak told a press conference: “The border stays closed. We need time.”")
    assert brief(rows) == [("person:jan-novak", "direct", "tell", None)]
    assert rows[0].quote == "The border stays closed. We need time."


def test_statements_quote_around_attribution_and_continuation() -> None:
    rows = run("Ana Silva visited the port on Monday. “We are ready,” she said, “but not at any price.” "
               "“The ships will come back.”")
    assert brief(rows) == [("person:ana-silva", "direct", "say", None),
                           ("person:ana-silva", "direct", "say", None)]
    assert rows[0].quote == "We are ready, … but not at any price."
    assert rows[1].rule_id == "statements.quote_continued.v1"


def test_statements_mixed_fragments_same_speaker_one_row() -> None:
    rows = run("The Ruritanian Foreign Ministry said it “strongly rejects” the claims and urged "
               "“restraint on all sides.”")
    assert brief(rows) == [("org:ruritanian-foreign-ministry", "mixed", "say", None)]
    assert rows[0].quote == "strongly rejects … restraint on all sides."


def test_statements_indirect_and_attribution_after() -> None:
    rows = run("Norway said on Monday that it would send 40 engineers. "
               "Talks will resume next week, the Ruritanian Foreign Ministry said.")
    assert brief(rows) == [("state:nor", "indirect", "say", None),
                           ("org:ruritanian-foreign-ministry", "indirect", "say", None)]
    assert rows[1].quote == "Talks will resume next week"


def test_statements_capital_for_state_and_deny() -> None:
    rows = run("Oslo denies any role in the sabotage.")
    assert brief(rows) == [("state:nor", "indirect", "deny", None)]


def test_statements_negations_questions_and_passives_are_not_statements() -> None:
    assert run("The ministry did not comment on the report. Officials declined to say when talks "
               "would resume. Asked whether the talks had failed, the spokesman refused to say. "
               "The militia was accused of looting.") == []


def test_statements_scare_quotes_are_not_statements() -> None:
    assert run("The so-called “peace plan” was published on Monday by a think tank.") == []


def test_statements_according_to_figure_source_is_not_a_statement() -> None:
    assert run("At least 40 people died in the floods, according to the Red Crescent.") == []


def test_statements_according_to_event_and_readout() -> None:
    rows = run("The envoy met rebel leaders in the capital, according to the Red Crescent. "
               "The two sides “agreed to keep talking,” according to a readout from the Ruritanian "
               "Foreign Ministry.")
    assert brief(rows) == [
        ("org:red-crescent", "indirect", "according_to", None),
        ("org:ruritanian-foreign-ministry", "mixed", "according_to",
         "a readout from the Ruritanian Foreign Ministry")]


def test_statements_coordinated_speakers_share_one_span() -> None:
    rows = run("Kenya and Ethiopia said they would build the power line by 2027.")
    assert brief(rows) == [("state:ken", "indirect", "say", None), ("state:eth", "indirect", "say", None)]
    assert rows[0].char_start == rows[1].char_start and rows[0].char_end == rows[1].char_end


def test_statements_unnamed_group_keeps_its_description() -> None:
    rows = run("Local fishermen said the catch had halved since the spill.")
    assert brief(rows) == [("Local fishermen", "indirect", "say", None)]
    assert rows[0].speaker_id is None


def test_statements_pronoun_and_title_resolution() -> None:
    rows = run("Defence Minister Jan Novak met Ana Silva in the harbour. Novak said the navy would help. "
               "He added that two ships were ready. The minister also warned that storms could delay it.")
    assert [r.speaker_id for r in rows] == ["person:jan-novak"] * 3
    assert [r.cue for r in rows] == ["say", "add", "warn"]


def test_statements_document_subject_and_channels() -> None:
    rows = run("The Ruritanian Foreign Ministry said in a statement posted on Telegram that the border "
               "was open. The statement said trucks could pass. "
               "Jan Novak told state television that the army was ready. "
               "Maria Lopez wrote on X that the clinic had reopened.")
    assert brief(rows) == [
        ("org:ruritanian-foreign-ministry", "indirect", "say", "a statement posted on Telegram"),
        ("org:ruritanian-foreign-ministry", "indirect", "say", "The statement"),
        ("person:jan-novak", "indirect", "tell", "state television"),
        ("person:maria-lopez", "indirect", "write", "X")]


def test_statements_participle_after_quote_makes_it_mixed() -> None:
    rows = run("“We are tired,” Novak said, adding that the army would stay until spring.")
    assert brief(rows) == [("person:jan-novak", "mixed", "say", None)]


def test_statements_trailing_attribution_is_the_channel() -> None:
    rows = run("Jan Novak stressed the need for “calm and patience,” the Ruritanian Foreign Ministry added.")
    assert brief(rows) == [("person:jan-novak", "mixed", "stress", "the Ruritanian Foreign Ministry")]


def test_statements_embedded_cue_is_not_a_second_statement() -> None:
    rows = run("Ana Silva said the council welcomed the decision but would review it.")
    assert brief(rows) == [("person:ana-silva", "indirect", "say", None)]


def test_statements_deterministic_and_safe_on_odd_input() -> None:
    text = "Norway said it would help. “Unclosed quote said he\n\"\"\" , , said said . told: “"
    assert run(text) == run(text)
    assert build_statements(make_doc("x"), ActorIndex([], []))[0] == []


def test_statements_linear_on_long_input() -> None:
    text = ("Officials said the road was closed, " * 4000) + "and “a quote said said” without end."
    start = time.perf_counter()
    run(text)
    assert time.perf_counter() - start < 5


def test_statements_single_quotes_are_quotations() -> None:
    rows = run("Maria Lopez walked home. ‘We will rebuild the clinic,’ she said.")
    assert brief(rows) == [("person:maria-lopez", "direct", "say", None)]


def test_statements_told_media_is_the_channel() -> None:
    rows = run("“The talks are over,” Jan Novak told Reuters in an interview.")
    assert brief(rows) == [("person:jan-novak", "direct", "tell", "Reuters")]


def test_statements_according_to_named_institute_and_leading_according_to() -> None:
    rows = run("According to the Institute for the Study of War, rebel units withdrew from the town. "
               "According to a readout from Norway, Jan Novak told the envoy that the border would open.")
    assert brief(rows) == [("Institute for the Study of War", "indirect", "according_to", None),
                           ("person:jan-novak", "indirect", "tell", "a readout from Norway")]


def test_statements_data_sources_and_sentence_initial_figures_are_not_statements() -> None:
    assert run("According to UN figures, 4,000 people fled. Unemployment fell to 5%, according to "
               "estimates by the central bank. According to the Red Crescent, 12 people died.") == []


def test_statements_modal_and_headline_nouns_are_not_statements() -> None:
    assert run("Aid pledges fall short\nNorway would respond to any attack.") == []


def test_statements_report_as_subject_and_dateline() -> None:
    rows = run("OSLO, March 3 — Kenya and Ethiopia ended talks on Sunday, pledging to share data.\n"
               "The Red Crescent published its annual review. The report said 30 clinics had closed.")
    assert brief(rows) == [("state:ken", "indirect", "pledge", None), ("state:eth", "indirect", "pledge", None),
                           ("org:red-crescent", "indirect", "say", "The report")]


def test_statements_pronoun_after_negated_subject() -> None:
    rows = run("Norway said Ana Silva and Jan Novak met. The mayor did not comment on the visit. "
               "Asked about it later, she said: “It went well.”")
    assert brief(rows)[-1] == ("person:ana-silva", "direct", "say", None)


def test_statements_span_ends_before_a_trailing_conjunction() -> None:
    rows = run("Kenya criticised the plan, while Ethiopia praised it.")
    doc = make_doc("Kenya criticised the plan, while Ethiopia praised it.")
    assert [doc.body[r.char_start:r.char_end] for r in rows] == ["Kenya criticised the plan",
                                                                  "Ethiopia praised it"]


PIECES = ["Norway", " said", " told", " according to", " the statement", ",", ".", " “", "”", ' "', "'", "‘",
          "’", " he", " she", " Jan Novak", " that", " and", " not", " (", ")", "\n", " adding", " called for",
          " the minister", " 40", " people", ":", " —", " who", " in a statement", " Kenya and Ethiopia"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60))
def test_statements_never_raise_and_spans_hold(pieces: list[str]) -> None:
    text = "".join(pieces).strip() or "x"
    rows = run(text)
    doc = make_doc(text)
    for r in rows:
        assert r.quote and r.speaker_text
        assert doc.body[r.char_start:r.char_end].strip() == doc.body[r.char_start:r.char_end]


def test_statements_pronouns_keep_their_gender() -> None:
    rows = run("Jan Novak said the port was closed. He added that ships waited. Ana Silva met him. "
               "“The war must end,” she said. He said talks would go on.")
    assert [r.speaker_id for r in rows] == ["person:jan-novak", "person:jan-novak", "person:ana-silva",
                                            "person:jan-novak"]


def test_statements_inverted_unnamed_speaker_and_media_channel() -> None:
    rows = run("“It is too early to say,” said one diplomat, who asked not to be identified. "
               "Residents told the BBC they had not eaten for days.")
    assert brief(rows) == [("one diplomat", "direct", "say", None), ("Residents", "indirect", "tell", "the BBC")]


def test_statements_non_speech_senses_are_not_statements() -> None:
    assert run("That said, Norway will help. Having said that, the plan stands. Norway denied entry to "
               "the trucks. The storm claimed the lives of 20 people. Kenya declared a state of emergency. "
               "Norway welcomed Jan Novak to Oslo.") == []
    assert brief(run("Kenya declared that the vote was free. The flood toll rose, the WHO said.")) == [
        ("state:ken", "indirect", "declare", None), ("WHO", "indirect", "say", None)]


def test_statements_they_and_it_continue_the_last_speakers() -> None:
    rows = run("Kenya and Ethiopia said they would build the line. They added that work starts in May. "
               "Local fishermen said the catch had halved. They said the spill was to blame.")
    assert [r.speaker_id or r.speaker_text for r in rows] == [
        "state:ken", "state:eth", "state:ken", "state:eth", "Local fishermen", "Local fishermen"]


def test_statements_person_nouns_of_a_body_stay_descriptions() -> None:
    rows = run("A spokesman for the Red Crescent said the camps were full. Senior officials from Kenya and "
               "Ethiopia said talks failed. The head of the Red Crescent, Maria Lopez, said more aid came.")
    assert [r.speaker_id or r.speaker_text for r in rows] == [
        "A spokesman for the Red Crescent", "Senior officials from Kenya and Ethiopia", "person:maria-lopez"]


def test_statements_colon_then_quoted_paragraph_is_one_direct_statement() -> None:
    rows = run("Jan Novak told reporters:\n“We are ready. The ships can sail.”\nThe port opened.")
    assert brief(rows) == [("person:jan-novak", "direct", "tell", None)]
    assert rows[0].quote == "We are ready. The ships can sail."


def test_statements_interview_with_an_outlet_is_the_channel() -> None:
    rows = run("Maria Lopez said in an interview with the BBC that the ward was full.")
    assert brief(rows) == [("person:maria-lopez", "indirect", "say", "an interview with the BBC")]


def test_statements_bare_quote_after_said_is_direct_but_not_after_stress() -> None:
    assert brief(run('Jan Novak said "we will win."')) == [("person:jan-novak", "direct", "say", None)]
    assert brief(run('Jan Novak stressed "the urgency of a ceasefire."')) == [
        ("person:jan-novak", "mixed", "stress", None)]


def test_statements_unresolved_names_lists_and_initials() -> None:
    doc = make_doc("Germany and Hungary urged a deal. Bosnia and Herzegovina said it agreed. "
                   "Assistant Secretary Daniel R. Whitcombe said talks resume. "
                   "Opposition MP David Ochieng Were said the bill failed. Toktogulov said he would stay. "
                   "“We are not leaving,” he said.")
    rows, _ = build_statements(doc, ActorIndex([], []))
    assert [r.speaker_text for r in rows] == ["Germany", "Hungary", "Bosnia and Herzegovina",
                                              "Daniel R. Whitcombe", "David Ochieng Were", "Toktogulov",
                                              "Toktogulov"]


def test_statements_definite_description_points_at_an_earlier_speaker() -> None:
    doc = make_doc("The Central Election Commission said turnout was low. Turnout was 44 percent, the "
                   "commission said.")
    rows, _ = build_statements(doc, ActorIndex([], []))
    assert [r.speaker_text for r in rows] == ["Central Election Commission"] * 2


def test_statements_unresolved_organization_names_stay_whole() -> None:
    doc = make_doc("The Qatari Ministry of Foreign Affairs said talks began. The Food and Agriculture "
                   "Organization said crops failed. Attorney General Ana Costa said charges were filed.")
    rows, _ = build_statements(doc, ActorIndex([], []))
    assert [r.speaker_text for r in rows] == ["Qatari Ministry of Foreign Affairs",
                                              "Food and Agriculture Organization", "Ana Costa"]


def test_statements_pronoun_in_the_same_sentence_joins_an_unresolved_speaker() -> None:
    doc = make_doc("Minister Wang said the war was a “disgrace” and he urged an immediate ceasefire.")
    rows, _ = build_statements(doc, ActorIndex([], []))
    assert [(r.speaker_text, r.kind, r.cue) for r in rows] == [("Wang", "mixed", "say")]


def test_statements_dashes_enclose_descriptions_and_attributions() -> None:
    rows = run("Jan Novak — a veteran diplomat — said the talks had stalled. "
               "The talks collapsed on Monday — Norway said.")
    assert brief(rows) == [("person:jan-novak", "indirect", "say", None), ("state:nor", "indirect", "say", None)]
    assert rows[1].quote == "The talks collapsed on Monday"


def test_statements_quotation_opening_with_the_verb() -> None:
    assert brief(run("Kenya “strongly condemned the attack” on Monday.")) == [
        ("state:ken", "mixed", "condemn", None)]
    assert brief(run("Ana Silva “praised the role played by Norway,” the Ruritanian Foreign Ministry "
                     "statement said.")) == [
        ("person:ana-silva", "mixed", "praise", "the Ruritanian Foreign Ministry statement")]


def test_statements_document_subject_named_by_its_source() -> None:
    rows = run("A statement from the Red Crescent said the camps were full. "
               "A letter from 40 village elders said the road was unsafe.")
    assert [(r.speaker_id or r.speaker_text, r.via) for r in rows] == [
        ("org:red-crescent", "A statement from the Red Crescent"),
        ("40 village elders", "A letter from 40 village elders")]


def test_statements_more_reporting_verbs_and_their_non_speech_senses() -> None:
    rows = run("Norway voiced concern over the arrests. Kenya blamed the rebels for the attack. "
               "Jan Novak appealed for calm. The car slammed into a wall. The blame lies elsewhere.")
    assert [(r.speaker_id, r.cue) for r in rows] == [("state:nor", "voice"), ("state:ken", "blame"),
                                                     ("person:jan-novak", "appeal")]


def test_statements_honorific_with_period_before_an_inverted_speaker() -> None:
    rows = run("“The wards are full,” said Dr. Maria Lopez, head of the clinic. "
               "“We will stay,” said Gen. Jan Novak.")
    assert [(r.speaker_id, r.kind) for r in rows] == [("person:maria-lopez", "direct"), ("person:jan-novak", "direct")]


def test_statements_based_description_points_at_the_last_organization() -> None:
    rows = run("The Red Crescent said 40 people were hurt. The Geneva-based charity said more aid was needed.")
    assert [r.speaker_id for r in rows] == ["org:red-crescent", "org:red-crescent"]


def test_statements_speaker_followed_by_its_place() -> None:
    rows = run("The Red Crescent in Gaza said 40 people were hurt. Ana Silva in Porto said she would help.")
    assert [r.speaker_id for r in rows] == ["org:red-crescent", "person:ana-silva"]


def test_statements_a_specific_noun_does_not_point_at_any_organization() -> None:
    rows = run("The Red Crescent said 40 people were hurt. The company said it would cut jobs. "
               "The group said it needed more ambulances.")
    assert [r.speaker_id for r in rows] == ["org:red-crescent", None, "org:red-crescent"]
