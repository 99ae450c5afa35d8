"""`newsfacts schema check` and `newsfacts schema diff` as a user runs them: output and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import Field
from typer.testing import CliRunner

from newsfacts.cli import app
from newsfacts.schema.export import export
from newsfacts.schema.models import FigureRow, StatementRow
from newsfacts.schema.version import SCHEMA_VERSION
from tests.schema.conftest import PUBLISHED, Swap, variant

runner = CliRunner()
NEXT_MINOR = "1.2.0"
ADDED = variant(FigureRow, fields={"confidence": (float | None, Field(None, description="Confidence."))})


def test_cli_schema_check_passes_on_the_committed_registry() -> None:
    result = runner.invoke(app, ["schema", "check", "--root", str(PUBLISHED)])
    assert result.exit_code == 0, result.output
    assert f"schema {SCHEMA_VERSION}: ok" in result.output


def test_cli_schema_check_fails_naming_table_and_column(swap: Swap) -> None:
    swap("figures", ADDED)
    result = runner.invoke(app, ["schema", "check", "--root", str(PUBLISHED)])
    assert result.exit_code == 1
    assert "schema-unbumped" in result.output and "figures.confidence" in result.output


def test_cli_schema_check_json(swap: Swap, registry: Path) -> None:
    swap("statements", variant(StatementRow, drop=("via",)), version=NEXT_MINOR)
    result = runner.invoke(app, ["schema", "check", "--root", str(registry), "--json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert (report["ok"], report["needed"]) == (False, "major")
    assert next((p["code"], p["table"], p["field"]) for p in report["problems"]) == (
        "schema-bump-too-small", "statements", "via")


def test_cli_schema_diff_between_versions(swap: Swap, registry: Path) -> None:
    swap("figures", ADDED, version=NEXT_MINOR)
    export(registry, NEXT_MINOR)
    result = runner.invoke(app, ["schema", "diff", SCHEMA_VERSION, NEXT_MINOR, "--root", str(registry), "--json"])
    assert result.exit_code == 0, result.output
    diff = json.loads(result.stdout)
    assert (diff["needed"], diff["bump"], diff["allowed"]) == ("minor", "minor", True)
    assert [(c["table"], c["column"], c["kind"], c["level"]) for c in diff["changes"]] == [
        ("figures", "confidence", "column-added-nullable", "minor")]
    shown = runner.invoke(app, ["schema", "diff", SCHEMA_VERSION, "--root", str(registry)])
    assert shown.exit_code == 0 and "figures.confidence" in shown.output and "minor" in shown.output


def test_cli_schema_unknown_version_or_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["schema", "diff", "0.0.1", "models", "--root", str(PUBLISHED)])
    assert result.exit_code == 2
    assert "no published schema '0.0.1'" in result.output
    result = runner.invoke(app, ["schema", "check", "--root", str(tmp_path / "none")])
    assert result.exit_code == 2 and "no schema folder" in result.output
