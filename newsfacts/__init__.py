"""newsfacts: news articles → validated, versioned Parquet tables of actors, meetings, statements
and figures."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("newsfacts")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"
