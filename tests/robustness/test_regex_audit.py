"""Audit of every regular expression in the package: each runs in linear time on any text.

Python's `re` backtracks, so a pattern is safe only by its form. The rules, checked on the parse
tree of every pattern found in the source:

- RE2 accepts it (google-re2): no back-references and no look-around, the constructs that have no
  linear-time implementation;
- no quantifier inside a quantified group (`(a+)*`, `(\\w+\\s?)+`), the shape of catastrophic
  backtracking, except the forms listed in SAFE_NESTED, where a separator that the inner run cannot
  match must come between two runs, so a string can be split into runs in one way only.

Patterns built at run time are listed in DYNAMIC with the function that builds them.
"""

from __future__ import annotations

import ast
from typing import Any

import pytest
import re2  # type: ignore[import-untyped]

from newsfacts.builders.figures import build as figures
from tests.conftest import ROOT

try:  # Python 3.11+: the parser moved from sre_parse
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_parse  # type: ignore[no-redef]

PACKAGE = ROOT / "newsfacts"
RE_FUNCS = {"compile", "search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"}
# Word runs joined by single separators that the runs cannot contain ("al-Maliki", "U.S").
SAFE_NESTED = {
    r"[^\W_]+(?:[-'’.][^\W_]+)*",
    r"[^\W_]+(?:[-'’.][^\W_]+)*|\S",
}
DYNAMIC = {"newsfacts/builders/figures/build.py": [lambda: figures._shared_words().pattern]}


def _patterns() -> list[tuple[str, int, str]]:
    """(file, line, pattern) of every literal pattern passed to a `re` function in the package."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                    and node.func.attr in RE_FUNCS and node.args):
                continue
            rel = path.relative_to(ROOT).as_posix()
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.append((rel, node.lineno, arg.value))
            else:
                assert rel in DYNAMIC, f"{rel}:{node.lineno}: a pattern built at run time must be listed in DYNAMIC"
    return found


def _nested_repeat(items: Any, inside: bool = False) -> bool:
    """Does the parsed pattern hold a quantifier inside a quantified part?"""
    for op, av in items:
        name = str(op)
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            _lo, hi, sub = av
            if inside and hi != 1:
                return True
            if _nested_repeat(sub, inside or hi != 1):
                return True
        elif name == "SUBPATTERN":
            if _nested_repeat(av[-1], inside):
                return True
        elif name == "BRANCH":
            if any(_nested_repeat(branch, inside) for branch in av[1]):
                return True
        elif name == "ATOMIC_GROUP" and _nested_repeat(av, inside):
            return True
    return False


PATTERNS = _patterns()


def test_the_audit_sees_the_package_patterns() -> None:
    assert len(PATTERNS) >= 10
    assert any(p == r"[^\W_]+(?:[-'’.][^\W_]+)*" for _, _, p in PATTERNS)


@pytest.mark.parametrize(("where", "line", "pattern"), PATTERNS, ids=[f"{w}:{n}" for w, n, _ in PATTERNS])
def test_pattern_is_linear_by_form(where: str, line: int, pattern: str) -> None:
    re2.compile(pattern)  # raises on back-references and look-around
    if pattern not in SAFE_NESTED:
        assert not _nested_repeat(sre_parse.parse(pattern)), f"{where}:{line}: nested quantifier in {pattern!r}"


@pytest.mark.parametrize("build", [f for fs in DYNAMIC.values() for f in fs])
def test_dynamic_patterns_are_linear_by_form(build: Any) -> None:
    pattern = build()
    re2.compile(pattern)
    assert not _nested_repeat(sre_parse.parse(pattern))


def test_the_nested_repeat_check_catches_catastrophic_shapes() -> None:
    for bad in (r"(a+)+b", r"(\w+\s?)*$", r"(?:x|y+)*z", r"((ab)*c)+"):
        assert _nested_repeat(sre_parse.parse(bad)), bad
    for good in (r"\w+", r"[A-Za-z]+|\d+|\S", r"(?:ab)?c+", r"^##\s+\[?v?(\d+\.\d+\.\d+)\]?"):
        assert not _nested_repeat(sre_parse.parse(good)), good
