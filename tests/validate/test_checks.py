"""Article-level review checks: language heuristic, keys, fingerprints, duplicates, row warnings."""

from __future__ import annotations

import json
from pathlib import Path

from newsfacts.validators.checks import (
    CorpusIndex,
    Fingerprint,
    check_article,
    check_rows,
    fingerprints,
    first_body_line,
    key_lines,
    split_text,
    stop_word_ratio,
    title_key,
    url_key,
)
from tests.conftest import make_article

ENGLISH = ("The foreign minister said on Monday that the talks with his counterpart had been useful and that "
           "both sides would meet again in the capital after the holiday, according to a statement.")
SPANISH = ("El ministro de Asuntos Exteriores dijo el lunes que las conversaciones con su homólogo habían sido "
           "útiles y que ambas partes volverían a reunirse en la capital después de las fiestas.")


def test_checks_stop_word_ratio_separates_english() -> None:
    assert stop_word_ratio(ENGLISH)[0] > 0.3
    assert stop_word_ratio(SPANISH)[0] < 0.1
    assert stop_word_ratio("") == (0.0, 0)


def test_checks_language_warning_only_for_long_non_english_bodies() -> None:
    assert [p.code for p in check_article(make_article(SPANISH), {"language": 5})] == ["article-language-body"]
    assert check_article(make_article(SPANISH), {"language": 5})[0].line == 5
    assert check_article(make_article(ENGLISH), {}) == []
    assert check_article(make_article("Hola a todos."), {}) == []  # too short to judge


def test_checks_missing_keys() -> None:
    article = make_article(ENGLISH)
    bare = type(article)(**{**article.__dict__, "title": None, "publisher": None})
    assert [(p.code, p.field) for p in check_article(bare, {})] == [("article-missing-key", "title"),
                                                                    ("article-missing-key", "publisher")]


def test_checks_title_and_url_keys() -> None:
    assert title_key("Turkey and Iraq Discuss  Border Trade!") == title_key("turkey and iraq discuss border trade")
    assert title_key("Café talks") == "cafe talks"
    assert title_key("!!!") is None and title_key(None) is None
    assert url_key("https://www.Example.org/a/b/?x=1#top") == url_key("http://example.org/a/b?x=1")
    assert url_key("https://example.org/a") != url_key("https://example.org/b")


def test_checks_split_text_and_body_lines() -> None:
    block, body, line = split_text("\ufeff---\r\ntitle: T\r\nurl: u\r\n---\r\n\r\n\r\nBody.\r\n", ".md")
    assert (block, line) == ("title: T\nurl: u", 5)
    assert first_body_line(body, line) == 7
    assert key_lines(block) == {"title": 2, "url": 3}
    assert split_text("---\nno end\n", ".md") == ("", "---\nno end\n", 1)
    assert split_text("---\na: b\n---\nx", ".txt")[2] == 1


def test_checks_fingerprints_match_the_article_ids_of_ingestion(tmp_path: Path) -> None:
    from newsfacts.articles import Article, read_file

    md = tmp_path / "a.md"
    md.write_text("---\ntitle: Talks\nurl: https://example.org/1\n---\n\n  Body text.  \n")
    jsonl = tmp_path / "b.jsonl"
    jsonl.write_text(json.dumps({"title": "X", "text": "Other body."}) + "\n\nnot json\n[1]\n")
    (tmp_path / "c.md").write_bytes(b"\xff\xfe")
    fps = [*fingerprints(md, "a.md"), *fingerprints(jsonl, "b.jsonl"), *fingerprints(tmp_path / "c.md", "c.md")]
    ids = [a.article_id for path in (md, jsonl) for a in read_file(path, path.name) if isinstance(a, Article)]
    assert [f.article_id for f in fps] == ids
    assert [(f.title, f.url, f.where) for f in fps] == [("talks", "example.org/1", "a.md"), ("x", None, "b.jsonl#1")]


def test_checks_corpus_index_first_seen_wins() -> None:
    index = CorpusIndex()
    index.add(Fingerprint("id1", "talks", "example.org/1", "old.md"))
    index.add(Fingerprint("id1", "talks", "example.org/1", "older.md"))
    article = make_article(ENGLISH, source_path="new.md")
    found = index.check(article, Fingerprint("id1", "talks", "example.org/1", "new.md"), {"url": 4, "title": 2})
    assert [(p.code, p.line) for p in found] == [("article-duplicate", None), ("article-duplicate-url", 4),
                                                 ("article-duplicate-title", 2)]
    assert all("old.md" in p.message for p in found)
    assert index.check(article, Fingerprint("id2", None, None, "new.md"), {}) == []


def test_checks_rows_warnings() -> None:
    article = make_article(ENGLISH)
    rows = {"figures": [], "statements": [{"statement_id": "s1", "speaker_id": None, "speaker_text": "officials"},
                                          {"statement_id": "s2", "speaker_id": "person:x", "speaker_text": "X"}]}
    found = check_rows(article, rows)
    assert [(p.code, p.row_key) for p in found] == [("article-no-figures", None), ("statement-no-speaker", "s1")]
    assert check_rows(article, {"figures": [{"figure_id": "f"}], "statements": []}) == []
