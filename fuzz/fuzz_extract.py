"""Coverage-guided fuzz target: ingestion, every builder and the checks every row must pass (atheris).

    pip install -e '.[fuzz]'
    python fuzz/fuzz_extract.py CORPUS_DIR -dict=fuzz/newsfacts.dict -max_len=8192 -max_total_time=300
    python fuzz/campaign.py --workers 2 --minutes 30      # several processes, findings collected

Each input is written as one file (`.jsonl` when it starts with `{`, else `.md`, front matter
optional) and read through the ingestion entry point; an accepted article goes through all
builders and its rows through the checks of a release (JSON Schemas, spans, keys, references:
`validate_tables(frames=False)`, the pandera frame checks left out for speed as they check the
same constraints). A finding is any exception, a builder that raised, or a row a check refuses:
the rules must produce valid rows, and the build's isolation is only a safety net.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["newsfacts"]):
    from newsfacts.articles import Article, read_file
    from newsfacts.builders import extract
    from newsfacts.validators import validate_tables

SHM = Path("/dev/shm")
WORK = Path(tempfile.mkdtemp(prefix="newsfacts-fuzz-", dir=SHM if SHM.is_dir() else None))


class Finding(Exception):
    """The rules produced something a release would have to drop."""


def check(data: bytes) -> None:
    """Ingest `data`, extract every accepted article and check its rows; raise `Finding` if any fails."""
    path = WORK / ("in.jsonl" if data[:1] == b"{" else "in.md")
    path.write_bytes(data)
    for item in read_file(path, path.name):
        if not isinstance(item, Article):
            continue
        out = extract(item)
        failed = [p.message for p in out.problems if p.code == "builder-failed"]
        if failed:
            raise Finding(failed[0])
        tables = {name: [r.model_dump() for r in rows] for name, rows in out.tables().items()}
        errors = [p for p in validate_tables(tables, {item.article_id: item.body}, frames=False)
                  if p.severity == "error"]
        if errors:  # the same message for the same bug, whatever the input: findings group by it
            raise Finding(f"{errors[0].code} {errors[0].table} {errors[0].field}: {errors[0].message}")


def main() -> None:
    """Run the fuzzer with libFuzzer's command-line options."""
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
