"""Pydantic row models: the single source of truth for every table of a release.

Column names, types and descriptions follow the codebook (docs/codebook.md). The JSON Schemas in
`schema/<version>/`, the Arrow schemas of the Parquet files and the pandera models are all derived
from these classes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any, Literal, ParamSpec, TypeVar, cast

from pydantic import BaseModel, ConfigDict, Field, ValidationError

ActorKind = Literal["person", "organization", "state"]
MeetingMode = Literal["in_person", "phone", "video", "unknown"]
DatePrecision = Literal["day", "month", "year"]
StatementKind = Literal["direct", "mixed", "indirect"]
Qualifier = Literal["exact", "approximately", "more_than", "at_least", "at_most", "less_than", "range"]
FigureCategory = Literal["killed", "injured", "hostages", "detained", "displaced", "people", "money",
                         "percentage", "other"]

ArticleId = Annotated[str, Field(pattern=r"^[0-9a-f]{16}$",
                                 description="First 16 hex characters of sha256 of the normalized body.")]
Iso3 = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
NonNegInt = Annotated[int, Field(ge=0)]
ACTOR_ID_PATTERN = r"^(person|org|state):[a-z0-9]+(-[a-z0-9]+)*$"


class Row(BaseModel):
    """Base of all row models: rows are immutable and reject unknown columns."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Provenance(Row):
    """Where in the article a row comes from."""

    sentence_index: NonNegInt = Field(description="0-based index of the sentence of the evidence.")
    char_start: NonNegInt = Field(description="Start of the evidence span in the normalized body "
                                              "(Python str index, inclusive).")
    char_end: Annotated[int, Field(ge=1)] = Field(description="End of the evidence span (exclusive); "
                                                             "body[char_start:char_end] is the evidence.")
    rule_id: str = Field(min_length=1, description="Id of the rule that produced the row, "
                                                   "e.g. `meetings.met_with.v1`.")


class ArticleRow(Row):
    """articles — one row per input article."""

    article_id: ArticleId
    title: str | None = Field(description="Title from metadata, else null.")
    publisher: str | None = Field(description="Publisher from metadata, e.g. `CNN`.")
    url: str | None = Field(description="URL from metadata.")
    published_at: dt.date | None = Field(
        description="Publication date; needed to resolve relative dates; null when unknown.")
    language: str = Field(description="Language of the body, `en`.")
    source_path: str = Field(min_length=1, description="Input path relative to the corpus root "
                                                       "(`batch.jsonl#12` for a line of a JSONL file).")
    n_chars: NonNegInt = Field(description="Length of the normalized body in characters.")
    n_sentences: NonNegInt = Field(description="Number of sentences in the body.")


class ActorRow(Provenance):
    """actors — one row per distinct actor per article."""

    article_id: ArticleId
    actor_id: str = Field(pattern=ACTOR_ID_PATTERN,
                          description="`person:<slug>`, `org:<slug>`, `state:<iso3 lowercase>`; slug = "
                                      "ASCII-folded, lowercase, non-alphanumerics → `-`. Stable across "
                                      "articles.")
    name: str = Field(min_length=1, description="Fullest surface form of the actor in the article.")
    kind: ActorKind = Field(description="`person` / `organization` / `state`.")
    title: str | None = Field(description="Role as written: \"diplomat\", \"Ambassador to Qatar\".")
    affiliation: str | None = Field(description="State or organization the actor belongs to.")
    country: Iso3 | None = Field(description="ISO 3166-1 alpha-3 code of the actor's state where the "
                                             "text makes it clear.")
    aliases: list[str] = Field(description="Other surface forms in this article, sorted, without `name`.")
    mentions: Annotated[int, Field(ge=1)] = Field(description="Number of mentions in the body.")


class MeetingRow(Provenance):
    """meetings — one row per meeting reported in an article."""

    meeting_id: str = Field(min_length=1, description="Deterministic id of the meeting.")
    article_id: ArticleId
    participants: list[str] = Field(description="actor_ids of named participants, sorted; includes "
                                                "those \"also present\".")
    unnamed_participants: list[str] = Field(description="Descriptions of unnamed parties as written "
                                                        "(\"counterparts in Egypt\").")
    mode: MeetingMode = Field(description="`in_person` / `phone` / `video` / `unknown`.")
    location: str | None = Field(description="Place as written (\"Qatar\", \"the West Bank\").")
    location_country: Iso3 | None = Field(description="ISO3 code of the country of the location.")
    date: dt.date | None = Field(description="Date resolved against published_at; first day of the "
                                             "period for month or year precision.")
    date_text: str | None = Field(description="The date expression as written (\"Sunday\").")
    date_precision: DatePrecision | None = Field(description="`day` / `month` / `year`.")


class StatementRow(Provenance):
    """statements — one row per attributed statement."""

    statement_id: str = Field(min_length=1, description="Deterministic id of the statement.")
    article_id: ArticleId
    speaker_id: str | None = Field(description="actor_id when the speaker is an actor of this article.")
    speaker_text: str = Field(min_length=1, description="The speaker as resolved text: the actor's name, "
                                                        "or the description as written.")
    quote: str = Field(min_length=1, description="Quoted text without quotation marks (fragments joined "
                                                 "by ` … `) for direct/mixed; the reported clause for "
                                                 "indirect.")
    kind: StatementKind = Field(description="`direct` (all quoted), `mixed` (quoted fragments in "
                                            "reported speech), `indirect` (no quotation marks).")
    cue: str | None = Field(description="Lemma of the speech verb (\"stress\", \"say\") or "
                                        "`according_to`.")
    via: str | None = Field(description="The channel when given (\"a readout from China's Foreign "
                                        "Ministry\").")


class FigureRow(Provenance):
    """figures — one row per numeric figure."""

    figure_id: str = Field(min_length=1, description="Deterministic id of the figure.")
    article_id: ArticleId
    value: float = Field(allow_inf_nan=False, description="Normalized number (\"31,000\" → 31000, "
                                                          "\"2.5bn\" → 2500000000).")
    value_max: float | None = Field(allow_inf_nan=False, description="Upper end of a range, else null.")
    qualifier: Qualifier = Field(description="exact, approximately, more_than, at_least, at_most, "
                                             "less_than or range.")
    unit: str = Field(min_length=1, description="What is counted, singular lowercase noun: "
                                                "\"person\", \"dollar\", \"percent\".")
    category: FigureCategory = Field(description="killed, injured, hostages, detained, displaced, "
                                                 "people, money, percentage or other.")
    currency: str | None = Field(pattern=r"^[A-Z]{3}$", description="ISO 4217 code for money.")
    source_text: str | None = Field(description="Who the figure is attributed to, as written.")
    source_id: str | None = Field(description="actor_id of the source when it is an actor.")
    text: str = Field(min_length=1, description="The figure phrase as written (\"more than 1,200 people\").")


class EntityRow(Row):
    """entities — one row per person, organization or state across the corpus (derived from actors)."""

    entity_id: str = Field(pattern=ACTOR_ID_PATTERN,
                           description="The actor_id of the entity's full name (`person:wang-yi`), "
                                       "`state:<iso3 lowercase>` for a state.")
    name: str = Field(min_length=1, description="Most frequent `name` of the full name's actors rows (ties: "
                                                "earliest published_at, then article_id).")
    kind: ActorKind = Field(description="`person` / `organization` / `state`.")
    country: Iso3 | None = Field(description="Most frequent `country` of the member rows (ties: earliest "
                                             "published_at, then article_id); null when none has one.")
    names: list[str] = Field(description="Every name and alias of the member rows, sorted.")
    n_articles: Annotated[int, Field(ge=1)] = Field(description="Number of articles that name the entity.")
    members: list[str] = Field(description="`article_id/actor_id` of every actors row the entity groups, "
                                           "sorted.")


class MeetingEventRow(Row):
    """meeting_events — one row per real-world meeting across the corpus (derived from meetings)."""

    event_id: str = Field(min_length=1, description="`ev-` + the meeting_id of the earliest report (by "
                                                    "published_at, then meeting_id).")
    participants: list[str] = Field(description="entity_ids of the named participants of all reports, sorted.")
    date: dt.date | None = Field(description="The most precise date of the reports (most frequent at that "
                                             "precision); first day of the period for month or year.")
    date_precision: DatePrecision | None = Field(description="`day` / `month` / `year`; null when no "
                                                             "report has a date.")
    location: str | None = Field(description="Most frequent location of the reports, as written.")
    location_country: Iso3 | None = Field(description="Most frequent location country of the reports.")
    mode: MeetingMode = Field(description="Most frequent known mode of the reports; `unknown` when none "
                                          "is known.")
    n_reports: Annotated[int, Field(ge=1)] = Field(description="Number of articles that report the meeting.")
    first_reported_at: dt.date | None = Field(description="Earliest published_at of the reporting articles.")
    meeting_ids: list[str] = Field(description="meeting_id of every meetings row of the event, sorted.")


class QuoteRow(Row):
    """quotes — one row per distinct quotation across the corpus (derived from direct and mixed statements)."""

    quote_id: str = Field(min_length=1, description="`q-` + the statement_id of the earliest report (by "
                                                    "published_at, then statement_id).")
    speaker_entity_id: str | None = Field(pattern=ACTOR_ID_PATTERN,
                                          description="entity_id of the speaker; null when the speaker is "
                                                      "not an actor.")
    speaker_text: str = Field(min_length=1, description="speaker_text of the earliest report.")
    quote: str = Field(min_length=1, description="The longest wording of the quotation among the reports "
                                                 "(ties: the earliest), as stored in statements.")
    n_reports: Annotated[int, Field(ge=1)] = Field(description="Number of articles that carry the quotation.")
    first_reported_at: dt.date | None = Field(description="Earliest published_at of the carrying articles.")
    statement_ids: list[str] = Field(description="statement_id of every statements row of the quotation, "
                                                 "sorted.")


P = ParamSpec("P")
R = TypeVar("R", bound=Row)


def make_row(model: Callable[P, R], /, *args: P.args, **values: P.kwargs) -> R:
    """`model(**values)` (type-checked like it); when the values break the model, the row
    unvalidated (`model_construct`), so that the build's validators drop this one row
    (`row-invalid`) rather than the builder losing its whole table to the exception."""
    try:
        return model(*args, **values)
    except ValidationError:
        return cast(R, cast(type[Row], model).model_construct(**cast(dict[str, Any], values)))


TABLES: dict[str, type[Row]] = {
    "articles": ArticleRow,
    "actors": ActorRow,
    "meetings": MeetingRow,
    "statements": StatementRow,
    "figures": FigureRow,
    "entities": EntityRow,
    "meeting_events": MeetingEventRow,
    "quotes": QuoteRow,
}
PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "articles": ("article_id",),
    "actors": ("article_id", "actor_id"),
    "meetings": ("meeting_id",),
    "statements": ("statement_id",),
    "figures": ("figure_id",),
    "entities": ("entity_id",),
    "meeting_events": ("event_id",),
    "quotes": ("quote_id",),
}
# Per-article tables: extracted article by article; their rows never depend on other articles.
ARTICLE_TABLES: tuple[str, ...] = ("articles", "actors", "meetings", "statements", "figures")
# Derived tables: computed from the whole corpus's per-article tables after they are written.
DERIVED_TABLES: tuple[str, ...] = ("entities", "meeting_events", "quotes")
# The schema version that added a table; a release of an older version has no such table.
TABLE_SINCE: dict[str, str] = {"entities": "1.1.0", "meeting_events": "1.1.0", "quotes": "1.1.0"}
TABLE_DESCRIPTIONS: dict[str, str] = {name: (model.__doc__ or "").strip() for name, model in TABLES.items()}
