"""Accuracy on every annotated corpus at hand: build a release of each and score it.

    python bench/accuracy.py [--corpora dev real-dev conll polnear] [--shared ../shared] [--work DIR] [--json OUT]

Corpora (each skipped with a note when its texts are not on this machine):
- `dev`: `../shared/corpus/dev` (articles written for the project);
- `real-dev`: real news pages rebuilt into `.cache/real-dev` (see `../shared/corpus/real-dev/README.md`);
- `conll`: CoNLL++ dev, news documents only, converted into `.cache/ext/conllpp-dev`;
- `polnear`: PolNeAR dev, converted into `.cache/ext/polnear-dev` (see `../shared/eval/external/README.md`).

Every release is built with the installed `newsfacts` command, as a user would, and scored with
the shared scorers; the scorers' own output is printed, then one summary line per corpus.
"""

from __future__ import annotations

import argparse
import datetime
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ("dev", "real-dev", "conll", "polnear")


def newsfacts_build(articles: Path, out: Path) -> None:
    """Build a release of `articles` into `out` with the command-line tool (exit 1 = some rejected)."""
    cmd = [sys.executable, "-m", "newsfacts.cli", "build", str(articles), "--out", str(out), "--overwrite", "--quiet"]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1) or not (out / "manifest.json").exists():
        raise SystemExit(f"build of {articles} failed (exit {done.returncode}):\n{done.stdout}{done.stderr}")


def score_gold(name: str, release: Path, gold: Path, articles: Path, shared: Path, work: Path) -> dict:
    """Run score.py on a release with newsfacts gold; print its table, return its JSON scores."""
    out = work / f"{name}.score.json"
    cmd = [sys.executable, str(shared / "eval" / "score.py"), "--release", str(release), "--gold", str(gold),
           "--articles", str(articles), "--json", str(out)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    print(done.stdout.rstrip())
    if done.returncode not in (0, 1):
        raise SystemExit(f"score.py failed on {name}: {done.stderr}")
    return json.loads(out.read_text())["scores"]


def score_external(kind: str, release: Path, gold_dir: Path, shared: Path) -> dict:
    """Run score_ext.py (conll or polnear); print and return its JSON line."""
    cmd = [sys.executable, str(shared / "eval" / "external" / "score_ext.py"), kind, "--release", str(release),
           "--gold-dir", str(gold_dir)] + (["--news-only"] if kind == "conll" else [])
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    print(done.stdout.rstrip())
    return json.loads(done.stdout.strip().splitlines()[-1])


def text_folder(gold_dir: Path, work: Path, name: str) -> Path:
    """A folder holding only the converted corpus' .txt files (the build reads every file it finds)."""
    folder = work / f"{name}-txt"
    folder.mkdir(parents=True, exist_ok=True)
    for txt in sorted(gold_dir.glob("*.txt")):
        shutil.copyfile(txt, folder / txt.name)
    return folder


def run(name: str, shared: Path, work: Path) -> dict | None:
    """Build and score one corpus; None (with a note) when its texts are not here."""
    release = work / f"{name}-release"
    if name in ("dev", "real-dev"):
        base = shared / "corpus" / "dev" if name == "dev" else ROOT / ".cache" / "real-dev"
        articles, gold = base / "articles", base / "gold"
        if not articles.is_dir():
            print(f"note: {name}: {articles} is missing (see ../shared/corpus/real-dev/README.md)")
            return None
        newsfacts_build(articles, release)
        return score_gold(name, release, gold, articles, shared, work)
    gold_dir = ROOT / ".cache" / "ext" / ("conllpp-dev" if name == "conll" else "polnear-dev")
    if not gold_dir.is_dir():
        print(f"note: {name}: {gold_dir} is missing (see ../shared/eval/external/README.md)")
        return None
    newsfacts_build(text_folder(gold_dir, work, name), release)
    return score_external(name, release, gold_dir, shared)


def summary(name: str, scores: dict) -> str:
    """One line per corpus: the F1 and attribute figures the issues name."""
    if name == "conll":
        return (f"conll     persons F1 {scores['person']['f1']:.3f} (P {scores['person']['precision']:.3f} "
                f"R {scores['person']['recall']:.3f})  organizations F1 {scores['organization']['f1']:.3f} "
                f"(P {scores['organization']['precision']:.3f} R {scores['organization']['recall']:.3f})")
    if name == "polnear":
        return (f"polnear   quoted F1 {scores['f1']:.3f} (recall {scores['quoted_recall']:.3f}, "
                f"precision {scores['precision']:.3f})")
    parts = []
    for table in ("actors", "meetings", "statements.detection", "statements.attributed", "figures"):
        s = scores.get(table, {})
        if "f1" in s:
            parts.append(f"{table} {s['f1']:.3f}")
    attrs = []
    for table, attr in (("meetings", "date"), ("meetings", "location_country"), ("figures", "source"),
                        ("actors", "country")):
        a = scores.get(table, {}).get("attributes", {}).get(attr)
        if a and a.get("total"):
            attrs.append(f"{table}.{attr} {a['correct'] / a['total']:.3f}")
    return f"{name:<9} " + "  ".join(parts) + ("  |  " + "  ".join(attrs) if attrs else "")


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, score each corpus, print the summary."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", nargs="+", choices=CORPORA, default=list(CORPORA))
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--work", type=Path, default=None, help="keep releases and scores here")
    parser.add_argument("--json", type=Path, default=None, help="write every corpus' scores as JSON")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="newsfacts-accuracy-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict[str, dict] = {}
    for name in args.corpora:
        print(f"== {name}")
        scores = run(name, args.shared, work)
        if scores is not None:
            results[name] = scores
    print(f"\n== summary ({datetime.date.today().isoformat()})")
    for name, scores in results.items():
        print(summary(name, scores))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
