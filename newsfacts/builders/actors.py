"""actors builder (being written)."""

from __future__ import annotations

from newsfacts.builders.mentions import ActorIndex
from newsfacts.builders.text import Doc
from newsfacts.problems import Problem
from newsfacts.schema.models import ActorRow


def build_actors(doc: Doc) -> tuple[list[ActorRow], ActorIndex, list[Problem]]:
    """Rows of the actors table and the mention index for one article."""
    return [], ActorIndex([], []), []
