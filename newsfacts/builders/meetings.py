"""meetings builder (being written)."""

from __future__ import annotations

from newsfacts.builders.mentions import ActorIndex
from newsfacts.builders.text import Doc
from newsfacts.problems import Problem
from newsfacts.schema.models import MeetingRow


def build_meetings(doc: Doc, actors: ActorIndex) -> tuple[list[MeetingRow], list[Problem]]:
    """Rows of the meetings table for one article."""
    return [], []
