"""Same release before and after a change: build three corpora and compare tables and report byte for byte.

    python bench/same_release.py --write REF        # build the reference releases into REF/<corpus>/
    python bench/same_release.py --against REF      # build again and compare with REF (exit 1 on a difference)
    python bench/same_release.py --fingerprint FILE # write the dev release's sha256s (the test's fixture)

Corpora (each skipped with a note when its texts are not on this machine):
- `dev`: `../shared/corpus/dev/articles`;
- `real-dev`: `.cache/real-dev/articles` (real news pages, local only);
- `polnear`: the `.txt` files of `.cache/ext/polnear-dev` (local only).

A refactor of the builders must leave every Parquet table and `report.json` byte-identical; the
manifest and the dataset card may differ (they record versions and the rule-set hash).
Releases are built with the installed `newsfacts` command, as in bench/accuracy.py.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import ROOT, newsfacts_build, text_folder

TABLES = ("articles", "actors", "meetings", "statements", "figures", "entities", "meeting_events", "quotes")
COMPARED = (*(f"{t}.parquet" for t in TABLES), "report.json")


def sources(shared: Path, work: Path) -> dict[str, Path]:
    """The article folder of every corpus present on this machine."""
    found: dict[str, Path] = {}
    for name, folder in (("dev", shared / "corpus" / "dev" / "articles"),
                         ("real-dev", ROOT / ".cache" / "real-dev" / "articles")):
        if folder.is_dir():
            found[name] = folder
        else:
            print(f"note: {name}: {folder} is missing, skipped")
    polnear = ROOT / ".cache" / "ext" / "polnear-dev"
    if polnear.is_dir():
        found["polnear"] = text_folder(polnear, work, "polnear")
    else:
        print(f"note: polnear: {polnear} is missing, skipped")
    return found


def fingerprint(release: Path) -> dict[str, str]:
    """sha256 of every compared file of a release."""
    return {name: hashlib.sha256((release / name).read_bytes()).hexdigest() for name in COMPARED}


def compare(release: Path, reference: Path) -> list[str]:
    """Names of the compared files whose bytes differ from the reference (or are missing there)."""
    return [name for name in COMPARED
            if not (reference / name).is_file() or (release / name).read_bytes() != (reference / name).read_bytes()]


def main(argv: list[str] | None = None) -> int:
    """Build the corpora, then write them as the reference, compare them with one, or write a fingerprint."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", type=Path, metavar="REF", help="build the reference releases here")
    mode.add_argument("--against", type=Path, metavar="REF", help="compare with the releases in REF")
    mode.add_argument("--fingerprint", type=Path, metavar="FILE", help="write the dev release's sha256s as JSON")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="newsfacts-same-"))
    corpora = sources(args.shared, work)
    if args.fingerprint:
        if "dev" not in corpora:
            raise SystemExit("the dev corpus is needed for a fingerprint")
        corpora = {"dev": corpora["dev"]}
    out = args.write or work
    failed = 0
    for name, articles in corpora.items():
        release = out / name
        newsfacts_build(articles, release)
        if args.write:
            print(f"{name:<9} reference written to {release}")
        elif args.fingerprint:
            args.fingerprint.write_text(json.dumps(fingerprint(release), indent=1, sort_keys=True) + "\n")
            print(f"{name:<9} fingerprint written to {args.fingerprint}")
        else:
            differ = compare(release, args.against / name)
            failed += bool(differ)
            print(f"{name:<9} " + (f"DIFFERENT: {', '.join(differ)}" if differ else
                                   f"identical ({len(COMPARED)} files: tables and report.json)"))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
