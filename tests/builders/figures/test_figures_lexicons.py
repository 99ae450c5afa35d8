"""Figures lexicons load, hold only strings, and the builder stays linear on huge input (issue 6)."""

from __future__ import annotations

import time
from typing import Any

import pytest

from newsfacts.builders import extract
from newsfacts.builders.actors.mentions import ActorIndex
from newsfacts.builders.figures.build import build_figures
from newsfacts.builders.text.lexicon import load_data
from tests.conftest import make_article, make_doc

LEXICONS = ["figures.yaml", "figure_sources.yaml", "units.yaml", "currencies.yaml", "numbers.yaml"]


def _non_strings(node: Any, path: str = "") -> list[str]:
    """Paths of list items or keys that YAML did not read as strings (like `on` → True)."""
    bad: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if not isinstance(key, str):
                bad.append(f"{path}/{key!r}")
            bad += _non_strings(value, f"{path}/{key}")
    elif isinstance(node, list):
        bad += [f"{path}[{item!r}]" for item in node if not isinstance(item, str)]
    return bad


@pytest.mark.parametrize("name", LEXICONS)
def test_figures_lexicon_words_are_strings(name: str) -> None:
    data = load_data(name)
    if name == "numbers.yaml":
        data = {k: v for k, v in data.items() if k not in ("scales", "suffixes")}
    assert _non_strings(data) == []


def test_figures_linear_on_huge_input() -> None:
    sentence = "Officials said more than 1,200 people, some 40 boats and $3m were lost on Monday. "
    small = make_doc(sentence * 200)
    big = make_doc(sentence * 2000)
    started = time.perf_counter()
    rows_small, _ = build_figures(small, ActorIndex([], []))
    t_small = time.perf_counter() - started
    started = time.perf_counter()
    rows_big, _ = build_figures(big, ActorIndex([], []))
    t_big = time.perf_counter() - started
    assert len(rows_big) == 10 * len(rows_small) == 6000
    assert t_big < 30 * max(t_small, 0.01)


def test_figures_pathological_text_is_fast() -> None:
    for text in ["1," * 50_000, "-" * 100_000 + "5", "a " * 50_000 + "million", "“" * 20_000 + "5 people"]:
        started = time.perf_counter()
        build_figures(make_doc(text), ActorIndex([], []))
        assert time.perf_counter() - started < 5


def test_figures_through_extract_are_deterministic() -> None:
    article = make_article("The United Nations said at least 2,500 people were displaced and "
                           "$4 million was needed. “We need 300 tents,” said Maria Lopez.")
    first, second = extract(article), extract(article)
    assert first.figures == second.figures
    assert [r.value for r in first.figures] == [2500, 4_000_000, 300]
    for r in first.figures:
        assert article.body[r.char_start:r.char_end] == r.text


def test_figures_linear_on_one_giant_sentence() -> None:
    clause = "officials said 5 people died, said Dr Ray Lee, adding that "
    build_figures(make_doc(clause * 10), ActorIndex([], []))  # load lexicons first
    timings = []
    for n in (400, 1600):
        started = time.perf_counter()
        rows, _ = build_figures(make_doc(clause * n), ActorIndex([], []))
        timings.append(time.perf_counter() - started)
        assert len(rows) == n
    assert timings[1] < 12 * max(timings[0], 0.01)
