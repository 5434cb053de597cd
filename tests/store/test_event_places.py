"""Events with their places for the map: the place chosen, its coordinates, the tolls."""

from __future__ import annotations

from actorgraph.store import Store
from actorgraph.store.filters import Filters
from map_samples import SHELLED, WADI, save_map


def _by_sentence(store: Store, **options: object) -> dict[str, tuple[object, ...]]:
    found = store.events_on_map(**options)  # type: ignore[arg-type]
    out = {}
    for placed in found.events:
        p = placed.place
        where = None if p is None else (p.name, p.lat, p.lon, p.precision, p.country)
        out[placed.event.evidence_text[:20]] = (
            placed.event.type,
            where,
            placed.killed,
            placed.injured,
        )
    return out


def test_event_places_every_event_with_its_best_place(store: Store) -> None:
    save_map(store)
    found = _by_sentence(store)
    assert found == {
        "Gunmen of the Northe": ("ASSAULT", ("Tel Hamra", 36.2, 37.1, "city", "SY"), 12, None),
        "The Southern Front d": ("ASSAULT", None, None, None),
        "Protesters rallied i": ("PROTEST", ("Douma", 33.57, 36.4, "city", "SY"), None, None),
        "Northern Brigade fig": ("COERCE", None, None, None),
        SHELLED[:20]: ("ASSAULT", ("Zarzour", 36.35, 37.4, "city", "SY"), None, 4),
        WADI[:20]: ("ASSAULT", ("Wadi Zeit", None, None, None, None), None, None),
    }


def test_event_places_most_recent_first_and_counted(store: Store) -> None:
    save_map(store)
    found = store.events_on_map()
    dates = [p.event.date_start for p in found.events]
    assert dates == ["2016-07-03", "2016-07-02", "2016-06-08", "2016-05-03", None, None]
    assert (found.total, found.truncated) == (6, False)
    cut = store.events_on_map(limit=2)
    assert [p.event.id for p in cut.events] == [p.event.id for p in found.events[:2]]
    assert (cut.total, cut.truncated) == (6, True)


def test_event_places_filters_as_the_event_list(store: Store) -> None:
    save_map(store)
    reported = _by_sentence(store, flt=Filters(modalities=frozenset({"reported"})))
    assert list(reported) == ["Gunmen of the Northe"]
    july = _by_sentence(store, flt=Filters(since="2016-07-01", until="2016-07-31"))
    assert sorted(july) == sorted([SHELLED[:20], WADI[:20]])
    protests = _by_sentence(store, type="protest")
    assert list(protests) == ["Protesters rallied i"]
    brigade = store.matching_ids("Northern Brigade")
    assert brigade
    theirs = _by_sentence(store, actor_ids=brigade)
    assert sorted(theirs) == ["Gunmen of the Northe", "Northern Brigade fig"]
    assert store.events_on_map(actor_ids=[]).events == []
