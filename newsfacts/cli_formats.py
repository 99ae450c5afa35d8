"""Output options spelled alike across commands: `--format json` wherever JSON is offered.

`verify`, `stats`, `schema check` and `schema diff` first offered JSON as a `--json` flag; it stays
as an alias of `--format json`, so scripts written for it keep working.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer


class TextFormat(StrEnum):
    """Output of commands that print a report: readable text or JSON."""

    text = "text"
    json = "json"


class TableFormat(StrEnum):
    """Output of commands that print tables: readable tables or JSON."""

    table = "table"
    json = "json"


TextFormatOpt = Annotated[TextFormat, typer.Option("--format", help="text or json.")]
TableFormatOpt = Annotated[TableFormat, typer.Option("--format", help="table or json.")]
JsonAliasOpt = Annotated[bool, typer.Option("--json", help="Same as --format json.")]


def wants_json(fmt: StrEnum, alias: bool) -> bool:
    """True when `--format json` or the `--json` alias was given."""
    return alias or fmt.value == "json"
