"""One or more hand-written sentences per actors rule id: what each rule finds and what it must not."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsfacts.builders.actors.build import build_actors
from newsfacts.builders.text.document import Doc
from newsfacts.builders.text.lexicon import load_data

DocOf = Callable[..., Doc]

# (rule id, text, actor id, kind, country or None, an alias that must be there or None)
FINDS = [
    ("actors.state_name.v1", "Talks between Peru and the United States resumed.", "state:usa", "state", "USA", None),
    ("actors.state_name.v1", "The UAE said the deal would hold.", "state:are", "state", "ARE", None),
    ("actors.capital.v1", "Ottawa rejected the tariffs on Friday.", "state:can", "state", "CAN", "Ottawa"),
    ("actors.capital.v1", "Canberra's envoy arrived late.", "state:aus", "state", "AUS", "Canberra"),
    ("actors.capital.v1", "Brussels warned member states.", "org:european-union", "organization", None,
     "Brussels"),
    ("actors.state_government.v1", "Ethiopia's government denied the report.", "state:eth", "state", "ETH",
     "Ethiopia's government"),
    ("actors.state_government.v1", "The Chilean government rejected it.", "state:chl", "state", "CHL",
     "Chilean government"),
    ("actors.org_lexicon.v1", "The IAEA said inspectors had left.", "org:international-atomic-energy-agency",
     "organization", None, None),
    ("actors.org_lexicon.v1", "Fighters from al-Shabaab attacked a base.", "org:al-shabaab", "organization",
     "SOM", None),
    ("actors.org_named.v1", "The Ministry of Water Resources in Malawi said so.",
     "org:ministry-of-water-resources", "organization", None, None),
    ("actors.org_description.v1", "Ghana's National Election Commission met.",
     "org:ghana-national-election-commission", "organization", "GHA", "National Election Commission"),
    ("actors.org_named.v1", "The Central Bank of Tunisia raised rates.", "org:tunisia-central-bank",
     "organization", "TUN", None),
    ("actors.org_named.v1", "The Soil, Water and Forestry Agency of Laos said so.",
     "org:laos-soil-water-and-forestry-agency", "organization", "LAO", None),
    ("actors.org_named.v1", "The Ministry of Mines, Energy and Water in Namibia said so.",
     "org:ministry-of-mines-energy-and-water", "organization", "NAM", None),
    ("actors.org_description.v1", "Mexico's foreign ministry summoned the envoy.", "org:mexico-foreign-ministry",
     "organization", "MEX", None),
    ("actors.org_description.v1", "The Israeli military said it struck a depot.", "org:israel-military",
     "organization", "ISR", None),
    ("actors.org_lexicon.v1", "The Israel Defense Forces said the Israeli military had left.",
     "org:israel-defense-forces", "organization", "ISR", "Israeli military"),
    ("actors.org_description.v1", "The Hezbollah media office denied it.", "org:hezbollah-media-office",
     "organization", "LBN", None),
    ("actors.acronym.v1", "The Rural Roads Authority (RRA) of Zambia said RRA crews were out.",
     "org:rural-roads-authority", "organization", "ZMB", "RRA"),
    ("actors.org_backref.v1", "The European Commission proposed a cap. The Commission will vote.",
     "org:european-commission", "organization", None, "Commission"),
    ("actors.person_titled.v1", "Argentine diplomat Lucas Ferreyra Ortiz spoke.", "person:lucas-ferreyra-ortiz",
     "person", "ARG", None),
    ("actors.person_titled.v1", "Sheikh Hamad bin Jassim al-Thani arrived.", "person:hamad-bin-jassim-al-thani",
     "person", None, None),
    ("actors.person_apposition.v1", "Nadia Petrova, the Bulgarian energy minister, resigned.",
     "person:nadia-petrova", "person", "BGR", None),
    ("actors.person_apposition.v1", "Oscar Mbeki, 61, said the water was gone.", "person:oscar-mbeki", "person",
     None, None),
    ("actors.person_speaker.v1", "“We are ready,” said Ilse Vandermeer.", "person:ilse-vandermeer", "person",
     None, None),
    ("actors.person_name.v1", "Ravi Subramaniam opened the meeting.", "person:ravi-subramaniam", "person",
     None, None),
    ("actors.person_coref.v1", "Envoy Tomas Lindgren met reporters. Lindgren declined to comment.",
     "person:tomas-lindgren", "person", None, "Lindgren"),
]


@pytest.mark.parametrize(("rule", "text", "actor_id", "kind", "country", "alias"), FINDS)
def test_actors_rule_finds(doc_of: DocOf, rule: str, text: str, actor_id: str, kind: str,
                           country: str | None, alias: str | None) -> None:
    rows, index, _ = build_actors(doc_of(text))
    by_id = {r.actor_id: r for r in rows}
    assert actor_id in by_id, sorted(by_id)
    row = by_id[actor_id]
    assert row.kind == kind
    if country is not None:
        assert row.country == country
    if alias is not None:
        assert alias in row.aliases
    assert any(m.actor_id == actor_id for m in index.mentions)
    assert row.rule_id == rule or rule in SECONDARY


SECONDARY = ("actors.acronym.v1", "actors.org_backref.v1", "actors.person_coref.v1")


# (text, an actor id that must NOT be there)
MISSES = [
    ("The delegation arrived in Beijing on Monday.", "state:chn"),
    ("Protesters filled the streets of Tehran.", "state:irn"),
    ("Crowds gathered in Gaza and the West Bank.", "state:pse"),
    ("Jerusalem's Old City was quiet.", "state:isr"),
    ("The Atanasio Rivas bridge reopened to traffic.", "person:atanasio-rivas"),
    ("Hurricane Delia hit the coast.", "person:hurricane-delia"),
    ("Reporting by Jane Holloway; editing by Tom Reed", "person:jane-holloway"),
    ("LIMA, Peru (AP) — Talks resumed.", "org:associated-press"),
    ("Hong Kong CNN — Talks resumed.", "org:cnn"),
    ("Shares of Andes Mining Co. fell sharply.", "person:mining-co"),
    ("The Presidential Office in Lima said so.", "org:presidential-office-in-lima"),
    ("About 400 Kenyan police officers arrived.", "org:kenya-police"),
    ("The offensive began with Azerbaijan's military offensive in the region.", "org:azerbaijan-military"),
]


@pytest.mark.parametrize(("text", "actor_id"), MISSES)
def test_actors_rule_misses(doc_of: DocOf, text: str, actor_id: str) -> None:
    rows, _, _ = build_actors(doc_of(text))
    assert actor_id not in {r.actor_id for r in rows}


def test_actors_lexicons_hold_only_strings() -> None:
    """YAML turns bare on/off/no/yes into booleans; every word list must stay strings."""
    for name in ("actor_words.yaml", "titles.yaml", "actor_institutions.yaml"):
        for key, value in load_data(name).items():
            items = value if isinstance(value, list) else list(value) if isinstance(value, dict) else []
            assert all(isinstance(x, str) for x in items), (name, key)
    for rec in load_data("organizations.yaml"):
        assert isinstance(rec["name"], str)
        assert all(isinstance(a, str) for a in rec.get("aliases") or [])
