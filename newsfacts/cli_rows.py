"""`newsfacts extract`, `newsfacts rules` and `newsfacts explain`: rows as people read them.

Tables are printed through `newsfacts.views` (the columns a reader needs, names instead of ids,
wrapped to the terminal's width); `--format json` prints the stored values.
Exit codes: 0 success; 1 a rejected article or a release that does not match its manifest;
2 usage errors (missing file or folder, unknown row id, column or option).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from newsfacts.cli_analytics import NoVerifyOpt, ReleaseArg
from newsfacts.cli_formats import TableFormat, TableFormatOpt
from newsfacts.errors import NewsfactsError, UsageError
from newsfacts.views import ROW_KEYS

if TYPE_CHECKING:
    from newsfacts.explain import Explanation

out = Console()


class RowsFormat(StrEnum):
    """Output formats of `extract`."""

    table = "table"
    json = "json"
    jsonl = "jsonl"


def print_json(data: object) -> None:
    """JSON on stdout, indented, non-ASCII kept."""
    typer.echo(json.dumps(data, ensure_ascii=False, indent=1))


def fit_widths(natural: Sequence[int], least: Sequence[int], room: int) -> list[int]:
    """Content widths of columns that fit `room` characters: the widest column gives up a character
    until the total fits, none below its `least` (then, in a very narrow terminal, below it too)."""
    widths = list(natural)
    for floor in (least, [1] * len(widths)):
        while sum(widths) > room:
            i = max(range(len(widths)), key=lambda k: (widths[k] - floor[k] > 0, widths[k]))
            if widths[i] <= floor[i]:
                break
            widths[i] -= 1
    return widths


def rows_table(title: str, columns: Sequence[str], cells: Sequence[Sequence[str]]) -> Table:
    """A table that fits the console: the widest columns wrap first, no column gets narrower than
    its header or its longest word (up to 14 characters) while the terminal has room."""
    table = Table(title=title, title_justify="left", show_lines=len(columns) > 2 and any(
        len(c) > 40 for row in cells for c in row))
    natural = [max([len(name), *(len(row[i]) for row in cells)]) for i, name in enumerate(columns)]
    least = [min(max([len(name), *(len(w) for row in cells for w in row[i].split())]), 14)
             for i, name in enumerate(columns)]
    widths = fit_widths(natural, least, out.width - 3 * len(columns) - 1)
    for name, width in zip(columns, widths, strict=True):
        table.add_column(name, overflow="fold", width=max(width, 1))
    for row in cells:
        table.add_row(*(escape(c) for c in row))
    return table


def extract(
    file: Annotated[Path, typer.Argument(help="One article file (.md, .txt or .jsonl).")],
    fmt: Annotated[RowsFormat, typer.Option("--format", help="table (readable), json (every column, per "
                                                              "table) or jsonl (one row per line).")
                   ] = RowsFormat.table,
    columns: Annotated[str | None, typer.Option(
        "--columns", metavar="COL,COL", help="Columns of the table format, for every table that has them "
        "(stored columns, or participants, place, speaker, source, value); `all` for every stored column.",
        show_default=False)] = None,
    tables: Annotated[list[str] | None, typer.Option(
        "--table", "-t", help="Only this table (repeat for more).", show_default=False)] = None,
) -> None:
    """Print the rows the rules find in one article, without writing anything.

    The table format shows per table the columns a reader needs, actor ids as names, wrapped to the
    terminal's width; JSON and JSONL keep every stored column.
    """
    from newsfacts.articles import Rejected, read_file
    from newsfacts.builders import extract as run_extract
    from newsfacts.cli import render_problems, usage_error
    from newsfacts.datasets.load import select_tables
    from newsfacts.schema.columns import columns as stored_columns
    from newsfacts.views import check_columns

    wanted = [c.strip() for c in columns.split(",") if c.strip()] if columns else None
    try:
        names = select_tables(tables or None)
        if wanted and fmt is not RowsFormat.table:
            raise UsageError("--columns is for --format table; JSON and JSONL keep every column")
        if wanted:
            check_columns(wanted, {t: stored_columns(t) for t in names})
    except UsageError as e:
        raise usage_error(str(e)) from None
    if not file.is_file():
        raise usage_error(f"not a file: {file}")
    results, failed = [], False
    for loaded in read_file(file, file.name):
        if isinstance(loaded, Rejected):
            render_problems(list(loaded.problems))
            failed = True
            continue
        results.append(run_extract(loaded))
    found = [{t: [_ordered(stored_columns(t), r.model_dump(mode="json")) for r in rows]
              for t, rows in res.tables().items()} for res in results]
    if fmt is RowsFormat.json:
        chosen = [{t: rows for t, rows in tables_of.items() if t in names} for tables_of in found]
        print_json(chosen[0] if len(chosen) == 1 else chosen)
    elif fmt is RowsFormat.jsonl:
        for tables_of in found:
            for table in names:
                for row in tables_of[table]:
                    typer.echo(json.dumps({"table": table, **row}, ensure_ascii=False))
    else:
        for tables_of in found:
            print_tables(tables_of, wanted, {t: stored_columns(t) for t in names}, many=len(found) > 1)
    for res in results:
        render_problems(res.problems)
    raise typer.Exit(1 if failed else 0)


def _ordered(columns: Sequence[str], row: dict[str, Any]) -> dict[str, Any]:
    """A row's values in the release's column order (keys first, provenance last)."""
    return {c: row[c] for c in columns}


def print_tables(tables: Mapping[str, list[dict[str, Any]]], wanted: Sequence[str] | None,
                 stored: Mapping[str, Sequence[str]], many: bool = False) -> None:
    """One article's rows, for the tables of `stored`, through the readable views."""
    from newsfacts.views import actor_names, cell, pick_columns

    names = actor_names(tables.get("actors", []))
    if many and tables.get("articles"):
        article = tables["articles"][0]
        out.rule(escape(f"{article['article_id']} {article.get('title') or ''}"), align="left")
    for table in stored:
        rows = tables[table]
        cols = pick_columns(table, stored[table], wanted)
        if not cols:
            continue
        if not rows:
            out.print(f"{table} (0): none", style="dim", highlight=False)
            continue
        cells = [[cell(table, c, row, names) for c in cols] for row in rows]
        out.print(rows_table(f"{table} ({len(rows)})", cols, cells))


def rules(
    prefix: Annotated[str | None, typer.Argument(
        help="Only rule ids starting with this (a table name, or a whole id).", show_default=False)] = None,
    fmt: TableFormatOpt = TableFormat.table,
) -> None:
    """The rule catalogue: every rule id of the builders with what it does and an example.

    An example is a sentence the rule fires on: try it with `newsfacts extract`.
    """
    from newsfacts.cli import usage_error
    from newsfacts.rules import catalogue

    try:
        found = [r for r in catalogue().values() if prefix is None or r.id.startswith(prefix)]
    except NewsfactsError as e:
        raise usage_error(str(e)) from None
    if not found:
        raise usage_error(f"no rule id starts with {prefix!r}")
    if fmt is TableFormat.json:
        print_json([r.to_dict() for r in found])
        return
    table = ""
    for rule in found:
        if rule.table != table:
            table = rule.table
            out.print(Text(table, style="bold underline"))
        note = "" if rule.in_rows else "  (adds to the rows of other rules; never a row's rule_id)"
        out.print(Text(rule.id, style="bold") + Text(note, style="dim"))
        out.print(Padding(Text(rule.description), (0, 0, 0, 2), expand=False))
        out.print(Padding(Text("e.g. ", style="dim") + Text(rule.example, style="italic"), (0, 0, 1, 2), expand=False))


def explain(
    release: ReleaseArg,
    row_id: Annotated[str, typer.Argument(metavar="ROW_ID", help="meeting_id, statement_id, figure_id or "
                                          "article_id; ARTICLE_ID/ACTOR_ID for an actor.")],
    corpus: Annotated[Path | None, typer.Option(
        "--corpus", metavar="DIR", help="The folder the release was built from: show the row's sentence "
        "with the evidence marked (the release holds no article text).", show_default=False)] = None,
    fmt: TableFormatOpt = TableFormat.table,
    no_verify: NoVerifyOpt = False,
) -> None:
    """Why a row is in a release: its article, fields (names instead of ids), rule and linked rows."""
    from newsfacts.cli_analytics import fail
    from newsfacts.explain import explain as run_explain

    try:
        result = run_explain(release, row_id, corpus, verify=not no_verify)
    except NewsfactsError as e:
        raise fail(e) from None
    if fmt is TableFormat.json:
        print_json(result.to_dict())
    else:
        print_explanation(result)


def print_explanation(result: Explanation) -> None:
    """The explanation for people: heading, article, fields, rule, linked rows, evidence."""
    from newsfacts.schema.columns import columns as stored_columns
    from newsfacts.views import ACTOR_ID_COLUMNS, cell, text

    row, names = result.row, result.names
    article = result.article
    out.print(Text(f"{result.table} row {result.row_id}", style="bold"))
    meta = ", ".join(str(v) for v in (article.get("publisher"), article.get("published_at")) if v)
    out.print(Text("article  ", style="dim") + Text(f"“{article.get('title') or '(no title)'}”")
              + Text(f" — {meta}" if meta else "") + Text(f"  [{article.get('source_path')}]", style="dim"))
    fields = Table.grid(padding=(0, 2))
    fields.add_column(style="dim", no_wrap=True)
    fields.add_column(overflow="fold")
    skip = {"article_id", "rule_id", "actor_id", ROW_KEYS.get(result.table)}
    for column in stored_columns(result.table):
        if column not in skip:
            shown = cell(result.table, column, row, names) if column in ACTOR_ID_COLUMNS else text(row.get(column))
            fields.add_row(column, escape(shown))
    out.print(fields)
    if result.rule is not None:
        out.print(Text("rule  ", style="dim") + Text(result.rule.id, style="bold")
                  + Text(": " + result.rule.description))
        out.print(Text("      e.g. ", style="dim") + Text(result.rule.example, style="italic"))
    elif "rule_id" in row:
        out.print(Text("rule  ", style="dim") + Text(str(row["rule_id"]), style="bold"))
    if result.links:
        out.print(Text("linked rows", style="dim"))
        links = Table.grid(padding=(0, 2))
        links.add_column(no_wrap=True)
        links.add_column(overflow="fold")
        for link in result.links:
            links.add_row("  " + link.role, escape(_link_text(link.table, link.row, names)))
        out.print(links)
    if result.evidence is not None:
        ev = result.evidence
        out.print(Text(f"evidence  ({ev.source})", style="dim"))
        out.print(Text(ev.text[:ev.start]) + Text("«" + ev.text[ev.start:ev.end] + "»", style="bold reverse")
                  + Text(ev.text[ev.end:]))
    for note in result.notes:
        out.print(Text(f"note: {note}", style="yellow"))


def _link_text(table: str, row: Mapping[str, Any], names: Mapping[tuple[str, str], str]) -> str:
    """A linked row in one line: an actor by name, kind and id; another row by its reader columns."""
    from newsfacts.views import DEFAULT_COLUMNS, cell

    if table == "actors":
        details = ", ".join(str(row[c]) for c in ("kind", "title", "country") if row.get(c))
        return f"{row['name']} ({details}) {row['actor_id']}"
    summary = "; ".join(v for v in (cell(table, c, row, names) for c in DEFAULT_COLUMNS[table]) if v)
    return f"{row[ROW_KEYS[table]]}  {summary}"
