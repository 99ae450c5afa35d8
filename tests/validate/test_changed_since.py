"""`--changed-since REF`: only articles added or modified since a git ref (and untracked ones)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfacts.cli import app
from newsfacts.errors import UsageError
from newsfacts.validate import changed_files, select_files

BAD = "---\ntitle: {0}\nlanguage: fr\n---\nTexte.\n"  # rejected at ingestion: nothing gets built


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false",
                    *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repo with seeds/{old,edited,pinned}.md committed on main, then edited, added and pinned."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("old", "edited", "pinned", "gone"):
        (seeds / f"{name}.md").write_text(BAD.format(name))
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    git(tmp_path, "checkout", "-q", "-b", "topic")
    (seeds / "edited.md").write_text(BAD.format("edited again"))
    (seeds / "pinned.expect.yaml").write_text("min_counts: {actors: 1}\n")
    (seeds / "gone.md").unlink()
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "topic")
    (seeds / "new.md").write_text(BAD.format("new"))  # untracked
    (seeds / "orphan.expect.yaml").write_text("min_counts: {actors: 1}\n")  # untracked, no article
    monkeypatch.chdir(tmp_path)
    return tmp_path


def names(paths: list[Path]) -> list[str]:
    return [p.name for p in paths]


def test_changed_since_selects_added_modified_untracked_and_pinned(repo: Path) -> None:
    files, orphans = select_files([Path("seeds")], "main")
    assert names(files) == ["edited.md", "new.md", "pinned.md"]
    assert names(orphans) == ["orphan.expect.yaml"]
    assert select_files([Path("seeds")], "HEAD")[0] == [Path("seeds/new.md")]


def test_changed_since_limits_to_the_given_paths(repo: Path) -> None:
    assert select_files([Path("seeds/old.md"), Path("seeds/new.md")], "main")[0] == [Path("seeds/new.md")]
    assert (repo / "seeds/edited.md").resolve() in changed_files("main", [Path("seeds")])


def test_changed_since_unknown_ref(repo: Path) -> None:
    with pytest.raises(UsageError, match="unknown git ref 'nope'"):
        changed_files("nope", [Path("seeds")])


def test_changed_since_outside_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.md").write_text(BAD.format("a"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    with pytest.raises(UsageError, match="not inside a git work tree"):
        changed_files("main", [Path("a.md")])


def test_changed_since_cli(repo: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["validate", "--changed-since", "main", "--format", "json"])
    assert result.exit_code == 1
    assert '"file": "seeds/edited.md"' in result.stdout and "seeds/old.md" not in result.stdout
    assert runner.invoke(app, ["validate", "--changed-since", "no-such-ref"]).exit_code == 2
    (repo / "seeds/orphan.expect.yaml").unlink()
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "more")
    done = runner.invoke(app, ["validate", "--changed-since", "HEAD"])
    assert done.exit_code == 0 and "0 article(s)" in done.stdout
