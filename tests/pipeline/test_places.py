"""The places stage on small hand-made texts, with the real model and gazetteer."""

from __future__ import annotations

from typing import Any

from actorgraph.model import Document, Entity
from actorgraph.pipeline import entities, places
from actorgraph.pipeline.nlp import ParsedDoc


def _run(nlp: Any, text: str) -> dict[str, Entity]:
    parsed = ParsedDoc(Document.from_text(text), nlp(text), None)
    found = entities.resolve_aliases(parsed, entities.extract_entities(parsed))
    result = places.resolve_places(parsed, found)
    assert [e.id for e in result.entities] == [e.id for e in found.entities]
    assert [e.mentions for e in result.entities] == [e.mentions for e in found.entities]
    return {e.name: e for e in result.entities}


def test_places_country(nlp: Any) -> None:
    ents = _run(nlp, "Aid convoys crossed into Afghanistan on Tuesday.")
    place = ents["Afghanistan"].place
    assert place is not None
    assert (place.country, place.precision, place.admin1) == ("AF", "country", None)
    assert place.gazetteer_id == "geonames:1149361"


def test_places_country_alias_entity(nlp: Any) -> None:
    ents = _run(nlp, "The U.S. said American diplomats had left.")
    place = ents["United States"].place
    assert place is not None and (place.country, place.precision) == ("US", "country")


def test_places_capital(nlp: Any) -> None:
    ents = _run(nlp, "Protesters gathered in Kabul after the vote.")
    place = ents["Kabul"].place
    assert place is not None
    assert (place.country, place.precision, place.gazetteer_id) == (
        "AF",
        "city",
        "geonames:1138958",
    )
    assert abs(place.lat - 34.53) < 0.1 and abs(place.lon - 69.17) < 0.1


def test_places_region_with_province(nlp: Any) -> None:
    ents = _run(nlp, "Insurgents seized two police posts in Kandahar Province overnight.")
    place = ents["Kandahar Province"].place
    assert place is not None
    assert (place.country, place.precision, place.admin1) == ("AF", "region", "Kandahar")
    assert place.raw == "Kandahar Province"


def test_places_city_without_province_word(nlp: Any) -> None:
    ents = _run(nlp, "Rockets struck Kandahar on Friday, officials in Afghanistan said.")
    place = ents["Kandahar"].place
    assert place is not None and (place.country, place.precision) == ("AF", "city")


def test_places_same_named_city_follows_document_country(nlp: Any) -> None:
    lebanon = _run(nlp, "Clashes broke out in Tripoli. Lebanon's army deployed in the north.")
    libya = _run(nlp, "Clashes broke out in Tripoli. Libya's rival governments traded blame.")
    lb, ly = lebanon["Tripoli"].place, libya["Tripoli"].place
    assert lb is not None and ly is not None
    assert (lb.country, ly.country) == ("LB", "LY")


def test_places_written_container_picks_the_namesake(nlp: Any) -> None:
    ents = _run(nlp, "A storm flooded homes in Paris, Texas, on Monday.")
    place = ents["Paris"].place
    assert place is not None and (place.country, place.admin1) == ("US", "Texas")


def test_places_unknown_village_takes_its_country(nlp: Any) -> None:
    ents = _run(nlp, "Gunmen raided the Syrian village of Tal Zubrayn at night.")
    place = ents["Tal Zubrayn"].place
    assert place is not None
    assert (place.country, place.precision, place.raw) == ("SY", "country", "Syrian")


def test_places_unknown_town_takes_its_region(nlp: Any) -> None:
    ents = _run(nlp, "Fighters entered Zubrayn, a town in Idlib Province, at dawn.")
    place = ents["Zubrayn"].place
    assert place is not None
    assert (place.country, place.admin1, place.precision) == ("SY", "Idlib", "region")
    assert place.raw == "Idlib Province"


def test_places_unresolvable_name_stays_none(nlp: Any) -> None:
    ents = _run(nlp, "Witnesses said the convoy reached Xqvorbtal before dawn.")
    assert ents["Xqvorbtal"].place is None


def test_places_non_place_entities_untouched(nlp: Any) -> None:
    ents = _run(nlp, "John Smith met Afghan officials in Kabul.")
    assert ents["John Smith"].place is None
