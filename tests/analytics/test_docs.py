"""docs/analytics.md is current: the type table matches types.py and the examples are EXAMPLES."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfacts.analytics.examples import END, EXAMPLES, START, examples_section, shell_quote
from newsfacts.analytics.query import query
from newsfacts.analytics.types_doc import type_section, update_doc
from newsfacts.schema.models import TABLES
from newsfacts.schema.types import column_specs

DOC = Path(__file__).resolve().parents[2] / "docs" / "analytics.md"


def test_docs_type_table_current() -> None:
    assert type_section() in DOC.read_text(encoding="utf-8"), \
        "run: python -m newsfacts.analytics.types_doc docs/analytics.md"


def test_docs_type_table_lists_every_column() -> None:
    section = type_section()
    for table in TABLES:
        for spec in column_specs(table):
            assert f"| `{spec.name}` | {spec.kind} | `{spec.arrow_type}` |" in section


def test_docs_examples_are_the_examples() -> None:
    text = DOC.read_text(encoding="utf-8")
    section = text.split(START, 1)[1].split(END, 1)[0]
    for title, sql in EXAMPLES:
        assert f"**{title}**" in section and shell_quote("\n" + sql) in section
    assert section.count("$ newsfacts query") == len(EXAMPLES)


@pytest.mark.parametrize(("title", "sql"), EXAMPLES)
def test_docs_example_runs(release: Path, title: str, sql: str) -> None:
    assert query(release, sql).table.num_columns >= 2


def test_docs_update_rewrites_sections(tmp_path: Path, release: Path) -> None:
    doc = tmp_path / "doc.md"
    doc.write_text("intro\n", encoding="utf-8")
    with pytest.raises(ValueError, match="markers"):
        update_doc(doc)
    doc.write_text(f"intro\n{type_section().splitlines()[0]}\nold\n<!-- column-types:end -->\nend\n",
                   encoding="utf-8")
    assert update_doc(doc) and not update_doc(doc)
    assert doc.read_text(encoding="utf-8") == f"intro\n{type_section()}\nend\n"
    assert "state:chn" in examples_section(release)
