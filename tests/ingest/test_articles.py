"""Ingestion: formats, normalization, content ids, and every kind of rejection."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from newsfacts.articles import Article, Rejected, normalize_body, read_inputs
from newsfacts.errors import InputNotFoundError

GOOD_MD = ("---\ntitle: Envoy visits\npublisher: Test Wire\npublished_at: 2024-03-19\nlanguage: en\n---\n"
           "Body line one.\n")


def read(tmp_path: Path, name: str, data: str | bytes) -> list[Article | Rejected]:
    """Write one file and read it back through the ingestion entry point."""
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return list(read_inputs([tmp_path]))


def codes(item: Article | Rejected) -> list[str]:
    """Problem codes of a rejection."""
    assert isinstance(item, Rejected), item
    return [p.code for p in item.problems]


def test_articles_markdown_front_matter(tmp_path: Path) -> None:
    [a] = read(tmp_path, "a.md", GOOD_MD)
    assert isinstance(a, Article)
    assert (a.title, a.publisher, a.published_at, a.language) == ("Envoy visits", "Test Wire",
                                                                  dt.date(2024, 3, 19), "en")
    assert a.body == "Body line one."
    assert a.article_id == hashlib.sha256(b"Body line one.").hexdigest()[:16]
    assert a.source_path == "a.md"


def test_articles_normalization_crlf_nfc_strip() -> None:
    assert normalize_body("  Cafe\u0301 said\r\nhi.  \n") == "Café said\nhi."


def test_articles_txt_body_only(tmp_path: Path) -> None:
    [a] = read(tmp_path, "b.txt", "\ufeffJust a body.\r\n")
    assert isinstance(a, Article)
    assert a.body == "Just a body." and a.title is None and a.published_at is None
    assert [w.code for w in a.warnings] == ["article-missing-date"]


def test_articles_jsonl_line_numbers(tmp_path: Path) -> None:
    lines = [json.dumps({"title": "One", "publisher": "P", "url": "https://example.org/1",
                         "published_at": "2024-01-02", "text": "First body."}),
             "",
             json.dumps({"title": "Two", "text": "Second body."}),
             "{not json"]
    items = read(tmp_path, "batch.jsonl", "\n".join(lines))
    assert [i.source_path for i in items] == ["batch.jsonl#1", "batch.jsonl#3", "batch.jsonl#4"]
    assert isinstance(items[0], Article) and items[0].url == "https://example.org/1"
    assert codes(items[2]) == ["article-json"]
    assert items[2].problems[0].line == 4


@pytest.mark.parametrize(("name", "data", "code", "line"), [
    ("enc.md", b"---\ntitle: x\n---\nbad \xff byte\n", "article-encoding", 4),
    ("empty.md", "---\ntitle: x\n---\n   \n", "article-empty", None),
    ("yaml.md", "---\ntitle: [unclosed\n---\nBody.\n", "article-front-matter", None),
    ("open.md", "---\ntitle: x\nBody without a closing line.\n", "article-front-matter", 1),
    ("list.md", "---\n- a\n- b\n---\nBody.\n", "article-front-matter", 2),
    ("unknown.md", "---\ntitle: x\nauthor: someone\n---\nBody.\n", "article-metadata", 3),
    ("date.md", "---\npublished_at: 2024-13-45\n---\nBody.\n", "article-metadata", 2),
    ("datefmt.md", "---\npublished_at: March 5\n---\nBody.\n", "article-metadata", 2),
    ("url.md", "---\nurl: not a url\n---\nBody.\n", "article-metadata", 2),
    ("lang.md", "---\nlanguage: fr\n---\nCorps.\n", "article-metadata", 2),
])
def test_articles_rejections(tmp_path: Path, name: str, data: str | bytes, code: str, line: int | None) -> None:
    [item] = read(tmp_path, name, data)
    assert codes(item) == [code]
    assert isinstance(item, Rejected)
    assert item.problems[0].article == name
    if line is not None:
        assert item.problems[0].line == line


def test_articles_unknown_key_names_field(tmp_path: Path) -> None:
    [item] = read(tmp_path, "u.md", "---\ntitle: x\nauthor: someone\n---\nBody.\n")
    assert isinstance(item, Rejected) and item.problems[0].field == "author"


def test_articles_size_limit(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("word " * 100)
    [item] = list(read_inputs([tmp_path], max_bytes=100))
    assert codes(item) == ["article-too-large"]


def test_articles_lone_surrogate_in_jsonl(tmp_path: Path) -> None:
    [item] = read(tmp_path, "s.jsonl", '{"text": "bad \\ud800 char"}\n')
    assert codes(item) == ["article-encoding"]


def test_articles_walk_is_recursive_and_sorted(tmp_path: Path) -> None:
    for rel in ("b/z.txt", "a.txt", "b/a.md", ".hidden/x.txt", "notes.csv"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(f"Body of {rel}.")
    assert [i.source_path for i in read_inputs([tmp_path])] == ["a.txt", "b/a.md", "b/z.txt"]


def test_articles_missing_input_is_usage_error(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError):
        list(read_inputs([tmp_path / "nope"]))


def test_articles_yaml_is_never_executed(tmp_path: Path) -> None:
    [item] = read(tmp_path, "x.md", "---\ntitle: !!python/object/apply:os.system ['echo hi']\n---\nBody.\n")
    assert codes(item) == ["article-front-matter"]
