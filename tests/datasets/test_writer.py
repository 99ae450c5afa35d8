"""The staging folder: a release appears whole or not at all, and leftovers of killed builds go."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from newsfacts.datasets.writer import Interrupted, clean_leftovers, leftovers, staging
from newsfacts.errors import ReleaseExistsError


def dead_pid() -> int:
    """The id of a process that has exited."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def siblings(out: Path) -> list[str]:
    """Names in the parent folder of `out`."""
    return sorted(p.name for p in out.parent.iterdir())


def test_writer_staging_publishes_on_success(tmp_path: Path) -> None:
    out = tmp_path / "r"
    with staging(out, overwrite=False) as folder:
        (folder / "a.txt").write_text("a")
        assert not out.exists()
    assert (out / "a.txt").read_text() == "a"
    assert siblings(out) == ["r"]


@pytest.mark.parametrize("error", [ValueError, KeyboardInterrupt])
def test_writer_staging_failure_keeps_the_old_release(tmp_path: Path, error: type[BaseException]) -> None:
    out = tmp_path / "r"
    out.mkdir()
    (out / "old.txt").write_text("old")
    with pytest.raises(error), staging(out, overwrite=True) as folder:
        (folder / "new.txt").write_text("new")
        raise error
    assert [p.name for p in out.iterdir()] == ["old.txt"]
    assert siblings(out) == ["r"]


def test_writer_staging_sigterm_cleans_up(tmp_path: Path) -> None:
    out = tmp_path / "r"
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(Interrupted), staging(out, overwrite=False) as folder:
        (folder / "half.txt").write_text("half")
        os.kill(os.getpid(), signal.SIGTERM)
    assert siblings(out) == []
    assert signal.getsignal(signal.SIGTERM) is before


def test_writer_staging_refuses_a_non_empty_release(tmp_path: Path) -> None:
    out = tmp_path / "r"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    with pytest.raises(ReleaseExistsError), staging(out, overwrite=False):
        pass
    assert (out / "keep.txt").read_text() == "mine"


def test_writer_leftovers_of_dead_builds_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "r"
    dead, alive = dead_pid(), os.getppid()
    (tmp_path / f".r.tmp-{dead}").mkdir()
    (tmp_path / f".r.tmp-{alive}").mkdir()
    assert leftovers(out) == [tmp_path / f".r.tmp-{dead}"]
    with staging(out, overwrite=False) as folder:
        (folder / "a.txt").write_text("a")
    assert siblings(out) == [f".r.tmp-{alive}", "r"]


def test_writer_leftover_old_release_is_restored(tmp_path: Path) -> None:
    out = tmp_path / "r"
    old = tmp_path / f".r.old-{dead_pid()}"
    old.mkdir()
    (old / "manifest.json").write_text("{}")
    assert clean_leftovers(out) == [old]
    assert (out / "manifest.json").exists() and not old.exists()
