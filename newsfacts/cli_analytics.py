"""`newsfacts query` and `newsfacts stats`: look at a release from the shell.

Exit codes: 0 success; 1 when the release does not match its manifest or cannot be read;
2 for usage errors (no such folder, bad SQL, unknown option, the analytics extra missing).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from newsfacts.cli_formats import JsonAliasOpt, TableFormat, TableFormatOpt, wants_json
from newsfacts.errors import InputNotFoundError, NewsfactsError, UsageError

if TYPE_CHECKING:
    from newsfacts.analytics.stats import ReleaseStats

err = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)

ReleaseArg = Annotated[Path, typer.Argument(help="Release folder (with manifest.json).")]
NoVerifyOpt = Annotated[bool, typer.Option("--no-verify", help="Skip the sha256 check of the files "
                                                               "against manifest.json.")]


class QueryFormat(StrEnum):
    """Output formats of `query`."""

    table = "table"
    csv = "csv"
    json = "json"


def fail(e: Exception) -> typer.Exit:
    """Render an error of the API and return the exit to raise (2 usage, 1 bad release)."""
    from newsfacts.cli import render_problems
    from newsfacts.datasets.load import ReleaseCheckError

    if isinstance(e, ReleaseCheckError):
        render_problems(e.problems)
        err.print(f"[red]error:[/red] {e.release} does not match its manifest.json ({e.hint})", highlight=False)
        return typer.Exit(1)
    err.print(f"[red]error:[/red] {e}", highlight=False)
    return typer.Exit(2 if isinstance(e, UsageError | InputNotFoundError) else 1)


def query(
    release: ReleaseArg,
    sql: Annotated[str, typer.Argument(help="One SQL statement (DuckDB dialect); the tables articles, actors, "
                                            "meetings, statements and figures are views by name.")],
    fmt: Annotated[QueryFormat, typer.Option("--format", help="table, csv or json.")] = QueryFormat.table,
    no_verify: NoVerifyOpt = False,
) -> None:
    """Run SQL over a release with DuckDB (needs the analytics extra)."""
    from newsfacts.analytics.query import cell_text
    from newsfacts.analytics.query import query as run_query

    try:
        result = run_query(release, sql, verify=not no_verify)
    except NewsfactsError as e:
        raise fail(e) from None
    if fmt is QueryFormat.json:
        typer.echo(result.to_json())
    elif fmt is QueryFormat.csv:
        typer.echo(result.to_csv(), nl=False)
    else:
        table = Table(show_lines=False, title_justify="left")
        for name in result.columns:
            table.add_column(name, overflow="fold")
        for row in result.rows():
            table.add_row(*[cell_text(v) for v in row.values()])
        out.print(table)
        err.print(f"{result.table.num_rows} row(s)")


def stats(
    release: ReleaseArg,
    html: Annotated[Path | None, typer.Option("--html", help="Also write an HTML report with charts here.")] = None,
    fmt: TableFormatOpt = TableFormat.table,
    as_json: JsonAliasOpt = False,
    top: Annotated[int, typer.Option(help="How many actors to list.", min=1)] = 10,
    no_verify: NoVerifyOpt = False,
) -> None:
    """Counts per table, articles per publisher and month, top actors and coverage of a release."""
    from newsfacts.analytics.html import write_html
    from newsfacts.analytics.stats import release_stats

    try:
        result = release_stats(release, top=top, verify=not no_verify)
    except NewsfactsError as e:
        raise fail(e) from None
    if wants_json(fmt, as_json):
        typer.echo(json.dumps(result.asdict(), ensure_ascii=False, indent=1))
    else:
        print_stats(result, top)
    if html is not None:
        try:
            write_html(result, html)
        except OSError as e:
            raise fail(UsageError(f"cannot write {html}: {e.strerror or e}")) from None
        err.print(f"wrote {html}")


def _table(title: str, header: list[str], rows: Sequence[Sequence[object]]) -> Table:
    """A small rich table."""
    table = Table(title=title, title_justify="left")
    for i, name in enumerate(header):
        table.add_column(name, justify="right" if i == len(header) - 1 or name in {"articles", "rows"} else "left")
    for row in rows:
        table.add_row(*[str(v) for v in row])
    return table


def print_stats(result: ReleaseStats, top: int = 10) -> None:
    """Render `ReleaseStats` as rich tables on stdout."""
    out.print(f"release {result.release} (version {result.release_version}, schema {result.schema_version})",
              highlight=False)
    out.print(_table("rows per table", ["table", "rows"], list(result.counts.items())))
    out.print(_table("coverage", ["", "with a value", "share"],
                     [(s.label, f"{s.present}/{s.rows}", f"{s.share:.0%}") for s in result.coverage]))
    out.print(_table("top actors", ["actor_id", "name", "kind", "articles", "mentions"],
                     [tuple(a.values()) for a in result.top_actors]))
    shown = list(result.publishers[:top])
    rest = result.publishers[top:]
    if rest:
        shown.append((f"… {len(rest)} more", sum(n for _, n in rest)))
    out.print(_table("articles per publisher", ["publisher", "articles"], shown))
    out.print("articles per month: " + ", ".join(f"{m} {n}" for m, n in result.article_months), highlight=False)
