"""`newsfacts validate` benchmark: one article and the dev corpus, from the shell and in-process.

    python bench/bench_validate.py [--repeat 5] [--article PATH] [--dev DIR] [--corpus DIR]

Shell timings run the real command in a fresh process (start-up included), after one warm-up run
so that bytecode caches exist; each prints the median and best wall time and the median CPU time
(user + sys) of the child, which depends less on other load of the machine. The in-process
timings separate the imports from the work of `validate()` itself. The dev corpus is validated
against itself (`--corpus DEV`), since seeds/ holds copies of the same articles.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "corpus" / "dev" / "articles"
ARTICLE = ROOT / "seeds" / "seed-cnn-wang-haniyeh.md"


def command() -> list[str]:
    """The `newsfacts` console script of this interpreter (or `python -m newsfacts.cli`)."""
    script = Path(sys.executable).with_name("newsfacts")
    return [str(script)] if script.exists() else [sys.executable, "-m", "newsfacts.cli"]


def timed(args: list[str]) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of the child, exit code) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.returncode


def shell(label: str, args: list[str], repeat: int) -> None:
    """Print median/best wall and median CPU time of a command."""
    timed(args)
    runs = [timed(args) for _ in range(repeat)]
    walls, cpus = [r[0] for r in runs], [r[1] for r in runs]
    print(f"{label:<44} wall median {statistics.median(walls):6.2f} s  best {min(walls):6.2f} s  "
          f"cpu median {statistics.median(cpus):6.2f} s  exit {runs[-1][2]}")


def in_process(article: Path, dev: Path, corpus: Path) -> None:
    """Import cost, then `validate()` on one article (against `corpus`) and on the dev corpus (against
    itself: its own articles are not duplicates) in this process."""
    start = time.perf_counter()
    from newsfacts.validate import validate

    print(f"{'import newsfacts.validate (in-process)':<44} {time.perf_counter() - start:6.2f} s")
    n = len(list(dev.glob("*.md")))
    for label, paths, against in (("validate() 1 article, first call", [article], corpus),
                                  ("validate() 1 article, warm", [article], corpus),
                                  (f"validate() dev corpus ({n} articles), warm", [dev], dev)):
        start = time.perf_counter()
        result = validate(paths, corpus=against)
        print(f"{label:<44} {time.perf_counter() - start:6.2f} s  ({result.summary()['articles']} checked)")


def main() -> None:
    """Run the benchmark and print one line per measurement."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--article", type=Path, default=ARTICLE)
    parser.add_argument("--dev", type=Path, default=DEV)
    parser.add_argument("--corpus", type=Path, default=ROOT / "seeds")
    args = parser.parse_args()
    print(f"python {platform.python_version()}, {os.cpu_count()} CPUs, load average "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    cli = command()
    shell("python -c pass (interpreter only)", [sys.executable, "-c", "pass"], args.repeat)
    shell("import newsfacts.cli (start-up)", [sys.executable, "-c", "import newsfacts.cli"], args.repeat)
    shell("newsfacts validate <1 article>", [*cli, "validate", str(args.article), "--corpus", str(args.corpus)],
          args.repeat)
    shell("newsfacts validate <1 article> --no-corpus", [*cli, "validate", str(args.article), "--no-corpus"],
          args.repeat)
    shell("newsfacts validate <1 rejected article>", [*cli, "validate", str(ROOT / "tests/validate/articles/french.md"),
                                                      "--corpus", str(args.corpus)], args.repeat)
    shell("newsfacts validate <dev corpus>", [*cli, "validate", str(args.dev), "--corpus", str(args.dev)],
          args.repeat)
    in_process(args.article, args.dev, args.corpus)


if __name__ == "__main__":
    main()
