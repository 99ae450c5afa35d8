"""`validate()`: each check has a broken article of its own under `articles/`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfacts.errors import InputNotFoundError, UsageError
from newsfacts.validate import ArticleResult, ValidationResult, validate
from tests.validate.conftest import ARTICLES, CORPUS, by_name, codes


@pytest.mark.parametrize(("name", "code", "line", "field"), [
    ("bad-encoding.md", "article-encoding", 6, None),
    ("unclosed-front-matter.md", "article-front-matter", 1, None),
    ("bad-yaml.md", "article-front-matter", 3, None),
    ("unknown-key.md", "article-metadata", 6, "author"),
    ("bad-date.md", "article-metadata", 4, "published_at"),
    ("bad-url.md", "article-metadata", 6, "url"),
    ("french.md", "article-metadata", 5, "language"),
    ("empty-body.md", "article-empty", 7, None),
    ("duplicate-body.md", "article-duplicate", None, None),
    ("duplicate-url.md", "article-duplicate-url", 6, "url"),
])
def test_validate_rejects_broken_article(folder: dict[str, ArticleResult], name: str, code: str,
                                         line: int | None, field: str | None) -> None:
    item = folder[name]
    assert not item.ok
    assert codes(item) == [code]
    assert (item.problems[0].line, item.problems[0].field) == (line, field)
    assert item.problems[0].article == item.file


@pytest.mark.parametrize(("name", "code"), [
    ("duplicate-title.md", "article-duplicate-title"),
    ("german-body.md", "article-language-body"),
    ("no-figures.md", "article-no-figures"),
    ("no-metadata.txt", "article-missing-key"),
    ("no-metadata.txt", "article-missing-date"),
])
def test_validate_warns_but_passes(folder: dict[str, ArticleResult], name: str, code: str) -> None:
    item = folder[name]
    assert item.ok
    assert code in codes(item)
    assert all(p.severity == "warning" for p in item.problems)


def test_validate_good_article_builds_its_tables(folder: dict[str, ArticleResult]) -> None:
    item = folder["good.md"]
    assert item.ok and item.problems == []
    assert item.expectations is not None and item.expectations.endswith("good.expect.yaml")
    assert item.counts["actors"] >= 2 and item.counts["meetings"] >= 1 and item.counts["figures"] >= 1
    assert item.article_id is not None and len(item.article_id) == 16


def test_validate_missing_keys_are_named(folder: dict[str, ArticleResult]) -> None:
    fields = [p.field for p in folder["no-metadata.txt"].problems if p.code == "article-missing-key"]
    assert fields == ["title", "publisher"]


def test_validate_unmet_expectations_fail_at_their_line(folder: dict[str, ArticleResult]) -> None:
    item = folder["pinned.md"]
    assert not item.ok
    found = [(p.code, p.table, p.line) for p in item.problems]
    assert found == [("expect-count", "figures", 4), ("expect-missing-row", "actors", 8),
                     ("expect-missing-row", "meetings", 11), ("expect-missing-row", "figures", 14)]
    assert all(p.article == item.expectations for p in item.problems)


def test_validate_orphan_sidecar_fails(folder: dict[str, ArticleResult]) -> None:
    assert codes(folder["orphan.expect.yaml"]) == ["expect-invalid"]


def test_validate_strict_turns_warnings_into_failures() -> None:
    path = ARTICLES / "no-figures.md"
    assert validate([path], corpus=CORPUS).ok
    strict = validate([path], corpus=CORPUS, strict=True)
    assert not strict.ok
    assert [(p.code, p.severity) for p in strict.problems] == [("article-no-figures", "error")]


def test_validate_duplicate_within_the_run(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: One\n---\nThe minister said the talks were over.\n")
    (tmp_path / "b.txt").write_text("The minister said the talks were over.\n")
    result = by_name(validate([tmp_path], corpus=None))
    assert "article-duplicate" not in codes(result["a.md"])
    assert codes(result["b.txt"])[0] == "article-duplicate"


def test_validate_an_article_is_not_its_own_duplicate() -> None:
    result = validate([CORPUS / "published.md"], corpus=CORPUS)
    duplicates = {"article-duplicate", "article-duplicate-url", "article-duplicate-title"}
    assert not duplicates & set(codes(result.articles[0]))


def test_validate_jsonl_lines_are_articles_of_their_own(tmp_path: Path) -> None:
    good = {"title": "T", "publisher": "P", "published_at": "2024-03-19", "language": "en",
            "text": "The Foreign Ministry of Norway said on Monday that 40 aid workers had reached the border."}
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({**good, "language": "de"}) + "\n")
    result = validate([path], corpus=None)
    assert [(a.line, a.ok) for a in result.articles] == [(1, True), (2, False), (3, False)]
    assert [codes(a) for a in result.articles[1:]] == [["article-json"], ["article-metadata"]]
    assert result.articles[2].problems[0].line == 3


def test_validate_table_problems_come_from_the_release_validators(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsfacts.engine as engine

    real = engine.extract

    def broken(article):  # type: ignore[no-untyped-def]
        rows = real(article)
        first, second = rows.figures[0], rows.figures[1]
        rows.figures = [first.model_copy(update={"category": "bogus"}),
                        second.model_copy(update={"char_end": second.char_end + 1}), *rows.figures[2:]]
        return rows

    monkeypatch.setattr(engine, "extract", broken)
    result = validate([ARTICLES / "good.md"], corpus=None)
    item = result.articles[0]
    assert not item.ok
    # the release would drop the two bad figures and keep the article; here each drop is an error
    found = {(p.code, p.severity, p.table, p.field): p for p in item.problems}
    assert found["row-invalid", "error", "figures", "category"].line == 12
    assert found["row-invalid", "error", "figures", "text"].line == 12
    assert all(p.rule_id and p.evidence for p in item.problems if p.code == "row-invalid")
    assert "expect-missing-row" in [p.code for p in item.problems]  # good.expect.yaml pins that figure


def test_validate_cross_table_failure_rejects_the_article(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsfacts.engine as engine

    real = engine.extract

    def dangling(article):  # type: ignore[no-untyped-def]
        rows = real(article)
        rows.statements = [rows.statements[0].model_copy(update={"speaker_id": "person:nobody"}),
                           *rows.statements[1:]]
        return rows

    monkeypatch.setattr(engine, "extract", dangling)
    item = validate([ARTICLES / "good.md"], corpus=None).articles[0]
    assert [(p.code, p.severity, p.table, p.field, p.line) for p in item.problems] == [
        ("fk-actor-missing", "error", "statements", "speaker_id", 8)]
    assert item.counts == {}


def test_validate_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError):
        validate([tmp_path / "missing.md"], corpus=None)
    with pytest.raises(UsageError, match="corpus"):
        validate([ARTICLES / "good.md"], corpus=tmp_path / "no-corpus")
    with pytest.raises(UsageError, match="nothing to validate"):
        validate([], corpus=None)


def test_validate_report_is_deterministic_and_relative(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ARTICLES.parent)
    runs = [validate([Path("articles/bad-url.md"), Path("articles/french.md")], corpus=Path("corpus"))
            for _ in range(2)]
    texts = [json.dumps(r.to_dict(), sort_keys=True) for r in runs]
    assert texts[0] == texts[1]
    assert str(ARTICLES) not in texts[0]
    assert [a.file for a in runs[0].articles] == ["articles/bad-url.md", "articles/french.md"]


def test_validate_summary(folder_result: ValidationResult) -> None:
    s = folder_result.summary()
    assert s["articles"] == len(folder_result.articles) == s["passed"] + s["failed"]
    assert s["errors"] == sum(p.severity == "error" for p in folder_result.problems)
    assert not folder_result.ok
