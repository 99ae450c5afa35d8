"""The per-process memo of token features computes each text once and stays bounded."""

from __future__ import annotations

from newsfacts.builders.text.memo import Memo


def test_values_are_computed_once_and_the_memo_is_bounded() -> None:
    calls: list[str] = []

    def upper(text: str) -> str:
        calls.append(text)
        return text.upper()

    memo = Memo(upper, limit=2)
    assert memo["a"] == "A" and memo["a"] == "A"
    assert calls == ["a"]
    assert memo["b"] == "B" and len(memo) == 2
    assert memo["c"] == "C"           # full: emptied before the new entry
    assert len(memo) == 1 and memo["a"] == "A"
    assert calls == ["a", "b", "c", "a"]
