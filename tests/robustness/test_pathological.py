"""Pathological and mixed inputs: each has a known fate, and every input is accounted for."""

from __future__ import annotations

import errno
import json
import sys
from pathlib import Path

import pytest

from newsfacts.articles import article_from_text
from newsfacts.builders import extract
from newsfacts.pipeline import build
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from pathological import GENERATORS

FULL = {"long_line": 2_000_000, "many_quotes": 100_000, "capitalized_words": 50_000, "numbers": 10_000,
        "repeated_titles": 10_000}
GOOD = "---\ntitle: T\npublished_at: 2024-03-19\n---\nQatar’s foreign minister met Egypt’s envoy in Doha on Sunday.\n"


@pytest.mark.parametrize("name", sorted(FULL))
def test_pathological_inputs_extract_without_error(name: str) -> None:
    article = article_from_text(GENERATORS[name](FULL[name]))
    out = extract(article)
    assert not [p for p in out.problems if p.code == "builder-failed"]
    for rows in out.tables().values():
        for row in rows:
            data = row.model_dump()
            if "char_start" in data:
                assert 0 <= data["char_start"] < data["char_end"] <= len(article.body)


def test_pathological_twenty_megabytes_is_rejected_by_size(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "huge.txt").write_text(GENERATORS["big_article"](20_000_000))
    result = build([corpus], tmp_path / "r")
    assert [r["reasons"][0]["code"] for r in result.rejected] == ["article-too-large"]


def test_pathological_every_input_has_a_fate(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "good.md").write_text(GOOD)
    (corpus / "copy.md").write_text(GOOD)
    (corpus / "broken.md").write_bytes(b"---\ntitle: x\n---\n\xff\xfe bad bytes\n")
    (corpus / "empty.txt").write_text("   \n")
    (corpus / "big.txt").write_text("word " * 2000)
    (corpus / "lines.jsonl").write_text('{"text": "Egypt hosted talks."}\n{"text": 5}\nnot json\n')
    result = build([corpus], tmp_path / "r", max_bytes=5000)
    report = json.loads((tmp_path / "r" / "report.json").read_text())
    fates = {r["source_path"]: r["reasons"][0]["code"] for r in report["rejected"]}
    assert fates == {"big.txt": "article-too-large", "broken.md": "article-encoding", "empty.txt": "article-empty",
                     "good.md": "article-duplicate", "lines.jsonl#2": "article-metadata",
                     "lines.jsonl#3": "article-json"}
    assert sorted(result.built) == ["copy.md", "lines.jsonl#1"]
    assert report["inputs"] == 8 and report["accounted"] is True


def test_pathological_output_folder_under_a_file(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "good.md").write_text(GOOD)
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = build([corpus], blocker / "release")
    assert not result.written
    assert [p.code for p in result.report.errors] == ["release-write"]


def test_pathological_disk_full_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "good.md").write_text(GOOD)

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("newsfacts.datasets.stream.TableStream.write", full)
    result = build([corpus], tmp_path / "r")
    assert not result.written
    assert [p.code for p in result.report.errors] == ["release-write"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]
    assert (corpus / "good.md").read_text() == GOOD
