"""Renderings of a validation result: JSON parsed back, GitHub annotations and JUnit XML parsed."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from newsfacts.problems import problem
from newsfacts.validate import ArticleResult, ValidationResult
from newsfacts.validators.formats import FORMATS, render, render_github, render_json, render_junit, render_text

ANNOTATION = re.compile(r"^::(error|warning) (?P<props>[^:]*)::(?P<message>.*)$")


def sample() -> ValidationResult:
    """Two articles: one passing with a warning, one failing with a tricky message."""
    ok = ArticleResult("seeds/a.md", article_id="0" * 16, counts={"actors": 2, "meetings": 0, "statements": 1,
                                                                   "figures": 0},
                       problems=[problem("article-no-figures", article="seeds/a.md", table="figures")])
    bad = ArticleResult("seeds/b,c.md", problems=[
        problem("article-metadata", article="seeds/b,c.md", line=4, field="url",
                detail="100% wrong\nsecond line [x] \x00"),
        problem("article-empty", article="seeds/b,c.md", line=9)])
    return ValidationResult([ok, bad], corpus="seeds")


def test_formats_json_has_stable_documented_keys() -> None:
    data = json.loads(render_json(sample()))
    assert list(data) == ["format_version", "ok", "strict", "changed_since", "corpus", "summary", "articles"]
    assert data["summary"] == {"articles": 2, "passed": 1, "failed": 1, "errors": 2, "warnings": 1}
    first = data["articles"][0]
    assert list(first) == ["file", "line", "article_id", "status", "counts", "expectations", "problems"]
    assert list(first["problems"][0]) == ["code", "severity", "message", "article", "table", "row_key", "field",
                                          "line", "evidence", "rule_id"]
    assert [a["status"] for a in data["articles"]] == ["pass", "fail"]


def test_formats_github_annotations_parse_back() -> None:
    lines = render_github(sample()).splitlines()
    parsed = [ANNOTATION.match(line) for line in lines[:-1]]
    assert all(parsed)
    kinds = [m.group(1) for m in parsed if m]
    assert kinds == ["warning", "error", "error"]
    props = [dict(kv.split("=", 1) for kv in m.group("props").split(",")) for m in parsed if m]
    assert props[0] == {"file": "seeds/a.md", "title": "article-no-figures"}
    assert props[1] == {"file": "seeds/b%2Cc.md", "line": "4", "title": "article-metadata"}
    message = parsed[1].group("message") if parsed[1] else ""
    assert "\n" not in message and "100%25 wrong%0Asecond line" in message
    assert lines[-1].startswith("2 article(s): 1 passed, 1 failed")


def test_formats_junit_is_valid_xml_with_one_case_per_article() -> None:
    root = ET.fromstring(render_junit(sample()).encode("utf-8"))
    assert root.tag == "testsuites" and root.get("tests") == "2" and root.get("failures") == "1"
    cases = root.findall("./testsuite/testcase")
    assert [c.get("name") for c in cases] == ["seeds/a.md", "seeds/b,c.md"]
    assert cases[0].find("failure") is None
    assert "article-no-figures" in (cases[0].findtext("system-out") or "")
    failure = cases[1].find("failure")
    assert failure is not None and failure.get("type") == "article-metadata"
    assert "seeds/b,c.md:9 error article-empty" in (failure.text or "")
    assert "\ufffd" in (failure.text or "")  # the NUL character cannot be in XML


def test_formats_text_has_one_row_per_problem() -> None:
    text = render_text(sample(), width=200)
    assert "\x1b[" not in text
    rows = [line for line in text.splitlines() if "seeds/b,c.md:" in line]
    assert [r.split("│")[1].strip() for r in rows] == ["seeds/b,c.md:4", "seeds/b,c.md:9"]
    assert "second line [x]" in text
    assert text.rstrip().endswith("(2 error(s), 1 warning(s))")
    assert "\x1b[" in render_text(sample(), color=True)


@pytest.mark.parametrize("fmt", FORMATS)
def test_formats_render_is_deterministic(fmt: str) -> None:
    assert render(sample(), fmt) == render(sample(), fmt)


def test_formats_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        render(sample(), "yaml")
