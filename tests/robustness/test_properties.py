"""Property tests: for arbitrary text and for news-like sentences built from templates (random
names, numbers, units, punctuation) the builders never raise, every row they return passes the
release's checks, spans are valid, ids unique, output stable."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfacts.articles import Article, Rejected, read_inputs
from newsfacts.builders import extract
from newsfacts.validators import validate_tables
from tests.conftest import make_article

SPECIAL = ["\x00", "\ufeff", "\u200b", "\u200e", "\u202e", "\u2066", "“", "”", "‘", "’", '"', "'", "«", "»",
           "\n", "\t", "—", "$", "%", "€", "1,200", "3.5", " million ", " said ", " met ", "Minister ",
           "United Nations", "China", "according to ", "Dr. ", "al-", "\r\n", "\x1b", "\u0301"]
WORDS = ["The", "minister", "Wang", "Yi", "met", "Haniyeh", "in", "Qatar", "on", "Sunday", "said", "“", "”",
         "more", "than", "1,200", "people", "were", "killed", ",", ".", "he", "She", "added", "that", "$2bn",
         "Beijing", "hosted", "a", "delegation", "from", "Egypt", "and", "Jordan", "according", "to", "Israel"]

texts = st.one_of(
    st.text(min_size=1, max_size=400),
    st.lists(st.sampled_from(SPECIAL) | st.text(max_size=5), min_size=1, max_size=80).map("".join),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=120).map(" ".join),
)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_rows(article: Article) -> None:
    """The invariants every extraction must keep."""
    body = article.body
    out = extract(article)
    assert not [p for p in out.problems if p.code == "builder-failed"], out.problems
    tables = out.tables()
    dumped = {name: [r.model_dump() for r in rows] for name, rows in tables.items()}
    errors = [p for p in validate_tables(dumped, {article.article_id: body}, frames=False) if p.severity == "error"]
    assert errors == [], (body, errors)
    for name, rows in tables.items():
        for row in rows:
            data = row.model_dump()
            if "char_start" in data:
                assert 0 <= data["char_start"] < data["char_end"] <= len(body), (name, data)
        if name == "figures":
            for row in rows:
                data = row.model_dump()
                assert body[data["char_start"]:data["char_end"]] == data["text"]
    keys = {"actors": "actor_id", "meetings": "meeting_id", "statements": "statement_id", "figures": "figure_id"}
    for name, key in keys.items():
        ids = [getattr(r, key) for r in tables[name]]
        assert len(ids) == len(set(ids)), name
    again = extract(article).tables()
    assert {k: [r.model_dump() for r in v] for k, v in again.items()} == {
        k: [r.model_dump() for r in v] for k, v in tables.items()}


@SETTINGS
@given(texts)
def test_robustness_builders_never_raise(text: str) -> None:
    article = make_article(text)
    if article.body:
        check_rows(article)


@SETTINGS
@given(texts, st.sampled_from([None, "2024-02-29", "2023-01-01"]))
def test_robustness_builders_without_or_with_dates(text: str, date: str | None) -> None:
    article = make_article("Officials said on Sunday that " + text, published_at=date)
    check_rows(article)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300), st.text(max_size=200))
def test_robustness_ingestion_never_raises(tmp_path: Path, raw: bytes, text: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    (folder / "a.md").write_bytes(b"---\n" + raw)
    (folder / "b.txt").write_bytes(raw)
    (folder / "c.jsonl").write_text(json.dumps({"text": text}) + "\n" + text + "\n", encoding="utf-8",
                                    errors="surrogatepass")
    items = list(read_inputs([folder]))
    assert all(isinstance(i, Article | Rejected) for i in items)
    for item in items:
        if isinstance(item, Article):
            assert item.body and item.body == item.body.strip()
            check_rows(item)


# News-like sentences from templates: the phrasing the rules react to, with random fillers.
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
name_words = st.sampled_from(["Wang", "Yi", "Amal", "Haddad", "al-Thani", "O'Brien", "Louis", "XIV", "Jr.", "R2",
                              "Abdel", "Fattah", "el-Sisi", "Smith-Jones", "Mc", "de"]) | \
    st.text(alphabet=LETTERS + "0123456789-'.", min_size=1, max_size=9).map(str.capitalize)
names = st.lists(name_words, min_size=1, max_size=4).map(" ".join)
numbers = st.one_of(
    st.integers(-10**6, 10**25).map(str),
    st.integers(10**300, 10**330).map(str),  # beyond what a float holds
    st.integers(0, 10**12).map(lambda n: f"{n:,}"),
    st.floats(allow_nan=False, allow_infinity=False, width=32).map(lambda f: f"{f:g}"),
    st.sampled_from(["one", "two", "a dozen", "two dozen", "a million", "½", "2½", "1e308", "-0", "1.5bn", "3m",
                     "40k", "0.000001", "IV", "1st", "9/11", "1,00", "1.2.3", "−7", "+40", ".5", "4."]),
)
units = st.sampled_from(["people", "person", "S", "x", "km", "%", "percent", "per cent", "dollars", "hostages",
                         "m", "bn", "children", "tonnes", "civilians", "soldiers", "euros", "barrels", "A", "I"]) | \
    st.text(alphabet=LETTERS, min_size=1, max_size=3)
punct = st.sampled_from([".", ",", ";", ":", "!", "?", " —", "…", "", " ", "\n\n", '"', "“", "”", "‘", "’", "'",
                         "(", ")", " - ", ",,"])
titles = st.sampled_from(["Foreign Minister", "President", "Dr.", "Gen.", "Ambassador", "Minister", "Sheikh",
                          "Prime Minister", "spokesperson", "Secretary-General", "Mr", "Envoy", "the minister"])
verbs = st.sampled_from(["said", "told reporters", "added", "warned", "stressed", "claimed", "noted", "wrote",
                         "confirmed", "denied"])
currencies = st.sampled_from(["$", "€", "£", "¥", "US$", "Rs ", "USD ", "", "$$"])
scales = st.sampled_from(["", " million", " billion", "bn", " thousand", " dozen", "m"])
places = st.sampled_from(["Doha", "Qatar", "Egypt", "the West Bank", "Cairo", "Gaza", "New York", "Kyiv"])
days = st.sampled_from(["Sunday", "on Monday", "last week", "in March", "on March 3", "February 30", "2024"])
TEMPLATES = [
    "{name} {verb} {num} {unit} were killed{p}",
    "{title} {name} met {name2} in {place} {day}{p}",
    "{num} {unit}{p} {verb} {name}{p}",
    "“{num} {unit},” {name} {verb}{p}",
    "\"{p}{num}{p}\" {title} {verb}{p}",
    "Between {num} and {num2} {unit} were displaced, according to {name}{p}",
    "From {num} to {num2}{unit}{p}",
    "{title}{p} {verb} {num}{unit}{p}",
    "According to {name}, {cur}{num}{scale} was pledged{p}",
    "{place} pledged {cur}{num}{scale} in aid{p} {name} {verb}{p}",
    "The {unit} said {num} {unit} were {unit}{p}",
    "{name} and {name2} spoke by phone {day}{p} {verb} {title}",
    "“{name} {verb} ‘{num} {unit}’ {p}” {title} {name2} {verb}{p}",
    "At least {num} {unit} and up to {num2} {unit}{p} the toll rose to {num}{p}",
    "{name}{num} {verb}{p}",
]
sentences = st.builds(lambda template, **kw: template.format(**kw), template=st.sampled_from(TEMPLATES),
                      name=names, name2=names, num=numbers, num2=numbers, unit=units, p=punct, title=titles,
                      verb=verbs, cur=currencies, scale=scales, place=places, day=days)
articles = st.lists(sentences, min_size=1, max_size=8).map(" ".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles)
def test_issue20_template_sentences_give_valid_rows(text: str) -> None:
    article = make_article(text)
    if article.body:
        check_rows(article)
