"""figures builder (being written)."""

from __future__ import annotations

from newsfacts.builders.mentions import ActorIndex
from newsfacts.builders.text import Doc
from newsfacts.problems import Problem
from newsfacts.schema.models import FigureRow


def build_figures(doc: Doc, actors: ActorIndex) -> tuple[list[FigureRow], list[Problem]]:
    """Rows of the figures table for one article."""
    return [], []
