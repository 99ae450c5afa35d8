"""`quotes`: one row per distinct quotation (direct and mixed statements) across the corpus.

Two statements are the same quotation when they have the same speaker (the same entity, or, where
the speaker is no actor, the same folded `speaker_text`) and
- their quotes are equal after normalizing quotation marks (curly and straight, single and double
  alike), case, whitespace and end punctuation (`.,;:!?`, ellipses, dashes and quotation marks
  at either end), or
- one is contained in the other, word for word, and has at least 12 words (words: runs of letters
  and digits; the contained words must be consecutive in the other quote).
Quotations are the connected components of that relation. Candidates are blocked by speaker: the
containment test runs per speaker, through an index of the first 12 words of each long quote.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newsfacts.consolidate.common import Mapper, UnionFind, chunks, fold, local_map, short_hash
from newsfacts.consolidate.source import Articles, Source, read_columns

MIN_WORDS = 12
QUOTED_KINDS = frozenset({"direct", "mixed"})
STATEMENT_COLUMNS = ("statement_id", "article_id", "speaker_id", "speaker_text", "quote", "kind")
QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"', "〝": '"',
                             "〞": '"', "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'"})
LEADING = " \"'.…"
TRAILING = " \"'.,;:!?…—–-"
WORD = re.compile(r"\w+")


def normalize(quote: str) -> str:
    """A quote as compared: NFKC, one kind of each quotation mark, case-folded, whitespace runs as
    one space, no end punctuation or quotation marks at either end."""
    text = unicodedata.normalize("NFKC", quote).translate(QUOTE_MARKS).casefold()
    return " ".join(text.split()).lstrip(LEADING).rstrip(TRAILING)


def quote_words(normalized: str) -> list[str]:
    """The words of a normalized quote: runs of letters and digits."""
    return WORD.findall(normalized)


@dataclass(frozen=True, slots=True)
class QuoteRef:
    """One direct or mixed statements row, as much of it as consolidation needs."""

    index: int
    statement_id: str
    rank: int                    # the rank of its article (`Articles`): smaller is reported earlier
    speaker: str                 # entity_id, or `text:` + the folded speaker_text
    speaker_entity: str | None
    speaker_text: str
    quote: str
    same: int                    # hash of the normalized quote
    words: int
    long: str | None             # the normalized quote when it has MIN_WORDS words or more

    @property
    def sort_key(self) -> tuple[int, str]:
        """Earliest report first (published_at, article_id), then statement_id."""
        return (self.rank, self.statement_id)


def read_quotes(source: Source, articles: Articles, entity: dict[str, str]) -> list[QuoteRef]:
    """Every direct and mixed statements row (compact), speakers mapped to their entities."""
    refs: list[QuoteRef] = []
    intern = sys.intern
    for chunk in read_columns(source, "statements", STATEMENT_COLUMNS, keep=("kind", QUOTED_KINDS)):
        for sid, aid, speaker_id, speaker_text, quote, _ in zip(*(chunk[c] for c in STATEMENT_COLUMNS), strict=True):
            speaker = intern(entity.get(speaker_id, speaker_id)) if speaker_id else None
            key = speaker or intern("text:" + fold(speaker_text))
            norm = normalize(quote)
            n = len(quote_words(norm))
            refs.append(QuoteRef(len(refs), sid, articles.rank[aid], key, speaker, speaker_text,
                                 quote, short_hash(key, norm), n, norm if n >= MIN_WORDS else None))
    return refs


def contained_edges(blocks: Sequence[Sequence[tuple[int, str]]]) -> list[tuple[int, int]]:
    """(shorter, longer) index pairs of one speaker's long quotes where one's words run inside the other's."""
    edges = []
    for block in blocks:
        split = [(index, quote_words(text)) for index, text in block]
        starts: dict[tuple[str, ...], list[tuple[int, list[str]]]] = {}
        for index, words in split:
            starts.setdefault(tuple(words[:MIN_WORDS]), []).append((index, words))
        for index, words in split:
            for i in range(len(words) - MIN_WORDS + 1):
                for other, inner in starts.get(tuple(words[i:i + MIN_WORDS]), ()):
                    if other != index and words[i:i + len(inner)] == inner:
                        edges.append((other, index))
    return edges


def cluster(refs: Sequence[QuoteRef], mapper: Mapper = local_map, parts: int = 1) -> list[list[QuoteRef]]:
    """The quotations: groups of statements, each sorted earliest first, groups sorted by quote_id."""
    found = UnionFind(len(refs))
    first: dict[int, int] = {}
    speakers: dict[str, list[tuple[int, str]]] = {}
    for ref in refs:
        kept = first.setdefault(ref.same, ref.index)
        found.union(kept, ref.index)
        if ref.long is not None and kept == ref.index:  # one of each wording is enough for containment
            speakers.setdefault(ref.speaker, []).append((ref.index, ref.long))
    work = [rows for _, rows in sorted(speakers.items()) if len(rows) > 1]
    for edges in mapper(contained_edges, chunks(work, parts)):
        for a, b in edges:
            found.union(a, b)
    groups = [sorted((refs[i] for i in g), key=lambda r: r.sort_key) for g in found.groups()]
    return sorted(groups, key=lambda g: g[0].statement_id)


def quote_row(members: Sequence[QuoteRef], articles: Articles) -> dict[str, Any]:
    """The quotes row of one quotation (members sorted earliest first)."""
    fullest = min(members, key=lambda m: (-m.words, m.sort_key))
    return {"quote_id": f"q-{members[0].statement_id}", "speaker_entity_id": members[0].speaker_entity,
            "speaker_text": members[0].speaker_text, "quote": fullest.quote,
            "n_reports": len({m.rank for m in members}),
            "first_reported_at": articles.first_published(m.rank for m in members),
            "statement_ids": sorted(m.statement_id for m in members)}
