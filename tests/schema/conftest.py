"""Helpers for the schema tests: model variants swapped in for a test, and a copy of the registry."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import create_model

from newsfacts.schema import version as version_module
from newsfacts.schema.columns import columns
from newsfacts.schema.models import TABLES, Row
from newsfacts.schema.types import arrow_schema, column_specs
from tests.conftest import ROOT

PUBLISHED = ROOT / "schema"
Swap = Callable[..., None]


def variant(model: type[Row], *, drop: tuple[str, ...] = (), fields: dict[str, Any] | None = None,
            doc: str | None = None) -> type[Row]:
    """A copy of a row model without the `drop` fields, with `fields` replaced or added at the end."""
    kept = {name: (info.annotation, info) for name, info in model.model_fields.items() if name not in drop}
    kept.update(fields or {})
    made: type[Row] = create_model(model.__name__, __base__=Row, __doc__=doc or model.__doc__, **kept)
    return made


def clear_caches() -> None:
    """Forget the column lists and specs derived from the models."""
    for cached in (columns, column_specs, arrow_schema):
        cached.cache_clear()


@pytest.fixture
def swap(monkeypatch: pytest.MonkeyPatch) -> Iterator[Swap]:
    """`swap(table, model, version=None)`: use another row model (and schema version) for one test."""
    def run(table: str, model: type[Row], version: str | None = None) -> None:
        monkeypatch.setitem(TABLES, table, model)
        if version:
            monkeypatch.setattr(version_module, "SCHEMA_VERSION", version)
        clear_caches()

    yield run
    clear_caches()


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    """A writable copy of the committed `schema/` folder."""
    root = tmp_path / "schema"
    shutil.copytree(PUBLISHED, root)
    return root
