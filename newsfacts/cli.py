"""`newsfacts` command line: a thin shell over the public API that renders reports.

Exit codes: 0 success, 1 validation failures or rejected articles, 2 usage errors.
"""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

import newsfacts.cli_analytics as cli_analytics
import newsfacts.cli_validate as cli_validate
from newsfacts import cli_release, cli_rows, cli_schema
from newsfacts.errors import NewsfactsError, UsageError
from newsfacts.problems import Problem

app = typer.Typer(no_args_is_help=True, add_completion=False,
                  help="Turn news articles into a validated, versioned Parquet dataset.")
schema_app = typer.Typer(no_args_is_help=True, help="Published JSON Schemas of the tables.")
app.add_typer(schema_app, name="schema")

err = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)

QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary on stderr.")]
OverwriteOpt = Annotated[bool, typer.Option("--overwrite", help="Replace an existing, non-empty output folder.")]


class BuildEngine(StrEnum):
    """Engines of `build`."""

    local = "local"
    dask = "dask"


def usage_error(message: str) -> typer.Exit:
    """Print a usage error and return the exit to raise (code 2)."""
    err.print(f"[red]error:[/red] {message}", highlight=False)
    return typer.Exit(2)


def render_problems(problems: list[Problem], limit: int = 50) -> None:
    """One line per problem on stderr: location, code, message."""
    for p in problems[:limit]:
        where = p.location() + (f" [{p.table}" + (f" {p.row_key}" if p.row_key else "") + "]" if p.table else "")
        field = f" {p.field}:" if p.field else ""
        color = "red" if p.severity == "error" else "yellow"
        err.print(f"[{color}]{p.severity}[/{color}] {escape(where)} {p.code}:{escape(field)} {escape(p.message)}",
                  highlight=False)
    if len(problems) > limit:
        err.print(f"… and {len(problems) - limit} more (see report.json)")


@app.command()
def build(
    inputs: Annotated[list[Path] | None, typer.Argument(help="Article files or folders (default: seeds/).")] = None,
    out_dir: Annotated[Path | None, typer.Option("--out", help="Release folder "
                                                 "(default: datasets/newsfacts/<release version>/).")] = None,
    release_version: Annotated[str, typer.Option(help="Semantic version of the release.")] = "0.1.0",
    overwrite: OverwriteOpt = False,
    max_bytes: Annotated[int, typer.Option(help="Largest article accepted, in bytes.")] = 5 * 1024 * 1024,
    workers: Annotated[int | None, typer.Option(help="Worker processes (default: number of CPUs).")] = None,
    engine: Annotated[BuildEngine, typer.Option(help="local (process pool) or dask.")] = BuildEngine.local,
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address, e.g. tcp://host:8786 "
                                                       "(default: a local cluster).")] = None,
    batch_size: Annotated[int, typer.Option(help="Articles per batch.")] = 256,
    max_rows: Annotated[int, typer.Option(help="Most rows per table and article; more are dropped "
                                               "with a warning.")] = 5_000,
    previous: Annotated[Path | None, typer.Option(help="Earlier release to compare with: the manifest "
                                                       "records its version, manifest sha256 and row changes.")] = None,
    quiet: QuietOpt = False,
) -> None:
    """Build a release: read articles, extract the tables, validate them, write Parquet files."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from newsfacts.pipeline import build as run_build

    paths = inputs or [Path("seeds")]
    try:
        with Progress(TextColumn("building"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      TextColumn("{task.description}"), console=err, disable=quiet, transient=True) as bar:
            task = bar.add_task("", total=None)
            result = run_build(paths, out_dir, release_version=release_version, overwrite=overwrite,
                               max_bytes=max_bytes, workers=workers or os.cpu_count() or 1,
                               engine=engine.value, scheduler=scheduler, batch_size=batch_size,
                               max_rows=max_rows, previous=previous,
                               progress=lambda done, total: bar.update(task, completed=done, total=total))
    except (UsageError, NewsfactsError, FileNotFoundError, ModuleNotFoundError) as e:
        raise usage_error(str(e)) from None
    render_problems([p for p in result.report.problems if p.severity == "error" or not quiet])
    if not quiet:
        counts = ", ".join(f"{n} {t}" for t, n in result.counts.items())
        err.print(f"{result.inputs} input(s): {len(result.built)} built, {len(result.rejected)} rejected; {counts}")
        err.print(f"release written to {result.out}" if result.written
                  else "[red]no release written (see the errors above)[/red]")
    raise typer.Exit(0 if result.ok else 1)


@schema_app.command("export")
def schema_export(
    root: Annotated[Path, typer.Option("--root", help="Folder of published schemas.")] = Path("schema"),
) -> None:
    """Write schema/<version>/<table>.schema.json from the row models."""
    from newsfacts.schema.export import export

    for path in export(root):
        err.print(f"wrote {path}")


# Commands defined in their own modules register here, one line each.
app.command("extract")(cli_rows.extract)
app.command("rules")(cli_rows.rules)
app.command("explain")(cli_rows.explain)
app.command("validate")(cli_validate.validate)
app.command("verify")(cli_release.verify)
app.command("diff")(cli_release.diff)
app.command("query")(cli_analytics.query)
app.command("stats")(cli_analytics.stats)
schema_app.command("check")(cli_schema.check)
schema_app.command("diff")(cli_schema.diff)


def main() -> None:
    """Console entry point: typer's usage errors exit 2, everything else as the command says."""
    app(prog_name="newsfacts")


if __name__ == "__main__":  # pragma: no cover
    main()
