"""The places stage on small hand-made texts, with the real model and gazetteer."""

from __future__ import annotations

import re
from typing import Any

from actorgraph.model import Document, Entity, Mention
from actorgraph.pipeline import entities, places
from actorgraph.pipeline.entities import EntityResult
from actorgraph.pipeline.nlp import ParsedDoc


def _run(nlp: Any, text: str, *, same: bool = True) -> dict[str, Entity]:
    """Run the real entity stages, then places; ``same``: no entity is repaired."""
    parsed = ParsedDoc(Document.from_text(text), nlp(text), None)
    found = entities.resolve_aliases(parsed, entities.extract_entities(parsed))
    result = places.resolve_places(parsed, found)
    if same:
        assert [e.id for e in result.entities] == [e.id for e in found.entities]
        assert [e.mentions for e in result.entities] == [e.mentions for e in found.entities]
        assert [e.type for e in result.entities] == [e.type for e in found.entities]
    return {e.name: e for e in result.entities}


def _hand(nlp: Any, text: str, typed: dict[str, str]) -> dict[str, Entity]:
    """Run places on hand-made entities: every occurrence of each name, with its type."""
    ents = []
    for i, (name, typ) in enumerate(typed.items(), 1):
        spans = [m.span() for m in re.finditer(rf"\b{re.escape(name)}\b", text)]
        mentions = tuple(Mention(s, e, name, typ) for s, e in spans)
        ents.append(Entity(f"E{i}", name, typ, mentions, (name,)))
    parsed = ParsedDoc(Document.from_text(text), nlp(text), None)
    result = places.resolve_places(parsed, EntityResult(tuple(ents)))
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


def test_places_dateline_city_is_retyped(nlp: Any) -> None:
    text = "HERAT, Afghanistan (Reuters) - Gunmen killed two guards at a checkpoint on Sunday."
    ents = _run(nlp, text, same=False)
    herat = ents["HERAT"]
    assert herat.type == "GPE" and herat.place is not None
    assert (herat.place.country, herat.place.precision, herat.place.admin1) == (
        "AF",
        "city",
        "Herat",
    )


def test_places_dateline_city_is_added(nlp: Any) -> None:
    text = "MOSUL:\nIraqi police found three bodies near the river, officials in Iraq said."
    ents = _hand(nlp, text, {"Iraqi police": "ORG", "Iraq": "GPE"})
    mosul = ents["MOSUL"]
    assert (mosul.type, [(m.start, m.end) for m in mosul.mentions]) == ("GPE", [(0, 5)])
    assert mosul.place is not None and (mosul.place.country, mosul.place.admin1) == (
        "IQ",
        "Nineveh",
    )


def test_places_capitals_at_line_start_need_a_town(nlp: Any) -> None:
    ents = _hand(nlp, "BREAKING: Rebels seized a base in Syria.", {"Syria": "GPE"})
    assert set(ents) == {"Syria"}


def test_places_facility_takes_its_town(nlp: Any) -> None:
    text = "A rocket hit Erbil airport on Tuesday. Officials in Erbil said nobody was hurt."
    ents = _hand(nlp, text, {"Erbil": "GPE"})
    airport, town = ents["Erbil airport"], ents["Erbil"]
    assert airport.type == "FAC" and [m.text for m in airport.mentions] == ["Erbil airport"]
    assert [m.start for m in town.mentions] == [text.rindex("Erbil")]
    assert airport.place is not None and town.place is not None
    assert (airport.place.lat, airport.place.lon, airport.place.precision) == (
        town.place.lat,
        town.place.lon,
        "city",
    )


def test_places_province_split_from_its_city(nlp: Any) -> None:
    text = "Clashes in Homs province spread on Monday to Homs itself, Syrian state media said."
    ents = _hand(nlp, text, {"Homs": "GPE", "Syrian": "NORP"})
    province, city = ents["Homs province"], ents["Homs"]
    assert [m.text for m in province.mentions] == ["Homs province"]
    assert province.place is not None and province.place.precision == "region"
    assert city.place is not None and city.place.precision == "city"


def test_places_joined_region_name(nlp: Any) -> None:
    text = "Militants attacked police posts across Sistan and Baluchestan, Iranian media said."
    ents = _hand(nlp, text, {"Sistan": "GPE", "Baluchestan": "GPE"})
    assert "Sistan" not in ents and "Baluchestan" not in ents
    region = ents["Sistan and Baluchestan"]
    assert region.place is not None
    assert (region.place.country, region.place.precision) == ("IR", "region")


def test_places_person_written_as_place_is_retyped(nlp: Any) -> None:
    text = "Heavy fighting was reported near Saraqib, officials in Syria said."
    ents = _hand(nlp, text, {"Saraqib": "PERSON", "Syria": "GPE"})
    assert ents["Saraqib"].type == "GPE"
    place = ents["Saraqib"].place
    assert place is not None and (place.country, place.admin1) == ("SY", "Idlib")


def test_places_person_written_as_actor_stays(nlp: Any) -> None:
    text = "Saraqib said the talks in Syria had failed, and Saraqib fighters left."
    ents = _hand(nlp, text, {"Saraqib": "PERSON", "Syria": "GPE"})
    assert (ents["Saraqib"].type, ents["Saraqib"].place) == ("PERSON", None)


def test_places_retyping_needs_the_documents_country(nlp: Any) -> None:
    text = "Heavy fighting was reported near Saraqib, officials in Peru said."
    ents = _hand(nlp, text, {"Saraqib": "PERSON", "Peru": "GPE"})
    assert (ents["Saraqib"].type, ents["Saraqib"].place) == ("PERSON", None)


def test_places_listed_organisation_is_retyped(nlp: Any) -> None:
    text = "Troops shelled the towns of Saraqib and Binnish in Syria."
    ents = _hand(nlp, text, {"Saraqib": "GPE", "Binnish": "ORG", "Syria": "GPE"})
    assert ents["Binnish"].type == "GPE" and ents["Binnish"].place is not None
    assert ents["Binnish"].place.country == "SY"


def test_places_missed_name_with_a_place_word_is_added(nlp: Any) -> None:
    text = "Gunmen attacked a market in the Gwoza area, and later Gwoza was calm, Nigeria said."
    ents = _hand(nlp, text, {"Nigeria": "GPE"})
    gwoza = ents["Gwoza"]
    assert (gwoza.type, len(gwoza.mentions)) == ("GPE", 2)
    assert gwoza.place is not None and (gwoza.place.country, gwoza.place.admin1) == (
        "NG",
        "Borno",
    )


def test_places_spelling_variant_in_the_documents_country(nlp: Any) -> None:
    text = "Rebels overran a camp in Timbuktoo, officials in Mali said on Monday."
    ents = _hand(nlp, text, {"Timbuktoo": "GPE", "Mali": "GPE"})
    place = ents["Timbuktoo"].place
    assert place is not None and (place.country, place.gazetteer_id) == ("ML", "geonames:2449067")


def test_places_small_namesake_abroad_is_dropped(nlp: Any) -> None:
    text = "Tribal fighters clashed with troops in Shabwa, officials in Yemen said."
    ents = _hand(nlp, text, {"Shabwa": "GPE", "Yemen": "GPE"})
    assert ents["Shabwa"].place is None  # its only namesake is a village in Myanmar


def test_places_namesake_outside_the_written_region_is_dropped(nlp: Any) -> None:
    text = "Rebels overran the Bama camp in Kano State, officials in Nigeria said."
    ents = _hand(nlp, text, {"Bama": "GPE", "Kano State": "GPE", "Nigeria": "GPE"})
    place = ents["Bama"].place  # the gazetteer's Bama lies in Borno, far from Kano
    assert place is not None
    assert (place.precision, place.admin1, place.raw) == ("region", "Kano", "Kano State")


def test_places_a_clause_after_a_comma_is_no_container(nlp: Any) -> None:
    text = "Clashes continued in Kandahar, Pakistan says."
    ents = _hand(nlp, text, {"Kandahar": "GPE", "Pakistan": "GPE"})
    place = ents["Kandahar"].place
    assert place is not None and place.country == "AF"


def test_places_group_named_like_a_supranational_province(nlp: Any) -> None:
    text = "The East Africa Province group claimed the attack in Somalia."
    ents = _hand(nlp, text, {"East Africa Province": "GPE", "Somalia": "GPE"})
    assert ents["East Africa Province"].place is None


def test_places_facility_east_of_a_town_takes_the_town(nlp: Any) -> None:
    text = "Drones struck the Qweires airbase, east of Aleppo, officials in Syria said."
    ents = _hand(nlp, text, {"Qweires": "ORG", "Aleppo": "GPE", "Syria": "GPE"})
    base, town = ents["Qweires airbase"], ents["Aleppo"]
    assert base.place is not None and town.place is not None
    assert (base.place.lat, base.place.raw) == (town.place.lat, "Aleppo")


def test_places_institutions_and_people_are_not_retyped(nlp: Any) -> None:
    text = (
        "Reporters waited in the White House for news from Springfield. Samples from "
        "Mario Denton were sent near Denton, and a teacher at Lancaster said so."
    )
    ents = _hand(
        nlp,
        text,
        {"White House": "ORG", "Springfield": "GPE", "Lancaster": "ORG"},
    )
    assert ents["White House"].type == "ORG" and ents["White House"].place is None
    assert ents["Lancaster"].type == "ORG"  # "a teacher at X": a school
    person = Entity(
        "E9",
        "Mario Denton",
        "PERSON",
        (Mention(text.index("Mario"), text.index("Mario") + 12, "Mario Denton", "PERSON"),),
        ("Mario Denton", "Denton"),
    )
    parsed = ParsedDoc(Document.from_text(text), nlp(text), None)
    found = EntityResult((*(ents[n] for n in ("Springfield",)), person))
    out = {e.name: e for e in places.resolve_places(parsed, found).entities}
    assert out["Mario Denton"].type == "PERSON"  # the alias stage read a surname


def test_places_a_longer_name_is_no_place(nlp: Any) -> None:
    text = "She studied in Springfield before a year in Lancaster d'Or at the fair in Texas."
    ents = _hand(nlp, text, {"Lancaster": "ORG", "Springfield": "GPE", "Texas": "GPE"})
    assert ents["Lancaster"].type == "ORG"


def test_places_apposition_must_end_its_phrase(nlp: Any) -> None:
    text = (
        "Rivals from Saraqib, a market town 40 kilometres south of Aleppo, clashed in Syria. "
        "Rima Odeh, a city official in Syria, confirmed it."
    )
    ents = _hand(nlp, text, {"Saraqib": "PERSON", "Rima Odeh": "PERSON", "Syria": "GPE"})
    assert ents["Saraqib"].type == "GPE" and ents["Saraqib"].place is not None
    assert ents["Rima Odeh"].type == "PERSON"


def test_places_demonym_before_airport_is_no_facility(nlp: Any) -> None:
    text = "Iraqi airport staff went on strike in Iraq."
    mentions = (Mention(0, 5, "Iraqi", "NORP"), Mention(37, 41, "Iraq", "GPE"))
    iraq = Entity("E1", "Iraq", "GPE", mentions, ("Iraq", "Iraqi"))
    parsed = ParsedDoc(Document.from_text(text), nlp(text), None)
    out = places.resolve_places(parsed, EntityResult((iraq,))).entities
    assert [(e.name, e.type, len(e.mentions)) for e in out] == [("Iraq", "GPE", 2)]


def _daura(nlp: Any, text: str) -> str | None:
    names = [n for n in ("Daura", "Katsina State", "Nigeria") if n in text]
    ents = _hand(nlp, text, dict.fromkeys(names, "GPE"))
    place = ents["Daura"].place
    return place.admin1 if place is not None else None


def test_places_written_container_chooses_the_namesake(nlp: Any) -> None:
    # two towns of that name: the bigger one lies in Yobe, the text puts it in Katsina
    assert _daura(nlp, "Gunmen raided Daura on Monday, officials in Nigeria said.") == "Yobe"
    for text in (
        "Gunmen raided Daura, in northern Katsina State, officials in Nigeria said.",
        "Gunmen raided the Katsina State town of Daura, Nigeria said.",
        "Gunmen raided Daura district of Katsina State, Nigeria said.",
    ):
        assert _daura(nlp, text) == "Katsina", text


def test_places_unknown_village_takes_the_written_region(nlp: Any) -> None:
    for text in (
        "Gunmen raided Zqunbari, in Katsina State, at night, Nigeria said.",
        "Gunmen raided Katsina State's Zqunbari area at night, Nigeria said.",
    ):
        ents = _hand(nlp, text, {"Zqunbari": "GPE", "Katsina State": "GPE", "Nigeria": "GPE"})
        place = ents["Zqunbari"].place
        assert place is not None, text
        assert (place.country, place.precision, place.admin1, place.raw) == (
            "NG",
            "region",
            "Katsina",
            "Katsina State",
        )


def test_places_a_states_army_names_the_country_its_towns_lie_in(nlp: Any) -> None:
    import actorgraph

    text = "An attack on the Malian army left 12 soldiers dead near Gao on Monday."
    a = actorgraph.analyze(text, nlp=nlp)
    (gao,) = [e for e in a.entities if e.name == "Gao"]
    assert gao.type == "GPE"
    assert gao.place is not None and gao.place.country == "ML"


def test_places_congo_alone_is_the_democratic_republic_in_the_news(nlp: Any) -> None:
    import actorgraph

    text = "Rebels seized a town in eastern Congo, officials in Kinshasa said."
    a = actorgraph.analyze(text, nlp=nlp)
    (congo,) = [e for e in a.entities if "Congo" in {m.text for m in e.mentions}]
    assert congo.name == "Democratic Republic of the Congo"
    assert congo.place is not None and congo.place.country == "CD"


def test_places_province_split_from_an_entity_named_with_city(nlp: Any) -> None:
    # The model joined "Homs" of "Homs province" to an entity named "Homs city".
    text = "Shelling hit northern Homs province, then the edge of Homs city, monitors said."
    spans = [
        (text.index("Homs"), text.index("Homs") + 4),
        (text.index("Homs city"), text.index("Homs city") + 9),
    ]
    mentions = tuple(Mention(s, e, text[s:e], "GPE") for s, e in spans)
    found = EntityResult((Entity("E1", "Homs city", "GPE", mentions, ("Homs", "Homs city")),))
    parsed = ParsedDoc(Document.from_text(text), nlp(text), None)
    ents = {e.name: e for e in places.resolve_places(parsed, found).entities}
    province, city = ents["Homs province"], ents["Homs city"]
    assert [m.text for m in province.mentions] == ["Homs province"]
    assert [m.text for m in city.mentions] == ["Homs city"]
    assert province.place is not None and province.place.precision == "region"
    assert city.place is not None and city.place.precision == "city"


def test_places_a_region_named_by_compass_words_needs_its_region_word(nlp: Any) -> None:
    text = "Separatists attacked a convoy in Cameroon's Southwest region. The West was calm."
    ents = _hand(nlp, text, {"Cameroon": "GPE", "Southwest": "GPE", "West": "LOC"})
    region = ents["Southwest"].place
    assert region is not None and (region.country, region.precision) == ("CM", "region")
    west = ents["West"].place
    assert west is None or west.precision != "region"


def test_places_a_town_people_were_moved_to_is_a_place(nlp: Any) -> None:
    ents = _run(
        nlp,
        "Wounded fighters were evacuated to Misrata after clashes near Sirte in Libya.",
        same=False,
    )
    assert ents["Misrata"].type == "GPE" and ents["Misrata"].place is not None
