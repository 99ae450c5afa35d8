"""Release versions: semver order, and the previous release recorded by `build --previous`."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfacts.cli import app
from newsfacts.datasets.verify import verify
from newsfacts.errors import UsageError
from newsfacts.pipeline import build, newer, semver_key
from tests.datasets.conftest import read_manifest, write_corpus

runner = CliRunner()


def test_previous_semver_precedence() -> None:
    order = ["0.9.9", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta.2", "1.0.0-beta.11",
             "1.0.0", "1.0.1", "1.10.0", "2.0.0"]
    assert sorted(order, key=semver_key) == order
    assert newer("1.0.1", "1.0.0") and not newer("1.0.0", "1.0.0") and not newer("1.0.0-rc.1", "1.0.0")
    with pytest.raises(UsageError):
        semver_key("v1.0")


def test_previous_is_recorded_in_the_manifest(built_release: Path, tmp_path: Path) -> None:
    out = tmp_path / "next"
    result = build([write_corpus(tmp_path / "corpus")], out, release_version="1.1.0", previous=built_release)
    assert result.written
    previous = read_manifest(out)["previous"]
    expected_sha = hashlib.sha256((built_release / "manifest.json").read_bytes()).hexdigest()
    assert (previous["release_version"], previous["manifest_sha256"]) == ("1.0.0", expected_sha)
    assert previous["changes"]["figures"] == {"added": 0, "removed": 0, "changed": 0}
    assert str(tmp_path) not in (out / "manifest.json").read_text() and str(built_release) not in (
        out / "manifest.json").read_text()
    assert "previous release: `1.0.0`" in (out / "README.md").read_text()
    assert verify(out).ok


def test_previous_must_be_older_and_a_release(built_release: Path, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus")
    with pytest.raises(UsageError, match="newer"):
        build([corpus], tmp_path / "same", release_version="1.0.0", previous=built_release)
    with pytest.raises(UsageError, match="manifest"):
        build([corpus], tmp_path / "r", release_version="1.1.0", previous=tmp_path)
    assert not (tmp_path / "same").exists() and not (tmp_path / "r").exists()


def test_previous_cli_option(built_release: Path, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus")
    args = ["build", str(corpus), "--quiet", "--workers", "1", "--previous", str(built_release)]
    bad = runner.invoke(app, [*args, "--out", str(tmp_path / "a"), "--release-version", "0.5.0"])
    assert bad.exit_code == 2
    good = runner.invoke(app, [*args, "--out", str(tmp_path / "b"), "--release-version", "1.0.1"])
    assert good.exit_code == 0, good.output
    assert json.loads((tmp_path / "b" / "manifest.json").read_text())["previous"]["release_version"] == "1.0.0"
