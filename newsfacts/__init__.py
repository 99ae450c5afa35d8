"""newsfacts: news articles → validated, versioned Parquet tables of actors, meetings, statements
and figures.

Public API: `build()` (articles → release); more entry points are listed in `__all__`. They (and
`__version__`) are looked up on first use, so that `import newsfacts` and the CLI start fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsfacts.datasets.diff import diff
    from newsfacts.datasets.load import load
    from newsfacts.datasets.verify import verify
    from newsfacts.pipeline import build
    from newsfacts.validate import validate

    __version__: str

_HOMES = {"build": "newsfacts.pipeline", "diff": "newsfacts.datasets.diff", "load": "newsfacts.datasets.load",
          "validate": "newsfacts.validate", "verify": "newsfacts.datasets.verify"}

__all__ = ["__version__", "build", "diff", "load", "validate", "verify"]


def _version() -> str:
    """The installed package's version (0.0.0 in a source tree that was never installed)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsfacts")
    except PackageNotFoundError:
        return "0.0.0"


def __getattr__(name: str) -> Any:
    """`__version__` and the public functions, each imported from its module on first use."""
    if name == "__version__":
        value: Any = _version()
    elif name in _HOMES:
        value = getattr(import_module(_HOMES[name]), name)
    else:
        raise AttributeError(f"module 'newsfacts' has no attribute {name!r}")
    globals()[name] = value
    return value
