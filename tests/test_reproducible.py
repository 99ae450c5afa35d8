"""Reproducible releases: byte-identical rebuilds anywhere, nothing left by an interrupted build."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsfacts.datasets.verify import verify
from newsfacts.pipeline import build
from tests.conftest import ROOT
from tests.datasets.conftest import write_corpus

sys.path.insert(0, str(ROOT / "bench"))
from make_corpus import write

CLI = [sys.executable, "-c", "from newsfacts.cli import main; main()"]


def digests(folder: Path) -> dict[str, str]:
    """sha256 of every file of a release, by name."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_reproducible_rebuilds_are_byte_identical(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus")
    write(12, corpus / "wire.jsonl", "jsonl", seed=7)
    one = build([corpus], tmp_path / "a" / "release", release_version="2.0.0")
    two = build([corpus], tmp_path / "b" / "deeper" / "other-name", release_version="2.0.0", workers=2,
                batch_size=5)
    moved = tmp_path / "elsewhere"
    shutil.copytree(corpus, moved / "corpus")
    third = subprocess.run([*CLI, "build", "corpus", "--out", "out", "--release-version", "2.0.0", "--quiet",
                            "--workers", "1"], cwd=moved, capture_output=True, text=True, timeout=300)
    assert one.written and two.written and third.returncode == 0, third.stderr
    expected = digests(tmp_path / "a" / "release")
    assert set(expected) == {"README.md", "datapackage.json", "manifest.json", "report.json", "articles.parquet",
                             "actors.parquet", "meetings.parquet", "statements.parquet", "figures.parquet",
                             "entities.parquet", "meeting_events.parquet", "quotes.parquet"}
    assert digests(tmp_path / "b" / "deeper" / "other-name") == expected
    assert digests(moved / "out") == expected
    text = "".join((moved / "out" / n).read_text() for n in ("README.md", "manifest.json", "report.json",
                                                          "datapackage.json"))
    assert str(tmp_path) not in text


def start_build(corpus: Path, out: Path) -> subprocess.Popen[bytes]:
    """`newsfacts build` in a subprocess, returned once its staging folder exists."""
    proc = subprocess.Popen([*CLI, "build", str(corpus), "--out", str(out), "--quiet", "--workers", "1",
                             "--batch-size", "4"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    tmp = out.parent / f".{out.name}.tmp-{proc.pid}"
    deadline = time.monotonic() + 120
    while not tmp.exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"the build never started writing: {proc.stderr.read() if proc.stderr else ''!r}")
        time.sleep(0.05)
    time.sleep(0.5)
    assert proc.poll() is None, "the build finished before it could be interrupted"
    return proc


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three hundred generated articles: a build long enough to be interrupted."""
    root = tmp_path_factory.mktemp("big")
    write(300, root / "corpus", "md", seed=3)
    return root / "corpus"


def test_reproducible_sigterm_leaves_no_release(big_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "release"
    proc = start_build(big_corpus, out)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=120) != 0
    assert os.listdir(tmp_path) == []


def test_reproducible_sigkill_leftover_is_cleaned_by_next_build(big_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "release"
    proc = start_build(big_corpus, out)
    proc.kill()
    proc.wait(timeout=60)
    assert os.listdir(tmp_path) == [f".release.tmp-{proc.pid}"]
    small = write_corpus(tmp_path / "small")
    result = build([small], out)
    assert result.written and verify(out).ok
    assert sorted(os.listdir(tmp_path)) == ["release", "small"]
