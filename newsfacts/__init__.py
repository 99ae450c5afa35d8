"""newsfacts: news articles → validated, versioned Parquet tables of actors, meetings, statements
and figures.

Public API: `build()` (articles → release); more entry points are listed in `__all__`.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("newsfacts")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"

from newsfacts.datasets.diff import diff
from newsfacts.datasets.load import load
from newsfacts.datasets.verify import verify
from newsfacts.pipeline import build  # needs __version__
from newsfacts.validate import validate

__all__ = ["__version__", "build", "diff", "load", "validate", "verify"]
