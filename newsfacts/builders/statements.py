"""statements builder (being written)."""

from __future__ import annotations

from newsfacts.builders.mentions import ActorIndex
from newsfacts.builders.text import Doc
from newsfacts.problems import Problem
from newsfacts.schema.models import StatementRow


def build_statements(doc: Doc, actors: ActorIndex) -> tuple[list[StatementRow], list[Problem]]:
    """Rows of the statements table for one article."""
    return [], []
