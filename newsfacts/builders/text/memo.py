"""A bounded memo of per-text features: token texts recur from sentence to sentence and article to
article, so their derived forms (lowercase, case, lookup keys) are computed once per process."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

V = TypeVar("V")
LIMIT = 1 << 17  # distinct texts kept before the memo starts again (bounds the memory of a long build)


class Memo(dict[str, V], Generic[V]):
    """text → compute(text), computed on first use (`memo[text]`); emptied when it holds `limit`
    entries. Only for pure functions: a value never depends on when it was computed."""

    def __init__(self, compute: Callable[[str], V], limit: int = LIMIT) -> None:
        super().__init__()
        self.compute = compute
        self.limit = limit

    def __missing__(self, key: str) -> V:
        if len(self) >= self.limit:
            self.clear()
        value = self[key] = self.compute(key)
        return value
