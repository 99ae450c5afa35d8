"""Fixtures of the `newsfacts validate` tests: the broken articles of `articles/`, validated once."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfacts.validate import ArticleResult, ValidationResult, validate

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
CORPUS = HERE / "corpus"
SIDECARS = HERE / "sidecars"


def by_name(result: ValidationResult) -> dict[str, ArticleResult]:
    """Article results keyed by file name (`good.md`, `orphan.expect.yaml`, …)."""
    return {Path(a.file).name: a for a in result.articles}


def codes(item: ArticleResult) -> list[str]:
    """The problem codes of one article, in order."""
    return [p.code for p in item.problems]


@pytest.fixture(scope="session")
def folder_result() -> ValidationResult:
    """Every fixture article and sidecar, validated once against the fixture corpus."""
    return validate([ARTICLES, SIDECARS], corpus=CORPUS)


@pytest.fixture(scope="session")
def folder(folder_result: ValidationResult) -> dict[str, ArticleResult]:
    """`folder_result` keyed by file name."""
    return by_name(folder_result)
