"""Pieces every consolidation step shares: the earliest-first order, the most frequent value with
its tie rule, union-find, text folding and short stable hashes."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

V = TypeVar("V", bound=Hashable)
T = TypeVar("T")
R = TypeVar("R")
Mapper = Callable[[Callable[[Any], Any], Sequence[Any]], list[Any]]


def local_map(fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """Apply `fn` to every item in this process (the mapper of the local engine)."""
    return [fn(item) for item in items]


def most_frequent(pairs: Iterable[tuple[V | None, int]]) -> V | None:
    """The most frequent value of (value, rank of its article) pairs; ties go to the value of the
    earliest article (the smallest rank; then the smaller value); None when there is none. Null
    values are skipped."""
    counts: dict[V, int] = {}
    first: dict[V, int] = {}
    for value, rank in pairs:
        if value is None:
            continue
        seen = counts.get(value)
        if seen is None:
            counts[value], first[value] = 1, rank
        else:
            counts[value] = seen + 1
            if rank < first[value]:
                first[value] = rank
    if len(counts) < 2:
        return next(iter(counts), None)
    return min(counts, key=lambda v: (-counts[v], first[v], str(v)))


class UnionFind:
    """Disjoint sets over 0..n-1 (path halving, union by size)."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.size = [1] * n

    def find(self, i: int) -> int:
        """The representative of i's set."""
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        """Merge the sets of i and j."""
        a, b = self.find(i), self.find(j)
        if a == b:
            return
        if self.size[a] < self.size[b]:
            a, b = b, a
        self.parent[b] = a
        self.size[a] += self.size[b]

    def groups(self) -> list[list[int]]:
        """Every set as a sorted list of members, sets ordered by their smallest member."""
        out: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            out.setdefault(self.find(i), []).append(i)
        return sorted(out.values(), key=lambda g: g[0])


def fold(text: str) -> str:
    """Text folded for comparison: NFKC, case-folded, whitespace runs as one space, trimmed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def short_hash(*parts: str) -> int:
    """A 64-bit hash of text parts, the same in every process (unlike `hash()`)."""
    digest = hashlib.blake2b("\x1f".join(parts).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of `size` items (the last may be shorter), taken as they come."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def chunks(items: Sequence[T], parts: int) -> list[list[T]]:
    """`items` dealt into at most `parts` lists of consecutive items (none empty)."""
    if not items:
        return []
    size = -(-len(items) // max(parts, 1))
    return [list(items[i:i + size]) for i in range(0, len(items), size)]
