"""Deterministic generator of odd-but-plausible articles: the phrasing that trips rules.

    python fuzz/odd_articles.py N OUT [--seed S]      # N Markdown articles into folder OUT

Each article mixes ordinary news sentences with odd ones: numbers next to letters ("1 S",
"F-16", "5G"), units without numbers ("dollars were pledged"), quotes inside quotes, lone
titles ("the Minister said."), names with digits ("Agent 47", "Louis XIV"), reversed ranges
("between 50 and 10 people"), huge, tiny and negative numbers, odd dates and currency signs.
The same N and seed always give the same bytes. `newsfacts build OUT` must reject nothing and
drop nothing (see fuzz/README.md); the fuzz campaign also uses some of them as seeds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

STATES = [("Qatar", "Qatari", "Doha"), ("Egypt", "Egyptian", "Cairo"), ("Jordan", "Jordanian", "Amman"),
          ("France", "French", "Paris"), ("Kenya", "Kenyan", "Nairobi"), ("Chile", "Chilean", "Santiago"),
          ("Japan", "Japanese", "Tokyo"), ("Norway", "Norwegian", "Oslo"), ("Peru", "Peruvian", "Lima"),
          ("the United States", "US", "Washington"), ("India", "Indian", "New Delhi")]
FIRST = ["Amal", "Jonas", "Mei", "Tariq", "Ines", "Kofi", "Lena", "Omar", "Sofia", "Ravi", "Yuki", "Nadia"]
LAST = ["Haddad", "Berg", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Quispe", "Mensah", "Farouk", "Kapoor"]
TITLES = ["Foreign Minister", "President", "Ambassador", "Dr.", "Gen.", "Prime Minister", "Envoy",
          "Secretary-General", "spokesperson", "Sheikh", "Mr", "Minister"]
VERBS = ["said", "told reporters", "added", "stressed", "warned", "noted", "confirmed", "claimed", "wrote"]
UNITS = ["people", "dollars", "km", "percent", "per cent", "tonnes", "civilians", "hostages", "children",
         "barrels", "euros", "soldiers", "homes", "S", "B", "x", "m", "bn", "k", "%", "kg", "MW", "trucks"]
LETTERS = ["S", "B", "X", "a", "I", "Q", "z", "K", "M", "e", "T"]
ODD_NUMBERS = ["0", "-5", "−7", "-0.5", "1e308", "1e-9", "99999999999999999999999", "10^1000",
               "1,000,000,000,000,000,000", "0.000001", "00012", "1.2.3", "3,5", "1,00", "½", "2½",
               "1 1/2", "-1,200", "+40", "4.", ".5", "1e", "0x1F", "IV", "1st", "22nd", "9/11", "9" * 400,
               "1" + ",000" * 110, "0." + "0" * 400 + "1"]
STRANGE_DATES = ["February 30", "31/02/2024", "on the 0th", "in Smarch", "Monday, Sunday", "May 2025 2026",
                 "June 31", "in 20245", "on 2024-13-45", "last Thursdayday"]
FILLER = [
    "{name}, the {state_adj} {title_l}, met {name2} in {city} on {weekday}.",
    "\"We want calm,\" {name} {verb}.",
    "At least {n} people were killed in {state}, according to the health ministry.",
    "The ministry said {n} {unit} had arrived by {weekday}.",
    "{title} {name} {verb} the talks would resume.",
    "{state} pledged ${n} million in aid, officials said.",
]
ODD: list[str] = [
    # numbers next to letters
    "The ministry said {n} {letter} was found.",
    "The ministry said 1 {letter} was found.",
    "{name} said {n}{letter} were seen near {city}.",
    "Officials said {n} {letter}{letter} arrived.",
    "{state} bought {n} F-16s and 5G gear, {name} said.",
    "The agency counted {n}x{n2} {unit}.",
    "A {n}-year-old and {n2}yo were hurt.",
    "COVID-19 killed {n}, {name} said.",
    "Talks at 10am and 4pm drew {n} {unit}.",
    # units without numbers
    "Dollars were pledged, {name} {verb}.",
    "{unit} were killed, the {title_l} said.",
    "Millions of {unit} fled, and billions more were promised.",
    "Per cent of people said no.",
    "The {unit} said {unit} were {unit}.",
    "The toll rose to hundreds, then to thousands.",
    # quotes inside quotes
    "\"He told me 'no', and \"never\" again,\" {name} {verb}.",
    "“She said “{n} {unit}” were missing,” {name} {verb}.",
    "«“‘{n} people’”» {name} {verb}.",
    "\"\" {name} said \"\".",
    "“Unclosed quote from {name} {verb} {n} {unit}.",
    "{name} said: “We have “nested ‘quotes’” and more”",
    "'''{n}''' {unit}, {name} said ''.",
    # lone titles
    "The {title_l} said.",
    "{title}.",
    "{title} {verb}.",
    "Minister Minister President said {n} {unit} died.",
    "Dr. said that {n} people were injured.",
    "A spokesperson, a minister and an ambassador {verb}.",
    "Foreign Minister of {state} {verb} {n} {unit} were detained.",
    # names with digits
    "Agent 47 met {name} in {city}.",
    "{first}2 {last} said {n} {unit} were freed.",
    "R2-D2 and {name} met on {weekday}.",
    "Louis XIV met Pope Benedict XVI in {city} on {weekday}.",
    "{first} {last} 3rd {verb} {n} hostages were held.",
    "{first}{n} {last} met {name2} in {city}.",
    # reversed and odd ranges
    "Between {big} and {small} people were killed.",
    "From {big} to {small} {unit} were displaced, {name} said.",
    "{big}-{small} {unit} were injured.",
    "Between {n} and {n} {unit} were detained.",
    "Some {big} to {small} percent of homes were damaged.",
    "Between and {n} people fled.",
    "Up from {n} to {n} to {n2} {unit}.",
    # huge, tiny, negative numbers
    "The ministry said {odd} people were killed.",
    "{state} pledged ${odd} million, {name} {verb}.",
    "About {odd} {unit} arrived, according to {name}.",
    "Temperatures fell to minus {n} degrees as {odd} {unit} waited.",
    "At least {odd} and at most {odd} {unit} were counted.",
    "The figure was {odd} percent, {name} said.",
    "{odd}{odd} {unit} were seen.",
    # odd dates and currencies
    "{name} met {name2} in {city} {date}.",
    "On {date}, {odd} hostages were released.",
    "$$ {n} and € million and {n} € and USD USD {n} were pledged.",
    "The deal was worth £{odd}bn or ¥{n}k, {name} said.",
    "Rs {n} crore and {n} lakh rupees were paid.",
    "{n}%{n}% of {unit} left.",
    # punctuation and layout
    "{name} said — {n} {unit} — were… missing;; officials ({n}) said.",
    "{name},,, {title_l}, {verb}:: \"{n}\".",
    "Said {name}. Said {name2}. Said.",
    "According to according to {name}, {n} {unit}.",
    "{n}.\n\n{n}.\n\n{unit}.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _values(rng: random.Random) -> dict[str, str]:
    """One draw of every placeholder."""
    state, adj, city = rng.choice(STATES)
    first, last = rng.choice(FIRST), rng.choice(LAST)
    title = rng.choice(TITLES)
    small = rng.randint(1, 99)
    return {"name": f"{first} {last}", "name2": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "first": first,
            "last": last, "state": state, "state_adj": adj, "city": city, "title": title,
            "title_l": title.lower().rstrip("."), "verb": rng.choice(VERBS), "unit": rng.choice(UNITS),
            "letter": rng.choice(LETTERS), "n": str(rng.choice([1, 2, 3, 12, 40, 250, 1200, 31000])),
            "n2": str(rng.randint(2, 999)), "small": str(small), "big": str(small + rng.randint(1, 5000)),
            "odd": rng.choice(ODD_NUMBERS), "weekday": rng.choice(WEEKDAYS), "date": rng.choice(STRANGE_DATES)}


def article(rng: random.Random, index: int) -> str:
    """One Markdown article with front matter: odd sentences among ordinary ones."""
    paragraphs = []
    for _ in range(rng.randint(3, 8)):
        picks = [rng.choice(ODD) for _ in range(rng.randint(1, 3))] + [rng.choice(FILLER)]
        rng.shuffle(picks)
        paragraphs.append(" ".join(p.format(**_values(rng)) for p in picks))
    date = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 365))
    head = f"---\ntitle: Odd article {index}\npublisher: Odd Wire\npublished_at: {date.isoformat()}\n---\n"
    return head + "\n\n".join(paragraphs) + "\n"


def write(count: int, out: Path, seed: int = 20, prefix: str = "odd") -> list[Path]:
    """Write `count` articles `<prefix>-NNNN.md` into `out`; the same count and seed give the same bytes."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = out / f"{prefix}-{i:04d}.md"
        path.write_text(article(rng, i), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    """Command line: N OUT [--seed S]."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=20)
    args = parser.parse_args()
    write(args.count, args.out, args.seed)
    print(f"wrote {args.count} articles to {args.out}")


if __name__ == "__main__":
    main()
