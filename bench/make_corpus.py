"""Deterministic generator of realistic test articles for benchmarks.

    python bench/make_corpus.py N OUT [--format md|jsonl] [--seed S] [--re-report SHARE]

Each article (~3 KB) is built from templates with real states and capitals, invented people,
quotes, meetings and figures. Bodies are all distinct (content-addressed ids never collapse), and
the same N and seed always give the same bytes.

`--re-report SHARE` (off by default, so other benchmarks keep their corpus) makes a share of the
paragraphs re-report an earlier meeting in other words: another outlet, another sentence form
(held talks with, met with, was received by, hosted, talks between … took place, held a
meeting with), the date as a weekday, "yesterday", "on May 12" or "on May 12, 2024" depending on
how long ago it was, the participants in another order and with other titles, and the speaker's
quotation under another lead-in (sometimes with words added after it). Each event has its own
quotation. The truth, every meeting and quotation report with its article's URL, the span of its
sentence in the body and the event it reports, goes to `OUT.truth.json` (JSON, so that a build
of the corpus folder never reads it as articles); `bench/bench_consolidate.py` scores a release
against it.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
PUBLISHERS = ["Bench Wire", "Harbour Times", "Capital Post", "Morning Ledger", "Evening Courier"]
AIMS = ["strengthen", "expand", "review", "protect", "deepen", "support", "improve", "restore"]
TOPICS = ["our trade ties", "security cooperation", "the aid corridors", "energy links", "the border crossings",
          "student exchanges", "the water agreement", "the fisheries talks", "the rail project", "port access"]


@dataclass(frozen=True)
class Event:
    """A meeting as it happened: who met whom, where and when, and what the first party said."""

    key: str
    p1: str
    d1: str
    t1: str
    p2: str
    s2: str
    t2: str
    city: str
    date: dt.date
    quote: str


def when(rng: random.Random, date: dt.date, published: dt.date) -> str:
    """The date as an article published on `published` writes it (it resolves back to `date`)."""
    days = (published - date).days
    if days <= 6 and rng.random() < 0.6:
        return "yesterday" if days == 1 and rng.random() < 0.5 else f"on {WEEKDAYS[date.weekday()]}"
    if days < 300 and rng.random() < 0.5:
        return f"on {MONTHS[date.month - 1]} {date.day}"
    return f"on {MONTHS[date.month - 1]} {date.day}, {date.year}"


def meeting_sentence(rng: random.Random, e: Event, date: str) -> str:
    """One report of the meeting, in one of the sentence forms the meeting rules read."""
    forms = [
        f"{e.p2} held talks with {e.d1} {e.t1} {e.p1} in {e.city} {date}, officials from both sides said.",
        f"{e.s2}'s {e.t2} {e.p2} met with {e.d1} {e.t1} {e.p1} in {e.city} {date}.",
        f"{e.s2}'s {e.t2} {e.p2} was received by {e.t1} {e.p1} in {e.city} {date}.",
        f"In {e.city}, {e.d1} {e.t1} {e.p1} hosted {e.s2}'s {e.t2} {e.p2} {date}, according to a statement.",
        f"Talks between {e.p1} and {e.p2} took place in {e.city} {date}.",
        f"{date[0].upper()}{date[1:]}, {e.p1} held a meeting with {e.p2} in {e.city}.",
    ]
    return rng.choice(forms)


def quote_sentence(rng: random.Random, e: Event) -> str:
    """The first party's quotation under one of several lead-ins (sometimes with words added)."""
    last = e.p1.split()[1]
    forms = [f"Speaking after the meeting, {last} said: “{e.quote}.”", f"“{e.quote},” {e.p1} told reporters.",
             f"{last} told reporters: “{e.quote}.”", f"“{e.quote}, and we will meet again soon,” {last} added."]
    return rng.choice(forms)


@dataclass
class Reports:
    """Generator of articles whose paragraphs are new meetings or re-reports of earlier ones."""

    share: float
    seed: int
    rng: random.Random = field(init=False)
    events: list[Event] = field(default_factory=list)
    by_date: list[tuple[int, int]] = field(default_factory=list)  # (date ordinal, event index), sorted
    truth: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {"meetings": [], "quotes": []})

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    def new_event(self, published: dt.date) -> Event:
        """A meeting that took place on a weekday at most six days before `published`."""
        rng = self.rng
        (_, d1, city), (s2, _, _) = rng.sample(STATES, 2)
        quote = (f"We agreed to {rng.choice(AIMS)} {rng.choice(TOPICS)} and to {rng.choice(AIMS)} "
                 f"{rng.choice(TOPICS)} before the end of {rng.choice(MONTHS)}")
        event = Event(f"E{len(self.events)}", name(rng), d1, rng.choice(TITLES), name(rng), s2, rng.choice(TITLES),
                      city, published - dt.timedelta(days=rng.randint(0, 6)), quote)
        self.events.append(event)
        bisect.insort(self.by_date, (event.date.toordinal(), len(self.events) - 1))
        return event

    def earlier_event(self, published: dt.date, taken: set[str]) -> Event | None:
        """An event that happened on or before `published`, not yet reported in this article."""
        known = bisect.bisect_right(self.by_date, (published.toordinal(), len(self.events)))
        if not known:
            return None
        event = self.events[self.by_date[self.rng.randrange(known)][1]]
        return None if event.key in taken else event

    def paragraph(self, published: dt.date, taken: set[str], i: int) -> tuple[str, str, str, Event]:
        """(paragraph, meeting sentence, quote sentence, event): a re-report or a new meeting."""
        rng = self.rng
        again = self.earlier_event(published, taken) if rng.random() < self.share else None
        if again is None:
            e = self.new_event(published)
            meet = (f"{e.d1} {e.t1} {e.p1} met {e.s2}'s {e.t2} {e.p2} in {e.city} on {WEEKDAYS[e.date.weekday()]}, "
                    f"the two governments said in a joint statement.")
            said = f"“{e.quote},” {e.p1} said."
        else:
            e = again
            meet, said = meeting_sentence(rng, e, when(rng, e.date, published)), quote_sentence(rng, e)
        taken.add(e.key)
        rest = (f"{e.p2.split()[1]} {rng.choice(VERBS)} that {e.s2} would send a delegation next month. "
                f"According to the United Nations, {rng.randint(12, 98_000):,} {rng.choice(CATEGORIES)[1]} in the "
                f"region this year, and donors have pledged ${rng.randint(2, 900)} million in aid. (item {i})")
        return f"{meet} {said} {rest}", meet, said, e

    def article(self, i: int) -> dict[str, str]:
        """Article i; its meeting and quotation reports go to `truth`."""
        published = dt.date(2024, 1, 1) + dt.timedelta(days=self.rng.randint(0, 700))
        url = f"https://example.org/bench/{i}"
        paragraphs, offset, taken = [], 0, set[str]()
        for k in range(5):
            text, meet, said, e = self.paragraph(published, taken, i * 10 + k)
            start = offset + text.index(said)
            self.truth["meetings"].append({"url": url, "start": offset, "end": offset + len(meet), "event": e.key})
            self.truth["quotes"].append({"url": url, "start": start, "end": start + len(said), "event": e.key})
            paragraphs.append(text)
            offset += len(text) + 1
        return {"title": f"Talks continue in region (story {i})", "publisher": self.rng.choice(PUBLISHERS),
                "url": url, "published_at": published.isoformat(), "language": "en", "text": "\n".join(paragraphs)}


def generate(n: int, seed: int = 7, re_report: float = 0.0,
             truth: dict[str, Any] | None = None) -> Iterator[dict[str, str]]:
    """The n articles for a seed, in order. With `re_report` > 0, a share of the paragraphs re-report
    earlier meetings, and `truth` (when given) receives every report with its event."""
    if re_report <= 0:
        rng = random.Random(seed)
        for i in range(n):
            yield article(rng, i)
        return
    reports = Reports(re_report, seed)
    for i in range(n):
        yield reports.article(i)
    if truth is not None:
        truth.update({"n": n, "seed": seed, "re_report": re_report, "events": len(reports.events), **reports.truth})


def truth_path(out: Path) -> Path:
    """Where the truth of a generated corpus `out` (folder or .jsonl file) is written."""
    return out.with_name(out.name + ".truth.json")


def write(n: int, out: Path, fmt: str = "md", seed: int = 7, re_report: float = 0.0) -> Path:
    """Write n articles as .md files in `out/` or as `out` (a .jsonl file); return the path. With
    `re_report` > 0 the truth goes to `truth_path(out)`."""
    truth: dict[str, Any] = {}
    if fmt == "jsonl":
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as f:
            for art in generate(n, seed, re_report, truth):
                f.write(json.dumps(art, ensure_ascii=False) + "\n")
    else:
        _write_md(n, out, generate(n, seed, re_report, truth))
    if truth:
        truth_path(out).write_text(json.dumps(truth, ensure_ascii=False) + "\n", encoding="utf-8")
    return out


def _write_md(n: int, out: Path, articles: Iterator[dict[str, str]]) -> None:
    """The articles as `a<i>.md` files with front matter."""
    out.mkdir(parents=True, exist_ok=True)
    width = len(str(max(n - 1, 0)))
    for i, art in enumerate(articles):
        meta = "".join(f"{k}: {art[k]}\n" for k in ("title", "publisher", "url", "published_at", "language"))
        (out / f"a{i:0{width}d}.md").write_text(f"---\n{meta}---\n{art['text']}\n", encoding="utf-8")


def main() -> None:
    """Command line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("out", type=Path, help="folder for .md files, or a .jsonl file")
    ap.add_argument("--format", choices=("md", "jsonl"), default="md")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--re-report", type=float, default=0.0, metavar="SHARE",
                    help="share of paragraphs (0 to 1) that re-report an earlier meeting in other words, "
                         "with the truth in OUT.truth.json (default 0: off)")
    args = ap.parse_args()
    if not 0 <= args.re_report <= 1:
        ap.error("--re-report must be between 0 and 1")
    print(write(args.n, args.out, args.format, args.seed, args.re_report))


if __name__ == "__main__":
    main()
