"""pandera schemas of the tables, derived from the row models' column specs.

Dtypes, nullability, enums, minimums, unique primary keys and span bounds are declared here once
per table; `run.py` runs them lazily and turns every failure case into a `Problem`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

import numpy as np
import pandas as pd
import pandera.pandas as pa

from newsfacts.schema.models import PRIMARY_KEYS
from newsfacts.schema.types import ColumnSpec, column_specs


@contextmanager
def _hidden(module: str) -> Iterator[None]:
    """Make `import <module>` fail inside the block, unless the process already imported it."""
    if module in sys.modules:
        yield
        return
    sys.modules[module] = None  # type: ignore[assignment]  # None in sys.modules: the import raises
    try:
        yield
    finally:
        sys.modules.pop(module, None)


# pandera's built-in checks import hypothesis, when installed, only to offer data-synthesis
# strategies, which validation never uses; importing them with hypothesis hidden saves about a
# tenth of a second of every `newsfacts validate` (pandera's documented fallback when it is absent).
with _hidden("hypothesis"):
    import pandera.backends.pandas.builtin_checks  # noqa: F401

PANDAS_DTYPE = {"string": str, "enum": str, "int": "int64", "float": "float64", "date": object,
                "list": object}


def _column(spec: ColumnSpec, unique: bool) -> pa.Column:
    """pandera column of one spec, with named checks."""
    checks = []
    if spec.enum:
        checks.append(pa.Check.isin(list(spec.enum), name=f"{spec.name}-in-enum"))
    if spec.minimum is not None:
        checks.append(pa.Check.ge(spec.minimum, name=f"{spec.name}-minimum"))
    if spec.kind == "list":
        checks.append(pa.Check(lambda s: s.map(_is_str_list), element_wise=False,
                               name=f"{spec.name}-list-of-strings"))
    return pa.Column(PANDAS_DTYPE[spec.kind], nullable=spec.nullable, unique=unique, checks=checks,
                     coerce=spec.kind in ("int", "float"), description=spec.description)


def _is_str_list(value: object) -> bool:
    """Is the cell a list (or array, as Arrow hands lists to pandas) of strings?"""
    return isinstance(value, list | tuple | np.ndarray) and all(isinstance(v, str) for v in value)


def _span_ok(df: pd.DataFrame) -> pd.Series:
    """0 <= char_start < char_end (the upper bound needs the body: see integrity.py)."""
    return (df["char_start"] >= 0) & (df["char_start"] < df["char_end"])


@cache
def frame_schema(table: str) -> pa.DataFrameSchema:
    """The pandera schema of a table."""
    keys = PRIMARY_KEYS[table]
    specs = column_specs(table)
    cols = {s.name: _column(s, unique=(keys == (s.name,))) for s in specs}
    checks = []
    if "char_start" in cols:
        checks.append(pa.Check(_span_ok, name="span-order"))
    return pa.DataFrameSchema(cols, checks=checks, strict=True, ordered=True,
                              unique=list(keys) if len(keys) > 1 else None, name=table)
