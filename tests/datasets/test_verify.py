"""`verify`: tampering with a release (a byte, a file, a count, a row) is found and located."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfacts.cli import app
from newsfacts.datasets.verify import verify
from newsfacts.errors import InputNotFoundError
from newsfacts.schema.export import export
from tests.datasets.conftest import read_manifest, rewrite_table, table_rows

runner = CliRunner()


def codes(folder: Path, schema_root: Path | None = None) -> list[tuple[str | None, str]]:
    """(table, code) of every problem verify finds."""
    return [(p.table, p.code) for p in verify(folder, schema_root=schema_root).report.problems]


def test_verify_intact_release_is_ok(release: Path) -> None:
    result = verify(release)
    assert result.ok, result.report.problems
    assert result.rows == {t: info["rows"] for t, info in read_manifest(release)["tables"].items()}


def test_verify_changed_byte_is_a_checksum_mismatch(release: Path) -> None:
    path = release / "figures.parquet"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    assert ("figures", "checksum-mismatch") in codes(release)
    assert not verify(release).ok


def test_verify_missing_and_extra_files(release: Path) -> None:
    (release / "meetings.parquet").unlink()
    shutil.copy(release / "actors.parquet", release / "extra.parquet")
    (release / "notes.txt").write_text("added later")
    (release / "README.md").unlink()
    found = [(p.code, p.article and Path(p.article).name) for p in verify(release).report.problems]
    assert ("missing-table", "meetings.parquet") in found
    assert ("unexpected-table", "extra.parquet") in found
    assert ("unexpected-file", "notes.txt") in found
    assert ("missing-file", "README.md") in found


def test_verify_edited_card_is_a_checksum_mismatch(release: Path) -> None:
    with (release / "README.md").open("a", encoding="utf-8") as f:
        f.write("\nSomething else.\n")
    found = verify(release).report.problems
    assert [(p.code, Path(p.article or "").name) for p in found] == [("checksum-mismatch", "README.md")]


def test_verify_row_count_mismatch(release: Path) -> None:
    manifest = read_manifest(release)
    manifest["tables"]["actors"]["rows"] += 1
    (release / "manifest.json").write_text(json.dumps(manifest))
    assert codes(release) == [("actors", "row-count-mismatch")]


def test_verify_rows_are_validated_again(release: Path) -> None:
    rows = table_rows(release, "figures")
    rows[0] = {**rows[0], "category": "bogus"}
    rewrite_table(release, "figures", rows)  # checksums updated: only validation can tell
    found = codes(release)
    assert ("figures", "schema-column") in found and ("figures", "schema-row") in found


def test_verify_broken_reference_is_found(release: Path) -> None:
    rows = table_rows(release, "articles")
    rewrite_table(release, "articles", rows[1:])
    assert ("actors", "fk-article-missing") in codes(release)


def test_verify_missing_manifest(release: Path) -> None:
    (release / "manifest.json").unlink()
    result = verify(release)
    assert not result.ok
    assert result.report.flatten(["code"]) == [["manifest-invalid"]]


def test_verify_manifest_pointing_outside_the_release(release: Path) -> None:
    manifest = read_manifest(release)
    manifest["tables"]["figures"]["file"] = "../figures.parquet"
    (release / "manifest.json").write_text(json.dumps(manifest))
    assert codes(release) == [(None, "manifest-invalid")]


def test_verify_unknown_schema_version(release: Path, tmp_path: Path) -> None:
    manifest = read_manifest(release)
    manifest["schema_version"] = "9.9.9"
    (release / "manifest.json").write_text(json.dumps(manifest))
    assert codes(release, schema_root=tmp_path / "none") == [(None, "schema-version-unknown")]


def test_verify_older_schema_version_uses_its_published_files(release: Path, tmp_path: Path) -> None:
    export(tmp_path / "schema", "0.9.0")
    manifest = read_manifest(release)
    manifest["schema_version"] = "0.9.0"
    (release / "manifest.json").write_text(json.dumps(manifest))
    result = verify(release, schema_root=tmp_path / "schema")
    assert result.ok
    assert result.report.flatten(["code"]) == [["schema-version-older"]]
    assert result.schema_source == str(tmp_path / "schema" / "0.9.0")


def test_verify_recorded_schema_files_are_applied(release: Path, tmp_path: Path) -> None:
    export(tmp_path / "schema")
    path = next((tmp_path / "schema").glob("*/figures.schema.json"))
    doc = json.loads(path.read_text())
    doc["properties"]["unit"]["maxLength"] = 2  # a stricter published schema than the models
    path.write_text(json.dumps(doc))
    assert ("figures", "schema-row") in codes(release, schema_root=tmp_path / "schema")


def test_verify_limit_problems(release: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (release / name).write_text(name)
    result = verify(release, limit=2)
    assert result.report.flatten(["code"]) == [["unexpected-file"], ["unexpected-file"], ["problem-limit"]]
    assert not result.ok


def test_verify_not_a_folder(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError):
        verify(tmp_path / "nowhere")


def test_verify_cli_exit_codes(release: Path, tmp_path: Path) -> None:
    ok = runner.invoke(app, ["verify", str(release), "--json"])
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.stdout)["ok"] is True
    (release / "report.json").write_text("{}")
    bad = runner.invoke(app, ["verify", str(release)])
    assert bad.exit_code == 1
    assert "checksum-mismatch" in bad.stderr
    assert runner.invoke(app, ["verify", str(tmp_path / "nowhere")]).exit_code == 2
