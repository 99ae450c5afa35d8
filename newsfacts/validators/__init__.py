"""Validators: pandera frame checks, JSON Schema row checks, cross-table integrity.

`validate_tables` is imported from `run.py` on first use: the review checks of `validate`
(`checks.py`, `expectations.py`) live in this package too and need neither pandas nor pandera.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsfacts.validators.run import validate_tables

__all__ = ["validate_tables"]


def __getattr__(name: str) -> Any:
    """`validate_tables`, imported with pandas and pandera when first asked for."""
    if name == "validate_tables":
        from newsfacts.validators.run import validate_tables

        return validate_tables
    raise AttributeError(f"module 'newsfacts.validators' has no attribute {name!r}")
