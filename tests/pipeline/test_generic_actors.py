"""Generic actors (a state's forces and government, unnamed attackers) on hand-made texts."""

from __future__ import annotations

from typing import Any

from actorgraph.model import Document, Entity
from actorgraph.pipeline import entities, places
from actorgraph.pipeline.entities import EntityResult
from actorgraph.pipeline.entities._acronyms import spelled_acronyms
from actorgraph.pipeline.nlp import ParsedDoc


def _actors(nlp: Any, text: str) -> EntityResult:
    parsed = ParsedDoc(Document.from_text(text), nlp(text), None)
    found = entities.resolve_aliases(parsed, entities.extract_entities(parsed))
    return entities.add_generic_actors(parsed, places.resolve_places(parsed, found))


def _named(result: EntityResult, name: str) -> Entity:
    hits = [e for e in result.entities if e.name == name]
    assert len(hits) == 1, f"{name!r} not in {[e.name for e in result.entities]}"
    return hits[0]


def _names(result: EntityResult) -> set[str]:
    return {e.name for e in result.entities}


def test_generic_a_states_forces_are_one_actor_however_worded(nlp: Any) -> None:
    text = (
        "Malian soldiers repelled an attack near Gao on Monday. The army said three "
        "soldiers were wounded, and Mali's military sent more troops to the region."
    )
    r = _actors(nlp, text)
    army = _named(r, "Military Forces of Mali")
    assert army.kind == "state_force" and army.type == "ORG"
    assert {"Malian soldiers", "army", "soldiers", "Mali's military", "troops"} <= set(army.aliases)


def test_generic_two_countries_forces_stay_apart_and_the_last_named_is_meant(nlp: Any) -> None:
    text = (
        "Kenyan troops crossed into Somalia on Tuesday. Somali police said the troops "
        "had secured the road."
    )
    r = _actors(nlp, text)
    kenya = _named(r, "Military Forces of Kenya")
    assert {"Kenyan troops", "troops"} <= set(kenya.aliases)
    assert "Somali police" in _named(r, "Police Forces of Somalia").aliases


def test_generic_someone_elses_forces_are_not_the_state(nlp: Any) -> None:
    text = (
        "In Syria, Turkish-backed forces and pro-government militias fought on Sunday, "
        "while foreign troops stayed in their bases. Forces loyal to the governor held "
        "the town."
    )
    r = _actors(nlp, text)
    assert "Military Forces of Syria" not in _names(r)
    assert "Military Forces of Turkey" not in _names(r)


def test_generic_unnamed_attackers_are_an_unidentified_group_of_the_document(nlp: Any) -> None:
    text = (
        "Gunmen killed four villagers in northern Nigeria on Friday. Police said the "
        "attackers fled on motorcycles, and two suspected kidnappers were arrested."
    )
    r = _actors(nlp, text)
    unknown = _named(r, "Unidentified Armed Group (Nigeria)")
    assert unknown.kind == "armed_group"
    assert {"Gunmen", "attackers", "suspected kidnappers"} <= set(unknown.aliases)
    assert "Police" in _named(r, "Police Forces of Nigeria").aliases


def test_generic_attackers_that_a_group_is_named_for_join_it(nlp: Any) -> None:
    text = (
        "Fighters from the Mountain Lions Brigade stormed an army post in Chad. "
        "The militants withdrew after two hours."
    )
    r = _actors(nlp, text)
    group = next(e for e in r.entities if "Mountain Lions Brigade" in e.name)
    assert {"Fighters", "militants"} <= set(group.aliases)
    assert group.kind == "armed_group"
    assert not any(e.name.startswith("Unidentified") for e in r.entities)


def test_generic_the_government_is_the_one_the_text_named(nlp: Any) -> None:
    text = (
        "The Government of National Unity said on Monday it would reopen the port. "
        "The government later said the talks had failed."
    )
    r = _actors(nlp, text)
    gnu = next(e for e in r.entities if e.name.startswith("Government of National Unity"))
    assert any(m.text == "government" for m in gnu.mentions)
    assert not any(e.name.startswith("Government of ") and e is not gnu for e in r.entities)


def test_generic_the_models_own_country_army_entity_is_folded_in(nlp: Any) -> None:
    text = "The Iraqi army retook the town. Iraqi troops then searched the houses."
    r = _actors(nlp, text)
    army = _named(r, "Military Forces of Iraq")
    assert {"Iraqi army", "Iraqi troops"} <= set(army.aliases)
    assert "Iraqi army" not in _names(r)


def test_generic_spelled_acronym_makes_one_name_of_the_words_before_it() -> None:
    text = (
        "Members of the Northern Sahel Liberation Front (NSLF) and the Tehrik-i-Azadi "
        "Movement (TAM) met."
    )
    found = [text[s:e] for s, e, _ in spelled_acronyms(text)]
    assert found == ["Northern Sahel Liberation Front", "Tehrik-i-Azadi Movement"]
    assert spelled_acronyms("the armed wing (AW) of the army in the Congo (DRC)") == []


def test_aliases_short_form_and_capitals_of_a_place_join_it(nlp: Any) -> None:
    text = (
        "JALAWLA, Iraq - Fighting resumed in Diyala province on Monday, and residents of "
        "Diyala said the roads were closed. In Jalawla, shops stayed shut."
    )
    parsed = ParsedDoc(Document.from_text(text), nlp(text), None)
    r = entities.resolve_aliases(parsed, entities.extract_entities(parsed))
    province = next(e for e in r.entities if "Diyala province" in e.aliases)
    assert "Diyala" in province.aliases and province.type == "GPE"
    town = next(e for e in r.entities if "JALAWLA" in e.aliases)
    assert "Jalawla" in town.aliases and town.type == "GPE"


def test_aliases_a_listed_armed_group_wins_over_a_person_label(nlp: Any) -> None:
    text = "Hezbollah said on Sunday that its fighters fired rockets at a base."
    parsed = ParsedDoc(Document.from_text(text), nlp(text), None)
    r = entities.resolve_aliases(parsed, entities.extract_entities(parsed))
    group = next(e for e in r.entities if e.name == "Hezbollah")
    assert group.type == "ORG" and group.kind == "armed_group"


def test_layout_dateline_place_is_a_place_and_its_agency_no_actor(nlp: Any) -> None:
    text = (
        "Storm Over the Valley\n\nKARMAL, Ruritania, March 3 (Reuters) - Troops shelled "
        "the hills above Karmal on Sunday, residents said."
    )
    parsed = ParsedDoc(Document.from_text(text), nlp(text), None)
    r = entities.resolve_aliases(parsed, entities.extract_entities(parsed))
    place = next(e for e in r.entities if "KARMAL" in e.aliases)
    assert place.type == "GPE" and "Karmal" in place.aliases
    assert not any("Reuters" in e.aliases for e in r.entities)


def test_layout_boilerplate_lines_give_no_actors(nlp: Any) -> None:
    text = (
        "By Ahmed Karimi and Lena Vogt\n\nThursday, 4 June 2015 10:02 GMT\n\n"
        "Rebels seized the town of Darak on Wednesday.\n\nPhoto: Omar Said/Getty Images\n"
    )
    parsed = ParsedDoc(Document.from_text(text), nlp(text), None)
    names = {a for e in entities.extract_entities(parsed).entities for a in e.aliases}
    assert not names & {"Ahmed Karimi", "Lena Vogt", "Omar Said", "Getty Images"}


def test_nlp_hard_wrapped_lines_do_not_cut_names_or_sentences(nlp: Any) -> None:
    from actorgraph.pipeline.nlp import hard_wrapped, parse

    text = (
        "Suspected rebels attacked a farm near the town of Kalehe overnight as\n"
        "the offensive against armed groups neared the end of its third week,\n"
        "the local administrator of the district, Pierre\nMutombo, told reporters Tuesday.\n\n"
        "The army said it had sent more troops to the area around the lake and\n"
        "that residents who fled would be able to return home within the week.\n"
    )
    assert hard_wrapped(text) is not None
    assert hard_wrapped("One line.\nAnother line, not wrapped at all.\n") is None
    doc = parse(Document.from_text(text), reference=None, nlp=nlp)
    assert len(list(doc.doc.sents)) == 2
    parsed = ParsedDoc(Document.from_text(text), doc.doc, None)
    names = {e.name for e in entities.extract_entities(parsed).entities}
    assert (
        "Pierre Mutombo" in names
        or "Pierre\nMutombo" in names
        or any("Mutombo" in n for n in names)
    )


def test_entities_a_groups_branch_is_a_group_of_its_own(nlp: Any) -> None:
    text = (
        "Fighters of the Islamic State in the Greater Sahara attacked a convoy. Islamic "
        "State in Syria lost ground, and Hezbollah in Lebanon said nothing."
    )
    r = _actors(nlp, text)
    names = _names(r)
    assert "Islamic State in the Greater Sahara" in names
    assert _named(r, "Islamic State in the Greater Sahara").kind == "armed_group"
    assert "Islamic State" in names and "Hezbollah" in names  # a country is no branch


def test_entities_a_group_in_a_town_is_no_branch(nlp: Any) -> None:
    text = (
        "Fighters attacked the Taliban in Kandahar on Monday. Twenty people died in an "
        "attack by Boko Haram in Nigeria's northeast."
    )
    names = _names(_actors(nlp, text))
    assert {"Taliban", "Kandahar", "Boko Haram"} <= names
    assert not any(" in " in n for n in names)


def test_generic_dissidents_of_a_group_are_their_own_group(nlp: Any) -> None:
    text = (
        "Dissidents of the National Liberation Army (ELN) ambushed a patrol in Colombia. "
        "The ELN denied any link with the attackers."
    )
    r = _actors(nlp, text)
    splinter = next(e for e in r.entities if e.name.endswith("dissidents"))
    assert splinter.kind == "armed_group" and "Dissidents" in splinter.aliases
    parent = next(e for e in r.entities if "ELN" in e.aliases)
    assert "Dissidents" not in parent.aliases
    import actorgraph

    a = actorgraph.analyze(text, nlp=nlp)
    names = {e.id: e.name for e in a.entities}
    links = {(names[x.subject], x.predicate, names[x.object]) for x in a.relations}
    assert (splinter.name, "ties_to", parent.name) in links


def test_generic_command_authorities_and_a_regions_police_are_the_states(nlp: Any) -> None:
    text = (
        "Gunmen attacked a village near Garissa in Kenya on Monday. Garissa police said two "
        "people died, and the general staff said troops were sent. Authorities closed the "
        "roads."
    )
    r = _actors(nlp, text)
    assert "Garissa police" in _named(r, "Police Forces of Kenya").aliases
    assert "general staff" in _named(r, "Military Forces of Kenya").aliases
    assert "Authorities" in _named(r, "Government of Kenya").aliases


def test_generic_the_leads_country_is_the_storys_country(nlp: Any) -> None:
    text = (
        "Gunmen attacked a police post in northern Kenya on Monday, killing two officers.\n\n"
        "Officials said the attackers came from Somalia. Somalia has long faced an "
        "insurgency, and Somalia's neighbours fear it."
    )
    r = _actors(nlp, text)
    assert "Unidentified Armed Group (Kenya)" in _names(r)
    assert "Police Forces of Kenya" in _names(r)


def test_generic_an_islamist_attack_is_an_unidentified_groups(nlp: Any) -> None:
    import actorgraph

    text = "An Islamist attack on the army left 12 soldiers dead in northern Mali on Monday."
    a = actorgraph.analyze(text, nlp=nlp)
    names = {e.id: e.name for e in a.entities}
    (ev,) = [e for e in a.events if e.type == "ASSAULT"]
    assert [names[x] for x in ev.actors] == ["Unidentified Armed Group (Mali)"]
    assert [names[x] for x in ev.targets] == ["Military Forces of Mali"]


def test_entities_a_name_cut_before_its_open_parenthesis() -> None:
    from actorgraph.pipeline.entities._extract import clean_span

    text = "members of the Allied Democratic Forces (ADF killed"
    start = text.index("Allied")
    span = clean_span(text, start, text.index(" killed"))
    assert span is not None and text[span[0] : span[1]] == "Allied Democratic Forces"


def test_entities_a_role_before_a_name_makes_it_a_person(nlp: Any) -> None:
    from spacy.tokens import Doc

    from actorgraph.pipeline.entities._labels import repair_label

    doc = Doc(nlp.vocab, words=["local", "administrator", "Donat", "Kibwana", "told", "AFP"])
    assert repair_label(doc, doc[2:4], "ORG")[0] == "PERSON"
    doc = Doc(nlp.vocab, words=["spokesman", "for", "Democratic", "Forces", "said"])
    assert repair_label(doc, doc[2:4], "ORG")[0] == "ORG"


def test_entities_the_armed_forces_are_not_a_group_named_forces(nlp: Any) -> None:
    text = (
        "The Allied Democratic Forces attacked Beni. The armed forces, for their part, "
        "say they have retaken the town."
    )
    r = _actors(nlp, text)
    group = next(e for e in r.entities if e.name == "Allied Democratic Forces")
    assert "armed forces" not in {m.text for m in group.mentions}


def test_entities_a_weapons_name_and_a_capitals_apposition(nlp: Any) -> None:
    from spacy.tokens import Doc

    from actorgraph.pipeline.entities._labels import repair_label

    doc = Doc(nlp.vocab, words=["shot", "down", "a", "Reaper", "drone", "over", "Marib"])
    assert repair_label(doc, doc[3:4], "ORG")[0] == "PRODUCT"
    doc = Doc(nlp.vocab, words=["a", "Houthi", "drone", "struck", "a", "market"])
    assert repair_label(doc, doc[1:2], "ORG")[0] == "ORG"  # a known group's drone
    doc = Doc(nlp.vocab, words=["control", "the", "capital", ",", "Sanaa", ",", "and"])
    assert repair_label(doc, doc[4:5], "PERSON")[0] == "GPE"
    doc = Doc(nlp.vocab, words=["in", "the", "state", ",", "Haruna", "said", "."])
    assert repair_label(doc, doc[4:5], "PERSON")[0] == "PERSON"


def test_quotes_a_datelines_city_is_not_the_speaker(nlp: Any) -> None:
    import actorgraph

    text = (
        "ADEN, Yemen (AP) — Yemen's Houthi rebels said Thursday they had shot down a U.S. "
        "drone over the province of Marib."
    )
    a = actorgraph.analyze(text, nlp=nlp)
    names = {e.id: e.name for e in a.entities}
    assert [names.get(q.speaker or "") for q in a.quotes] == ["Houthis"]


def test_generic_a_rebel_army_named_like_a_states_is_its_own_group(nlp: Any) -> None:
    text = (
        "Opposition fighters, namely the Chadian National Army, took the town from Chadian "
        "soldiers. Rebel leader Idriss Kanem's self-styled Malian National Army attacked "
        "Malian troops. The Nigerien National Army said it had repelled them."
    )
    r = _actors(nlp, text)
    for name in ("Chadian National Army", "Malian National Army"):
        assert _named(r, name).kind == "armed_group"
    assert "Chadian National Army" not in _named(r, "Military Forces of Chad").aliases
    assert "Malian National Army" not in _named(r, "Military Forces of Mali").aliases
    niger = [e for e in r.entities if "Nigerien National Army" in e.aliases]
    assert len(niger) == 1 and niger[0].kind == "state_force"


def test_generic_the_regime_is_the_states_not_a_named_shadow_government(nlp: Any) -> None:
    text = (
        "Soldiers shelled villages in Chad on Monday. The Chadian Unity Government, a shadow "
        "administration formed by exiled lawmakers, condemned it. The military regime "
        "denied it."
    )
    r = _actors(nlp, text)
    assert "military regime" in _named(r, "Government of Chad").aliases
    assert "military regime" not in _named(r, "Chadian Unity Government").aliases


def test_generic_forces_loyal_to_an_organisation_are_its_own(nlp: Any) -> None:
    text = (
        "Forces loyal to the Sovereign Council of Darfur clashed with the Janjaweed militia. "
        "Fighters loyal to General Osman Karim shelled the airport."
    )
    r = _actors(nlp, text)
    assert "Forces" in _named(r, "Sovereign Council of Darfur").aliases
    assert not [e for e in r.entities if "Fighters" in e.aliases and e.type == "ORG"]


def test_generic_a_states_troops_named_only_by_the_model_are_still_its_forces(nlp: Any) -> None:
    text = (
        "Russian troops and fighters of the breakaway Free Azawad Movement, backed by Moscow "
        "since 2014, captured the town of Gao last week. Russia denies it."
    )
    r = _actors(nlp, text)
    forces = [e for e in r.entities if e.name == "Military Forces of Russia"]
    assert len(forces) == 1 and forces[0].kind == "state_force"
    assert "Russian troops" in forces[0].aliases
    text = "Russian troops shelled the town. The Russian army said it had left. Russia denies it."
    forces = [e for e in _actors(nlp, text).entities if "Russian army" in e.aliases]
    assert len(forces) == 1 and "Russian troops" in forces[0].aliases


def test_generic_x_rebels_and_the_rebel_group_are_the_group_x(nlp: Any) -> None:
    text = (
        "GOMA, Congo (AP) - M23 rebels seized the town of Rubaya on Tuesday. The rebel group, "
        "which experts say is backed by Rwanda, now holds much of the province. Rwanda "
        "denies supporting the M23."
    )
    r = _actors(nlp, text)
    group = _named(r, "M23")
    assert "M23 rebels" in group.aliases
    r = _actors(nlp, "Communist rebels ambushed an army convoy in the southern Philippines.")
    assert "Communist" not in _names(r)  # a people's or a creed's word is no group's name
    assert not [e for e in r.entities if e.name.startswith("Unidentified")]


def test_generic_army_opening_a_sentence_is_the_countrys_forces(nlp: Any) -> None:
    text = (
        "The rebels have been at war with the Sudanese army since April. "
        "Army chief General Osman Karim vowed revenge in Khartoum."
    )
    r = _actors(nlp, text)
    army = _named(r, "Military Forces of Sudan")
    assert "Army" in army.aliases
    assert "Army" not in _names(r)


def test_generic_a_group_named_only_as_a_modifier_is_not_the_one_meant(nlp: Any) -> None:
    text = (
        "Chadian troops drove the Desert Shield Brigade out of Abeche on Monday. "
        "The Boko Haram-linked group had held the town for a year. The militants fled."
    )
    r = _actors(nlp, text)
    assert "militants" in _named(r, "Desert Shield Brigade").aliases
    assert "militants" not in _named(r, "Boko Haram").aliases


def test_generic_government_forces_are_the_states_even_when_backed(nlp: Any) -> None:
    r = _actors(nlp, "Chadian government forces backed by local militias retook Abeche.")
    assert "Chadian government forces" in _named(r, "Military Forces of Chad").aliases


def test_generic_a_military_spokesman_and_a_countrys_military_are_its_forces(nlp: Any) -> None:
    text = (
        "Chad's military seized power in May. Military spokesman Colonel Idriss Saleh "
        "said the army would hold elections."
    )
    r = _actors(nlp, text)
    assert {"Chad's military", "Military"} <= set(_named(r, "Military Forces of Chad").aliases)


def test_generic_warlords_and_guerrillas_are_unnamed_armed_actors(nlp: Any) -> None:
    result = _actors(nlp, "In Chad, clan-based warlords overthrew the president in 1990.")
    assert any(n.startswith("Unidentified Armed Group") for n in _names(result))
    result = _actors(nlp, "In Peru, guerrillas ambushed a patrol on Monday.")
    assert any(n.startswith("Unidentified Armed Group") for n in _names(result))
