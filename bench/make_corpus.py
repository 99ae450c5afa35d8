"""Deterministic generator of realistic test articles for benchmarks.

    python bench/make_corpus.py N OUT [--format md|jsonl] [--seed S]

Each article (~3 KB) is built from templates with real states and capitals, invented people,
quotes, meetings and figures. Bodies are all distinct (content-addressed ids never collapse), and
the same N and seed always give the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from collections.abc import Iterator
from pathlib import Path

STATES = [("Qatar", "Qatari", "Doha"), ("Egypt", "Egyptian", "Cairo"), ("Jordan", "Jordanian", "Amman"),
          ("Turkey", "Turkish", "Ankara"), ("France", "French", "Paris"), ("Germany", "German", "Berlin"),
          ("Japan", "Japanese", "Tokyo"), ("Brazil", "Brazilian", "Brasilia"), ("Kenya", "Kenyan", "Nairobi"),
          ("India", "Indian", "New Delhi"), ("Norway", "Norwegian", "Oslo"), ("Ghana", "Ghanaian", "Accra"),
          ("Indonesia", "Indonesian", "Jakarta"), ("Canada", "Canadian", "Ottawa"), ("Chile", "Chilean", "Santiago"),
          ("Poland", "Polish", "Warsaw"), ("Nigeria", "Nigerian", "Abuja"), ("Spain", "Spanish", "Madrid")]
TITLES = ["Foreign Minister", "Defence Minister", "Prime Minister", "special envoy", "ambassador",
          "Interior Minister", "President"]
SYLLABLES = ["ka", "lo", "mi", "ra", "sen", "tu", "vel", "dor", "an", "bri", "cas", "el", "fa", "gor",
             "hal", "is", "jun", "ko", "lan", "mor", "nes", "or", "pel", "qui", "ros", "sa", "tem"]
VERBS = ["said", "stressed", "warned", "added", "told reporters", "noted"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
CATEGORIES = [("killed", "people were killed"), ("injured", "people were injured"),
              ("displaced", "people have been displaced"), ("detained", "people were detained")]
QUALIFIERS = ["more than", "at least", "about", "nearly", "some", "up to", ""]


def name(rng: random.Random) -> str:
    """An invented two-part personal name."""
    def part() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    return f"{part()} {part()}"


def paragraph(rng: random.Random, i: int) -> str:
    """One paragraph: a meeting, a quote, an indirect statement and a figure."""
    (_, d1, c1), (s2, _, c2) = rng.sample(STATES, 2)
    p1, p2 = name(rng), name(rng)
    t1, t2 = rng.choice(TITLES), rng.choice(TITLES)
    day = rng.choice(WEEKDAYS)
    _, phrase = rng.choice(CATEGORIES)
    n = rng.randint(12, 98_000)
    q = rng.choice(QUALIFIERS)
    money = rng.randint(2, 900)
    return (
        f"{d1} {t1} {p1} met {s2}'s {t2} {p2} in {c1} on {day}, the two governments said in a joint "
        f"statement issued after talks that lasted {rng.randint(2, 9)} hours. "
        f"“We agreed to keep working together on trade, security and the humanitarian situation,” {p1} said. "
        f"{p2.split()[1]} {rng.choice(VERBS)} that {s2} would send a delegation to {c2} next month. "
        f"According to the United Nations, {q + ' ' if q else ''}{n:,} {phrase} in the region this year, "
        f"and donors have pledged ${money} million in aid. (item {i})"
    )


def article(rng: random.Random, i: int) -> dict[str, str]:
    """One article as metadata plus body (about 3 KB)."""
    date = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 700))
    body = "\n".join(paragraph(rng, i * 10 + k) for k in range(5))
    return {"title": f"Talks continue in region (story {i})", "publisher": "Bench Wire",
            "url": f"https://example.org/bench/{i}", "published_at": date.isoformat(), "language": "en",
            "text": body}


def generate(n: int, seed: int = 7) -> Iterator[dict[str, str]]:
    """The n articles for a seed, in order."""
    rng = random.Random(seed)
    for i in range(n):
        yield article(rng, i)


def write(n: int, out: Path, fmt: str = "md", seed: int = 7) -> Path:
    """Write n articles as .md files in `out/` or as `out` (a .jsonl file); return the path."""
    if fmt == "jsonl":
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as f:
            for art in generate(n, seed):
                f.write(json.dumps(art, ensure_ascii=False) + "\n")
        return out
    out.mkdir(parents=True, exist_ok=True)
    width = len(str(max(n - 1, 0)))
    for i, art in enumerate(generate(n, seed)):
        meta = "".join(f"{k}: {art[k]}\n" for k in ("title", "publisher", "url", "published_at", "language"))
        (out / f"a{i:0{width}d}.md").write_text(f"---\n{meta}---\n{art['text']}\n", encoding="utf-8")
    return out


def main() -> None:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("out", type=Path, help="folder for .md files, or a .jsonl file")
    ap.add_argument("--format", choices=("md", "jsonl"), default="md")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    print(write(args.n, args.out, args.format, args.seed))


if __name__ == "__main__":
    main()
