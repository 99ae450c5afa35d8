"""bench/make_corpus.py: the default corpus never changes; `--re-report` adds re-reported meetings
with a truth file whose spans are the reports' sentences."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from make_corpus import truth_path, write

# sha256 of `make_corpus.py 300 OUT.jsonl --format jsonl` (seed 7) as the benchmarks have always used it.
DEFAULT_300 = "024df235a63fd8c8332df660a9dd5939ffc72b30f1d9d22b47d74c178fb71fdb"


def test_make_corpus_default_is_unchanged(tmp_path: Path) -> None:
    path = write(300, tmp_path / "c.jsonl", "jsonl")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == DEFAULT_300
    assert not truth_path(path).exists()


@pytest.mark.parametrize("fmt", ["jsonl", "md"])
def test_make_corpus_re_reports_with_truth(tmp_path: Path, fmt: str) -> None:
    out = write(60, tmp_path / ("c.jsonl" if fmt == "jsonl" else "c"), fmt, re_report=0.5)
    truth = json.loads(truth_path(out).read_text())
    if fmt == "jsonl":
        bodies = {a["url"]: a["text"] for a in map(json.loads, out.read_text().splitlines())}
    else:
        bodies = {}
        for path in out.glob("*.md"):
            head, body = path.read_text().split("---\n", 2)[1:]
            bodies[next(ln[5:] for ln in head.splitlines() if ln.startswith("url: "))] = body.strip()
    assert len(truth["meetings"]) == len(truth["quotes"]) == 300 and truth["events"] < 220
    for report in truth["meetings"]:
        sentence = bodies[report["url"]][report["start"]:report["end"]]
        assert sentence.endswith(".") and (" met " in sentence or "talks" in sentence.lower()
                                           or "meeting" in sentence or "received" in sentence
                                           or "hosted" in sentence), sentence
    for report in truth["quotes"]:
        assert "“We agreed to " in bodies[report["url"]][report["start"]:report["end"]]
    repeated = [e for e in {r["event"] for r in truth["meetings"]}
                if len({r["url"] for r in truth["meetings"] if r["event"] == e}) > 1]
    assert repeated, "some meetings are reported by several articles"
