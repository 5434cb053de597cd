"""ACLED-style CSV: rows per event, ACLED codes, formula cells neutralised, filters."""

from __future__ import annotations

import csv
import io

import pytest
from export_samples import HOSTILE

from actorgraph.cli.facts import EVENT_TYPES
from actorgraph.errors import NotFoundError
from actorgraph.export import csv_acled
from actorgraph.export._acled_types import acled_type
from actorgraph.store import Store
from actorgraph.store.rows import Doc, EventRec, Party


def _rows(store: Store, **filters: str) -> list[dict[str, str]]:
    out = io.StringIO()
    count = csv_acled.write(store, out, **filters)
    reader = csv.DictReader(io.StringIO(out.getvalue()))
    rows = list(reader)
    assert tuple(reader.fieldnames or ()) == csv_acled.COLUMNS
    assert count == len(rows)
    return rows


def _event(type_: str, mode: str | None = None, targets: tuple[Party, ...] = ()) -> EventRec:
    doc = Doc("d", None, None, None, None, None, "2015-01-01", "2015-01-01")
    return EventRec(
        "e", doc, type_, mode, "asserted", None, 1.0, None, None, None, None, (), targets, (), ()
    )


ARMED = Party("a", "Badr Organization", "ORG", "armed_group", None)
KIRKUK_PARTY = Party("k", "Kirkuk", "GPE", None, None)
PERSON = Party("p", "Erin Evers", "PERSON", None, None)


def test_csv_acled_rows_hold_acled_codes_and_our_ids(sample_store: Store) -> None:
    rows = _rows(sample_store)
    assert [r["plover_type"] for r in rows] == ["ASSAULT", "ASSAULT"]
    june, march = rows  # oldest first
    assert june["event_date"] == "2014-06-01"
    assert june["time_precision"] == "3"  # a month
    assert (june["event_type"], june["sub_event_type"]) == ("Battles", "Armed clash")
    assert (june["actor1"], june["actor2"]) == ("Asaib Ahl al-Haq", "Islamic State")
    assert (june["location"], june["latitude"], june["longitude"]) == (
        "Mosul",
        "36.335",
        "43.11889",
    )
    assert (june["country"], june["admin1"], june["geo_precision"]) == ("Iraq", "Nineveh", "1")
    assert june["source"] == "Example Wire"
    assert june["notes"].startswith("Asaib Ahl al-Haq fighters attacked")
    assert june["claim_status"] == "asserted"
    assert len(june["document_id"]) == 64 and june["event_id"]
    assert march["time_precision"] == "1"
    assert (march["event_type"], march["plover_mode"]) == (
        "Explosions/Remote violence",
        "explosives",
    )
    assert march["claim_status"] == "reported"
    assert march["actor2"] == ""
    assert march["coding_notes"] == "no target named in the text"
    assert june["coding_notes"] == "" and june["fatalities"] == "0"
    assert june["actorgraph_event_id"] == june["event_id"]  # one place: one row


def test_csv_acled_neutralises_formula_cells(sample_store: Store) -> None:
    march = _rows(sample_store)[1]
    assert march["actor1"] == "'" + HOSTILE
    assert march["notes"].startswith("'+Fighters of =SUM(A1) Brigade")
    assert march["source"] == "'@Evil Wire"
    assert march["latitude"] == "35.46806"  # numbers stay numbers


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_csv_acled_safe_cell_escapes_formula_starts(value: str) -> None:
    assert csv_acled.safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Mosul", "", " =x", -97.0, 3, None])
def test_csv_acled_safe_cell_keeps_other_values(value: object) -> None:
    assert csv_acled.safe_cell(value) == value


def test_csv_acled_filters_by_date_and_actor(sample_store: Store) -> None:
    assert [r["event_date"] for r in _rows(sample_store, since="2015")] == ["2015-03-01"]
    assert [r["event_date"] for r in _rows(sample_store, until="2014-06")] == ["2014-06-01"]
    assert _rows(sample_store, since="2014-06-30", until="2014-06-30")[0]["location"] == "Mosul"
    assert _rows(sample_store, since="2016") == []
    assert [r["location"] for r in _rows(sample_store, actor="Islamic State")] == ["Mosul"]
    with pytest.raises(NotFoundError):
        _rows(sample_store, actor="Nobody Anywhere")
    with pytest.raises(ValueError):
        _rows(sample_store, since="June 2014")


def test_csv_acled_output_is_deterministic(sample_store: Store) -> None:
    first, second = io.StringIO(), io.StringIO()
    csv_acled.write(sample_store, first)
    csv_acled.write(sample_store, second)
    assert first.getvalue() == second.getvalue()


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        (_event("ASSAULT", "aerial"), ("Explosions/Remote violence", "Air/drone strike")),
        (
            _event("ASSAULT", "abduct"),
            ("Violence against civilians", "Abduction/forced disappearance"),
        ),
        (_event("ASSAULT", "firearms", (ARMED,)), ("Battles", "Armed clash")),
        (_event("ASSAULT", None, (PERSON,)), ("Violence against civilians", "Attack")),
        (_event("ASSAULT"), ("Battles", "Armed clash")),  # no target: noted in the row
        (
            _event("ASSAULT", "heavy-weapons"),
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        (_event("ASSAULT", "suicide-attack"), ("Explosions/Remote violence", "Suicide bomb")),
        (_event("COERCE", "seize"), ("Strategic developments", "Looting/property destruction")),
        (
            _event("COERCE", "seize", (KIRKUK_PARTY,)),
            ("Battles", "Non-state actor overtakes territory"),
        ),
        (_event("RETREAT", "ceasefire"), ("Strategic developments", "Agreement")),
        (_event("RETREAT"), ("Strategic developments", "Non-violent transfer of territory")),
        (_event("MOBILIZE"), ("Strategic developments", "Change to group/activity")),
        (_event("PROTEST", "riot"), ("Riots", "Violent demonstration")),
        (_event("PROTEST"), ("Protests", "Peaceful protest")),
        (_event("COERCE", "arrest"), ("Strategic developments", "Arrests")),
        (_event("AGREE"), ("Strategic developments", "Agreement")),
        (_event("CONSULT"), ("Strategic developments", "Other")),
        (_event("ACCUSE"), ("Strategic developments", "Other")),
    ],
)
def test_csv_acled_maps_plover_to_acled_types(event: EventRec, expected: tuple[str, str]) -> None:
    assert acled_type(event)[:2] == expected


def test_csv_acled_every_plover_type_and_mode_has_an_acled_type() -> None:
    for type_ in EVENT_TYPES:
        for mode in (None, "demo", "riot", "arrest", "seize", "aerial", "firearms", "x"):
            event_type, sub_type, _ = acled_type(_event(type_, mode))
            assert event_type and sub_type, (type_, mode)
