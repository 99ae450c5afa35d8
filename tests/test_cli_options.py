"""Options are spelled alike across commands: `--format json` wherever JSON is offered; the older
`--json` flags stay as aliases that print the same."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from newsfacts.cli import app
from tests.datasets.conftest import built_release  # noqa: F401  (the release fixture of these tests)

runner = CliRunner()
NO_JSON = {"build", "schema export"}  # commands that print no report (build writes report.json)


def leaf_commands(group: Any, prefix: str = "") -> dict[str, Any]:
    """Every command of the CLI by its full name ("verify", "schema check")."""
    out: dict[str, Any] = {}
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            out |= leaf_commands(command, f"{prefix}{name} ")
        else:
            out[prefix + name] = command
    return out


COMMANDS = leaf_commands(typer.main.get_group(app))


@pytest.mark.parametrize("name", sorted(set(COMMANDS) - NO_JSON))
def test_every_command_offers_format_json(name: str) -> None:
    result = runner.invoke(app, [*name.split(), "--format", "nosuch"])
    assert result.exit_code == 2 and "'json'" in result.output, (name, result.output)


def test_json_flags_are_aliases_of_format_json() -> None:
    with_flag = sorted(n for n, c in COMMANDS.items() if any("--json" in getattr(p, "opts", []) for p in c.params))
    assert with_flag == ["schema check", "schema diff", "stats", "verify"]


@pytest.mark.parametrize("args", [["stats", "{release}"], ["verify", "{release}"]])
def test_json_alias_prints_what_format_json_prints(built_release: Path, args: list[str]) -> None:  # noqa: F811
    argv = [a.format(release=built_release) for a in args]
    by_format = runner.invoke(app, [*argv, "--format", "json"])
    by_flag = runner.invoke(app, [*argv, "--json"])
    assert by_format.exit_code == by_flag.exit_code == 0, by_format.output
    assert by_format.stdout == by_flag.stdout and by_format.stdout.lstrip().startswith("{")
