"""Validation of tables: each check family reports a located problem with a stable code."""

from __future__ import annotations

from typing import Any

import pytest

from newsfacts.validators import validate_tables

AID = "0123456789abcdef"
BODY = "Officials said 40 people were hurt."


def tables() -> dict[str, list[dict[str, Any]]]:
    """A small valid set of tables over BODY."""
    prov = {"sentence_index": 0, "rule_id": "test.rule.v1"}
    return {
        "articles": [{"article_id": AID, "title": None, "publisher": None, "url": None, "published_at": None,
                      "language": "en", "source_path": "a.md", "n_chars": len(BODY), "n_sentences": 1}],
        "actors": [{"article_id": AID, "actor_id": "org:officials", "name": "Officials", "kind": "organization",
                    "title": None, "affiliation": None, "country": None, "aliases": [], "mentions": 1,
                    "char_start": 0, "char_end": 9, **prov}],
        "meetings": [],
        "statements": [{"statement_id": f"{AID}-s1", "article_id": AID, "speaker_id": "org:officials",
                        "speaker_text": "Officials", "quote": "40 people were hurt", "kind": "indirect",
                        "cue": "say", "via": None, "char_start": 15, "char_end": 34, **prov}],
        "figures": [{"figure_id": f"{AID}-f1", "article_id": AID, "value": 40.0, "value_max": None,
                     "qualifier": "exact", "unit": "person", "category": "injured", "currency": None,
                     "source_text": "Officials", "source_id": "org:officials", "text": "40 people",
                     "char_start": 15, "char_end": 24, **prov}],
    }


def run(t: dict[str, list[dict[str, Any]]]) -> list[tuple[str | None, str | None, str]]:
    """(table, field, code) of every problem."""
    return [(p.table, p.field, p.code) for p in validate_tables(t, {AID: BODY}, {AID: "a.md"})]


def test_validators_valid_tables_pass() -> None:
    assert run(tables()) == []


@pytest.mark.parametrize(("table", "change", "expected"), [
    ("figures", {"qualifier": "lots"}, ("figures", "qualifier", "schema-column")),
    ("actors", {"kind": "robot"}, ("actors", "kind", "schema-column")),
    ("actors", {"mentions": 0}, ("actors", "mentions", "schema-column")),
    ("figures", {"char_end": 99}, ("figures", "char_end", "span-outside-body")),
    ("figures", {"text": "41 people"}, ("figures", "text", "span-evidence-mismatch")),
    ("statements", {"speaker_id": "person:nobody"}, ("statements", "speaker_id", "fk-actor-missing")),
    ("figures", {"article_id": "ffffffffffffffff"}, ("figures", "article_id", "fk-article-missing")),
    ("actors", {"country": "china"}, ("actors", "country", "schema-row")),
])
def test_validators_report_each_check(table: str, change: dict[str, Any], expected: tuple[str, str, str]) -> None:
    t = tables()
    t[table] = [{**t[table][0], **change}]
    assert expected in run(t)


def test_validators_duplicate_primary_key() -> None:
    t = tables()
    t["figures"] = t["figures"] * 2
    found = run(t)
    assert ("figures", None, "duplicate-key") in found


def test_validators_problem_names_article_and_row() -> None:
    t = tables()
    t["figures"] = [{**t["figures"][0], "qualifier": "lots"}]
    [p, *_] = validate_tables(t, {AID: BODY}, {AID: "a.md"})
    assert (p.article, p.row_key) == ("a.md", f"{AID}-f1")
