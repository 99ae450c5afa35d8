"""`newsfacts verify` and `newsfacts diff`: check a release, compare two releases.

Registered in `cli.py`; both are thin shells over `newsfacts.datasets.verify.verify` and
`newsfacts.datasets.diff.diff`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from newsfacts.cli_formats import JsonAliasOpt, TextFormat, TextFormatOpt, wants_json
from newsfacts.errors import NewsfactsError


def verify(
    release: Annotated[Path, typer.Argument(help="Release folder (holding manifest.json).")],
    fmt: TextFormatOpt = TextFormat.text,
    as_json: JsonAliasOpt = False,
    no_validate: Annotated[bool, typer.Option("--no-validate", help="Only files, checksums and row "
                                                                    "counts; skip re-validating the rows.")] = False,
    schema_root: Annotated[Path | None, typer.Option(help="Folder of published schemas "
                                                          "(default: ./schema, then the package's).")] = None,
    limit_problems: Annotated[int | None, typer.Option(help="Stop after this many problems.")] = None,
) -> None:
    """Check a release: files, sha256 and row counts against manifest.json, then every table's rows.

    Exit 0 when the release is intact and valid, 1 on any tampering or validation error,
    2 for a folder that does not exist.
    """
    from newsfacts.cli import err, out, render_problems, usage_error
    from newsfacts.datasets.verify import verify as run_verify

    try:
        result = run_verify(release, schema_root=schema_root, validate=not no_validate, limit=limit_problems)
    except NewsfactsError as e:
        raise usage_error(str(e)) from None
    if wants_json(fmt, as_json):
        out.print_json(json.dumps(result.asdict(), ensure_ascii=False))
    else:
        render_problems(result.report.problems)
        color = "green" if result.ok else "red"
        err.print(f"[{color}]{result.asstr()}[/{color}]", highlight=False)
    raise typer.Exit(0 if result.ok else 1)


def diff(
    old: Annotated[Path, typer.Argument(help="The older release folder.")],
    new: Annotated[Path, typer.Argument(help="The newer release folder.")],
    fmt: TextFormatOpt = TextFormat.text,
    max_keys: Annotated[int, typer.Option(help="Keys listed per table and kind (counts are always "
                                               "complete); 0 lists none.")] = 20,
) -> None:
    """Compare two releases: per table, rows added, removed and changed (by primary key), and which
    columns changed. Exit 0 whether or not they differ; 2 for a folder that does not exist."""
    from newsfacts.cli import out, usage_error
    from newsfacts.datasets.diff import diff as run_diff

    if max_keys < 0:
        raise usage_error("--max-keys must be 0 or more")
    try:
        result = run_diff(old, new, max_keys=max_keys)
    except NewsfactsError as e:
        raise usage_error(str(e)) from None
    if fmt is TextFormat.json:
        out.print_json(json.dumps(result.asdict(), ensure_ascii=False))
    else:
        out.print(result.asstr(), highlight=False, markup=False)
    raise typer.Exit(0)
