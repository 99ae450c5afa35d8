"""Lexicons are found by logical name in the builders' `lexicons/` folders; the rule-set hash
depends on names and contents, not on where the files live."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfacts.builders.text import lexicon


def test_every_builder_folder_is_read_and_names_are_unique() -> None:
    files = lexicon.lexicon_files()
    assert {"abbreviations.yaml", "titles.yaml", "cities.tsv", "meetings.yaml", "speech_verbs.yaml",
            "units.yaml"} <= set(files)
    assert lexicon.load_data("abbreviations.yaml")["words"]


def test_an_unknown_lexicon_names_the_folders_searched() -> None:
    with pytest.raises(LookupError, match=r"no lexicon named nope\.yaml"):
        lexicon.lexicon_text("nope.yaml")


def test_rules_hash_ignores_where_a_file_lives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = lexicon.rules_hash()
    moved = {}
    for n, (name, item) in enumerate(sorted(lexicon.lexicon_files().items())):
        folder = tmp_path / f"elsewhere-{n % 3}"
        folder.mkdir(exist_ok=True)
        (folder / name).write_bytes(item.read_bytes())
        moved[name] = folder / name
    monkeypatch.setattr(lexicon, "lexicon_files", lambda: moved)
    assert lexicon.rules_hash() == before
    (moved["titles.yaml"]).write_bytes(b"changed")
    assert lexicon.rules_hash() != before


def test_two_files_of_one_name_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for sub in ("a", "b"):
        (tmp_path / sub / "lexicons").mkdir(parents=True)
        (tmp_path / sub / "lexicons" / "same.yaml").write_text("x: 1\n")
    monkeypatch.setattr(lexicon.resources, "files", lambda package: tmp_path)
    lexicon.lexicon_files.cache_clear()
    try:
        with pytest.raises(LookupError, match=r"same\.yaml"):
            lexicon.lexicon_files()
    finally:
        lexicon.lexicon_files.cache_clear()
