"""Which country a story is about, and whose a glossed group's fighters are."""

from __future__ import annotations

from typing import Any

from actorgraph.model import Document
from actorgraph.pipeline import entities, places
from actorgraph.pipeline.entities import EntityResult
from actorgraph.pipeline.nlp import ParsedDoc


def _actors(nlp: Any, text: str) -> EntityResult:
    parsed = ParsedDoc(Document.from_text(text), nlp(text), None)
    found = entities.resolve_aliases(parsed, entities.extract_entities(parsed))
    return entities.add_generic_actors(parsed, places.resolve_places(parsed, found))


def _names(result: EntityResult) -> set[str]:
    return {e.name for e in result.entities}


def test_generic_a_neighbouring_country_is_not_where_the_news_is(nlp: Any) -> None:
    text = (
        "Farmers protest near Bolivian border\n\n"
        "LIMA (Reuters) - Farmers blocked roads on Monday, and some crossed into "
        "neighbouring Bolivia. The army said it had cleared two roads, and Peruvian "
        "officials said talks would start."
    )
    r = _actors(nlp, text)
    assert "Military Forces of Peru" in _names(r)
    assert "Military Forces of Bolivia" not in _names(r)


def test_generic_a_countrys_border_is_a_neighbours_word(nlp: Any) -> None:
    text = (
        "Clashes erupt near Sudanese border\n\n"
        "N'DJAMENA (Reuters) - Fighting near the Sudanese border killed four people on "
        "Monday, officials in Chad said. The army sent more troops to the area."
    )
    r = _actors(nlp, text)
    assert "Military Forces of Chad" in _names(r)
    assert "Military Forces of Sudan" not in _names(r)


def test_generic_fighters_of_a_glossed_name_are_that_groups(nlp: Any) -> None:
    text = (
        "Somali rebels and militias clash\n\n"
        "Fighting between Ogaden National Liberation Front (ONLF) guerrillas and a clan "
        "militia killed five people on Monday, elders said."
    )
    r = _actors(nlp, text)
    onlf = next(e for e in r.entities if e.name == "Ogaden National Liberation Front")
    assert any(a.endswith("guerrillas") for a in onlf.aliases)
    assert not any(e.name.startswith("Unidentified Armed Group") for e in r.entities)
