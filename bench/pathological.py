"""Generators of pathological article bodies, shared by the tests and the linear-time benchmark."""

from __future__ import annotations

from collections.abc import Callable


def long_line(n: int) -> str:
    """One line of n characters without spaces."""
    return ("abcdefghij" * (n // 10 + 1))[:n]


def many_quotes(n: int) -> str:
    """n quotation marks of every kind, with a few words between them."""
    marks = ["“", "”", '"', "‘", "’", "'"]
    return "He said " + " x ".join(marks[i % len(marks)] for i in range(n))


def capitalized_words(n: int) -> str:
    """n capitalized words in a row (a worst case for name scanning)."""
    names = ["Wang", "Minister", "Foreign", "United", "Nations", "Al", "Bin", "Van", "Der", "Sheikh"]
    return " ".join(names[i % len(names)] for i in range(n)) + " said."


def numbers(n: int) -> str:
    """n numbers in a row, in assorted formats."""
    forms = ["1,200", "3.5 million", "15%", "$40m", "two dozen", "20-30", "1990s", "G7"]
    return "Officials said " + " ".join(forms[i % len(forms)] for i in range(n)) + " people were killed."


def repeated_titles(n: int) -> str:
    """'Minister Minister …' n times before a name."""
    return "Foreign " + "Minister " * n + "Wang Yi met Hamas leaders in Doha on Sunday."


def big_article(n: int) -> str:
    """An ordinary news paragraph repeated to n characters."""
    para = ("Chinese diplomat Wang Kejian met Hamas political leader Ismail Haniyeh in Qatar on Sunday, "
            "the ministry said. “We want a ceasefire,” Wang said, adding that more than 1,200 people "
            "were killed.\n")
    return (para * (n // len(para) + 1))[:n].strip()


GENERATORS: dict[str, Callable[[int], str]] = {
    "long_line": long_line, "many_quotes": many_quotes, "capitalized_words": capitalized_words,
    "numbers": numbers, "repeated_titles": repeated_titles, "big_article": big_article,
}
