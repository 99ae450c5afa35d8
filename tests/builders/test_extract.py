"""`extract` pauses the cyclic garbage collector while it runs and leaves it as it found it."""

from __future__ import annotations

import gc

import pytest

from newsfacts.builders import extract
from tests.conftest import make_article

TEXT = "Foreign Minister Ali Bongo met his Kenyan counterpart in Nairobi on Monday, officials said."


def test_the_collector_is_paused_during_extraction_and_restored(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    from newsfacts import builders

    real = builders._extract
    monkeypatch.setattr(builders, "_extract", lambda article: (seen.append(gc.isenabled()), real(article))[1])
    assert gc.isenabled()
    rows = extract(make_article(TEXT))
    assert seen == [False] and gc.isenabled()
    assert rows.meetings and rows.actors


def test_a_disabled_collector_stays_disabled() -> None:
    gc.disable()
    try:
        extract(make_article(TEXT))
        assert not gc.isenabled()
    finally:
        gc.enable()
