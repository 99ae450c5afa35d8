"""Article-level checks of `newsfacts validate` that the release does not make.

Ingestion (`newsfacts.articles`) already rejects bad encodings, broken front matter and metadata
that fails the front-matter JSON Schema (unknown keys, date and URL formats, `language` other than
`en`) and empty bodies. These checks add what a reviewer of a new article wants to know:

- `article-missing-key` (warning): no `title` or `publisher` in the metadata;
- `article-language-body` (warning): the body does not read as English by a stop-word ratio;
- `article-duplicate` (error): same body as an article of the corpus or of this run;
- `article-duplicate-url` (error) / `article-duplicate-title` (warning): same URL / same title;
- `article-no-figures` and `statement-no-speaker` (warnings) on the built rows.

The corpus is indexed cheaply by `fingerprints()`: read, normalize and hash each body, no extraction.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from newsfacts.articles import Article, article_id, normalize_body
from newsfacts.problems import Problem, problem

RECOMMENDED_KEYS = ("title", "publisher")
MIN_WORDS = 20
MIN_STOP_RATIO = 0.15
STOP_WORDS = frozenset({
    "the", "of", "and", "to", "a", "in", "is", "that", "for", "on", "with", "as", "was", "said",
    "by", "at", "from", "it", "has", "have", "are", "be", "he", "his", "her", "its", "they",
    "their", "an", "this", "which", "who", "not", "but", "were", "had", "will", "after", "been",
    "would", "also", "more", "than", "or",
})
_WORD = re.compile(r"[^\W\d_]+")
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def split_text(text: str, suffix: str) -> tuple[str, str, int]:
    """(front-matter block, body text, 1-based line where the body text starts) of a file's text.

    Follows `articles.read_file`: front matter only in `.md` files, between a first line `---` and
    the next `---` line. Without a closing line the whole text is the body.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    lines = text.split("\n")
    if suffix != ".md" or lines[0].rstrip() != "---":
        return "", text, 1
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "---"), None)
    if end is None:
        return "", text, 1
    return "\n".join(lines[1:end]), "\n".join(lines[end + 1:]), end + 2


def key_lines(block: str) -> dict[str, int]:
    """Line in the file of each top-level key of a front-matter block (the block starts on line 2)."""
    return {ln.split(":", 1)[0].strip(): i + 2 for i, ln in enumerate(block.split("\n"))
            if ":" in ln and not ln[:1].isspace()}


def first_body_line(body_text: str, body_line: int) -> int:
    """Line of the first character of the normalized body (leading blank lines are stripped)."""
    stripped = body_text.lstrip()
    return body_line + body_text[: len(body_text) - len(stripped)].count("\n")


def title_key(title: str | None) -> str | None:
    """A title folded for near-duplicate comparison: ASCII, lowercase, words only."""
    if not title:
        return None
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().casefold()
    return " ".join(re.findall(r"[a-z0-9]+", folded)) or None


def url_key(url: str | None) -> str | None:
    """A URL folded for comparison: no scheme, `www.` or fragment, lowercase host, no trailing `/`."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    host = parts.netloc.lower().removeprefix("www.")
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{parts.path.rstrip('/')}{query}"


@dataclass(frozen=True)
class Fingerprint:
    """What duplicate checks need of one article: its id, folded title and URL, and where it is."""

    article_id: str
    title: str | None
    url: str | None
    where: str

    @classmethod
    def of(cls, article: Article, where: str) -> Fingerprint:
        """The fingerprint of a loaded article."""
        return cls(article.article_id, title_key(article.title), url_key(article.url), where)


def fingerprints(path: Path, where: str) -> Iterator[Fingerprint]:
    """Fingerprints of the article(s) of one corpus file; unreadable files and lines are skipped."""
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return
    if path.suffix == ".jsonl":
        for number, line in enumerate(text.split("\n"), start=1):
            record = _json_object(line)
            if record is not None and isinstance(record.get("text"), str):
                yield _fingerprint(record, record["text"], f"{where}#{number}")
        return
    block, body, _ = split_text(text, path.suffix)
    meta: Any = {}
    if block.strip():
        try:
            meta = yaml.load(block, Loader=_LOADER)
        except yaml.YAMLError:
            meta = {}
    yield _fingerprint(meta if isinstance(meta, dict) else {}, body, where)


def _json_object(line: str) -> dict[str, Any] | None:
    """The JSON object of a line, or None."""
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except ValueError:
        return None
    return record if isinstance(record, dict) else None


def _fingerprint(meta: Mapping[str, Any], body: str, where: str) -> Fingerprint:
    """Fingerprint from metadata and raw body text."""
    title, url = meta.get("title"), meta.get("url")
    return Fingerprint(article_id(normalize_body(body)), title_key(str(title) if title else None),
                       url_key(str(url) if url else None), where)


@dataclass
class CorpusIndex:
    """Articles seen so far (the corpus, then each validated article), by id, title and URL."""

    by_id: dict[str, str] = field(default_factory=dict)
    by_title: dict[str, str] = field(default_factory=dict)
    by_url: dict[str, str] = field(default_factory=dict)

    def add(self, fp: Fingerprint) -> None:
        """Remember an article (the first one wins)."""
        self.by_id.setdefault(fp.article_id, fp.where)
        if fp.title:
            self.by_title.setdefault(fp.title, fp.where)
        if fp.url:
            self.by_url.setdefault(fp.url, fp.where)

    def check(self, article: Article, fp: Fingerprint, lines: Mapping[str, int]) -> list[Problem]:
        """Duplicate and near-duplicate problems of an article against what was seen before."""
        file, out = article.file, []
        if fp.article_id in self.by_id:
            out.append(problem("article-duplicate", article=file, line=article.line,
                               detail=f"{fp.article_id}, already in {self.by_id[fp.article_id]}"))
        if fp.url and fp.url in self.by_url:
            out.append(problem("article-duplicate-url", article=file, field="url",
                               line=lines.get("url", article.line), detail=self.by_url[fp.url]))
        if fp.title and fp.title in self.by_title:
            out.append(problem("article-duplicate-title", article=file, field="title",
                               line=lines.get("title", article.line), detail=self.by_title[fp.title]))
        return out


def stop_word_ratio(body: str) -> tuple[float, int]:
    """(share of English stop words among the words, number of words) of a body."""
    words = _WORD.findall(body.casefold())
    if not words:
        return 0.0, 0
    return sum(w in STOP_WORDS for w in words) / len(words), len(words)


def check_article(article: Article, lines: Mapping[str, int]) -> list[Problem]:
    """Warnings for missing recommended metadata and a body that does not read as English.

    `lines` maps front-matter keys to their line in the file (empty for other formats).
    """
    out = [problem("article-missing-key", article=article.file, field=key, line=article.line or 1)
           for key in RECOMMENDED_KEYS if getattr(article, key) is None]
    ratio, words = stop_word_ratio(article.body)
    if words >= MIN_WORDS and ratio < MIN_STOP_RATIO:
        out.append(problem("article-language-body", article=article.file, line=lines.get("language", article.line),
                           field="language", detail=f"{ratio:.0%} English stop words in {words} words "
                                                    f"(English text has over {MIN_STOP_RATIO:.0%})"))
    return out


def check_rows(article: Article, tables: Mapping[str, Sequence[Mapping[str, Any]]]) -> list[Problem]:
    """Warnings on the built rows: no figures at all, statements whose speaker is not an actor."""
    out = []
    if not tables.get("figures"):
        out.append(problem("article-no-figures", article=article.file, table="figures", line=article.line))
    for row in tables.get("statements", ()):
        if row.get("speaker_id") is None:
            out.append(problem("statement-no-speaker", article=article.file, table="statements",
                               row_key=str(row.get("statement_id")), field="speaker_id",
                               detail=f"speaker: {row.get('speaker_text')}"))
    return out
