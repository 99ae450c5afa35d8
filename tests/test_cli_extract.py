"""`newsfacts extract` as a reader uses it: readable tables that fit the terminal, JSON and JSONL."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfacts.cli import app
from newsfacts.schema.columns import columns
from newsfacts.views import DEFAULT_COLUMNS

runner = CliRunner()
ARTICLE = ("---\ntitle: Talks in Doha\npublisher: Test Wire\npublished_at: 2024-03-19\nlanguage: en\n---\n"
           "Qatar's Foreign Minister Mohammed Al-Thani met Egyptian Foreign Minister Sameh Shoukry in Doha on "
           "Sunday. “We will keep working for a ceasefire and for the release of every hostage held in the "
           "territory,” Al-Thani said. According to the United Nations, more than 1,200 people were killed "
           "and some 250 hostages were taken.\n")
BORDER = re.compile(r"[┃│]")


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "doha.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run(*args: str, width: int = 80) -> str:
    result = runner.invoke(app, ["extract", *args], env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.output
    return result.stdout


def headers(output: str) -> list[list[str]]:
    """The header cells of every table printed."""
    return [[c.strip() for c in BORDER.split(line)[1:-1]] for line in output.splitlines() if line.startswith("┃")]


@pytest.mark.parametrize("width", [80, 60])
def test_extract_default_is_readable_at_terminal_width(article: Path, width: int) -> None:
    output = run(str(article), width=width)
    assert all(len(line) <= width for line in output.splitlines())
    assert [h for h in headers(output) if h] == [list(cols) for cols in DEFAULT_COLUMNS.values()]
    assert "person:" not in output and "state:" not in output  # names, not ids
    for name in ("Sameh Shoukry", "Mohammed Al-Thani", "in_person", "more_than", "United Nations"):
        assert name in output.replace("│", " ") or all(w in output for w in name.split())
    cells = [c.strip() for line in output.splitlines() if line.startswith("│") for c in BORDER.split(line)[1:-1]]
    assert "Doha (QAT)" in cells and "2024-03-17" in cells and "1,200" in cells


def test_extract_fits_even_a_very_narrow_terminal(article: Path) -> None:
    assert all(len(line) <= 30 for line in run(str(article), width=30).splitlines())


def test_extract_columns_and_tables(article: Path) -> None:
    output = run(str(article), "--table", "meetings", "--table", "figures", "--columns", "participants,rule_id,value")
    assert headers(output) == [["participants", "rule_id"], ["rule_id", "value"]]
    assert "meetings.met.v1" in output
    every = run(str(article), "--table", "statements", "--columns", "all", width=400)
    assert headers(every) == [list(columns("statements"))]


@pytest.mark.parametrize("args", [["--columns", "nosuch"], ["--table", "nosuch"],
                                  ["--columns", "quote", "--format", "json"]])
def test_extract_usage_errors(article: Path, args: list[str]) -> None:
    assert runner.invoke(app, ["extract", str(article), *args]).exit_code == 2


def test_extract_json_keeps_every_column_and_jsonl_every_row(article: Path) -> None:
    tables = json.loads(run(str(article), "--format", "json"))
    for table, rows in tables.items():
        assert rows and all(list(r) == list(columns(table)) for r in rows)
    lines = [json.loads(line) for line in run(str(article), "--format", "jsonl").splitlines()]
    assert [{k: v for k, v in line.items() if k != "table"} for line in lines] == [
        row for rows in tables.values() for row in rows]
    assert [line["table"] for line in lines] == [t for t, rows in tables.items() for _ in rows]


def test_extract_jsonl_input_prints_each_article(tmp_path: Path) -> None:
    path = tmp_path / "two.jsonl"
    path.write_text('{"title": "Talks", "published_at": "2024-03-19", "text": "Peru and Chile held talks in Lima '
                    'on Tuesday."}\n{"title": "Floods", "published_at": "2024-03-19", "text": "At least 14 people '
                    'were killed in the flooding."}\n', encoding="utf-8")
    output = run(str(path), "--table", "meetings", "--table", "figures")
    assert "Talks" in output and "Floods" in output and output.index("Talks") < output.index("Floods")
    assert "figures (0): none" in output and "meetings (0): none" in output and "Lima (PER)" in output
    both = json.loads(run(str(path), "--format", "json", "--table", "figures"))
    assert [len(article["figures"]) for article in both] == [0, 1] and all(list(a) == ["figures"] for a in both)
