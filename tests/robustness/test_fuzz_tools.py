"""The fuzzing tools of fuzz/ (issue 20): dictionary from the lexicons, campaign bookkeeping, a
short real campaign when atheris is installed (the `fuzz` extra)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "fuzz"))
import campaign
import make_dict

CRASH_LOG = """INFO: Seed: 1101
#52\tINITED cov: 4573 ft: 14810 corp: 51/85Kb exec/s: 17 rss: 188Mb
#60\tNEW    cov: 4580 ft: 14814 corp: 53/89Kb lim: 5863 exec/s: 20 rss: 188Mb L: 1986/5863 MS: 2 Shuffle-
 === Uncaught Python exception: ===
Finding: schema-row figures unit: "" is shorter than 1 character
Traceback (most recent call last):
  File "fuzz/fuzz_extract.py", line 52, in check
Finding: schema-row figures unit: "" is shorter than 1 character

==28618== ERROR: libFuzzer: fuzz target exited
artifact_prefix='{out}/findings/w1-'; Test unit written to {out}/findings/w1-crash-3ead3e
stat::number_of_executed_units: 61
"""


def test_issue20_dictionary_is_generated_from_the_lexicons() -> None:
    assert (ROOT / "fuzz" / "newsfacts.dict").read_text(encoding="utf-8") == make_dict.render(make_dict.tokens()), \
        "fuzz/newsfacts.dict is stale: run python fuzz/make_dict.py"
    words = set(make_dict.tokens())
    assert {"Minister", "said", "told", "$", "€", "january", "sunday", "km", "“", "more than"} <= words


def test_issue20_dictionary_escapes_non_ascii_and_quotes() -> None:
    assert make_dict.escape("“") == '"\\xE2\\x80\\x9C"'
    assert make_dict.escape('"a"\\') == '"\\"a\\"\\\\"'


def test_issue20_campaign_reads_a_crash_log(tmp_path: Path) -> None:
    run = campaign.Run(worker=1, seed=1101)
    campaign.parse_log(CRASH_LOG.format(out=tmp_path), run, tmp_path / "findings")
    assert (run.executions, run.coverage, run.features) == (61, 4580, 14814)
    assert run.artifact == "findings/w1-crash-3ead3e"
    assert run.message == 'Finding: schema-row figures unit: "" is shorter than 1 character'
    summary = campaign.Summary(workers=1, seconds=60, seed=1, max_len=4096, runs=[run, run])
    assert len(summary.findings) == 1 and summary.executions == 122
    assert "| findings | 1 |" in summary.to_markdown()


def test_issue20_campaign_seeds_articles_and_their_paragraphs(tmp_path: Path) -> None:
    campaign.seed_folder(tmp_path / "c")
    names = {p.name for p in (tmp_path / "c").iterdir()}
    assert "dip-01.md" in names and "dip-01-p00.md" in names
    para = (tmp_path / "c" / "dip-01-p01.md").read_text()
    assert para.startswith("---\n") and para.count("\n---\n") == 1 and para.split("\n---\n")[1].count("\n") == 1
    (tmp_path / "c" / "bad.md").write_text("x")
    (tmp_path / "crash").write_text("x")
    campaign.drop_from_corpus(tmp_path / "crash", tmp_path / "c")
    assert not (tmp_path / "c" / "bad.md").exists() and (tmp_path / "c" / "dip-01.md").exists()


@pytest.mark.skipif(importlib.util.find_spec("atheris") is None, reason="needs the fuzz extra (atheris)")
def test_issue20_short_campaign_runs_and_finds_nothing(tmp_path: Path) -> None:
    code = campaign.main(["--workers", "1", "--minutes", "0.25", "--out", str(tmp_path), "--no-union"])
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert (code, summary["findings"]) == (0, [])
    assert summary["executions"] > 0 and summary["coverage_per_worker"]["1"] > 1000
