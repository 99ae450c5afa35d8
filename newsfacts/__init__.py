"""newsfacts: news articles → validated, versioned Parquet tables of actors, meetings, statements
and figures.

Public API: `build()` (articles → release); more entry points are listed in `__all__`.
"""

from newsfacts.datasets.diff import diff
from newsfacts.datasets.load import load
from newsfacts.datasets.verify import verify
from newsfacts.pipeline import build
from newsfacts.validate import validate
from newsfacts.version import __version__

__all__ = ["__version__", "build", "diff", "load", "validate", "verify"]
