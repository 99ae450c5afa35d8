"""Streaming builds: the bytes do not depend on workers, batch size or engine."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

from newsfacts.engine import batches, process_batch, scan
from newsfacts.pipeline import build
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from make_corpus import write


def digests(folder: Path) -> dict[str, str]:
    """sha256 of every file of a release."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Forty generated articles as JSONL plus a few Markdown files with a duplicate."""
    root = tmp_path_factory.mktemp("corpus")
    write(40, root / "batch.jsonl", "jsonl")
    write(3, root / "md", "md", seed=99)
    (root / "md" / "dup.md").write_text((root / "md" / "a0.md").read_text())
    return root


def test_engine_scan_sorts_and_drops_duplicates(corpus: Path) -> None:
    first = scan([corpus])
    assert first.inputs == 44
    assert [r.article_id for r in first.refs] == sorted(r.article_id for r in first.refs)
    assert [(path, [p.code for p in problems]) for path, problems in first.rejected] == [
        ("md/dup.md", ["article-duplicate"])]


def test_engine_batch_rows_are_sorted_and_located(corpus: Path) -> None:
    refs = scan([corpus]).refs[:5]
    result = process_batch(refs)
    assert result.built == [r.source_path for r in refs]
    ids = [r["article_id"] for r in result.tables["articles"]]
    assert ids == sorted(ids)
    assert not [p for p in result.problems if p.severity == "error"]


def test_engine_output_independent_of_workers_and_batches(corpus: Path, tmp_path: Path) -> None:
    one = build([corpus], tmp_path / "one", workers=1, batch_size=7)
    two = build([corpus], tmp_path / "two", workers=2, batch_size=16)
    assert one.written and two.written
    assert digests(tmp_path / "one") == digests(tmp_path / "two")
    report = json.loads((tmp_path / "one" / "report.json").read_text())
    assert (report["inputs"], report["built"], len(report["rejected"])) == (44, 43, 1)


def test_engine_dask_matches_local(corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    local = build([corpus], tmp_path / "local", workers=1)
    dask = build([corpus], tmp_path / "dask", workers=2, engine="dask", batch_size=10)
    assert local.written and dask.written
    assert digests(tmp_path / "local") == digests(tmp_path / "dask")


def test_engine_batches_cover_every_ref(corpus: Path) -> None:
    refs = scan([corpus]).refs
    parts = batches(refs, 6)
    assert [r for part in parts for r in part] == refs
    assert {len(p) for p in parts[:-1]} == {6}
