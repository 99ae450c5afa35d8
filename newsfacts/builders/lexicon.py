"""Loading lexicons and rule files: data files next to the builders, read once, never executed."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import yaml

# libyaml's C parser when PyYAML was built with it (about ten times faster), else the Python one.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load_data(name: str) -> Any:
    """Parse `newsfacts/builders/lexicons/<name>` (.yaml/.yml with safe loading, or .json)."""
    text = resources.files("newsfacts.builders").joinpath("lexicons", name).read_text("utf-8")
    if name.endswith(".json"):
        return json.loads(text)
    return yaml.load(text, Loader=_Loader)
