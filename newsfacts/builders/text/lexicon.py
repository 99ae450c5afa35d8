"""Loading lexicons and rule files: data files next to the builders that read them, read once, never executed.

Every builder subpackage keeps its data in its own `lexicons/` folder (`builders/actors/lexicons/
titles.yaml`, `builders/geo/lexicons/cities.tsv` …). A lexicon is known by its logical name, the
file name, which is unique across the builders: code asks for `load_data("titles.yaml")`
wherever the file lives, and the rule-set hash (`rules_hash`) covers the contents by logical
name, so moving a file between folders changes neither.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import yaml

# libyaml's C parser when PyYAML was built with it (about ten times faster), else the Python one.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
PACKAGE = "newsfacts.builders"


@cache
def lexicon_files() -> dict[str, Traversable]:
    """Logical name → file, for every file in a `lexicons/` folder of a builders subpackage.

    Raises `LookupError` when two folders hold a file of the same name (the name would be ambiguous).
    """
    found: dict[str, Traversable] = {}
    owner: dict[str, str] = {}
    root = resources.files(PACKAGE)
    for sub in sorted(root.iterdir(), key=lambda f: f.name):
        folder = sub.joinpath("lexicons")
        if not sub.is_dir() or not folder.is_dir():
            continue
        for item in sorted(folder.iterdir(), key=lambda f: f.name):
            if not item.is_file():
                continue
            if item.name in found:
                raise LookupError(f"lexicon {item.name} is in two folders: {owner[item.name]}/lexicons "
                                  f"and {sub.name}/lexicons")
            found[item.name], owner[item.name] = item, sub.name
    return found


def lexicon_text(name: str) -> str:
    """The text of the lexicon `name` (a file name such as `titles.yaml`)."""
    try:
        item = lexicon_files()[name]
    except KeyError:
        raise LookupError(f"no lexicon named {name} under {PACKAGE}/*/lexicons/") from None
    return item.read_text("utf-8")


@cache
def load_data(name: str) -> Any:
    """Parse the lexicon `name` (.yaml/.yml with safe loading, or .json)."""
    text = lexicon_text(name)
    if name.endswith(".json"):
        return json.loads(text)
    return yaml.load(text, Loader=_Loader)


def rules_hash() -> str:
    """sha256 over every lexicon and rule file: logical names and bytes, sorted by name. Where a
    file lives does not enter the hash."""
    digest = hashlib.sha256()
    for name, item in sorted(lexicon_files().items()):
        digest.update(name.encode() + b"\0" + item.read_bytes())
    return digest.hexdigest()
