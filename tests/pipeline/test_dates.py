"""The dates stage: normalisation rules on hand-made expressions, extraction with the real model."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from actorgraph.model import Document
from actorgraph.pipeline.dates import STAGE, extract_dates
from actorgraph.pipeline.dates._extract import Normalized, normalize
from actorgraph.pipeline.nlp import ParsedDoc

REF = dt.date(2015, 2, 4)  # a Wednesday


@pytest.mark.parametrize(
    ("expression", "value", "precision"),
    [
        ("April 7, 2014", "2014-04-07", "day"),
        ("Apr. 7 2014", "2014-04-07", "day"),
        ("7 April 2014", "2014-04-07", "day"),
        ("the 7th of April, 2014", "2014-04-07", "day"),
        ("Sept. 11, 2001", "2001-09-11", "day"),
        ("2014-03-05", "2014-03-05", "day"),
        ("12/03/2014", "2014-12-03", "day"),
        ("25/03/2014", "2014-03-25", "day"),
        ("March 2013", "2013-03", "month"),
        ("March of 2013", "2013-03", "month"),
        ("2007", "2007", "year"),
        ("fiscal 2012", "2012", "year"),
        ("the year 2000", "2000", "year"),
        ("mid-2014", "2014", "year"),
        ("early 2015", "2015", "year"),
        ("the end of 2013", "2013", "year"),
        ("the 1980s", "198", "decade"),
        ("the 1990s", "199", "decade"),
        ("the mid-1990s", "199", "decade"),
        ("the '70s", "197", "decade"),
        ("the 19th century", "18", "century"),
        ("the twentieth century", "19", "century"),
        ("summer 2012", "2012", "season"),
        ("the third quarter of 2013", "2013", "quarter"),
        ("2014-2015", "2014", "year"),
        ("24-28 July 2019", "2019-07-24", "day"),
        ("Aug. 3-5, 2016", "2016-08-03", "day"),
    ],
)
def test_dates_normalize_absolute(expression: str, value: str, precision: str) -> None:
    for reference in (REF, None):
        n = normalize(expression, reference)
        assert n is not None
        assert (n.value, n.precision, n.relative) == (value, precision, False)


@pytest.mark.parametrize(
    ("expression", "value", "precision"),
    [
        ("today", "2015-02-04", "day"),
        ("tonight", "2015-02-04", "day"),
        ("yesterday", "2015-02-03", "day"),
        ("late yesterday", "2015-02-03", "day"),
        ("last night", "2015-02-03", "day"),
        ("tomorrow", "2015-02-05", "day"),
        ("last June", "2014-06", "month"),
        ("Last April", "2014-04", "month"),
        ("next March", "2015-03", "month"),
        ("in March", None, None),  # a preposition is not part of the expression
        ("March", "2014-03", "month"),
        ("February", "2015-02", "month"),
        ("early January", "2015-01", "month"),
        ("last month", "2015-01", "month"),
        ("this month", "2015-02", "month"),
        ("next month", "2015-03", "month"),
        ("this week", "2015-02", "week"),
        ("Earlier this week", "2015-02", "week"),
        ("last week", "2015-01", "week"),
        ("next week", "2015-02", "week"),
        ("last year", "2014", "year"),
        ("this year", "2015", "year"),
        ("later this year", "2015", "year"),
        ("the end of last year", "2014", "year"),
        ("next year", "2016", "year"),
        ("seven months ago", "2014-07", "month"),
        ("two years ago", "2013", "year"),
        ("three days ago", "2015-02-01", "day"),
        ("a decade ago", "2005", "year"),
        ("this decade", "201", "decade"),
        ("last century", "19", "century"),
        ("this summer", "2014", "season"),
        ("last summer", "2014", "season"),
        ("next summer", "2015", "season"),
        ("this winter", "2015", "season"),
        ("last fall", "2014", "season"),
        ("Tuesday", "2015-02-03", "day"),
        ("Wednesday", "2015-02-04", "day"),
        ("Thursday", "2015-01-29", "day"),
        ("last Wednesday", "2015-01-28", "day"),
        ("next Monday", "2015-02-09", "day"),
        ("Monday morning", "2015-02-02", "day"),
        ("Saturday night", "2015-01-31", "day"),
        ("Dec. 20", "2014-12-20", "day"),
        ("March 1", "2015-03-01", "day"),
        ("Monday, Oct. 26", "2015-10-26", "day"),
        ("the third quarter", "2014", "quarter"),
        ("last weekend", "2015-01", "week"),
        ("weekend", "2015-01", "week"),
        ("more than two months ago", "2014-12", "month"),
        ("nearly three years ago", "2012", "year"),
        ("overnight", "2015-02", "month"),
        ("December 30-31", "2014-12-30", "day"),
    ],
)
def test_dates_normalize_relative(expression: str, value: str | None, precision: str) -> None:
    n = normalize(expression, REF)
    if value is None:
        assert n is None
        return
    assert n is not None
    assert (n.value, n.precision, n.relative) == (value, precision, True)


@pytest.mark.parametrize(
    ("expression", "start", "end"),
    [
        ("this week", "2015-02-02", "2015-02-08"),
        ("Earlier this week", "2015-02-02", "2015-02-04"),
        ("last week", "2015-01-26", "2015-02-01"),
        ("this summer", "2014-06-01", "2014-08-31"),
        ("this winter", "2014-12-01", "2015-02-28"),
        ("the third quarter", "2014-07-01", "2014-09-30"),
        ("the 1980s", "1980-01-01", "1989-12-31"),
        ("2014-15", "2014-01-01", "2015-12-31"),
        ("the first half of 2014", "2014-01-01", "2014-07-02"),
        ("last weekend", "2015-01-31", "2015-02-01"),
        ("February 2012", "2012-02-01", "2012-02-29"),
    ],
)
def test_dates_normalize_interval(expression: str, start: str, end: str) -> None:
    n = normalize(expression, REF)
    assert n is not None
    assert (n.start_date, n.end_date) == (start, end)


@pytest.mark.parametrize(
    ("expression", "reference", "value", "start", "end"),
    [
        ("several days ago", dt.date(2015, 2, 20), "2015-02", "2015-02-12", "2015-02-17"),
        ("a few days ago", dt.date(2015, 2, 20), "2015-02", "2015-02-15", "2015-02-18"),
        ("several days ago", dt.date(2015, 2, 4), "2015", "2015-01-27", "2015-02-01"),
        ("a few weeks ago", dt.date(2015, 6, 30), "2015", "2015-05-26", "2015-06-16"),
        ("several months ago", dt.date(2015, 12, 15), "2015", "2015-04-01", "2015-09-30"),
        ("a few years ago", dt.date(2015, 2, 4), None, "2010-01-01", "2013-12-31"),
    ],
)
def test_dates_vague_counts_keep_the_shared_prefix(
    expression: str, reference: dt.date, value: str | None, start: str, end: str
) -> None:
    assert normalize(expression, reference) == Normalized(
        value, _PRECISION[value], start, end, True
    )


_PRECISION = {None: None, "2015": "year", "2015-02": "month"}


def test_dates_day_range_spans_its_days() -> None:
    n = normalize("July 24-28", REF)
    assert n == Normalized("2014-07-24", "day", "2014-07-24", "2014-07-28", True)
    assert normalize("July 28-24", REF) is None


def test_dates_season_follows_the_reference() -> None:
    assert normalize("this summer", dt.date(2015, 7, 4)) == Normalized(
        "2015", "season", "2015-06-01", "2015-08-31", True
    )
    assert normalize("this summer", dt.date(2015, 5, 10)).value == "2015"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("expression", "tense", "value"),
    [
        ("Friday", None, "2015-01-30"),
        ("Friday", "past", "2015-01-30"),
        ("Friday", "future", "2015-02-06"),
        ("Wednesday", "future", "2015-02-04"),
        ("April", None, "2014-04"),
        ("April", "future", "2015-04"),
        ("March 1", "past", "2014-03-01"),
        ("Jan. 20", "future", "2015-01-20"),
    ],
)
def test_dates_tense_picks_the_direction(expression: str, tense: Any, value: str) -> None:
    n = normalize(expression, REF, tense=tense)
    assert n is not None and n.value == value


@pytest.mark.parametrize(
    "expression", ["last June", "yesterday", "this summer", "Tuesday", "two years ago", "March 3"]
)
def test_dates_relative_without_reference_has_no_value(expression: str) -> None:
    assert normalize(expression, None) == Normalized(None, None, None, None, True)


@pytest.mark.parametrize(
    "expression",
    [
        "over the years",
        "the years",
        "his mid-50s",
        "three years",
        "recently",
        "2014-13-45",
        "Feb. 30, 2014",
    ],
)
def test_dates_normalize_rejects_non_dates(expression: str) -> None:
    assert normalize(expression, REF) is None


def _parse(nlp: Any, text: str, reference: dt.date | None) -> ParsedDoc:
    document = Document.from_text(text, published=reference.isoformat() if reference else None)
    return ParsedDoc(document, nlp(text), reference)


def test_dates_extract_spans_and_values(nlp: Any) -> None:
    text = (
        "An April 7, 2014, raid killed four people. Earlier this week, rebels led by a man "
        "in his mid-50s said that over the years they had lost ground since last June. "
        "The town fell in the 1980s and again seven months ago. In 2007, 2,000 fighters "
        "crossed the border."
    )
    parsed = _parse(nlp, text, REF)
    dates = extract_dates(parsed).dates
    got = [(d.text, d.value) for d in dates]
    assert got == [
        ("April 7, 2014", "2014-04-07"),
        ("Earlier this week", "2015-02"),
        ("last June", "2014-06"),
        ("the 1980s", "198"),
        ("seven months ago", "2014-07"),
        ("2007", "2007"),
    ]
    for d in dates:
        assert text[d.start : d.end] == d.text
        assert len(d.evidence) == 1
        ev = d.evidence[0]
        assert (ev.document_id, ev.start, ev.end, ev.stage) == (
            parsed.document.id,
            d.start,
            d.end,
            STAGE,
        )


def test_dates_extract_uses_tense_for_weekdays(nlp: Any) -> None:
    text = "The envoy met the minister on Tuesday. He will travel to the capital on Friday."
    dates = extract_dates(_parse(nlp, text, REF)).dates
    assert [(d.text, d.value) for d in dates] == [
        ("Tuesday", "2015-02-03"),
        ("Friday", "2015-02-06"),
    ]


def test_dates_extract_without_reference(nlp: Any) -> None:
    text = "The ceasefire signed on March 3, 2012 collapsed last week."
    dates = extract_dates(_parse(nlp, text, None)).dates
    assert [(d.text, d.value, d.relative) for d in dates] == [
        ("March 3, 2012", "2012-03-03", False),
        ("last week", None, True),
    ]


def test_dates_extract_skips_names_and_numbers(nlp: Any) -> None:
    text = (
        "Thousands joined the March for Life. The index closed at 1987.5 points after "
        "1500 troops arrived, and the rebels fired 2000 rounds."
    )
    assert extract_dates(_parse(nlp, text, REF)).dates == ()


def test_dates_extract_overnight_only_when_it_dates_a_happening(nlp: Any) -> None:
    text = (
        "Militants shelled the market overnight, the governor said. An overnight raid "
        "freed two hostages. The envoys will stay overnight at the border post."
    )
    dates = extract_dates(_parse(nlp, text, REF)).dates
    assert [(d.text, d.value) for d in dates] == [
        ("overnight", "2015-02"),
        ("overnight", "2015-02"),
    ]
    assert dates[1].start == text.index("overnight raid")


def test_dates_extract_overnight_gives_way_to_its_weekdays(nlp: Any) -> None:
    text = "Overnight Monday to Tuesday, gunmen burned a school. A raid on Sunday overnight failed."
    dates = extract_dates(_parse(nlp, text, REF)).dates
    assert [(d.text, d.value) for d in dates] == [
        ("Monday", "2015-02-02"),
        ("Tuesday", "2015-02-03"),
        ("Sunday", "2015-02-01"),
    ]


def test_dates_extract_bare_weekend_after_over(nlp: Any) -> None:
    text = "Rebels and soldiers fought over weekend. Her weekend column was cancelled."
    dates = extract_dates(_parse(nlp, text, REF)).dates
    assert [(d.text, d.value, d.start) for d in dates] == [("weekend", "2015-01", 32)]


def test_dates_extract_range_gives_both_endpoints(nlp: Any) -> None:
    text = (
        "Troops raided the hills between January 12 and 15, and again from 20 to 22 "
        "January. On January 27 and 30 policemen were hurt."
    )
    dates = extract_dates(_parse(nlp, text, REF)).dates
    assert [(d.text, d.value) for d in dates] == [
        ("January 12", "2015-01-12"),
        ("15", "2015-01-15"),
        ("20", "2015-01-20"),
        ("22 January", "2015-01-22"),
        ("January 27", "2015-01-27"),
    ]


def test_dates_extract_negated_until_stays_past(nlp: Any) -> None:
    text = (
        "The bodies were not found until Monday, a police officer said. The court "
        "adjourned the hearing until Monday."
    )
    dates = extract_dates(_parse(nlp, text, REF)).dates
    assert [(d.text, d.value) for d in dates] == [
        ("Monday", "2015-02-02"),
        ("Monday", "2015-02-09"),
    ]


def test_dates_extract_qualified_ago_keeps_its_qualifier(nlp: Any) -> None:
    text = "The rebels seized the town more than two months ago and lost it several days ago."
    dates = extract_dates(_parse(nlp, text, dt.date(2015, 2, 20))).dates
    assert [(d.text, d.value) for d in dates] == [
        ("more than two months ago", "2014-12"),
        ("several days ago", "2015-02"),
    ]


def test_dates_since_a_month_is_past_whatever_the_verb(nlp: Any) -> None:
    for text in (
        "The army has been trying to capture the town since April.",
        "Rebels plan to hold the road they have blocked since April.",
    ):
        parsed = ParsedDoc(Document.from_text(text), nlp(text), dt.date(2024, 5, 10))
        assert [d.value for d in extract_dates(parsed).dates] == ["2024-04"], text
    text = "The army plans to attack in April."
    parsed = ParsedDoc(Document.from_text(text), nlp(text), dt.date(2024, 5, 10))
    assert [d.value for d in extract_dates(parsed).dates] == ["2025-04"]
