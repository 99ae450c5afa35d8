"""`explain(release, row_id)`: why a row is in a release.

The row with its article (title, publisher, source path), the rule that made it with the rule's
description, and the rows it links to: a meeting's participants, a statement's speaker, a figure's
source, or for an actor the meetings, statements and figures that name it. A release holds no
article text; given the corpus folder the release was built from, the article is read again from
its `source_path` and the sentence of the row comes back with the evidence span marked.

Row ids: `meeting_id`, `statement_id` or `figure_id` (`<article_id>-<hash>`), an `article_id`, or
`ARTICLE_ID/ACTOR_ID` for an actor.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsfacts.errors import UsageError
from newsfacts.rules import Rule, describe
from newsfacts.schema.columns import to_json_row
from newsfacts.views import ROW_KEYS

# (table, column holding actor ids, role of the actor for the row, role of the row for the actor)
LINKS = (("meetings", "participants", "participant", "meeting"),
         ("statements", "speaker_id", "speaker", "statement"),
         ("figures", "source_id", "source", "figure"))


class RowNotFoundError(UsageError):
    """No row of the release has the id asked for."""


@dataclass(frozen=True)
class Link:
    """A row linked to the explained one, and its role ("participant", "speaker", "meeting" …)."""

    role: str
    table: str
    row: dict[str, Any]


@dataclass(frozen=True)
class Evidence:
    """The row's sentence from the corpus, with the evidence span inside it (`start`, `end`)."""

    source: str
    text: str
    start: int
    end: int


@dataclass
class Explanation:
    """Everything `newsfacts explain` shows about one row."""

    release: str
    table: str
    row: dict[str, Any]
    article: dict[str, Any]
    names: dict[tuple[str, str], str]
    rule: Rule | None
    links: list[Link] = field(default_factory=list)
    evidence: Evidence | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def row_id(self) -> str:
        """The id the row is found by."""
        if self.table == "actors":
            return f"{self.row['article_id']}/{self.row['actor_id']}"
        return str(self.row[ROW_KEYS.get(self.table, "article_id")])

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with stable keys; rows as stored, plus actor names by id."""
        names = {actor_id: name for (aid, actor_id), name in sorted(self.names.items())
                 if aid == self.row["article_id"]}
        return {"release": self.release, "table": self.table, "row_id": self.row_id, "row": to_json_row(self.row),
                "article": to_json_row(self.article), "actor_names": names,
                "rule": self.rule.to_dict() if self.rule else None,
                "links": [{"role": k.role, "table": k.table, "row": to_json_row(k.row)} for k in self.links],
                "evidence": None if self.evidence is None else {
                    "source": self.evidence.source, "sentence": self.evidence.text,
                    "start": self.evidence.start, "end": self.evidence.end,
                    "text": self.evidence.text[self.evidence.start:self.evidence.end]},
                "notes": self.notes}


def explain(release_dir: Path | str, row_id: str, corpus: Path | str | None = None, *,
            verify: bool = True) -> Explanation:
    """Explain one row of a release (see the module doc for the id forms).

    Raises `InputNotFoundError` for a missing release or corpus folder, `ReleaseCheckError` when
    the files do not match the manifest (unless `verify=False`) and `RowNotFoundError` for an id
    no row has.
    """
    import pyarrow.compute as pc

    from newsfacts.datasets.load import checked_release, read_arrow
    from newsfacts.errors import InputNotFoundError
    from newsfacts.schema.models import ARTICLE_TABLES

    if corpus is not None and not Path(corpus).is_dir():
        raise InputNotFoundError(Path(corpus))
    release = checked_release(release_dir, ARTICLE_TABLES, verify)
    article_id = row_id.split("/", 1)[0].split("-", 1)[0]
    rows: dict[str, list[dict[str, Any]]] = {}
    for table in ARTICLE_TABLES:
        data = read_arrow(release, table)
        rows[table] = data.filter(pc.equal(data.column("article_id"), article_id)).to_pylist()
    table, row = _find(rows, row_id)
    article = rows["articles"][0] if rows["articles"] else {"article_id": article_id}
    names = {(a["article_id"], a["actor_id"]): a["name"] for a in rows["actors"]}
    out = Explanation(str(release.path), table, row, article, names,
                      describe(row["rule_id"]) if "rule_id" in row else None, links=_links(table, row, rows))
    if "rule_id" in row and out.rule is None:
        out.notes.append(f"rule {row['rule_id']} is not in this package's rule catalogue (newsfacts rules)")
    if corpus is not None and "char_start" in row:
        out.evidence = _evidence(Path(corpus), article, row, out.notes)
    return out


def _find(rows: dict[str, list[dict[str, Any]]], row_id: str) -> tuple[str, dict[str, Any]]:
    """(table, row) of the id among one article's rows; `RowNotFoundError` when none has it."""
    if "/" in row_id:
        actor_id = row_id.split("/", 1)[1]
        found = [("actors", r) for r in rows["actors"] if r["actor_id"] == actor_id]
    elif "-" in row_id:
        found = [(t, r) for t, key in ROW_KEYS.items() for r in rows[t] if r[key] == row_id]
    else:
        found = [("articles", r) for r in rows["articles"]]
    if not found:
        raise RowNotFoundError(f"no row {row_id!r} in this release; give a meeting_id, statement_id or "
                               "figure_id, an article_id, or ARTICLE_ID/ACTOR_ID for an actor")
    return found[0]


def _links(table: str, row: dict[str, Any], rows: dict[str, list[dict[str, Any]]]) -> list[Link]:
    """The rows linked to `row` through actor ids, in table order."""
    actors = {a["actor_id"]: a for a in rows["actors"]}
    out: list[Link] = []
    for other, column, role, back in LINKS:
        if table == other:
            ids = row.get(column) or []
            for actor_id in [ids] if isinstance(ids, str) else ids:
                if actor_id in actors:
                    out.append(Link(role, "actors", actors[actor_id]))
        elif table == "actors":
            for r in rows[other]:
                ids = r.get(column) or []
                if row["actor_id"] in ([ids] if isinstance(ids, str) else ids):
                    out.append(Link(back, other, r))
    return out


def _evidence(corpus: Path, article: dict[str, Any], row: dict[str, Any], notes: list[str]) -> Evidence | None:
    """The row's sentence read from the corpus, or None (with a note saying why)."""
    from newsfacts.articles import Article, read_file
    from newsfacts.builders.text.document import Doc

    source = str(article.get("source_path") or "")
    path = corpus / source.split("#", 1)[0]
    if not source or not path.is_file():
        notes.append(f"the corpus has no file {source or '(no source_path)'} under {corpus}")
        return None
    found = next((a for a in read_file(path, source.split("#", 1)[0])
                  if isinstance(a, Article) and a.article_id == article["article_id"]), None)
    if found is None:
        notes.append(f"{path} no longer holds article {article['article_id']} (changed since the release?)")
        return None
    doc = Doc.of(found)
    index = row.get("sentence_index")
    sentence = doc.sentences[index] if isinstance(index, int) and 0 <= index < len(doc.sentences) else None
    start, end = int(row["char_start"]), int(row["char_end"])
    lo = min(start, sentence.start) if sentence else start
    hi = max(end, sentence.end) if sentence else end
    return Evidence(path.as_posix(), found.body[lo:hi], start - lo, end - lo)
