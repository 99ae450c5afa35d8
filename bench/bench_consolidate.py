"""Consolidation benchmark: does it find the generator's events, how long does it take next to
extraction, and how much memory does it add?

    python bench/bench_consolidate.py [--sizes 10000] [--re-report 0.3] [--workers 2] [--repeat 1]

For each size a corpus with re-reported meetings is generated once (`make_corpus.py --re-report`,
cached in --work with its truth). Each build runs in a fresh process so that its peak RSS (main
process plus the largest worker) is its own: once as released, once with the consolidation step
replaced by empty derived tables. The consolidation phase is timed on its own inside the build;
extraction is the rest of the build (extract, validate, write the per-article tables).

Scores, for meeting events and for quotations, over the reports the builders extracted (a row is
matched to the generator's report whose sentence holds its evidence start):
- events: precision = share of consolidated events that are exactly one true event (same reports),
  recall = share of true events found exactly;
- pairs: the usual pairwise precision and recall of "these two reports are the same event".
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_build import _cpu_model  # noqa: E402
from make_corpus import truth_path, write  # noqa: E402


def corpus(n: int, share: float, work: Path) -> Path:
    """The generated corpus of n articles with re-reported meetings (created once)."""
    path = work / f"rereport-{n}-{share:g}.jsonl"
    if not path.exists() or not truth_path(path).exists():
        write(n, path, "jsonl", re_report=share)
    return path


def child(path: Path, out: Path, workers: int, consolidate: bool) -> None:
    """One build in this process; prints seconds, consolidation seconds and peak RSS as JSON."""
    import newsfacts.pipeline as pipeline
    from newsfacts.datasets.writer import write_tables
    from newsfacts.schema.models import DERIVED_TABLES

    real = pipeline.consolidate_release
    spent: list[float] = []

    def timed(folder: Path, *args: Any) -> dict[str, Any]:
        start = time.perf_counter()
        try:
            if consolidate:
                return real(folder, *args)
            return write_tables(folder, {}, DERIVED_TABLES)  # the release without consolidation
        finally:
            spent.append(time.perf_counter() - start)

    pipeline.consolidate_release = timed  # type: ignore[assignment]
    start = time.perf_counter()
    result = pipeline.build([path], out, overwrite=True, workers=workers)
    seconds = time.perf_counter() - start
    main = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"articles": len(result.built), "seconds": seconds, "consolidation": sum(spent),
                      "peak_rss_mb": main + worker, "main_rss_mb": main, "worker_rss_mb": worker,
                      "counts": result.counts}))


def measure(path: Path, out: Path, workers: int, consolidate: bool) -> dict[str, Any]:
    """Run `child` in a fresh interpreter and parse its result."""
    cmd = [sys.executable, __file__, "--child", str(path), str(out), "--workers", str(workers)]
    if not consolidate:
        cmd.append("--without")
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def spans(truth: Iterable[dict[str, Any]]) -> dict[str, list[tuple[int, int, str]]]:
    """url → (start, end, event) of every report."""
    out: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for t in truth:
        out[t["url"]].append((t["start"], t["end"], t["event"]))
    return out


def true_event(reports: list[tuple[int, int, str]], start: int) -> str | None:
    """The event of the report whose sentence holds `start`."""
    return next((event for lo, hi, event in reports if lo <= start < hi), None)


def pairs(sizes: Iterable[int]) -> int:
    """Number of pairs inside groups of these sizes."""
    return sum(n * (n - 1) // 2 for n in sizes)


def score(found: dict[str, str], truth: dict[str, str]) -> dict[str, float]:
    """Event-level and pairwise precision and recall of predicted groups against true groups, over
    the rows both know (`found`: row → predicted group; `truth`: row → true event)."""
    rows = [r for r in found if r in truth]
    predicted: dict[str, frozenset[str]] = {}
    actual: dict[str, frozenset[str]] = {}
    for key, mapping in ((found, predicted), (truth, actual)):
        groups: dict[str, set[str]] = defaultdict(set)
        for r in rows:
            groups[key[r]].add(r)
        mapping.update({g: frozenset(m) for g, m in groups.items()})
    exact = set(predicted.values()) & set(actual.values())
    both = Counter((found[r], truth[r]) for r in rows)
    hit = pairs(both.values())
    made, real = pairs(len(m) for m in predicted.values()), pairs(len(m) for m in actual.values())
    return {"rows": len(rows), "events": len(predicted), "true_events": len(actual),
            "precision": len(exact) / len(predicted) if predicted else 1.0,
            "recall": len(exact) / len(actual) if actual else 1.0,
            "pair_precision": hit / made if made else 1.0, "pair_recall": hit / real if real else 1.0}


def evaluate(release: Path, truth_file: Path) -> dict[str, dict[str, float]]:
    """Scores of meeting_events and quotes of a release against the generator's truth."""
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    urls = dict(zip(*pq.read_table(release / "articles.parquet", columns=["article_id", "url"]).to_pydict().values(),
                    strict=True))
    out = {}
    for name, table, key, derived, members, group in (
            ("meetings", "meetings", "meeting_id", "meeting_events", "meeting_ids", "event_id"),
            ("quotes", "statements", "statement_id", "quotes", "statement_ids", "quote_id")):
        reports = spans(truth[name])
        rows = pq.read_table(release / f"{table}.parquet", columns=[key, "article_id", "char_start"]).to_pylist()
        true = {r[key]: e for r in rows if (e := true_event(reports[urls[r["article_id"]]], r["char_start"]))}
        if name == "quotes":  # quotation reports are direct or mixed statements
            kinds = pq.read_table(release / "statements.parquet", columns=[key, "kind"]).to_pydict()
            kind = dict(zip(kinds[key], kinds["kind"], strict=True))
            true = {k: e for k, e in true.items() if kind[k] != "indirect"}
        found = {m: g[group] for g in pq.read_table(release / f"{derived}.parquet").to_pylist() for m in g[members]}
        out[name] = {**score(found, true), "reports": len(truth[name]), "extracted": len(true)}
    return out


def main() -> None:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description="newsfacts consolidation benchmark")
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    ap.add_argument("--re-report", type=float, default=0.3)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=1, help="builds of each kind; the best time and RSS are kept")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "newsfacts-bench")
    ap.add_argument("--child", nargs=2, metavar=("CORPUS", "OUT"), help=argparse.SUPPRESS)
    ap.add_argument("--without", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]), args.workers, not args.without)
        return
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"# {platform.machine()} {_cpu_model()}, {os.cpu_count()} CPUs, python {platform.python_version()}, "
          f"workers {args.workers}, re-report share {args.re_report:g}")
    for n in args.sizes:
        path = corpus(n, args.re_report, args.work)
        out = args.work / f"release-rereport-{n}"
        runs: dict[bool, list[dict[str, Any]]] = {True: [], False: []}
        for _ in range(args.repeat):
            for consolidate in (True, False):
                runs[consolidate].append(measure(path, out.with_name(out.name + ("" if consolidate else "-without")),
                                                 args.workers, consolidate))
        best = {k: min(v, key=lambda r: r["seconds"]) for k, v in runs.items()}
        rss = {k: min(r["peak_rss_mb"] for r in v) for k, v in runs.items()}
        phase = min(r["consolidation"] for r in runs[True])
        extraction = min(r["seconds"] - r["consolidation"] for r in runs[True])
        counts = best[True]["counts"]
        quoted = pq.read_table(out / "statements.parquet", columns=["kind"]).column("kind").to_pylist()
        print(f"\nN={n}: {counts['meetings']} meetings → {counts['meeting_events']} events, "
              f"{sum(k != 'indirect' for k in quoted)} direct and mixed statements → {counts['quotes']} quotations, "
              f"{counts['actors']} actors → {counts['entities']} entities")
        print(f"build {best[True]['seconds']:.1f} s = extraction {extraction:.1f} s + consolidation {phase:.2f} s "
              f"({phase / extraction:.1%} of extraction); build without consolidation {best[False]['seconds']:.1f} s")
        parts = {k: min(v, key=lambda r: r["peak_rss_mb"]) for k, v in runs.items()}
        print(f"peak RSS {rss[True]:.0f} MB with, {rss[False]:.0f} MB without ({rss[True] / rss[False]:.2f}x); "
              f"main process {parts[True]['main_rss_mb']:.0f} / {parts[False]['main_rss_mb']:.0f} MB, largest worker "
              f"{parts[True]['worker_rss_mb']:.0f} / {parts[False]['worker_rss_mb']:.0f} MB")
        for name, s in evaluate(out, truth_path(path)).items():
            print(f"{name}: {s['reports']} reports generated, {s['extracted']} extracted; {s['true_events']} true "
                  f"groups → {s['events']} found; precision {s['precision']:.4f}, recall {s['recall']:.4f} "
                  f"(pairs: {s['pair_precision']:.4f} / {s['pair_recall']:.4f})")


if __name__ == "__main__":
    main()
