"""The gazetteer's data: villages, countrystatecity names, region names, spelling variants."""

from __future__ import annotations

from actorgraph.pipeline.places._fuzzy import consonants, fuzzy_lookup
from actorgraph.pipeline.places._gazetteer import gazetteer
from actorgraph.pipeline.places._names import norm


def test_gazetteer_knows_villages_of_500_people() -> None:
    found = gazetteer().cities(norm("Kfar Blum"))
    assert [(c.country, c.population < 1000) for c in found] == [("IL", True)]


def test_gazetteer_places_only_countrystatecity_lists() -> None:
    found = [c for c in gazetteer().cities(norm("Abu Ghraib")) if c.gazetteer_id]
    assert {c.country for c in found} == {"IQ"}
    assert any(c.gazetteer_id.startswith("csc:") for c in found if c.gazetteer_id)


def test_gazetteer_drops_machine_translated_region_names() -> None:
    gaz = gazetteer()
    assert gaz.regions("violet") == []  # the package's "native" name of Poni province
    assert [r.name for r in gaz.regions("hoose shebelle")] == ["Lower Shebelle"]


def test_gazetteer_spelling_variants_keep_their_consonants() -> None:
    gaz = gazetteer()
    assert consonants("tall rifaat") == consonants("tal rifat") == "tl rft"
    assert [c.name for c in fuzzy_lookup(gaz, "timbuktoo", ["ML"])] == ["Timbuktu"]
    assert [c.name for c in fuzzy_lookup(gaz, "lower shabelle", ["SO"])] == ["Lower Shebelle"]
    assert fuzzy_lookup(gaz, "timbuktoo", ["NE"]) == []  # only in the countries given
    assert fuzzy_lookup(gaz, "gandahar", ["AF"]) == []  # another consonant: another town
    assert fuzzy_lookup(gaz, "kunduz", ["AF"]) == []  # too short to guess at
