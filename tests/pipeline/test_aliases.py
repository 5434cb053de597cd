"""Within-document alias resolution on small hand-made texts, with the real model."""

from __future__ import annotations

from typing import Any

import pytest

from actorgraph.model import Document
from actorgraph.pipeline.entities import EntityResult, extract_entities
from actorgraph.pipeline.entities._aliases import (
    initials,
    name_tokens,
    resolve_aliases,
    surname_key,
)
from actorgraph.pipeline.entities._extract import clean_span
from actorgraph.pipeline.nlp import ParsedDoc


def _resolve(nlp: Any, text: str) -> EntityResult:
    parsed = ParsedDoc(Document.from_text(text), nlp(text), None)
    return resolve_aliases(parsed, extract_entities(parsed))


def _named(result: EntityResult, surface: str) -> Any:
    hits = [e for e in result.entities if surface in e.aliases]
    assert len(hits) == 1, f"{surface!r} in {[e.aliases for e in result.entities]}"
    return hits[0]


def test_aliases_bare_surname_joins_earlier_full_name(nlp: Any) -> None:
    text = (
        "Mohammed al-Rubaie, a tribal elder, met the governor on Monday. "
        "Later, Rubaie said the talks went well, and al-Rubaie left for the capital."
    )
    r = _resolve(nlp, text)
    e = _named(r, "Mohammed al-Rubaie")
    assert e.type == "PERSON"
    assert {"Rubaie", "al-Rubaie"} & set(e.aliases)
    assert len(e.mentions) >= 2


def test_aliases_misspelled_full_name_joins_correct_spelling(nlp: Any) -> None:
    text = (
        "The commander, Karim al-Jabouri, spoke first. Witnesses said Karim al-Jaoburi "
        "later toured the base. Jabouri declined to comment."
    )
    r = _resolve(nlp, text)
    people = [e for e in r.entities if e.type == "PERSON"]
    assert len(people) == 1
    assert people[0].name == "Karim al-Jabouri"
    assert "Karim al-Jaoburi" in people[0].aliases


def test_aliases_different_surnames_stay_apart(nlp: Any) -> None:
    text = (
        "Ahmed Hamdani met Samir Hamadi in Tunis. Hamdani said the meeting was useful, "
        "while Hamadi disagreed."
    )
    r = _resolve(nlp, text)
    people = {e.name for e in r.entities if e.type == "PERSON"}
    assert {"Ahmed Hamdani", "Samir Hamadi"} <= people


def test_aliases_parenthetical_acronym_joins(nlp: Any) -> None:
    text = (
        "The Committee for Displaced Families (CDF) said on Tuesday that the camps were full. "
        "A CDF official said more tents were needed."
    )
    r = _resolve(nlp, text)
    e = _named(r, "Committee for Displaced Families")
    assert "CDF" in e.aliases


def test_aliases_aka_name_joins(nlp: Any) -> None:
    text = (
        'Omar Saleh founded the Jaysh al-Fath brigade, aka the "Army of Conquest," in 2015. '
        "The Army of Conquest grew quickly."
    )
    r = _resolve(nlp, text)
    orgs = [e for e in r.entities if "Army of Conquest" in e.aliases]
    assert len(orgs) == 1
    assert any("Jaysh al-Fath" in a for a in orgs[0].aliases)


def test_aliases_known_actor_names_and_demonyms_join(nlp: Any) -> None:
    text = (
        "ISIL fighters attacked the town. The Islamic State later claimed the raid, and "
        "Syrian officials blamed Daesh. Syria closed the border."
    )
    r = _resolve(nlp, text)
    e = _named(r, "Islamic State")
    assert e.kind == "armed_group"
    assert {"ISIL", "Daesh"} <= set(e.aliases)
    syria = _named(r, "Syria")
    assert "Syrian" in syria.aliases


def test_aliases_the_group_refers_to_last_named_group(nlp: Any) -> None:
    text = (
        "The Free Homeland Brigades, a militia formed in 2012, seized the bridge. "
        "A week later the group withdrew."
    )
    r = _resolve(nlp, text)
    e = _named(r, "Free Homeland Brigades")
    anaphors = [m.text for m in e.mentions if m.label == "anaphor"]
    assert anaphors == ["group"]


def test_aliases_the_army_joins_the_named_army(nlp: Any) -> None:
    text = "The Malian army retook the town. Residents said the army had shelled it first."
    r = _resolve(nlp, text)
    e = _named(r, "Malian army")
    assert e.type == "ORG" and e.kind == "state_force"
    assert any(m.label == "anaphor" and m.text == "army" for m in e.mentions)


def test_aliases_person_possessive_is_not_an_org(nlp: Any) -> None:
    r = _resolve(nlp, "He served in Idi Amin's army for ten years.")
    assert _named(r, "Idi Amin").type == "PERSON"


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Human Rights Watch", "HRW"), ("Party of Democratic Action", "PDA")],
)
def test_aliases_initials(name: str, expected: str) -> None:
    assert initials(name) == expected


def test_aliases_name_helpers() -> None:
    assert name_tokens("Captain Omar al-Tikriti") == ["Omar", "al-Tikriti"]
    assert surname_key("Omar al-Tikriti") == "tikriti"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('the "Army of Conquest', "Army of Conquest"),
        ("Hussein's", "Hussein"),
        ("the U.S.", "U.S."),
        ("Reuters,", "Reuters"),
    ],
)
def test_entities_clean_span(text: str, expected: str) -> None:
    span = clean_span(text, 0, len(text))
    assert span is not None
    assert text[span[0] : span[1]] == expected
