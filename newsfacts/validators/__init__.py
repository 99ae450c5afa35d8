"""Validators: pandera frame checks, JSON Schema row checks, cross-table integrity."""

from newsfacts.validators.run import validate_tables

__all__ = ["validate_tables"]
