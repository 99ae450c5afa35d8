"""Fuzz campaign: N atheris processes on separate corpus folders for a given time; findings collected.

    pip install -e '.[fuzz]'
    python fuzz/campaign.py --workers 2 --minutes 30 [--out fuzz/.campaign] [--seed 1]

libFuzzer's `-fork`/`-jobs` do not work with atheris, so this script runs the processes itself.
Worker i fuzzes `OUT/corpus-i` (seeded from `fuzz/corpus/` when empty, so a second campaign
goes on from the first) with the dictionary `fuzz/newsfacts.dict`. A process stops at its first
finding; the worker keeps the artifact and starts again until the time is up. At the end, one
run over all corpus folders measures the coverage they reach together. Results go to
`OUT/summary.json` and `OUT/summary.md` (the table `fuzz/README.md` shows); artifacts to
`OUT/findings/`, logs to `OUT/logs/`. Exit code 1 when there is a finding.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET = HERE / "fuzz_extract.py"
SEEDS = HERE / "corpus"
DICT = HERE / "newsfacts.dict"
STATUS = re.compile(r"^#(\d+)\s+(?:INITED|NEW|REDUCE|pulse|DONE)\s+cov: (\d+) ft: (\d+) corp: (\d+)", re.M)
ARTIFACT = re.compile(r"Test unit written to (\S+)")
EXECUTED = re.compile(r"^stat::number_of_executed_units: (\d+)", re.M)
KINDS = ("crash", "timeout", "oom", "leak", "slow-unit")


@dataclass
class Run:
    """One fuzzer process: how far it got and what it left."""

    worker: int
    seed: int
    executions: int = 0
    coverage: int = 0
    features: int = 0
    corpus: int = 0
    exit_code: int | None = None
    artifact: str | None = None
    message: str | None = None


@dataclass
class Summary:
    """The campaign's result."""

    workers: int
    seconds: int
    seed: int
    max_len: int
    runs: list[Run] = field(default_factory=list)
    union_coverage: int | None = None
    union_features: int | None = None

    @property
    def executions(self) -> int:
        """Inputs executed by all processes."""
        return sum(r.executions for r in self.runs)

    @property
    def findings(self) -> list[Run]:
        """Runs that ended with an artifact (one per distinct message)."""
        seen: dict[str, Run] = {}
        for r in self.runs:
            if r.artifact is not None:
                seen.setdefault(r.message or r.artifact, r)
        return list(seen.values())

    def to_dict(self) -> dict[str, object]:
        """JSON-ready summary."""
        return {"workers": self.workers, "seconds": self.seconds, "seed": self.seed, "max_len": self.max_len,
                "executions": self.executions, "union_coverage": self.union_coverage,
                "union_features": self.union_features,
                "coverage_per_worker": {w: max((r.coverage for r in self.runs if r.worker == w), default=0)
                                        for w in range(1, self.workers + 1)},
                "findings": [asdict(r) for r in self.findings], "runs": [asdict(r) for r in self.runs]}

    def to_markdown(self) -> str:
        """The table of fuzz/README.md."""
        data = self.to_dict()
        per = ", ".join(f"{v}" for v in data["coverage_per_worker"].values())  # type: ignore[attr-defined]
        lines = ["| what | value |", "|---|---|",
                 f"| processes × time | {self.workers} × {self.seconds // 60} min (seed {self.seed}, "
                 f"max_len {self.max_len}) |",
                 f"| executions | {self.executions:,} ({self.executions / max(self.seconds, 1):.0f}/s in all) |",
                 f"| coverage (libFuzzer `cov`, edges of newsfacts) | {self.union_coverage} together "
                 f"({per} per process), {self.union_features} features |",
                 f"| processes started | {len(self.runs)} |",
                 f"| findings | {len(self.findings)} |"]
        lines += [f"| finding | `{r.message}` ({Path(r.artifact or '').name}) |" for r in self.findings]
        return "\n".join(lines) + "\n"


def parse_log(text: str, run: Run, artifacts: Path) -> None:
    """Fill `run` from a libFuzzer/atheris log: last status line, artifact and its message."""
    for m in STATUS.finditer(text):
        run.executions, run.coverage, run.features, run.corpus = (int(m.group(i)) for i in range(1, 5))
    executed = EXECUTED.search(text)
    if executed is not None:
        run.executions = max(run.executions, int(executed.group(1)))
    found = ARTIFACT.search(text)
    if found is not None:
        run.artifact = str(Path(found.group(1)).relative_to(artifacts.parent)) \
            if Path(found.group(1)).is_relative_to(artifacts.parent) else found.group(1)
        run.message = _message(text)


def _message(text: str) -> str:
    """The exception line of an atheris crash report (or libFuzzer's reason)."""
    if "=== Uncaught Python exception: ===" in text:
        block = text.split("=== Uncaught Python exception: ===", 1)[1].strip().splitlines()
        return next((ln.strip() for ln in block if ln.strip() and not ln.startswith((" ", "Traceback"))), "?")[:300]
    reason = re.search(r"==\d+== ERROR: libFuzzer: (.+)", text)
    return reason.group(1).strip() if reason else "unknown"


def seed_folder(folder: Path) -> None:
    """Fill an empty worker folder with the seed corpus: each article whole and each of its
    paragraphs (lines) alone under the same front matter (small inputs run many times faster)."""
    folder.mkdir(parents=True, exist_ok=True)
    if any(folder.iterdir()):
        return
    for seed in sorted(SEEDS.iterdir()):
        shutil.copyfile(seed, folder / seed.name)
        if seed.suffix != ".md":
            continue
        text = seed.read_text(encoding="utf-8")
        head, body = split_front_matter(text)
        for n, para in enumerate(p for p in body.splitlines() if p.strip()):
            (folder / f"{seed.stem}-p{n:02d}.md").write_text(head + para.strip() + "\n", encoding="utf-8")


def split_front_matter(text: str) -> tuple[str, str]:
    """(front matter block with its `---` lines, body) of a Markdown article."""
    if text.startswith("---\n") and "\n---\n" in text[4:]:
        end = text.index("\n---\n", 4) + 5
        return text[:end], text[end:]
    return "", text


def command(corpus: list[Path], seconds: int, seed: int, max_len: int, timeout: int, prefix: Path) -> list[str]:
    """The fuzzer's command line."""
    return [sys.executable, str(TARGET), *map(str, corpus), f"-dict={DICT}", f"-max_len={max_len}",
            f"-max_total_time={seconds}", f"-seed={seed}", f"-timeout={timeout}", "-rss_limit_mb=4096",
            f"-artifact_prefix={prefix}", "-print_final_stats=1"]


def worker(i: int, args: argparse.Namespace, deadline: float, summary: Summary, lock: threading.Lock) -> None:
    """Run fuzzer processes on corpus-i until the deadline, restarting after each finding."""
    out: Path = args.out
    corpus = out / f"corpus-{i}"
    seed_folder(corpus)
    k = 0
    while (left := int(deadline - time.monotonic())) > 5:
        k += 1
        run = Run(worker=i, seed=args.seed * 1000 + i * 100 + k)
        log = out / "logs" / f"worker-{i}-run-{k}.log"
        with log.open("w") as fh:
            done = subprocess.run(command([corpus], left, run.seed, args.max_len, args.timeout,
                                          out / "findings" / f"w{i}-"), stdout=fh, stderr=subprocess.STDOUT,
                                  check=False)
        run.exit_code = done.returncode
        parse_log(log.read_text(errors="replace"), run, out / "findings")
        with lock:
            summary.runs.append(run)
        if run.artifact is None and done.returncode != 0:
            break  # the fuzzer could not start: see the log
        if run.artifact is not None:
            drop_from_corpus(out / run.artifact, corpus)


def drop_from_corpus(artifact: Path, corpus: Path) -> None:
    """Remove the finding's input from the corpus (a seed that fails would stop every restart)."""
    if not artifact.is_file():
        return
    data = artifact.read_bytes()
    for path in corpus.iterdir():
        if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
            path.unlink()


def union(args: argparse.Namespace, summary: Summary) -> None:
    """Coverage of all worker corpora together: one pass over them, no mutation."""
    folders = sorted(args.out.glob("corpus-*"))
    log = args.out / "logs" / "union.log"
    cmd = command(folders, 0, args.seed, args.max_len, args.timeout, args.out / "findings" / "union-")
    with log.open("w") as fh:
        subprocess.run([*cmd, "-runs=0"], stdout=fh, stderr=subprocess.STDOUT, check=False)
    probe = Run(worker=0, seed=args.seed)
    parse_log(log.read_text(errors="replace"), probe, args.out / "findings")
    summary.union_coverage, summary.union_features = probe.coverage, probe.features


def main(argv: list[str] | None = None) -> int:
    """Run the campaign and print its summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--out", type=Path, default=HERE / ".campaign")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-len", type=int, default=4096)
    parser.add_argument("--timeout", type=int, default=10, help="seconds one input may take (else a finding)")
    parser.add_argument("--no-union", action="store_true", help="skip the final coverage pass over all corpora")
    args = parser.parse_args(argv)
    for sub in ("logs", "findings"):
        (args.out / sub).mkdir(parents=True, exist_ok=True)
    seconds = int(args.minutes * 60)
    summary = Summary(args.workers, seconds, args.seed, args.max_len)
    deadline = time.monotonic() + seconds
    lock = threading.Lock()
    threads = [threading.Thread(target=worker, args=(i, args, deadline, summary, lock))
               for i in range(1, args.workers + 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    summary.runs.sort(key=lambda r: (r.worker, r.seed))
    if not args.no_union:
        union(args, summary)
    (args.out / "summary.json").write_text(json.dumps(summary.to_dict(), indent=2) + "\n")
    (args.out / "summary.md").write_text(summary.to_markdown())
    print(summary.to_markdown(), end="")
    return 1 if summary.findings else 0


if __name__ == "__main__":
    sys.exit(main())
