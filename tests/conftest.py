"""Shared test fixtures: articles and docs built by hand from test sentences."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from newsfacts.articles import Article, article_id, normalize_body
from newsfacts.builders.text.document import Doc

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def make_article(text: str, published_at: str | None = "2024-03-19", source_path: str = "test.md") -> Article:
    """An `Article` from a test text (normalized like real input)."""
    body = normalize_body(text)
    date = dt.date.fromisoformat(published_at) if published_at else None
    return Article(article_id=article_id(body), body=body, source_path=source_path, title="Test",
                   publisher="Test Wire", published_at=date, file=source_path)


def make_doc(text: str, published_at: str | None = "2024-03-19") -> Doc:
    """A `Doc` (article split into sentences) from a test text."""
    return Doc.of(make_article(text, published_at))


@pytest.fixture
def doc_of() -> Callable[..., Doc]:
    """Factory fixture: `doc_of(text, published_at="2024-03-19")`."""
    return make_doc
