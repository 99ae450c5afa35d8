"""Exceptions for bugs and misuse only; bad input data becomes a `Problem` instead."""

from __future__ import annotations

from pathlib import Path


class NewsfactsError(Exception):
    """Root of the project's exceptions."""


class InputNotFoundError(NewsfactsError, FileNotFoundError):
    """An input path given by the user does not exist."""

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        super().__init__(f"input not found: {self.path}")


class ReleaseExistsError(NewsfactsError):
    """The output folder holds files and --overwrite was not given."""

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        super().__init__(f"{self.path} exists and is not empty; pass --overwrite to replace it")


class SchemaVersionError(NewsfactsError):
    """A release or schema file uses a schema version this package cannot read."""

    def __init__(self, found: str, supported: str, where: str = "") -> None:
        self.found, self.supported, self.where = found, supported, where
        at = f"{where}: " if where else ""
        super().__init__(f"{at}schema version {found} is not supported (this package reads {supported})")


class UsageError(NewsfactsError):
    """A call with arguments that cannot work (bad version string, bad option combination)."""


class StageFailed(NewsfactsError):
    """An unexpected failure at the orchestration layer, wrapped with where it happened."""

    def __init__(self, stage: str, article: str | None, cause: BaseException) -> None:
        self.stage, self.article, self.cause = stage, article, cause
        at = f" on {article}" if article else ""
        super().__init__(f"{stage} failed{at}: {cause!r}")
