"""Property tests: for arbitrary text the builders never raise, spans are valid, ids unique, output stable."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfacts.articles import Article, Rejected, read_inputs
from newsfacts.builders import extract
from tests.conftest import make_article

SPECIAL = ["\x00", "\ufeff", "\u200b", "\u200e", "\u202e", "\u2066", "“", "”", "‘", "’", '"', "'", "«", "»",
           "\n", "\t", "—", "$", "%", "€", "1,200", "3.5", " million ", " said ", " met ", "Minister ",
           "United Nations", "China", "according to ", "Dr. ", "al-", "\r\n", "\x1b", "\u0301"]
WORDS = ["The", "minister", "Wang", "Yi", "met", "Haniyeh", "in", "Qatar", "on", "Sunday", "said", "“", "”",
         "more", "than", "1,200", "people", "were", "killed", ",", ".", "he", "She", "added", "that", "$2bn",
         "Beijing", "hosted", "a", "delegation", "from", "Egypt", "and", "Jordan", "according", "to", "Israel"]

texts = st.one_of(
    st.text(min_size=1, max_size=400),
    st.lists(st.sampled_from(SPECIAL) | st.text(max_size=5), min_size=1, max_size=80).map("".join),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=120).map(" ".join),
)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_rows(article: Article) -> None:
    """The invariants every extraction must keep."""
    body = article.body
    out = extract(article)
    assert not [p for p in out.problems if p.code == "builder-failed"], out.problems
    tables = out.tables()
    for name, rows in tables.items():
        for row in rows:
            data = row.model_dump()
            if "char_start" in data:
                assert 0 <= data["char_start"] < data["char_end"] <= len(body), (name, data)
        if name == "figures":
            for row in rows:
                data = row.model_dump()
                assert body[data["char_start"]:data["char_end"]] == data["text"]
    keys = {"actors": "actor_id", "meetings": "meeting_id", "statements": "statement_id", "figures": "figure_id"}
    for name, key in keys.items():
        ids = [getattr(r, key) for r in tables[name]]
        assert len(ids) == len(set(ids)), name
    again = extract(article).tables()
    assert {k: [r.model_dump() for r in v] for k, v in again.items()} == {
        k: [r.model_dump() for r in v] for k, v in tables.items()}


@SETTINGS
@given(texts)
def test_robustness_builders_never_raise(text: str) -> None:
    article = make_article(text)
    if article.body:
        check_rows(article)


@SETTINGS
@given(texts, st.sampled_from([None, "2024-02-29", "2023-01-01"]))
def test_robustness_builders_without_or_with_dates(text: str, date: str | None) -> None:
    article = make_article("Officials said on Sunday that " + text, published_at=date)
    check_rows(article)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300), st.text(max_size=200))
def test_robustness_ingestion_never_raises(tmp_path: Path, raw: bytes, text: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    (folder / "a.md").write_bytes(b"---\n" + raw)
    (folder / "b.txt").write_bytes(raw)
    (folder / "c.jsonl").write_text(json.dumps({"text": text}) + "\n" + text + "\n", encoding="utf-8",
                                    errors="surrogatepass")
    items = list(read_inputs([folder]))
    assert all(isinstance(i, Article | Rejected) for i in items)
    for item in items:
        if isinstance(item, Article):
            assert item.body and item.body == item.body.strip()
            check_rows(item)
