"""The installed package's version (`newsfacts.__version__`), in a module of its own so that the
modules that record it (the release manifest) need not import the package's `__init__`."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("newsfacts")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"
