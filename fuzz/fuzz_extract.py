"""Coverage-guided fuzz target for ingestion plus every builder (atheris).

    pip install atheris==3.0.0
    python fuzz/fuzz_extract.py -max_total_time=300 -max_len=4096

Each input is written as a .md, a .txt and a .jsonl file, read through the ingestion entry point,
and every accepted article goes through all builders; any exception is a finding.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from newsfacts.articles import Article, read_inputs
    from newsfacts.builders import extract

WORK = Path(tempfile.mkdtemp(prefix="newsfacts-fuzz-"))


def test_one_input(data: bytes) -> None:
    """Ingest `data` in every format and extract every accepted article."""
    for name in ("a.md", "b.txt", "c.jsonl"):
        (WORK / name).write_bytes(data)
    for item in read_inputs([WORK]):
        if isinstance(item, Article):
            out = extract(item)
            failed = [p for p in out.problems if p.code == "builder-failed"]
            if failed:
                raise RuntimeError(failed[0].message)


def main() -> None:
    """Run the fuzzer with libFuzzer's command-line options."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
