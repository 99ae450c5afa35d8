"""`newsfacts validate`: check new or changed articles in CI, with text, JSON, GitHub or JUnit output.

Exit codes: 0 every article passed, 1 an article failed, 2 usage error (bad path, ref or option).
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

DEFAULT_CORPUS = Path("seeds")


class OutputFormat(StrEnum):
    """Output formats of `validate`."""

    text = "text"
    json = "json"
    github = "github"
    junit = "junit"


def validate(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Article files or folders (default: the corpus). A sidecar <stem>.expect.yaml stands for its article.",
        show_default=False)] = None,
    changed_since: Annotated[str | None, typer.Option(
        "--changed-since", metavar="GIT_REF",
        help="Only articles added or modified since this git ref (plus untracked ones).")] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", help="text, json, github (annotations) or junit (XML).")
                   ] = OutputFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too.")] = False,
    corpus: Annotated[Path | None, typer.Option(
        "--corpus", metavar="DIR",
        help="Published articles to check duplicates against (default: seeds/ when it exists).",
        show_default=False)] = None,
    no_corpus: Annotated[bool, typer.Option("--no-corpus", help="Skip the duplicate checks against a corpus.")
                         ] = False,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FILE", help="Write the report to FILE instead of stdout.")] = None,
) -> None:
    """Validate articles as the release would (ingestion, tables, integrity) plus review checks and
    sidecar expectations; exit 1 when any article fails."""
    from newsfacts.cli import usage_error
    from newsfacts.errors import NewsfactsError
    from newsfacts.validate import validate as run_validate
    from newsfacts.validators.formats import render, summary_line

    if no_corpus and corpus is not None:
        raise usage_error("--corpus and --no-corpus exclude each other")
    chosen = None if no_corpus else corpus or (DEFAULT_CORPUS if DEFAULT_CORPUS.is_dir() else None)
    try:
        result = run_validate(paths or [], corpus=chosen, strict=strict, changed_since=changed_since)
    except (NewsfactsError, FileNotFoundError) as e:
        raise usage_error(str(e)) from None
    terminal = output is None and sys.stdout.isatty()
    text = render(result, fmt.value, color=terminal, width=_width() if terminal else 160)
    if output is None:
        sys.stdout.write(text)
    else:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as e:
            raise usage_error(f"cannot write {output}: {e.strerror or e}") from None
        sys.stderr.write(f"{summary_line(result)}; report written to {output}\n")
    raise typer.Exit(0 if result.ok else 1)


def _width() -> int:
    """Width of the terminal."""
    import shutil

    return shutil.get_terminal_size((160, 24)).columns
