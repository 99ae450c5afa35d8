"""Row models, schema version and JSON Schema export."""

from newsfacts.schema.columns import columns
from newsfacts.schema.models import (
    PRIMARY_KEYS,
    TABLES,
    ActorRow,
    ArticleRow,
    FigureRow,
    MeetingRow,
    StatementRow,
)
from newsfacts.schema.version import SCHEMA_VERSION

__all__ = ["PRIMARY_KEYS", "SCHEMA_VERSION", "TABLES", "ActorRow", "ArticleRow", "FigureRow",
           "MeetingRow", "StatementRow", "columns"]
