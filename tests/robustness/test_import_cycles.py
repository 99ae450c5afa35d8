"""No import circles among the package's module-level imports.

Every module of `newsfacts/` is parsed; its module-level imports (top level, and inside top-level
`if`/`try`/`with` blocks and class bodies, which run at import time) are edges of a graph:

- `import a.b.c` → `a.b.c`;
- `from a.b import c` → `a.b` (the package's `__init__` runs first) and, when `c` is a module,
  `a.b.c` too. So a submodule that imports its parent package's `__init__` (which imports the
  submodule back) is a circle.

Imports inside functions (lazy imports) and under `if TYPE_CHECKING:` (never run) are not edges.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = "newsfacts"


def module_name(path: Path, root: Path) -> str:
    """Dotted module name of a file under `root` (a package's `__init__.py` is the package)."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _module_level(body: list[ast.stmt]) -> Iterator[ast.Import | ast.ImportFrom]:
    """Import statements that run when the module is imported."""
    for node in body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If):
            test = node.test
            if not ((isinstance(test, ast.Name) and test.id == "TYPE_CHECKING")
                    or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")):
                yield from _module_level(node.body)
            yield from _module_level(node.orelse)
        elif isinstance(node, ast.Try):
            for block in (node.body, node.orelse, node.finalbody, *(h.body for h in node.handlers)):
                yield from _module_level(block)
        elif isinstance(node, ast.With | ast.ClassDef):
            yield from _module_level(node.body)


def import_graph(root: Path, package: str = PACKAGE) -> dict[str, set[str]]:
    """Module → modules of the package it imports at module level."""
    files = {module_name(p, root): p for p in sorted((root / package).rglob("*.py"))}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        is_pkg = path.name == "__init__.py"
        edges: set[str] = set()
        for node in _module_level(ast.parse(path.read_text(encoding="utf-8")).body):
            if isinstance(node, ast.Import):
                edges.update(a.name for a in node.names)
                continue
            base = node.module or ""
            if node.level:
                anchor = name.split(".") if is_pkg else name.split(".")[:-1]
                anchor = anchor[:len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            edges.add(base)
            edges.update(f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in files)
        graph[name] = {e for e in edges if e in files and e != name}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One circle of the graph (its modules in import order, the first repeated at the end), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start in sorted(graph):
        if state.get(start):
            continue
        path: list[str] = [start]
        stack: list[Iterator[str]] = [iter(sorted(graph[start]))]
        state[start] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                return [*path[path.index(nxt):], nxt]
            elif not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(sorted(graph.get(nxt, ()))))
    return None


def test_the_package_has_no_import_cycle() -> None:
    graph = import_graph(ROOT)
    assert "newsfacts.builders.actors.build" in graph  # the walk sees the builders' subpackages
    cycle = find_cycle(graph)
    assert cycle is None, "import circle: " + " -> ".join(cycle or [])


def _write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_a_submodule_importing_its_parent_init_is_a_cycle(tmp_path: Path) -> None:
    _write(tmp_path, {"pkg/__init__.py": "from pkg.core import run\n",
                      "pkg/core.py": "from pkg import version\n",
                      "pkg/version.py": "V = 1\n"})
    assert find_cycle(import_graph(tmp_path, "pkg")) == ["pkg", "pkg.core", "pkg"]


def test_sibling_cycles_and_relative_imports_are_found(tmp_path: Path) -> None:
    _write(tmp_path, {"pkg/__init__.py": "",
                      "pkg/a.py": "from . import b\n",
                      "pkg/b.py": "from .c import x\n",
                      "pkg/c.py": "import pkg.a\nx = 1\n"})
    assert find_cycle(import_graph(tmp_path, "pkg")) == ["pkg.a", "pkg.b", "pkg.c", "pkg.a"]


def test_lazy_and_type_checking_imports_are_not_edges(tmp_path: Path) -> None:
    _write(tmp_path, {"pkg/__init__.py": "from pkg.a import f\n",
                      "pkg/a.py": ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import pkg\n"
                                   "def f():\n    from pkg import a\n    return a\n")})
    graph = import_graph(tmp_path, "pkg")
    assert graph == {"pkg": {"pkg.a"}, "pkg.a": set()}
    assert find_cycle(graph) is None
