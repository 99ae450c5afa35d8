"""`newsfacts schema check` and `newsfacts schema diff`: the versioned schema registry from the shell.

Both read the published schemas under `--root` (default `schema/` of the project checkout).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsfacts.cli_formats import JsonAliasOpt, TextFormat, TextFormatOpt, wants_json
from newsfacts.errors import UsageError
from newsfacts.problems import Problem

if TYPE_CHECKING:
    from newsfacts.schema.diff import Change

# `newsfacts.schema.check.MODELS`, spelled here so that the CLI starts without importing the models.
MODELS = "models"

err = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)

RootOpt = Annotated[Path, typer.Option("--root", help="Folder of published schemas (schema/<X.Y.Z>/).")]


def check(root: RootOpt = Path("schema"), fmt: TextFormatOpt = TextFormat.text, as_json: JsonAliasOpt = False) -> None:
    """Fail (exit 1) when the models changed without a large enough schema version bump.

    Also checks every published version against its predecessor and the CHANGELOG entries.
    """
    from newsfacts.cli import usage_error
    from newsfacts.schema.check import check as run_check

    if not root.is_dir():
        raise usage_error(f"no schema folder at {root}; run from a project checkout or pass --root")
    result = run_check(root)
    if wants_json(fmt, as_json):
        out.print_json(json.dumps(result.asdict(), ensure_ascii=False))
    else:
        if result.changes:
            print_changes(f"changes since {result.latest}", result.changes)
        render_problems(result.report.problems)
        err.print(result.asstr(), highlight=False)
    raise typer.Exit(0 if result.ok else 1)


def diff(
    old: Annotated[str, typer.Argument(help="Published version (X.Y.Z) or `models`.")],
    new: Annotated[str, typer.Argument(help="Published version (X.Y.Z) or `models`.")] = MODELS,
    root: RootOpt = Path("schema"),
    fmt: TextFormatOpt = TextFormat.text,
    as_json: JsonAliasOpt = False,
) -> None:
    """Show the changes from schema version OLD to NEW, each with the version bump it needs."""
    from newsfacts.cli import usage_error
    from newsfacts.schema.check import diff_versions

    try:
        result = diff_versions(old, new, root)
    except UsageError as e:
        raise usage_error(str(e)) from None
    if wants_json(fmt, as_json):
        out.print_json(json.dumps(result.asdict(), ensure_ascii=False))
    else:
        print_changes(f"{result.old} → {result.new}", result.changes)
        render_problems(result.problems)
        err.print(result.asstr(), highlight=False)
    raise typer.Exit(1 if result.problems else 0)


def render_problems(problems: list[Problem]) -> None:
    """One line per problem on stderr: file (and line), code, message."""
    for p in problems:
        err.print(f"[red]{p.severity}[/red] {escape(p.location())} {p.code}: {escape(p.message)}", highlight=False)


def print_changes(title: str, changes: list[Change]) -> None:
    """The changes as a table on stdout: where, level, kind, detail."""
    if not changes:
        out.print(f"{title}: no changes", highlight=False)
        return
    table = Table(title=title, title_justify="left")
    for name in ("where", "level", "change", "detail"):
        table.add_column(name, overflow="fold")
    for c in changes:
        table.add_row(c.where, c.level, c.kind, escape(c.detail))
    out.print(table)
