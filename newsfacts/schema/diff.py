"""Changes between two sets of table schemas, each classified as a patch, minor or major change.

Both sides are JSON Schema documents as `newsfacts schema export` writes them (one per table), so
the committed `schema/<version>/` folders and the current row models are compared the same way.
The rules are data: `RULES` maps each kind of change to the version bump it needs.

Rules, seen from someone reading releases of the old version with a reader of the new one:
- patch: only titles or descriptions changed;
- minor: old data stays valid and consumers may ignore the change (a nullable column or a table
  added, a new enum value, a column made nullable, a constraint removed or loosened, columns
  reordered: readers go by name);
- major: old data or old consumers break (a column or table removed or renamed, a type changed,
  a column made required, an enum narrowed, a constraint added or tightened, a required column
  added, or any change these rules do not know).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass
from typing import Any, Literal

Level = Literal["patch", "minor", "major"]
Bump = Literal["none", "patch", "minor", "major", "downgrade"]
ChangeKind = Literal[
    "table-added", "table-removed", "table-changed", "table-description",
    "column-added-nullable", "column-added-required", "column-removed", "column-renamed",
    "columns-reordered", "type-changed", "made-nullable", "made-required", "enum-widened",
    "enum-narrowed", "enum-reordered", "constraint-loosened", "constraint-tightened", "description",
]
Schemas = Mapping[str, Mapping[str, Any]]

RULES: dict[ChangeKind, Level] = {
    "table-added": "minor",
    "table-removed": "major",
    "table-changed": "major",
    "table-description": "patch",
    "column-added-nullable": "minor",
    "column-added-required": "major",
    "column-removed": "major",
    "column-renamed": "major",
    "columns-reordered": "minor",
    "type-changed": "major",
    "made-nullable": "minor",
    "made-required": "major",
    "enum-widened": "minor",
    "enum-narrowed": "major",
    "enum-reordered": "patch",
    "constraint-loosened": "minor",
    "constraint-tightened": "major",
    "description": "patch",
}
RANK: dict[str, int] = {"none": 0, "patch": 1, "minor": 2, "major": 3}
ANNOTATIONS = frozenset({"title", "description", "examples", "$comment", "deprecated"})
VERSION_KEYS = frozenset({"$id", "x-newsfacts-schema-version"})
SHAPE_KEYS = ("type", "format", "items")
LOWER_BOUNDS = frozenset({"minimum", "exclusiveMinimum", "minLength", "minItems"})
UPPER_BOUNDS = frozenset({"maximum", "exclusiveMaximum", "maxLength", "maxItems"})


@dataclass(frozen=True)
class Change:
    """One difference between two schemas: where, what, and the bump it needs."""

    table: str
    column: str | None
    kind: ChangeKind
    detail: str

    @property
    def level(self) -> Level:
        """The smallest version bump that allows this change."""
        return RULES[self.kind]

    @property
    def where(self) -> str:
        """`table.column`, or the table alone for table-level changes."""
        return f"{self.table}.{self.column}" if self.column else self.table

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with stable keys, the level included."""
        return {**asdict(self), "level": self.level}


def parse_version(text: str) -> tuple[int, int, int]:
    """`X.Y.Z` as a tuple of ints; ValueError for anything else."""
    parts = text.split(".")
    if len(parts) != 3 or not all(p.isdigit() and (p == "0" or not p.startswith("0")) for p in parts):
        raise ValueError(f"not a schema version (X.Y.Z): {text!r}")
    return int(parts[0]), int(parts[1]), int(parts[2])


def bump(old: str, new: str) -> Bump:
    """The kind of version bump from `old` to `new`."""
    a, b = parse_version(old), parse_version(new)
    if b == a:
        return "none"
    if b < a:
        return "downgrade"
    return "major" if b[0] > a[0] else "minor" if b[1] > a[1] else "patch"


def needed(changes: list[Change]) -> Bump:
    """The largest level among `changes` ("none" when there are none)."""
    return max((c.level for c in changes), key=RANK.__getitem__, default="none")


def allows(actual: Bump, required: Bump) -> bool:
    """True when a bump of kind `actual` is enough for changes that need `required`."""
    return actual != "downgrade" and RANK[actual] >= RANK[required]


def diff_schemas(old: Schemas, new: Schemas) -> list[Change]:
    """Every change from `old` to `new` (both: table name → JSON Schema), in a stable order."""
    changes: list[Change] = []
    for table in sorted(old.keys() | new.keys()):
        if table not in new:
            changes.append(Change(table, None, "table-removed", "table removed"))
        elif table not in old:
            changes.append(Change(table, None, "table-added", "table added"))
        else:
            changes.extend(diff_table(table, old[table], new[table]))
    return changes


def diff_table(table: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Change]:
    """Changes of one table: table-level keys, then columns."""
    changes = [Change(table, None, "table-changed" if key not in ANNOTATIONS else "table-description",
                      f"{key}: {old.get(key)!r} → {new.get(key)!r}")
               for key in sorted((old.keys() | new.keys()) - {"properties", "required"} - VERSION_KEYS)
               if old.get(key) != new.get(key)]
    props_old, props_new = old.get("properties", {}), new.get("properties", {})
    req_old, req_new = set(old.get("required", ())), set(new.get("required", ()))
    removed = [c for c in props_old if c not in props_new]
    added = [c for c in props_new if c not in props_old]
    renamed = _renamed(removed, added, props_old, props_new)
    for col in removed:
        if col in renamed:
            changes.append(Change(table, col, "column-renamed", f"column renamed to {renamed[col]}"))
        else:
            changes.append(Change(table, col, "column-removed", "column removed"))
    for col in added:
        if col not in renamed.values():
            nullable = split(props_new[col])[1]
            kind: ChangeKind = "column-added-nullable" if nullable else "column-added-required"
            changes.append(Change(table, col, kind, "nullable column added" if nullable
                                  else "non-nullable column added: old releases lack it"))
    shared = [c for c in props_old if c in props_new]
    if shared != [c for c in props_new if c in props_old]:
        changes.append(Change(table, None, "columns-reordered", "order of existing columns changed"))
    for col in shared:
        changes.extend(diff_column(table, col, props_old[col], props_new[col]))
        if (col in req_old) != (col in req_new):
            changes.append(Change(table, col, "made-required" if col in req_new else "made-nullable",
                                  "column now required" if col in req_new else "column may be absent"))
    return changes


def _renamed(removed: list[str], added: list[str], old: Mapping[str, Any],
             new: Mapping[str, Any]) -> dict[str, str]:
    """{old name: new name} when exactly one column went and one came with the same definition."""
    if len(removed) == 1 and len(added) == 1:
        (a,), (b,) = removed, added
        if split(old[a])[:2] == split(new[b])[:2]:
            return {a: b}
    return {}


def split(prop: Mapping[str, Any]) -> tuple[dict[str, Any], bool, dict[str, Any]]:
    """(core, nullable, annotations) of a property: the non-null schema, whether null is allowed,
    and the title/description keys."""
    notes = {k: v for k, v in prop.items() if k in ANNOTATIONS}
    core = {k: v for k, v in prop.items() if k not in ANNOTATIONS}
    nullable = False
    if "anyOf" in core:
        branches = core.pop("anyOf")
        rest = [b for b in branches if b != {"type": "null"}]
        nullable = len(rest) < len(branches)
        core.update(rest[0] if len(rest) == 1 else {"anyOf": rest})
    if isinstance(core.get("type"), list) and "null" in core["type"]:
        nullable = True
        types = [t for t in core["type"] if t != "null"]
        core["type"] = types[0] if len(types) == 1 else types
    if isinstance(core.get("enum"), list) and None in core["enum"]:
        nullable = True
        core["enum"] = [v for v in core["enum"] if v is not None]
    return core, nullable, notes


def diff_column(table: str, col: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[Change]:
    """Changes of one column that exists on both sides."""
    core_old, null_old, notes_old = split(old)
    core_new, null_new, notes_new = split(new)
    shape_old = {k: core_old.get(k) for k in SHAPE_KEYS}
    shape_new = {k: core_new.get(k) for k in SHAPE_KEYS}
    if shape_old != shape_new:
        yield Change(table, col, "type-changed", f"type {_shape(shape_old)} → {_shape(shape_new)}")
    if null_old != null_new:
        yield Change(table, col, "made-nullable" if null_new else "made-required",
                     "column now nullable" if null_new else "column no longer nullable")
    yield from _diff_enum(table, col, core_old.get("enum"), core_new.get("enum"))
    for key in sorted((core_old.keys() | core_new.keys()) - set(SHAPE_KEYS) - {"enum"}):
        if core_old.get(key) != core_new.get(key):
            yield _constraint(table, col, key, core_old.get(key), core_new.get(key))
    for key in sorted(notes_old.keys() | notes_new.keys()):
        if notes_old.get(key) != notes_new.get(key):
            yield Change(table, col, "description", f"{key} changed")


def _shape(shape: Mapping[str, Any]) -> str:
    """A column's type as short text: `string`, `string/date`, `array[string]`."""
    items = shape.get("items")
    text = str(shape.get("type"))
    if shape.get("format"):
        text += f"/{shape['format']}"
    return f"{text}[{items.get('type') if isinstance(items, dict) else items}]" if items else text


def _diff_enum(table: str, col: str, old: list[Any] | None, new: list[Any] | None) -> Iterator[Change]:
    """Enum changes: values added (minor), removed (major), reordered (patch)."""
    if old == new:
        return
    if old is None or new is None:
        kind: ChangeKind = "enum-narrowed" if old is None else "enum-widened"
        yield Change(table, col, kind, "enum restriction added" if old is None else "enum restriction removed")
        return
    gone, came = [v for v in old if v not in new], [v for v in new if v not in old]
    if gone:
        yield Change(table, col, "enum-narrowed", f"enum values removed: {', '.join(map(str, gone))}")
    if came:
        yield Change(table, col, "enum-widened", f"enum values added: {', '.join(map(str, came))}")
    if not gone and not came:
        yield Change(table, col, "enum-reordered", "enum values reordered")


def _constraint(table: str, col: str, key: str, old: Any, new: Any) -> Change:
    """A changed validation keyword: loosened (minor) or tightened / unknown (major)."""
    if new is None:
        loosened = True
    elif old is None:
        loosened = False
    elif key in LOWER_BOUNDS and _numbers(old, new):
        loosened = new < old
    elif key in UPPER_BOUNDS and _numbers(old, new):
        loosened = new > old
    else:
        loosened = False
    return Change(table, col, "constraint-loosened" if loosened else "constraint-tightened",
                  f"{key}: {old!r} → {new!r}")


def _numbers(*values: Any) -> bool:
    """True when every value is an int or float (not a bool)."""
    return all(isinstance(v, int | float) and not isinstance(v, bool) for v in values)
