"""Build benchmark: articles/s, MB/s and peak memory for extraction alone and for the full build.

    python bench/bench_build.py [--sizes 1000 10000 100000] [--stages extract build] [--workers N] [--profile]

Each measurement runs in a fresh subprocess so that its peak RSS is its own. The corpus comes from
bench/make_corpus.py (deterministic, ~3 KB articles, one .jsonl file per size, cached in --work).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import platform
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def corpus(n: int, work: Path) -> Path:
    """The generated corpus of n articles (created once)."""
    path = work / f"corpus-{n}.jsonl"
    if not path.exists():
        sys.path.insert(0, str(HERE))
        from make_corpus import write

        write(n, path, "jsonl")
    return path


def run_extract(path: Path) -> dict[str, float]:
    """Read and extract every article (no validation, no writing)."""
    from newsfacts.articles import Article, read_inputs
    from newsfacts.builders import extract

    start = time.perf_counter()
    n = 0
    for item in read_inputs([path]):
        if isinstance(item, Article):
            extract(item)
            n += 1
    return {"articles": n, "seconds": time.perf_counter() - start}


def run_build(path: Path, out: Path, workers: int | None) -> dict[str, float]:
    """The full build: extract, validate and write."""
    from newsfacts.pipeline import build

    start = time.perf_counter()
    kwargs = {"workers": workers} if workers else {}
    result = build([path], out, overwrite=True, **kwargs)  # type: ignore[arg-type]
    return {"articles": len(result.built), "seconds": time.perf_counter() - start}


def child(mode: str, path: Path, out: Path, workers: int | None, profile: bool) -> None:
    """Run one measurement in this process and print it as JSON."""
    prof = cProfile.Profile() if profile else None
    if prof:
        prof.enable()
    res = run_extract(path) if mode == "extract" else run_build(path, out, workers)
    if prof:
        prof.disable()
        pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(25)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    res["peak_rss_mb"] = peak / 1024
    res["mb"] = path.stat().st_size / 1e6
    print(json.dumps(res))


def measure(mode: str, path: Path, work: Path, workers: int | None, profile: bool) -> dict[str, float]:
    """Run `child` in a fresh interpreter and parse its result."""
    cmd = [sys.executable, __file__, "--child", mode, str(path), str(work / f"release-{path.stem}")]
    if workers:
        cmd += ["--workers", str(workers)]
    if profile:
        cmd.append("--profile")
    done = subprocess.run(cmd, check=True, capture_output=not profile, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1]) if done.stdout else {}


def _cpu_model() -> str:
    """The CPU model name from /proc/cpuinfo (Linux), else the platform's processor string."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def main() -> None:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description="newsfacts build benchmark")
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--stages", nargs="+", choices=["extract", "build"], default=["extract", "build"],
                    help="what to measure for each size (default: both)")
    ap.add_argument("--profile", action="store_true", help="print a cProfile of each run to stderr")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "newsfacts-bench")
    ap.add_argument("--child", nargs=3, metavar=("MODE", "CORPUS", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        mode, path, out = args.child
        child(mode, Path(path), Path(out), args.workers, args.profile)
        return
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"# {platform.machine()} {_cpu_model()}, {os.cpu_count()} CPUs, python {platform.python_version()}, "
          f"workers {args.workers or os.cpu_count()}")
    print(f"{'N':>8} {'stage':<8} {'seconds':>9} {'articles/s':>11} {'MB/s':>7} {'peak RSS MB':>12}")
    for n in args.sizes:
        path = corpus(n, args.work)
        for mode in args.stages:
            r = measure(mode, path, args.work, args.workers, args.profile)
            secs = r["seconds"]
            print(f"{n:>8} {mode:<8} {secs:>9.2f} {r['articles'] / secs:>11.0f} {r['mb'] / secs:>7.2f} "
                  f"{r['peak_rss_mb']:>12.0f}", flush=True)


if __name__ == "__main__":
    main()
