"""Renderings of a `ValidationResult`: text (rich tables), json, github (workflow commands), junit.

Each renderer returns a string; only the CLI prints. None of them writes a time, a random value
or an absolute path that was not given, so the same result always renders to the same text.
"""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from newsfacts.problems import Problem

if TYPE_CHECKING:
    from newsfacts.validate import ArticleResult, ValidationResult

FORMATS = ("text", "json", "github", "junit")
TABLE_COLUMNS = ("actors", "meetings", "statements", "figures")
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render(result: ValidationResult, fmt: str, *, color: bool = False, width: int = 160) -> str:
    """The result in one of `FORMATS`."""
    if fmt == "json":
        return render_json(result)
    if fmt == "github":
        return render_github(result)
    if fmt == "junit":
        return render_junit(result)
    if fmt == "text":
        return render_text(result, color=color, width=width)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def summary_line(result: ValidationResult) -> str:
    """`N articles: P passed, F failed (E errors, W warnings)`."""
    s = result.summary()
    mode = ", strict" if result.strict else ""
    return (f"{s['articles']} article(s): {s['passed']} passed, {s['failed']} failed "
            f"({s['errors']} error(s), {s['warnings']} warning(s){mode})")


def render_json(result: ValidationResult) -> str:
    """The JSON report: `ValidationResult.to_dict()`, indented, keys in a fixed order."""
    return json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n"


def render_text(result: ValidationResult, *, color: bool = False, width: int = 160) -> str:
    """Two rich tables (articles with their row counts, then one line per problem) and a summary."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=color, color_system="standard" if color else None,
                      highlight=False, soft_wrap=False)
    articles = Table(title="articles", title_justify="left")
    for name in ("file", "status", *TABLE_COLUMNS, "problems"):
        articles.add_column(name, overflow="fold", justify="right" if name in TABLE_COLUMNS else "left")
    for item in result.articles:
        status = "[green]pass[/green]" if item.ok else "[red]fail[/red]"
        articles.add_row(escape(item.name), status, *(str(item.counts[t]) if t in item.counts else "-"
                                              for t in TABLE_COLUMNS), str(len(item.problems)))
    console.print(articles)
    problems = result.problems
    if problems:
        table = Table(title="problems", title_justify="left")
        for name in ("location", "severity", "check", "message"):
            table.add_column(name, overflow="fold")
        for p in problems:
            sev = f"[red]{p.severity}[/red]" if p.severity == "error" else f"[yellow]{p.severity}[/yellow]"
            table.add_row(escape(p.location()), sev, escape(p.code), escape(_message(p)))
        console.print(table)
    console.print(summary_line(result))
    return buffer.getvalue()


def _message(p: Problem) -> str:
    """The message with the row it concerns, e.g. `[statements abc-123] speaker_id: …`."""
    where = f"[{p.table}" + (f" {p.row_key}" if p.row_key else "") + "] " if p.table else ""
    return where + (f"{p.field}: " if p.field and p.field not in p.message else "") + p.message


def render_github(result: ValidationResult) -> str:
    """GitHub Actions workflow commands: one `::error`/`::warning` line per problem, then a summary."""
    lines = []
    for p in result.problems:
        props = [f"file={_gh_property(p.article or '-')}"]
        if p.line:
            props.append(f"line={p.line}")
        props.append(f"title={_gh_property(p.code)}")
        where = f"[{p.table}" + (f" {p.row_key}" if p.row_key else "") + "] " if p.table else ""
        lines.append(f"::{p.severity} {','.join(props)}::{_gh_data(where + p.message)}")
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"


def _gh_data(text: str) -> str:
    """Escape a workflow-command message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    """Escape a workflow-command property value."""
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def render_junit(result: ValidationResult) -> str:
    """JUnit XML: one test case per article, a `<failure>` listing its errors, warnings in system-out."""
    s = result.summary()
    counts = {"tests": str(s["articles"]), "failures": str(s["failed"]), "errors": "0"}
    root = ET.Element("testsuites", {"name": "newsfacts validate", **counts})
    suite = ET.SubElement(root, "testsuite", {"name": "newsfacts validate", **counts, "skipped": "0"})
    for item in result.articles:
        suite.append(_testcase(item))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _testcase(item: ArticleResult) -> ET.Element:
    """The test case of one article."""
    case = ET.Element("testcase", {"classname": "newsfacts.validate", "name": _xml(item.name),
                                   "file": _xml(item.file)})
    errors = [p for p in item.problems if p.severity == "error"]
    warnings = [p for p in item.problems if p.severity == "warning"]
    if errors:
        failure = ET.SubElement(case, "failure", {"type": errors[0].code,
                                                  "message": _xml(f"{len(errors)} error(s): {errors[0].message}")})
        failure.text = _xml("\n".join(_line(p) for p in errors))
    if warnings:
        ET.SubElement(case, "system-out").text = _xml("\n".join(_line(p) for p in warnings))
    return case


def _line(p: Problem) -> str:
    """`file:line code: message` for JUnit bodies."""
    where = f" [{p.table}" + (f" {p.row_key}" if p.row_key else "") + "]" if p.table else ""
    return f"{p.location()} {p.severity} {p.code}{where}: {p.message}"


def _xml(text: str) -> str:
    """Text with the characters XML 1.0 cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)
