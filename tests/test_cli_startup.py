"""Start-up cost of the CLI: pandas, pandera, pyarrow and the builders' lexicons are imported only by
the commands that need them (timings live in bench/bench_validate.py, not here)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("pandas", "pandera", "pyarrow", "numpy", "newsfacts.builders")


def modules_after(args: list[str], tmp_path: Path, exit_code: int = 0) -> set[str]:
    """Names of the modules a fresh interpreter imported while running `args` (from -X importtime)."""
    done = subprocess.run([sys.executable, "-X", "importtime", *args], cwd=tmp_path, capture_output=True,
                          text=True, check=False)
    assert done.returncode == exit_code, done.stderr[-2000:]
    names = {line.rsplit("|", 1)[1].strip() for line in done.stderr.splitlines()
             if line.startswith("import time:") and "|" in line}
    assert names, done.stderr[-2000:]
    return names


def heavy(names: set[str]) -> list[str]:
    """The heavy modules among `names`."""
    return sorted(n for n in names if any(n == h or n.startswith(h + ".") for h in HEAVY))


def test_importing_the_cli_loads_no_heavy_module(tmp_path: Path) -> None:
    assert heavy(modules_after(["-c", "import newsfacts.cli, newsfacts"], tmp_path)) == []


@pytest.mark.parametrize(("command", "exit_code"), [
    (["--help"], 0), (["validate", "--help"], 0), (["rules", "--format", "json"], 0),
    (["validate", str(ROOT / "tests/validate/articles/french.md"), "--no-corpus"], 1)],
    ids=["help", "validate-help", "rules", "validate-rejected"])
def test_commands_that_need_no_tables_load_no_heavy_module(tmp_path: Path, command: list[str],
                                                           exit_code: int) -> None:
    assert heavy(modules_after(["-m", "newsfacts.cli", *command], tmp_path, exit_code)) == []


def test_validating_a_built_article_does_load_them(tmp_path: Path) -> None:
    names = modules_after(["-m", "newsfacts.cli", "validate", str(ROOT / "seeds/seed-cnn-wang-haniyeh.md"),
                           "--no-corpus"], tmp_path)
    assert {"pandas", "pandera", "newsfacts.builders"} <= set(heavy(names))
