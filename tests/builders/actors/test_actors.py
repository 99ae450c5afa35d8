"""Tests of the actors builder: hand-written sentences, one behaviour each."""

from __future__ import annotations

from collections.abc import Callable

from newsfacts.builders.actors.build import build_actors
from newsfacts.builders.text.document import Doc
from newsfacts.schema.models import ActorRow

DocOf = Callable[..., Doc]


def _rows(doc_of: DocOf, text: str) -> dict[str, ActorRow]:
    rows, _, problems = build_actors(doc_of(text))
    assert problems == []
    return {r.actor_id: r for r in rows}


def test_actors_states_and_capital_alias(doc_of: DocOf) -> None:
    rows = _rows(doc_of, "Tokyo said on Monday it would send aid to Nepal. Japan has pledged more.")
    assert rows["state:jpn"].name == "Japan"
    assert rows["state:jpn"].aliases == ["Tokyo"]
    assert rows["state:jpn"].country == "JPN"
    assert rows["state:npl"].mentions == 1


def test_actors_capital_as_place_is_not_a_mention(doc_of: DocOf) -> None:
    rows = _rows(doc_of, "The envoy arrived in Nairobi late on Friday.")
    assert "state:ken" not in rows


def test_actors_titled_person_with_demonym(doc_of: DocOf) -> None:
    rows = _rows(doc_of, "Kenyan diplomat Peter Ouma Otieno met officials. Otieno said talks went well.")
    p = rows["person:peter-ouma-otieno"]
    assert (p.kind, p.title, p.affiliation, p.country) == ("person", "diplomat", "Kenya", "KEN")
    assert p.aliases == ["Otieno"] and p.mentions == 2


def test_actors_surname_follows_title(doc_of: DocOf) -> None:
    text = ("Foreign Minister Lee Jae-sun met envoy Lee Min-ho in Busan. "
            "Foreign Minister Lee later flew home. The envoy Lee stayed behind.")
    rows, index, _ = build_actors(doc_of(text))
    lees = [m for m in index.mentions if m.text == "Lee"]
    assert [m.actor_id for m in lees] == ["person:lee-jae-sun", "person:lee-min-ho"]
    assert {r.actor_id for r in rows} >= {"person:lee-jae-sun", "person:lee-min-ho"}


def test_actors_lexicon_org_acronym(doc_of: DocOf) -> None:
    rows = _rows(doc_of, "The World Food Programme (WFP) warned of famine. WFP trucks were stopped.")
    org = rows["org:world-food-programme"]
    assert org.aliases == ["WFP"] and org.mentions == 3 and org.country is None


def test_actors_description_org(doc_of: DocOf) -> None:
    rows = _rows(doc_of, "Peru's foreign ministry said the Peruvian Foreign Ministry had no comment.")
    org = rows["org:peru-foreign-ministry"]
    assert org.kind == "organization" and org.country == "PER" and org.mentions == 2


def test_actors_government_is_state_alias(doc_of: DocOf) -> None:
    rows = _rows(doc_of, "The Ukrainian government rejected the plan, Ukraine's envoy said.")
    assert rows["state:ukr"].aliases == ["Ukrainian government"]


def test_actors_named_org_with_defined_acronym(doc_of: DocOf) -> None:
    rows = _rows(doc_of, "The National Flood Relief Agency (NFRA) in Malawi said NFRA teams were out.")
    org = rows["org:national-flood-relief-agency"]
    assert org.aliases == ["NFRA"] and org.country == "MWI"


def test_actors_byline_is_not_an_actor(doc_of: DocOf) -> None:
    rows = _rows(doc_of, "Chile said it would vote.\nReporting by Ana Torres Vidal; editing by Tom Reed.")
    assert all(r.kind != "person" for r in rows.values())


def test_actors_particles_and_apposition(doc_of: DocOf) -> None:
    rows = _rows(doc_of, "Omar bin Salem al-Khatib, the Omani trade minister, visited Oman's ports.")
    p = rows["person:omar-bin-salem-al-khatib"]
    assert p.country == "OMN"


def test_actors_same_input_same_rows(doc_of: DocOf) -> None:
    text = "Brazilian envoy Ana Lima met Chile's foreign minister. Lima said Brasilia agreed."
    assert build_actors(doc_of(text))[0] == build_actors(doc_of(text))[0]


def test_actors_provenance_matches_body(doc_of: DocOf) -> None:
    doc = doc_of("Sweden and Norway met. NATO said Finnish President Anna Virtanen agreed.")
    rows, index, _ = build_actors(doc)
    for r in rows:
        assert r.rule_id.startswith("actors.") and r.rule_id.endswith(".v1")
        assert doc.body[r.char_start:r.char_end] in {r.name, *r.aliases}
    for m in index.mentions:
        assert doc.body[m.start:m.end] == m.text


def test_actors_heading_line_is_not_a_person(doc_of: DocOf) -> None:
    text = "Malawi said the harvest failed.\nRising Waters Ahead\nThe rains came early this year."
    rows = _rows(doc_of, text)
    assert "person:rising-waters-ahead" not in rows


def test_actors_partial_name_first_joins_full_name(doc_of: DocOf) -> None:
    rows = _rows(doc_of, "Mr. Okafor spoke first. Later, Finance Minister Chidi Okafor left.")
    assert "person:okafor" not in rows
    assert rows["person:chidi-okafor"].mentions == 2


def test_actors_spokesman_of_a_person_takes_their_country(doc_of: DocOf) -> None:
    text = ("Latvian Foreign Minister Andris Kalnins met envoys. "
            "\"No comment,\" Kalnins's spokesman, Peteris Ozols, told reporters.")
    rows = _rows(doc_of, text)
    assert rows["person:peteris-ozols"].country == "LVA"


def test_actors_lexicon_org_keeps_its_name_after_a_state(doc_of: DocOf) -> None:
    rows = _rows(doc_of, "Nigeria's Boko Haram fighters raided a village.")
    assert rows["org:boko-haram"].name == "Boko Haram"


def test_actors_state_word_as_first_name(doc_of: DocOf) -> None:
    rows = _rows(doc_of, "Chad Whitmore said the vote was fair.")
    assert "state:tcd" not in rows and "person:chad-whitmore" in rows


def test_actors_honorific_inside_a_name_is_a_name_part(doc_of: DocOf) -> None:
    rows = _rows(doc_of, "Somali President Hassan Sheikh Mohamud met envoys. Qatar's Emir Sheikh Tamim bin Hamad "
                         "Al Thani hosted them.")
    p = rows["person:hassan-sheikh-mohamud"]
    assert (p.name, p.title, p.country) == ("Hassan Sheikh Mohamud", "President", "SOM")
    assert "person:hassan" not in rows and "person:mohamud" not in rows
    assert rows["person:tamim-bin-hamad-al-thani"].title is not None


def test_actors_title_from_an_apposition(doc_of: DocOf) -> None:
    rows = _rows(doc_of, "Anna Berg, Sweden's ambassador to South Sudan, attended. Peter Lund, a spokesman for the "
                         "Danish foreign ministry, said no more. Daniel Harwood, the US mediator Khalid al-Harbi met "
                         "last week, left.")
    assert rows["person:anna-berg"].title == "ambassador to South Sudan"
    assert rows["person:peter-lund"].title == "spokesman"
    assert rows["person:daniel-harwood"].title == "mediator"


def test_actors_policy_and_portfolio_words_stay_in_the_title(doc_of: DocOf) -> None:
    rows = _rows(doc_of, "The European Union's foreign policy chief Josep Borrell met Youth Minister Ana Ruiz.")
    assert rows["person:josep-borrell"].title == "foreign policy chief"
    assert rows["person:ana-ruiz"].title == "Youth Minister"


def test_actors_known_public_figure_gets_nationality_without_a_cue(doc_of: DocOf) -> None:
    rows = _rows(doc_of, "WASHINGTON — President Xi Jinping would visit Washington, officials said. "
                         "Kenyan official John Mwangi agreed.")
    assert rows["person:xi-jinping"].country == "CHN"
    assert rows["person:john-mwangi"].country == "KEN"   # the cue near the name, as before
    assert "person:washington" not in rows               # ", officials said" is no apposition


def test_people_lexicon_keys_are_states_and_names_are_unique() -> None:
    import pycountry

    from newsfacts.builders.text.ids import slug
    from newsfacts.builders.text.lexicon import load_data

    seen: dict[str, str] = {}
    for iso3, names in load_data("people.yaml").items():
        assert pycountry.countries.get(alpha_3=iso3) is not None, iso3
        for name in names:
            assert seen.setdefault(slug(name), iso3) == iso3, name
