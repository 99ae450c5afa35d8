"""`newsfacts validate` from the shell: exit codes 0 / 1 / 2 and each --format on stdout."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfacts.cli import app
from tests.validate.conftest import ARTICLES, CORPUS

runner = CliRunner()


def run(*args: str | Path) -> tuple[int, str]:
    """Exit code and stdout of `newsfacts validate ARGS`."""
    result = runner.invoke(app, ["validate", *map(str, args)])
    return result.exit_code, result.stdout


def test_cli_validate_exit_0_when_all_pass() -> None:
    code, out = run(ARTICLES / "good.md", "--corpus", CORPUS)
    assert code == 0
    assert "1 article(s): 1 passed, 0 failed" in out


def test_cli_validate_exit_1_when_an_article_fails() -> None:
    code, out = run(ARTICLES / "bad-url.md", ARTICLES / "french.md", "--corpus", CORPUS, "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert data["ok"] is False and data["summary"]["failed"] == 2


def test_cli_validate_strict_exit_1_on_warnings_only() -> None:
    path = ARTICLES / "no-figures.md"
    assert run(path, "--no-corpus")[0] == 0
    code, out = run(path, "--no-corpus", "--strict", "--format", "github")
    assert code == 1
    assert out.startswith("::error file=") and "title=article-no-figures" in out


@pytest.mark.parametrize("args", [
    ["missing.md"],
    ["--format", "yaml", "x.md"],
    ["--corpus", "no-such-folder", "x.md"],
    ["--corpus", "x", "--no-corpus"],
    ["--bogus-option"],
])
def test_cli_validate_exit_2_on_usage_errors(args: list[str]) -> None:
    assert run(*args)[0] == 2


def test_cli_validate_junit_to_a_file(tmp_path: Path) -> None:
    report = tmp_path / "report.xml"
    result = runner.invoke(app, ["validate", str(ARTICLES / "empty-body.md"), "--no-corpus", "--format", "junit",
                                 "--output", str(report)])
    assert result.exit_code == 1
    assert result.stdout == ""
    case = ET.parse(report).getroot().find("./testsuite/testcase")
    assert case is not None and case.find("failure") is not None


def test_cli_validate_defaults_to_seeds_in_the_working_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.md").write_text("---\ntitle: A\nlanguage: de\n---\nDie Gespräche gehen weiter.\n")
    monkeypatch.chdir(tmp_path)
    code, out = run("--format", "json")
    assert code == 1
    data = json.loads(out)
    assert data["corpus"] == "seeds" and [a["file"] for a in data["articles"]] == ["seeds/a.md"]
