"""Consolidation is a pure function of the per-article tables: the same rows (and release bytes)
for any input order, number of workers, blocking into parts, or engine; and on a generated corpus
with re-reported meetings it finds the generator's events."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

from newsfacts.consolidate.run import consolidate
from newsfacts.pipeline import build
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from bench_consolidate import evaluate
from make_corpus import truth_path, write


def digests(folder: Path) -> dict[str, str]:
    """sha256 of every file of a release."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Eighty generated articles, 40% of whose paragraphs re-report earlier meetings, split over two
    folders (`one/`, `two/`); the truth is in `wire.jsonl.truth.json`."""
    root = tmp_path_factory.mktemp("rereport")
    whole = write(80, root / "wire.jsonl", "jsonl", seed=11, re_report=0.4)
    lines = whole.read_text(encoding="utf-8").splitlines(keepends=True)
    for name, part in (("one", lines[::2]), ("two", lines[1::2])):
        (root / name).mkdir()
        (root / name / "wire.jsonl").write_text("".join(part), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def release(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The release of the generated corpus, one process."""
    out = tmp_path_factory.mktemp("built") / "release"
    assert build([corpus / "wire.jsonl"], out, workers=1).ok
    return out


def test_engines_generated_events_are_found(corpus: Path, release: Path) -> None:
    truth = json.loads(truth_path(corpus / "wire.jsonl").read_text())
    assert truth["events"] < len(truth["meetings"])  # some meetings were reported more than once
    scores = evaluate(release, truth_path(corpus / "wire.jsonl"))
    for name in ("meetings", "quotes"):
        found = scores[name]
        assert found["extracted"] == found["reports"] == 400
        assert (found["precision"], found["recall"], found["pair_precision"], found["pair_recall"]) == (1, 1, 1, 1)


def test_engines_blocking_into_parts_changes_nothing(release: Path) -> None:
    assert consolidate(release, parts=7) == consolidate(release)


def test_engines_input_order_workers_and_batches_give_the_same_bytes(corpus: Path, tmp_path: Path) -> None:
    one = build([corpus / "one", corpus / "two"], tmp_path / "a", workers=1, batch_size=256)
    two = build([corpus / "two", corpus / "one"], tmp_path / "b", workers=2, batch_size=7)
    assert one.ok and two.ok
    assert digests(tmp_path / "a") == digests(tmp_path / "b")


def test_engines_dask_blocks_give_the_single_process_result(release: Path, corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    from newsfacts.engine import dask_client, dask_map

    with dask_client(None, 2) as client:
        assert consolidate(release, dask_map(client), parts=5) == consolidate(release)
    assert build([corpus / "wire.jsonl"], tmp_path / "dask", workers=2, engine="dask", batch_size=16).ok
    assert digests(tmp_path / "dask") == digests(release)
