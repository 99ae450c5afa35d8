"""Odd-but-plausible articles (issue 20): the rules produce valid rows, so nothing is rejected or
dropped, and one odd sentence never costs an article or the release."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfacts.cli import app
from tests.conftest import ROOT, SHARED

sys.path.insert(0, str(ROOT / "fuzz"))
from odd_articles import write

runner = CliRunner()
DEV = SHARED / "corpus" / "dev" / "articles"
DROPS = ("row-invalid", "builder-failed", "reference-nulled", "meeting-too-few-parties")


def build(corpus: Path, out: Path) -> tuple[int, dict]:  # type: ignore[type-arg]
    """Build with the CLI: (exit code, report.json)."""
    done = runner.invoke(app, ["build", str(corpus), "--out", str(out), "--quiet", "--workers", "1"])
    return done.exit_code, json.loads((out / "report.json").read_text())


def test_issue20_two_hundred_odd_articles_build_clean(tmp_path: Path) -> None:
    write(200, tmp_path / "odd", seed=20)
    code, report = build(tmp_path / "odd", tmp_path / "r")
    found = [(p["code"], p["rule_id"], p["evidence"]) for p in report["problems"] if p["code"] in DROPS]
    assert (report["built"], report["rejected"], found) == (200, [], [])
    assert code == 0


def test_issue20_odd_articles_are_deterministic(tmp_path: Path) -> None:
    first = [p.read_bytes() for p in write(5, tmp_path / "a", seed=7)]
    assert first == [p.read_bytes() for p in write(5, tmp_path / "b", seed=7)]
    assert first != [p.read_bytes() for p in write(5, tmp_path / "c", seed=8)]


@pytest.mark.skipif(not DEV.is_dir(), reason="needs the dev corpus beside the project (../shared)")
def test_issue20_dev_corpus_plus_one_s_builds_all_32(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    for article in sorted(DEV.glob("*.md")):  # copied as plain files: the shared folder is read-only
        shutil.copyfile(article, corpus / article.name)
    (corpus / "one-s.md").write_text("---\ntitle: One S\npublished_at: 2026-12-03\n---\n"
                                     "The ministry said 1 S was found.\n")
    code, report = build(corpus, tmp_path / "r")
    assert (report["inputs"], report["built"], report["rejected"]) == (32, 32, [])
    assert [p for p in report["problems"] if p["code"] in DROPS] == []
    assert code == 0
