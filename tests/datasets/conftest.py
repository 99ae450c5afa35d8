"""Release fixtures: one small release built once from hand-written articles, copied per test."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from newsfacts.datasets.writer import sha256_file, write_table
from newsfacts.pipeline import build

ARTICLES = {
    "doha.md": ("Talks in Doha", "2024-03-19",
                "Qatar's Foreign Minister Mohammed Al-Thani met Egyptian Foreign Minister Sameh Shoukry in "
                "Doha on Sunday. “We will keep working for a ceasefire,” Al-Thani said. According to the "
                "United Nations, more than 1,200 people were killed and some 250 hostages were taken."),
    "cairo.md": ("Aid for Gaza", "2024-03-12",
                 "Egypt said on Monday that donors had pledged $2 billion in aid. Jordan's King Abdullah "
                 "held talks with French President Emmanuel Macron by phone, the palace said."),
    "kyiv.md": ("Kyiv visit", "2024-02-02",
                "Ukrainian President Volodymyr Zelensky hosted Polish Prime Minister Donald Tusk in Kyiv on "
                "Thursday. Tusk stressed that Poland would stand with Ukraine. About 15% of the budget goes "
                "to defence, officials said."),
}


def write_corpus(folder: Path) -> Path:
    """The hand-written articles as Markdown files with front matter."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, (title, date, body) in ARTICLES.items():
        (folder / name).write_text(f"---\ntitle: {title}\npublisher: Test Wire\npublished_at: {date}\n"
                                   f"language: en\n---\n{body}\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def built_release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A release of the hand-written corpus, built once (do not modify: use `release`)."""
    root = tmp_path_factory.mktemp("built")
    result = build([write_corpus(root / "corpus")], root / "release", release_version="1.0.0")
    assert result.written, result.report.problems
    return root / "release"


@pytest.fixture
def release(built_release: Path, tmp_path: Path) -> Path:
    """A private copy of the built release, free to tamper with."""
    return Path(shutil.copytree(built_release, tmp_path / "release"))


def read_manifest(folder: Path) -> dict[str, Any]:
    """The manifest of a release."""
    return dict(json.loads((folder / "manifest.json").read_text(encoding="utf-8")))


def rewrite_table(folder: Path, table: str, rows: list[dict[str, Any]], *, fix_manifest: bool = True) -> None:
    """Replace a table's rows (written like the release writer does), updating the manifest's
    sha256, size and row count unless `fix_manifest` is False."""
    path = folder / f"{table}.parquet"
    write_table(path, table, rows)
    if fix_manifest:
        manifest = read_manifest(folder)
        manifest["tables"][table].update(sha256=sha256_file(path), rows=len(rows), bytes=path.stat().st_size)
        (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def table_rows(folder: Path, table: str) -> list[dict[str, Any]]:
    """Rows of one table of a release."""
    return list(pq.read_table(folder / f"{table}.parquet").to_pylist())
