"""Analytics benchmark: `load`, `query` and `stats` on a release scaled up from a real one.

    python bench/bench_analytics.py RELEASE [--scale 100] [--repeat 3]

RELEASE is a built release (e.g. `newsfacts build --out /tmp/seeds-rel`). Its tables are copied
`--scale` times (ids suffixed so keys stay unique) into a temporary release with the project's
Parquet settings and a manifest, and each step is timed in this process: median and best wall
time of `--repeat` runs after one warm-up.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from newsfacts import load
from newsfacts.analytics.examples import EXAMPLES
from newsfacts.analytics.html import render_html
from newsfacts.analytics.query import query
from newsfacts.analytics.stats import release_stats
from newsfacts.datasets.writer import PARQUET_OPTIONS, ROW_GROUP_SIZE, dump_json, sha256_file, table_metadata
from newsfacts.schema.models import PRIMARY_KEYS, TABLES
from newsfacts.schema.types import arrow_schema


def scaled(table: str, data: pa.Table, scale: int) -> pa.Table:
    """`data` repeated `scale` times; article ids and the table's key get a copy suffix."""
    copies = []
    for i in range(scale):
        copy = data
        for name in {"article_id", *PRIMARY_KEYS[table]} - {"actor_id"}:
            column = pc.binary_join_element_wise(copy.column(name), pa.scalar(f"{i:05d}"), "-")
            copy = copy.set_column(copy.schema.get_field_index(name), name, column)
        copies.append(copy)
    return pa.concat_tables(copies).cast(arrow_schema(table))


def make_release(source: Path, out: Path, scale: int) -> dict[str, int]:
    """Write the scaled release into `out`; rows per table."""
    files = {}
    for table in TABLES:
        data = scaled(table, load(source, [table], backend="arrow")[table], scale)
        path = out / f"{table}.parquet"
        pq.write_table(data.replace_schema_metadata(table_metadata(table)), path, row_group_size=ROW_GROUP_SIZE,
                       **PARQUET_OPTIONS)
        files[table] = {"file": path.name, "rows": data.num_rows, "sha256": sha256_file(path)}
    dump_json(out / "manifest.json", {"format_version": "1", "name": "newsfacts", "release_version": "0.0.0",
                                      "schema_version": _schema_version(source),
                                      "tables": files})
    return {t: int(f["rows"]) for t, f in files.items()}


def _schema_version(source: Path) -> str:
    """The schema version of the source release."""
    return str(json.loads((source / "manifest.json").read_text(encoding="utf-8"))["schema_version"])


def timed(label: str, step: Callable[[], object], repeat: int) -> None:
    """Print median and best wall time of `step`."""
    step()
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        step()
        runs.append(time.perf_counter() - start)
    print(f"{label:<48} median {statistics.median(runs):7.3f} s  best {min(runs):7.3f} s")


def main() -> None:
    """Parse arguments, build the scaled release and time each step."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("release", type=Path)
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rel = Path(tmp)
        rows = make_release(args.release, rel, args.scale)
        size = sum(p.stat().st_size for p in rel.glob("*.parquet"))
        print(f"release x{args.scale}: " + ", ".join(f"{n} {t}" for t, n in rows.items())
              + f"; {size / 1e6:.1f} MB of Parquet")
        for backend in ("arrow", "pandas", "polars"):
            timed(f"load(backend={backend!r})", partial(load, rel, backend=backend), args.repeat)
        timed("load(backend='pandas', verify=False)", lambda: load(rel, verify=False), args.repeat)
        for title, sql in EXAMPLES:
            timed(f"query: {title[:41]}", partial(query, rel, sql), args.repeat)
        timed("release_stats()", lambda: release_stats(rel), args.repeat)
        stats = release_stats(rel)
        timed("render_html()", lambda: render_html(stats), args.repeat)


if __name__ == "__main__":
    main()
