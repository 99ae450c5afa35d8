"""Builders: article text → rows. Pure functions; they never write files.

`extract(article)` runs the four table builders in order (actors first: the others point at them)
and returns the rows of every table with the problems found on the way.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field

from newsfacts.articles import Article
from newsfacts.builders.actors.build import build_actors
from newsfacts.builders.actors.mentions import ActorIndex
from newsfacts.builders.figures.build import build_figures
from newsfacts.builders.meetings.build import build_meetings
from newsfacts.builders.statements.build import build_statements
from newsfacts.builders.text.document import Doc
from newsfacts.problems import Problem, problem
from newsfacts.schema.models import ActorRow, ArticleRow, FigureRow, MeetingRow, Row, StatementRow


@dataclass
class ArticleRows:
    """All rows extracted from one article."""

    article: ArticleRow
    actors: list[ActorRow] = field(default_factory=list)
    meetings: list[MeetingRow] = field(default_factory=list)
    statements: list[StatementRow] = field(default_factory=list)
    figures: list[FigureRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def tables(self) -> dict[str, list[Row]]:
        """Rows by table name, the articles table included."""
        return {"articles": [self.article], "actors": list(self.actors), "meetings": list(self.meetings),
                "statements": list(self.statements), "figures": list(self.figures)}


def article_row(doc: Doc) -> ArticleRow:
    """The articles-table row of a document."""
    a = doc.article
    return ArticleRow(article_id=a.article_id, title=a.title, publisher=a.publisher, url=a.url,
                      published_at=a.published_at, language=a.language, source_path=a.source_path,
                      n_chars=len(a.body), n_sentences=len(doc.sentences))


def extract(article: Article) -> ArticleRows:
    """Run every builder on one article. A builder that raises yields a `builder-failed` problem.

    Python's cyclic garbage collector is paused meanwhile: the builders allocate many small,
    short-lived objects (tokens, candidates) and make few reference cycles, so collecting during
    the extraction costs time and frees little; whatever it would have found is collected after.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        return _extract(article)
    finally:
        if paused:
            gc.enable()


def _extract(article: Article) -> ArticleRows:
    """`extract` with the collector as it is."""
    doc = Doc.of(article)
    out = ArticleRows(article=article_row(doc), problems=list(article.warnings))
    index = ActorIndex([], [])
    try:
        out.actors, index, found = build_actors(doc)
        out.problems.extend(found)
    except Exception as e:  # a bug in a builder must not stop the build
        out.problems.append(_failed("actors", article, e))
    for name, builder in (("meetings", build_meetings), ("statements", build_statements),
                          ("figures", build_figures)):
        try:
            rows, found = builder(doc, index)
            setattr(out, name, rows)
            out.problems.extend(found)
        except Exception as e:  # a bug in a builder must not stop the build
            out.problems.append(_failed(name, article, e))
    doc.release()
    return out


def _failed(table: str, article: Article, error: Exception) -> Problem:
    """A builder-failed problem naming the builder and the exception."""
    return problem("builder-failed", article=article.file or article.source_path, table=table,
                   line=article.line, detail=f"{table} ({type(error).__name__}: {error})")


__all__ = ["ArticleRows", "article_row", "extract"]
