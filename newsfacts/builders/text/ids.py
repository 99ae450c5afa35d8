"""Identifiers: actor-id slugs and deterministic row ids."""

from __future__ import annotations

import hashlib
import unicodedata


def slug(text: str) -> str:
    """ASCII-folded, lowercase, non-alphanumerics → `-` (codebook actor id slug)."""
    folded = unicodedata.normalize("NFKD", text.replace("’", "'")).encode("ascii", "ignore").decode()
    out: list[str] = []
    dash = False
    for ch in folded.lower():
        if ch.isalnum():
            out.append(ch)
            dash = False
        elif ch == "'":
            continue
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-") or "x"


def row_id(article_id: str, table: str, start: int, end: int, rule_id: str, *extra: str) -> str:
    """Deterministic row id: article id plus a hash of table, span, rule and discriminators."""
    key = "|".join([article_id, table, str(start), str(end), rule_id, *extra])
    return f"{article_id}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:12]}"
