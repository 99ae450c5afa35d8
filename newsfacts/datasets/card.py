"""The dataset card: a release's `README.md`, generated from the row models and the manifest.

The card opens with the YAML metadata block that dataset hubs read (one `configs` entry per table
naming its Parquet file or parts, license, language, tags, size category), so that
`datasets.load_dataset(RELEASE, "meetings")` returns the meetings table. Headings follow the
Hugging Face datasets card (Summary, Fields, Source Data, Annotations, Limitations, License,
Citation) plus how to load the files. The text depends only on the models and the manifest, so it
is as reproducible as the Parquet files.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from newsfacts.schema.models import PRIMARY_KEYS, TABLE_DESCRIPTIONS, TABLES
from newsfacts.schema.types import ColumnSpec, column_specs

# Size categories of dataset hubs: (upper bound of rows, label); the largest table decides.
SIZE_CATEGORIES = ((1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M"),
                   (10_000_000, "1M<n<10M"), (100_000_000, "10M<n<100M"), (1_000_000_000, "100M<n<1B"))
TAGS = ("news", "information-extraction", "actors", "meetings", "quotations", "figures", "newsfacts")

LOAD = """\
```python
from datasets import load_dataset                   # Hugging Face datasets: one config per table
meetings = load_dataset(".", "meetings", split="train")

import pandas as pd
figures = pd.read_parquet("figures.parquet")

import duckdb
duckdb.sql("SELECT category, sum(value) FROM 'figures.parquet' GROUP BY category").show()

import polars as pl
meetings = pl.read_parquet("meetings.parquet")
```

From the newsfacts package, `newsfacts verify .` checks this folder against `manifest.json`
before you use it, and `newsfacts diff OLD NEW` lists what changed between two releases."""

LIMITATIONS = """\
- Every row comes from hand-written rules (`rule_id` names the rule), not from a human annotator:
  expect missed and wrong rows, most of all in long sentences and unusual phrasing.
- Rows describe what an article *reports*, not what happened: figures keep their stated source,
  and the same event reported by several articles gives several rows.
- Article bodies are not part of the release: `char_start`/`char_end` point into the normalized
  body of the input article (front matter removed, Unicode NFC, `\\r\\n` → `\\n`, stripped).
- Relative dates are resolved against `published_at`; without it they stay null."""


def size_category(rows: int) -> str:
    """The hub's size category of a table with `rows` rows."""
    return next((label for bound, label in SIZE_CATEGORIES if rows < bound), "n>1B")


def data_files(entry: Mapping[str, Any], table: str) -> str:
    """A table's Parquet file, or the pattern of its parts when the manifest names a folder."""
    name = str(entry.get("file", f"{table}.parquet"))
    return name if name.endswith(".parquet") else f"{name}/*.parquet"


def metadata_block(manifest: Mapping[str, Any]) -> list[str]:
    """The YAML front matter dataset hubs read: configs (one per table, `articles` the default),
    license, language, tags, size category."""
    tables = manifest.get("tables", {})
    largest = max((int(tables[t].get("rows", 0)) for t in TABLES if t in tables), default=0)
    lines = ["---", f"pretty_name: {manifest.get('name', 'newsfacts')} {manifest.get('release_version')}",
             "license: other", "license_name: rights-of-the-source-articles  # see License below",
             "language:", "- en", "annotations_creators:", "- machine-generated", "language_creators:",
             "- found", "multilinguality:", "- monolingual", "source_datasets:", "- original",
             "size_categories:", f"- {size_category(largest)}", "tags:", *(f"- {t}" for t in TAGS), "configs:"]
    for table in TABLES:
        lines += [f"- config_name: {table}", f"  data_files: {data_files(tables.get(table, {}), table)}"]
        if table == "articles":
            lines.append("  default: true")
    return [*lines, "---"]


def type_text(spec: ColumnSpec) -> str:
    """A column's type as one short cell: `string?`, `list<string>`, `enum (a / b)`."""
    base = {"list": "list<string>", "int": "int64", "float": "float64"}.get(spec.kind, spec.kind)
    if spec.enum:
        base = "enum: " + " / ".join(f"`{v}`" for v in spec.enum)
    return base + ("?" if spec.nullable else "")


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def fields_section(tables: Mapping[str, Any]) -> list[str]:
    """One subsection per table: description, primary key, row count and the column table."""
    lines = ["## Fields", ""]
    for table in TABLES:
        info = tables.get(table, {})
        key = ", ".join(f"`{k}`" for k in PRIMARY_KEYS[table])
        lines += [f"### {table}", "", f"{TABLE_DESCRIPTIONS[table]}", "",
                  f"File `{info.get('file', table + '.parquet')}`, {info.get('rows', 0)} rows, "
                  f"primary key {key}, rows sorted by it.", "",
                  "| column | type | description |", "|---|---|---|"]
        lines += [f"| `{c.name}` | {_cell(type_text(c))} | {_cell(c.description)} |" for c in column_specs(table)]
        lines.append("")
    return lines


def summary_section(manifest: Mapping[str, Any]) -> list[str]:
    """Summary: what the release is, its versions and counts."""
    tables = manifest.get("tables", {})
    counts = ", ".join(f"{tables[t]['rows']} {t}" for t in TABLES if t in tables)
    lines = ["## Summary", "",
             "Facts extracted by rules from news articles: the people, organizations and states they "
             "name (actors), the meetings they report, attributed statements and numeric figures, one "
             "Parquet file per table.", "",
             f"- release version: `{manifest.get('release_version')}`",
             f"- schema version: `{manifest.get('schema_version')}` (hash `{manifest.get('schema_hash')}`)",
             f"- built by newsfacts `{manifest.get('package_version')}`, rule set `{manifest.get('rules_hash')}`",
             f"- rows: {counts}"]
    previous = manifest.get("previous")
    if previous:
        changes = previous.get("changes", {})
        moved = "; ".join(f"{t}: +{c['added']} -{c['removed']} ~{c['changed']}" for t, c in changes.items())
        lines.append(f"- previous release: `{previous.get('release_version')}` (manifest sha256 "
                     f"`{previous.get('manifest_sha256')}`); changes {moved or 'none'}")
    return [*lines, ""]


def source_section(manifest: Mapping[str, Any]) -> list[str]:
    """Source Data: the inputs, as counted and digested in the manifest."""
    inputs = manifest.get("inputs", {})
    return ["## Source Data", "",
            f"{inputs.get('articles', 0)} input articles were read: {inputs.get('built', 0)} built, "
            f"{inputs.get('rejected', 0)} rejected (`report.json` lists each rejected input with its "
            f"reason). Their paths relative to the corpus root are in `articles.source_path`; the "
            f"digest of the input list is `{inputs.get('digest')}`. `article_id` is the first 16 hex "
            "characters of the sha256 of the normalized body, so the same article has the same id in "
            "every release.", ""]


def card(manifest: Mapping[str, Any]) -> str:
    """The README.md text of a release."""
    name = manifest.get("name", "newsfacts")
    version = manifest.get("release_version")
    lines = [*metadata_block(manifest), "", f"# {name} {version}", ""]
    lines += summary_section(manifest)
    lines += fields_section(manifest.get("tables", {}))
    lines += source_section(manifest)
    lines += ["## Annotations", "",
              "No human annotation: every row is produced by the rules of the newsfacts package "
              "version above and validated (pandera checks, JSON Schema of each row, spans inside "
              "the body, unique keys, references between tables) before the release was written. "
              "Each row's provenance: `article_id`, `sentence_index`, `char_start`, `char_end`, "
              "`rule_id`.", ""]
    lines += ["## How to load", "", LOAD, ""]
    lines += ["## Limitations", "", LIMITATIONS, ""]
    lines += ["## License", "",
              "The rows quote and describe the input articles; their reuse is bound by the rights of "
              "those articles. The newsfacts code that made them is MIT-licensed.", ""]
    lines += ["## Citation", "", "```", f"newsfacts release {version} (schema {manifest.get('schema_version')}), "
              f"built with newsfacts {manifest.get('package_version')}.", "```", ""]
    lines += ["## Files", "",
              "`manifest.json` holds the sha256 and row count of every table file and the sha256 of "
              "this card, `datapackage.json` and `report.json`; `datapackage.json` describes the tables "
              "as a Frictionless Data Package.", ""]
    return "\n".join(lines)
