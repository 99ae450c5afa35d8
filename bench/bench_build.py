"""Build benchmark: articles/s, MB/s and peak memory for extraction alone and for the full build,
with spaCy's blank English pipeline plus a sentencizer measured in the same run as the reference.

    python bench/bench_build.py [--sizes 1000 10000] [--texts DIR ...] [--stages extract build]
                                [--workers N] [--repeat R] [--profile]

Corpora: generated articles (bench/make_corpus.py: deterministic ~3 KB articles, one .jsonl per
size, cached in --work) and any folder of real texts given with --texts (e.g.
`.cache/real-dev/articles`). Each measurement runs in a fresh subprocess, so its peak RSS is its own.

- `extract`: every article is read first, then `newsfacts.builders.extract` runs on each, one
  process; a short warm-up text not in the corpus is extracted before the clock starts (lexicons
  load once per process). The first pass is timed (every text new to the process, as in a build),
  then a second pass over the same texts (`warm`: every per-process cache hot). Best of --repeat
  processes.
- `spacy`: `spacy.blank("en")` plus the `sentencizer`, `nlp.pipe(texts, batch_size=64)` and
  `list(doc.sents)` for every document, on the same bodies, one process, first and second pass
  timed alike, best of --repeat processes (needs the `bench` extra: `pip install -e '.[bench]'`).
  The ratios printed are extraction speed over spaCy's, first pass (`x spaCy`) and second pass
  (`warm`): robust to a busy machine, since both run in the same session. spaCy's first pass pays
  for adding every new word to its vocabulary, so on a small corpus the first-pass ratio is the
  higher one.
- `build`: `newsfacts.build` (read, extract, validate, write) with --workers, run once.

MB/s counts the UTF-8 bytes of the article bodies.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
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
from typing import Any

HERE = Path(__file__).resolve().parent


def corpus(n: int, work: Path) -> Path:
    """The generated corpus of n articles (created once)."""
    path = work / f"corpus-{n}.jsonl"
    if not path.exists():
        sys.path.insert(0, str(HERE))
        from make_corpus import write

        write(n, path, "jsonl")
    return path


def bodies(path: Path) -> list[Any]:
    """The articles of a file or folder, read as the build reads them (rejected inputs left out)."""
    from newsfacts.articles import Article, read_inputs

    return [a for a in read_inputs([path]) if isinstance(a, Article)]


# Touches every lexicon (cities, dates, currencies, quotations …) so that none loads on the clock.
WARM_UP = ("By Jane Roe\nKIDAL, Mali (AP) — Officials said on Monday that Foreign Minister Ali Bongo met his "
           "Kenyan counterpart in Kidal last Tuesday. \u201cWe agreed,\u201d he said. At least 12 people were "
           "killed and $5 million in rupees was pledged, the ministry said, according to the UN.")


def timed(run: Any) -> float:
    """Seconds taken by `run()`."""
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def run_extract(path: Path) -> dict[str, float]:
    """Extract every article once (no validation, no writing); reading is not timed."""
    from newsfacts.articles import normalize_body
    from newsfacts.builders import extract

    articles = bodies(path)
    if articles:
        extract(dataclasses.replace(articles[0], body=normalize_body(WARM_UP)))

    def once() -> None:
        for article in articles:
            extract(article)

    return {"articles": len(articles), "seconds": timed(once), "warm": timed(once),
            "mb": sum(len(a.body.encode("utf-8")) for a in articles) / 1e6}


def run_spacy(path: Path) -> dict[str, float]:
    """spaCy's blank English pipeline with a sentencizer over the same bodies, once."""
    import spacy

    texts = [a.body for a in bodies(path)]
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    list(nlp.pipe([WARM_UP]))

    def once() -> None:
        for doc in nlp.pipe(texts, batch_size=64):
            list(doc.sents)

    return {"articles": len(texts), "seconds": timed(once), "warm": timed(once),
            "mb": sum(len(t.encode("utf-8")) for t in texts) / 1e6}


def run_build(path: Path, out: Path, workers: int | None) -> dict[str, float]:
    """The full build: read, extract, validate and write."""
    from newsfacts.articles import Article, read_inputs
    from newsfacts.pipeline import build

    # Streamed, one article at a time: the build's peak RSS must not hold the corpus.
    mb = sum(len(a.body.encode("utf-8")) for a in read_inputs([path]) if isinstance(a, Article)) / 1e6
    start = time.perf_counter()
    kwargs = {"workers": workers} if workers else {}
    result = build([path], out, overwrite=True, **kwargs)  # type: ignore[arg-type]
    return {"articles": len(result.built), "seconds": time.perf_counter() - start, "mb": mb}


def child(mode: str, path: Path, out: Path, workers: int | None, profile: bool) -> None:
    """Run one measurement in this process and print it as JSON."""
    prof = cProfile.Profile() if profile else None
    if prof:
        prof.enable()
    if mode == "extract":
        res = run_extract(path)
    elif mode == "spacy":
        res = run_spacy(path)
    else:
        res = run_build(path, out, workers)
    if prof:
        prof.disable()
        pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(25)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    res["peak_rss_mb"] = peak / 1024
    print(json.dumps(res))


def measure(mode: str, path: Path, work: Path, workers: int | None, repeat: int, profile: bool) -> dict[str, float]:
    """Run `child` in fresh interpreters (`repeat` times for extract and spacy, else once); the
    fastest run, with the highest peak RSS of all."""
    cmd = [sys.executable, __file__, "--child", mode, str(path), str(work / f"release-{path.stem}")]
    if workers:
        cmd += ["--workers", str(workers)]
    if profile and mode != "spacy":
        cmd.append("--profile")
    runs = []
    for _ in range(repeat if mode in ("extract", "spacy") else 1):
        done = subprocess.run(cmd, check=True, capture_output=not profile, text=True)
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    best = min(runs, key=lambda r: r["seconds"])
    warm = min((r["warm"] for r in runs if "warm" in r), default=None)
    return {**best, "peak_rss_mb": max(r["peak_rss_mb"] for r in runs), **({"warm": warm} if warm else {})}


def spacy_available() -> bool:
    """Is spaCy installed (the `bench` extra)?"""
    try:
        import spacy  # noqa: F401
    except ImportError:
        return False
    return True


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
    ap.add_argument("--sizes", type=int, nargs="*", default=[1000, 10_000],
                    help="generated corpora, by number of articles")
    ap.add_argument("--texts", type=Path, nargs="*", default=[], help="folders (or files) of real articles")
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--stages", nargs="+", choices=["extract", "build"], default=["extract", "build"],
                    help="what to measure for each corpus (default: both; extract includes the spaCy reference)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of extract and spaCy; the fastest counts")
    ap.add_argument("--profile", action="store_true", help="print a cProfile of each run to stderr")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "newsfacts-bench")
    ap.add_argument("--child", nargs=3, metavar=("MODE", "CORPUS", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        mode, path, out = args.child
        child(mode, Path(path), Path(out), args.workers, args.profile)
        return
    args.work.mkdir(parents=True, exist_ok=True)
    with_spacy = "extract" in args.stages and spacy_available()
    print(f"# {platform.machine()} {_cpu_model()}, {os.cpu_count()} CPUs, python {platform.python_version()}, "
          f"workers {args.workers or os.cpu_count()}, best of {args.repeat} for extract and spacy")
    if "extract" in args.stages and not with_spacy:
        print("# spaCy is not installed (pip install -e '.[bench]'): no reference, no ratio")
    print(f"{'corpus':<24} {'N':>7} {'stage':<8} {'seconds':>8} {'articles/s':>10} {'MB/s':>6} "
          f"{'peak RSS MB':>11} {'warm s':>7} {'x spaCy':>8} {'warm':>6}")
    corpora = [(f"generated-{n}", corpus(n, args.work)) for n in args.sizes]
    corpora += [(str(p), p) for p in args.texts]
    for name, path in corpora:
        reference = measure("spacy", path, args.work, None, args.repeat, False) if with_spacy else None
        stages = (["spacy"] if reference else []) + args.stages
        for mode in stages:
            r = reference if mode == "spacy" else measure(mode, path, args.work, args.workers, args.repeat,
                                                            args.profile)
            assert r is not None
            secs = r["seconds"]
            ratio = warm_ratio = ""
            if reference and mode == "extract":
                ratio = f"{reference['seconds'] / secs:.2f}"
                warm_ratio = f"{reference['warm'] / r['warm']:.2f}"
            warm = f"{r['warm']:.2f}" if "warm" in r else ""
            print(f"{name[-24:]:<24} {r['articles']:>7.0f} {mode:<8} {secs:>8.2f} {r['articles'] / secs:>10.0f} "
                  f"{r['mb'] / secs:>6.2f} {r['peak_rss_mb']:>11.0f} {warm:>7} {ratio:>8} {warm_ratio:>6}", flush=True)


if __name__ == "__main__":
    main()
