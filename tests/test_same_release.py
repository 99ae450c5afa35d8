"""The dev corpus' release keeps its bytes: tables and report.json match a committed fingerprint.

The fingerprint (`tests/fixtures/dev-release.sha256.json`) is the sha256 of every table file and
of `report.json`. A change that is meant to alter the extraction rewrites it with
`python bench/same_release.py --fingerprint tests/fixtures/dev-release.sha256.json`; a refactor
never should.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from newsfacts import build
from tests.conftest import ROOT, SHARED

DEV = SHARED / "corpus" / "dev" / "articles"
FINGERPRINT = ROOT / "tests" / "fixtures" / "dev-release.sha256.json"


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/corpus/dev is not beside the project")
def test_dev_release_is_byte_identical_to_the_fingerprint(tmp_path: Path) -> None:
    expected = json.loads(FINGERPRINT.read_text())
    result = build([DEV], tmp_path / "dev", workers=1)
    assert result.written
    got = {name: hashlib.sha256((tmp_path / "dev" / name).read_bytes()).hexdigest() for name in expected}
    assert got == expected
