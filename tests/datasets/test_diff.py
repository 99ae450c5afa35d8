"""`diff`: rows added, removed and changed between two releases, by primary key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfacts.cli import app
from newsfacts.datasets.diff import diff
from newsfacts.errors import InputNotFoundError
from tests.datasets.conftest import read_manifest, rewrite_table, table_rows

runner = CliRunner()


@pytest.fixture
def changed(release: Path) -> tuple[Path, dict[str, str]]:
    """The release with one figure removed, one figure's value and unit changed, one row added."""
    rows = table_rows(release, "figures")
    removed, edited, model = rows[0], rows[1], rows[2]
    rows = [{**edited, "value": edited["value"] + 1, "unit": "thing"}, *rows[2:],
            {**model, "figure_id": model["figure_id"] + "-new"}]
    rewrite_table(release, "figures", rows)
    keys = {"removed": removed["figure_id"], "edited": edited["figure_id"], "added": model["figure_id"] + "-new"}
    return release, keys


def test_diff_same_release(built_release: Path) -> None:
    result = diff(built_release, built_release)
    assert result.same
    counts = {t.table: t.unchanged for t in result.tables}
    assert counts == {t: info["rows"] for t, info in read_manifest(built_release)["tables"].items()}


def test_diff_added_removed_changed(built_release: Path, changed: tuple[Path, dict[str, str]]) -> None:
    new, keys = changed
    result = diff(built_release, new)
    figures = next(t for t in result.tables if t.table == "figures")
    assert (figures.added, figures.removed, figures.changed) == (1, 1, 1)
    assert figures.added_keys == [keys["added"]] and figures.removed_keys == [keys["removed"]]
    assert figures.changed_rows == [{"key": keys["edited"], "columns": ["value", "unit"]}]
    assert figures.changed_columns == {"value": 1, "unit": 1}
    assert all(t.same for t in result.tables if t.table != "figures")
    assert (result.old_version, result.new_version) == ("1.0.0", "1.0.0")


def test_diff_max_keys_caps_lists_not_counts(built_release: Path, changed: tuple[Path, dict[str, str]]) -> None:
    figures = next(t for t in diff(built_release, changed[0], max_keys=0).tables if t.table == "figures")
    assert (figures.added, figures.added_keys, figures.changed_rows) == (1, [], [])


def test_diff_missing_folder(built_release: Path, tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError):
        diff(built_release, tmp_path / "nowhere")


def test_diff_cli_text_and_json(built_release: Path, changed: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    new, keys = changed
    text = runner.invoke(app, ["diff", str(built_release), str(new)])
    assert text.exit_code == 0, text.output
    assert "figures: 1 added, 1 removed, 1 changed" in text.stdout
    assert f"~ {keys['edited']}: value, unit" in text.stdout
    as_json = runner.invoke(app, ["diff", str(built_release), str(new), "--format", "json"])
    data = json.loads(as_json.stdout)
    assert data["tables"]["figures"]["changed_columns"] == {"value": 1, "unit": 1}
    assert data["same"] is False
    assert runner.invoke(app, ["diff", str(built_release), str(tmp_path / "nowhere")]).exit_code == 2
