"""Linear-time check: extraction time at size n and 2n for each pathological input.

    python bench/bench_pathological.py [--scale 1.0] [--repeat 1] [--only NAME ...]

Prints seconds at n and 2n and their ratio (about 2 means linear). Full-size inputs follow the
reliability issue: 2 M characters without spaces, 100,000 quotation marks, 50,000 capitalized
words, 10,000 numbers, 10,000 repeated titles, a 20 MB article (extraction alone; the build rejects
it above --max-bytes).
"""

from __future__ import annotations

import argparse
import time

from pathological import GENERATORS

from newsfacts.articles import article_from_text as make_article
from newsfacts.builders import extract

SIZES = {"long_line": 2_000_000, "many_quotes": 100_000, "capitalized_words": 50_000, "numbers": 10_000,
         "repeated_titles": 10_000, "big_article": 20_000_000}


def seconds(text: str, repeat: int = 1) -> float:
    """Best wall time of `repeat` extractions (the best is the least disturbed by other load)."""
    article = make_article(text)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        extract(article)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every size (e.g. 0.1 for a quick run)")
    ap.add_argument("--repeat", type=int, default=1, help="runs per size; the best time counts")
    ap.add_argument("--only", nargs="+", choices=list(GENERATORS), help="only these inputs")
    args = ap.parse_args()
    print(f"{'input':<18} {'n':>10} {'t(n) s':>8} {'t(2n) s':>8} {'ratio':>6}")
    for name, gen in GENERATORS.items():
        if args.only and name not in args.only:
            continue
        n = max(int(SIZES[name] * args.scale / 2), 10)
        t1, t2 = seconds(gen(n), args.repeat), seconds(gen(2 * n), args.repeat)
        print(f"{name:<18} {n:>10} {t1:>8.2f} {t2:>8.2f} {t2 / max(t1, 1e-9):>6.2f}", flush=True)


if __name__ == "__main__":
    main()
