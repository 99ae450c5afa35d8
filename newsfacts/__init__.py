"""newsfacts: news articles → validated, versioned Parquet tables of actors, meetings, statements
and figures.

Public API: `build()` (articles → release); more entry points are listed in `__all__`. They are
imported on first use, so that `import newsfacts` (and the CLI's start-up) stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

try:
    __version__ = version("newsfacts")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"

if TYPE_CHECKING:
    from newsfacts.datasets.diff import diff
    from newsfacts.datasets.load import load
    from newsfacts.datasets.verify import verify
    from newsfacts.pipeline import build
    from newsfacts.validate import validate

_HOMES = {"build": "newsfacts.pipeline", "diff": "newsfacts.datasets.diff", "load": "newsfacts.datasets.load",
          "validate": "newsfacts.validate", "verify": "newsfacts.datasets.verify"}

__all__ = ["__version__", "build", "diff", "load", "validate", "verify"]


def __getattr__(name: str) -> Any:
    """Import a public function from its module on first use."""
    if name in _HOMES:
        value = getattr(import_module(_HOMES[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'newsfacts' has no attribute {name!r}")
