"""Every rule of lexicons/meetings.yaml has an example there, and the example gives its row."""

from __future__ import annotations

from typing import Any

import pytest

from newsfacts.builders.meetings.clauses import lexicon
from tests.builders.meetings.test_meetings import meetings

EXAMPLES: list[dict[str, Any]] = lexicon()["examples"]
ROW_RULES = {spec["rule"] for group in ("verbs", "nouns") for spec in lexicon()[group].values()}


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["rule"] for e in EXAMPLES])
def test_meetings_rule_example(example: dict[str, Any]) -> None:
    rows = meetings(example["text"])
    assert [r.participants for r in rows] == [sorted(example["participants"])]
    if example["rule"] in ROW_RULES:
        assert rows[0].rule_id == example["rule"]


def test_meetings_every_rule_has_an_example() -> None:
    join_rules = {spec["rule"] for spec in lexicon()["joins"].values()}
    rules = ROW_RULES | join_rules | {"meetings.phone.v1", "meetings.video.v1", "meetings.brought_together.v1",
                                      "meetings.anaphor.v1"}
    assert rules <= {e["rule"] for e in EXAMPLES}
