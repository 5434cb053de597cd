"""Relations from small hand-made texts, through the whole pipeline with the real model."""

from __future__ import annotations

from typing import Any

import pytest

import actorgraph
from actorgraph.model import Analysis


def _rels(
    nlp: Any, text: str, published: str = "2019-03-01"
) -> tuple[Analysis, set[tuple[str, str, str]]]:
    a = actorgraph.analyze(text, published=published, nlp=nlp)
    name = {e.id: e.name for e in a.entities}
    return a, {(name[r.subject], r.predicate, name[r.object]) for r in a.relations}


def test_relations_apposition_leader_and_founder(nlp: Any) -> None:
    text = (
        "Yusuf Darwish, the leader of the Eastern Lions Brigade, met reporters on Monday. "
        "Later, Karim Nasser, founder of the Desert Shield Movement, joined him."
    )
    _, rels = _rels(nlp, text)
    assert ("Yusuf Darwish", "leader_of", "Eastern Lions Brigade") in rels
    assert ("Karim Nasser", "founder_of", "Desert Shield Movement") in rels


def test_relations_works_for_keeps_role(nlp: Any) -> None:
    a, _ = _rels(nlp, "Maria Lopez, the Sahel analyst for the Crisis Group, said the talks failed.")
    rel = next(r for r in a.relations if r.predicate == "works_for")
    assert a.entity(rel.object) is not None
    assert a.entity(rel.object).name == "Crisis Group"  # type: ignore[union-attr]
    assert rel.role == "Sahel analyst"
    text = a.document.text
    assert text[rel.evidence[0].start : rel.evidence[0].end].startswith("Maria Lopez")


def test_relations_title_gives_role_and_then_ends_it(nlp: Any) -> None:
    text = (
        "On March 3, 2011, then-President Amadou Toure met Malian officers in Bamako. "
        "Malian President Ibrahim Keita spoke in Bamako later. Mali remains tense, "
        "and Mali is a large country."
    )
    a, rels = _rels(nlp, text)
    assert ("Ibrahim Keita", "holds_role", "Mali") in rels
    toure = next(r for r in a.relations if a.entity(r.subject).name == "Amadou Toure")  # type: ignore[union-attr]
    assert toure.predicate == "holds_role" and toure.role == "President"
    assert toure.valid.end == "2011-03-03"


def test_relations_spokesman_of_the_group_is_reported_by_nobody(nlp: Any) -> None:
    text = (
        "The Free Homeland Brigades, a militia formed in 2012, seized the bridge. "
        "According to group spokesman Omar Haddad, the fighters are now battling the army."
    )
    a, rels = _rels(nlp, text)
    assert ("Omar Haddad", "spokesperson_of", "Free Homeland Brigades") in rels
    rel = next(r for r in a.relations if r.predicate == "spokesperson_of")
    assert rel.modality == "asserted"


def test_relations_passive_support_with_modes(nlp: Any) -> None:
    text = "The Sunrise Brigade has been trained and equipped by Turkey, officials said."
    a, _ = _rels(nlp, text)
    rel = next(r for r in a.relations if r.predicate == "supported_by")
    assert a.entity(rel.subject).name == "Sunrise Brigade"  # type: ignore[union-attr]
    assert a.entity(rel.object).name == "Turkey"  # type: ignore[union-attr]
    assert set(rel.mode) == {"trained", "equipped"}


def test_relations_reported_fight_is_attributed(nlp: Any) -> None:
    text = (
        "Samir Khalil founded the Northern Guard in 2014. According to Fatima Rahal, a "
        "researcher, Khalil is fighting alongside the Kurdish Peshmerga against the "
        "Islamic State."
    )
    a, rels = _rels(nlp, text)
    fights = [r for r in a.relations if r.predicate == "fights_against"]
    assert fights, rels
    assert all(r.modality == "reported" for r in fights)
    assert {a.entity(r.attributed_to).name for r in fights} == {"Fatima Rahal"}  # type: ignore[union-attr]


def test_relations_negated_statement_is_not_a_relation(nlp: Any) -> None:
    _, rels = _rels(nlp, "Unlike his rivals, Adel Mahdi does not command the Kirkuk Brigade.")
    assert not any(p == "commands" for _, p, _ in rels)


def test_relations_ties_and_residence(nlp: Any) -> None:
    text = (
        "The cleric Hassan Fadel, who resides in Basra, has close ties to Iran. "
        "Fadel rarely travels."
    )
    _, rels = _rels(nlp, text)
    assert ("Hassan Fadel", "located_in", "Basra") in rels
    assert ("Hassan Fadel", "ties_to", "Iran") in rels or (
        "Iran",
        "ties_to",
        "Hassan Fadel",
    ) in rels


def test_relations_person_of_org_works_for_it(nlp: Any) -> None:
    _, rels = _rels(
        nlp, "The fire spread quickly, said Lt. Peter Holm of the Harbor Fire Department."
    )
    assert ("Peter Holm", "works_for", "Harbor Fire Department") in rels


def test_relations_role_after_an_aside_and_before_the_name(nlp: Any) -> None:
    text = (
        "Sen. Walter Brandt, D-Ohio, chairman of the Senate Energy Committee, spoke on Monday. "
        "Police said the chairman of the Northern Unity Front, Hassan Warsame, was arrested."
    )
    _, rels = _rels(nlp, text)
    assert ("Walter Brandt", "leader_of", "Senate Energy Committee") in rels
    assert ("Hassan Warsame", "leader_of", "Northern Unity Front") in rels


def test_relations_work_verbs_and_role_verbs(nlp: Any) -> None:
    text = (
        "Lena Fischer, who works for the Baltic Research Institute, was named director of "
        "the Nordic Policy Center last year."
    )
    _, rels = _rels(nlp, text)
    assert ("Lena Fischer", "works_for", "Baltic Research Institute") in rels
    assert ("Lena Fischer", "works_for", "Nordic Policy Center") in rels


def test_relations_nationality_is_not_an_employer(nlp: Any) -> None:
    _, rels = _rels(nlp, "Karl Lindqvist, a Norwegian historian, wrote the book.")
    assert not any(p == "works_for" for _, p, _ in rels)


def test_relations_based_adjective_locates_the_group(nlp: Any) -> None:
    _, rels = _rels(nlp, "The Cairo-based Arab Monitoring Network said the convoy was hit.")
    assert ("Arab Monitoring Network", "located_in", "Cairo") in rels


# Conflict reporting: each sentence is made up for the test; (subject, predicate, object)
# must be read from it.
CONFLICT_FACTS = [
    # spokespeople: "a spokesman for X, Y", "X spokesman Y", "Y, X's spokesman", a rank after
    ("A spokesman for the Northern Liberation Front, Ali Warsame, denied the report.",
     ("Ali Warsame", "spokesperson_of", "Northern Liberation Front")),
    ("Northern Liberation Front spokesman Ali Warsame said the fighters would not retreat.",
     ("Ali Warsame", "spokesperson_of", "Northern Liberation Front")),
    ("Ali Warsame, the Northern Liberation Front's spokesman, said the fighters would stay.",
     ("Ali Warsame", "spokesperson_of", "Northern Liberation Front")),
    ("Kenyan army spokesman Colonel Paul Njoroge said the base was safe.",
     ("Paul Njoroge", "spokesperson_of", "Military Forces of Kenya")),
    # two sides fighting
    ("Clashes between the Kenyan army and the Northern Liberation Front killed 12 people.",
     ("Military Forces of Kenya", "fights_against", "Northern Liberation Front")),
    ("The Northern Liberation Front clashed with the Kenyan army near Mombasa on Monday.",
     ("Northern Liberation Front", "fights_against", "Military Forces of Kenya")),
    ("The Kenyan army repelled an attack by the Northern Liberation Front on its base.",
     ("Military Forces of Kenya", "fights_against", "Northern Liberation Front")),
    ("Kenya's military said it had repelled several Ugandan attacks near the border.",
     ("Military Forces of Kenya", "fights_against", "Uganda")),
    ("The Northern Liberation Front launched an offensive against the Kenyan army last week.",
     ("Northern Liberation Front", "fights_against", "Military Forces of Kenya")),
    ("Kenyan troops and the Northern Liberation Front have been exchanging fire for days.",
     ("Military Forces of Kenya", "fights_against", "Northern Liberation Front")),
    ("Three Kenyan soldiers were killed in an attack by the Northern Liberation Front.",
     ("Northern Liberation Front", "fights_against", "Military Forces of Kenya")),
    ("The militants died in a gun battle with Kenyan soldiers near Lamu.",
     ("Military Forces of Kenya", "fights_against", "Unidentified Armed Group (Kenya)")),
    ("The Kenyan army killed 14 militants in Mombasa on Tuesday.",
     ("Military Forces of Kenya", "fights_against", "Unidentified Armed Group")),
    ("The Kenyan government deployed Kenyan troops to Mombasa to fight the Northern "
     "Liberation Front.",
     ("Military Forces of Kenya", "fights_against", "Northern Liberation Front")),
    ("Kenyan soldiers recaptured the port of Malindi, an insurgents' stronghold, on Sunday.",
     ("Military Forces of Kenya", "fights_against", "Unidentified Armed Group (Kenya)")),
    ("Kenyan airstrikes killed two fighters of the Northern Liberation Front near the border.",
     ("Kenya", "fights_against", "Northern Liberation Front")),
    ("The Northern Liberation Front claimed responsibility for the attack on the Kenyan army.",
     ("Northern Liberation Front", "fights_against", "Military Forces of Kenya")),
    ("The Northern Liberation Front has waged an insurgency in Kenya since 2015.",
     ("Northern Liberation Front", "fights_against", "Kenya")),
    # holding ground
    ("The Northern Liberation Front seized the town of Mombasa on Sunday.",
     ("Northern Liberation Front", "operates_in", "Mombasa")),
    ("The Northern Liberation Front controls large parts of the Garissa region.",
     ("Northern Liberation Front", "operates_in", "Garissa")),
    ("Kenyan soldiers recaptured the port of Malindi, an insurgents' stronghold, on Sunday.",
     ("Unidentified Armed Group (Kenya)", "operates_in", "Malindi")),
    ("Mombasa, where the Northern Liberation Front has bases, was calm.",
     ("Northern Liberation Front", "operates_in", "Mombasa")),
    ("The towns of Lamu and Malindi, which have a strong Northern Liberation Front presence, "
     "were shelled.", ("Northern Liberation Front", "operates_in", "Malindi")),
    ("Refugees fled the Northern Liberation Front-held town of Dadaab.",
     ("Northern Liberation Front", "operates_in", "Dadaab")),
    ("The army tried to drive Northern Liberation Front fighters from Mombasa.",
     ("Northern Liberation Front", "operates_in", "Mombasa")),
    ("The Kenyan government deployed Kenyan troops to Mombasa to fight the Northern "
     "Liberation Front.", ("Military Forces of Kenya", "operates_in", "Mombasa")),
    ("The Kenyan army killed 14 militants in Mombasa on Tuesday.",
     ("Military Forces of Kenya", "operates_in", "Mombasa")),
    ("Lamu, a town used by the Northern Liberation Front as a base, was bombed.",
     ("Northern Liberation Front", "operates_in", "Lamu")),
    ("Kenya's Northern Liberation Front claimed the attack.",
     ("Northern Liberation Front", "operates_in", "Kenya")),
    # backing, allies, allegiance, ties
    ("The Uganda-backed Popular Defence Brigade said it would fight on.",
     ("Popular Defence Brigade", "supported_by", "Uganda")),
    ("The United States has backed Kenya's military with training. Kenyan troops patrol "
     "the border.", ("Military Forces of Kenya", "supported_by", "United States")),
    ("Iran denies arming the group. The Coastal Liberation Front, which is backed by Tehran, "
     "attacked ships.", ("Coastal Liberation Front", "supported_by", "Iran")),
    ("The Popular Defence Brigade, a militia backed by Uganda, denied the charge.",
     ("Popular Defence Brigade", "supported_by", "Uganda")),
    # a group's dissidents are their own actor: the soldiers fight them, not the parent
    ("Kenyan soldiers killed six Northern Liberation Front dissidents near Lamu.",
     ("Military Forces of Kenya", "fights_against", "Northern Liberation Front dissidents")),
    ("The Popular Defence Brigade is loyal to Salim Odhiambo, a former general.",
     ("Popular Defence Brigade", "allegiance_to", "Salim Odhiambo")),
    ("Hamas ally Hezbollah fired rockets at Israel.", ("Hezbollah", "allied_with", "Hamas")),
    ("Hamas's closest ally, Hezbollah, fired rockets at Israel.",
     ("Hezbollah", "allied_with", "Hamas")),
    ("The Northern Liberation Front has joined forces with the Popular Defence Brigade.",
     ("Northern Liberation Front", "allied_with", "Popular Defence Brigade")),
    ("The Northern Liberation Front has been a key Ugandan partner in the fight against the "
     "Islamic State.", ("Northern Liberation Front", "allied_with", "Uganda")),
    ("The Northern Liberation Front has been a key Ugandan partner in the fight against the "
     "Islamic State.", ("Northern Liberation Front", "fights_against", "Islamic State")),
    ("Militants linked to the Islamic State attacked a church in Mombasa.",
     ("Unidentified Armed Group", "ties_to", "Islamic State")),
    ("The al Qaeda-linked Northern Liberation Front claimed the attack.",
     ("Northern Liberation Front", "ties_to", "al-Qaeda")),
    # an affiliate or splinter is its own actor
    ("The Northern Liberation Front has killed thousands. Its splinter group, the Coastal "
     "Liberation Front (CLF), controls swathes of territory around Lake Turkana.",
     ("Coastal Liberation Front", "ties_to", "Northern Liberation Front")),
    ("The Northern Liberation Front has killed thousands. Its splinter group, the Coastal "
     "Liberation Front (CLF), controls swathes of territory around Lake Turkana.",
     ("Coastal Liberation Front", "operates_in", "Lake Turkana")),
    ("The Popular Defence Brigade, an affiliate of the Northern Liberation Front, operates "
     "near the border.", ("Popular Defence Brigade", "part_of", "Northern Liberation Front")),
    ("The Popular Defence Brigade functions as the armed wing of the Northern Liberation Front.",
     ("Popular Defence Brigade", "part_of", "Northern Liberation Front")),
    ("The Northern Liberation Front and its offshoot, the Coastal Liberation Front (CLF), "
     "have grown.", ("Coastal Liberation Front", "ties_to", "Northern Liberation Front")),
    ("The Northern Liberation Front claimed the attack. Its affiliate, the Northern "
     "Liberation Front Coast Province, said it had captured the town.",
     ("Northern Liberation Front Coast Province", "part_of", "Northern Liberation Front")),
    # leaders, commanders, titles
    ("The Northern Liberation Front, led by Joseph Kamau, denied the report.",
     ("Joseph Kamau", "leader_of", "Northern Liberation Front")),
    ("Peter Otieno, the commander of the Northern Liberation Front, was killed.",
     ("Peter Otieno", "commands", "Northern Liberation Front")),
    ("Peter Otieno, a Northern Liberation Front commander, was killed.",
     ("Peter Otieno", "member_of", "Northern Liberation Front")),
    ("Kenyan troops entered the town. Kenyan President Daniel Mwangi's forces shelled it.",
     ("Daniel Mwangi", "commands", "Military Forces of Kenya")),
    ("Kenya's defence minister Grace Wanjiru visited the troops in Mombasa.",
     ("Grace Wanjiru", "holds_role", "Kenya")),
    ("Hassan Abdi, the deputy governor of Mombasa, confirmed the attack.",
     ("Hassan Abdi", "holds_role", "Mombasa")),
    ("Ahmed Yusuf, the public prosecutor in Mombasa, opened an inquiry. Mombasa is in Kenya, "
     "and Kenya is large. Kenya held elections.", ("Ahmed Yusuf", "holds_role", "Kenya")),
    ("Fighting broke out in Kenya. Kenyan troops clashed with rebels in Mombasa and Nairobi. "
     "Prime Minister Daniel Mwangi visited Mombasa.", ("Daniel Mwangi", "holds_role", "Kenya")),
    ("The Central Bank's chief economist John Mbugua said inflation fell.",
     ("John Mbugua", "works_for", "Central Bank")),
    ("Fighting broke out in Kenya. Kenyan troops clashed with rebels in Mombasa and Nairobi. "
     "Defense Minister Pedro Ruiz visited Mombasa.", ("Pedro Ruiz", "holds_role", "Kenya")),
    ("UN Secretary-General Lars Holm called for calm.",
     ("Lars Holm", "leader_of", "United Nations")),
    ("The Nairobi-based Centre for Peace Studies published the report.",
     ("Centre for Peace Studies", "located_in", "Nairobi")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "fact"), CONFLICT_FACTS, ids=lambda x: str(x)[:40])
def test_relations_conflict_grammar(nlp: Any, text: str, fact: tuple[str, str, str]) -> None:
    _, rels = _rels(nlp, text)
    s, p, o = fact
    assert fact in rels or (p in {"fights_against", "allied_with", "ties_to"} and (o, p, s) in rels)


# Sentences from which a tempting relation must not be read.
NOT_FACTS = [
    ("Some Kenyans have pledged allegiance to the Islamic State.", "allegiance_to"),
    ("The police worked to prevent the Northern Liberation Front from operating in Lamu.",
     "operates_in"),
    ("The Northern Liberation Front attacked Lamu village on Monday.", "fights_against"),
    ("Mombasa and Nairobi clashed over the budget.", "fights_against"),
    ("Secretary of State Mary Ochieng met the envoy.", "works_for"),
    ("Secretary of State Mary Ochieng met the envoy.", "holds_role"),
    ("Mary Ochieng, the former secretary of State, met the envoy.", "works_for"),
    ("The Central Bank's chief economist John Mbugua said inflation fell.", "leader_of"),
    ("Daniel Mwangi said Grace Wanjiru will always be the queen of the party.", "holds_role"),
    ("The Kenyan army killed five civilians in Lamu.", "fights_against"),
    ("Kenyan fighter jets carried out an airstrike in Lamu.", "operates_in"),
    # a dissident faction is its own actor, not the group it split from
    ("Kenyan soldiers killed six members of a dissident faction of the Northern Liberation "
     "Front.", "fights_against"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "predicate"), NOT_FACTS, ids=lambda x: str(x)[:40])
def test_relations_not_read(nlp: Any, text: str, predicate: str) -> None:
    _, rels = _rels(nlp, text)
    assert not [r for r in rels if r[1] == predicate], rels


def test_relations_named_state_beats_the_guessed_one(nlp: Any) -> None:
    text = (
        "Fighting broke out in Kenya. Kenyan troops clashed with rebels in Mombasa and "
        "Nairobi. Ugandan President Ali Kato called for calm. President Kato spoke on Sunday."
    )
    _, rels = _rels(nlp, text)
    assert [r for r in rels if r[0] == "Ali Kato" and r[1] == "holds_role"] == [
        ("Ali Kato", "holds_role", "Uganda")
    ]


def test_relations_common_noun_and_demonym_arguments(nlp: Any) -> None:
    a, rels = _rels(nlp, "Lena Hart, a former Democratic aide, and Italian Prime Minister Marco "
                    "Villa met on Monday.")  # fmt: skip
    assert ("Marco Villa", "holds_role", "Italy") in rels
    assert not any(o in {"Democratic", "Italian"} for _, _, o in rels)
    assert all(any(c.isupper() for c in a.entity(r.object).name) for r in a.relations)  # type: ignore[union-attr]
    _, rels = _rels(nlp, '"We held," army spokesman Brigadier General Paul Njoroge said.')
    assert not [r for r in rels if r[2] == "Brigadier General"]  # a rank is no organisation


def test_relations_claim_status_of_support(nlp: Any) -> None:
    cases = {
        "According to Mary Ochieng, the Northern Liberation Front is armed by Uganda.":
            ("reported", "Mary Ochieng"),
        '"The Popular Defence Brigade is armed by Uganda," Mary Ochieng said.':
            ("reported", "Mary Ochieng"),
        "The Popular Defence Brigade was accused of being armed by Uganda.": ("alleged", None),
        # a description inside a noun phrase is the writer's, even in reported speech
        "Mary Ochieng said the Uganda-backed Popular Defence Brigade had attacked the base.":
            ("asserted", None),
    }  # fmt: skip
    a, _ = _rels(nlp, "Mary Ochieng said the Northern Liberation Front, which controls parts "
                 "of Mombasa, had attacked the base.")  # fmt: skip
    assert [r.modality for r in a.relations if r.predicate == "operates_in"] == ["asserted"]
    for text, (modality, source) in cases.items():
        a, _ = _rels(nlp, text)
        rel = next(r for r in a.relations if r.predicate == "supported_by")
        assert rel.modality == modality, text
        said = a.entity(rel.attributed_to)
        assert (said.name if said else None) == source, text


def test_relations_an_attack_between_armed_sides_is_a_fight(nlp: Any) -> None:
    text = "The Nigerian army was involved in a gunfight with Boko Haram fighters in Bama."
    a = actorgraph.analyze(text, nlp=nlp)
    names = {e.id: e.name for e in a.entities}
    fights = [r for r in a.relations if r.predicate == "fights_against"]
    assert {(names[r.subject], names[r.object]) for r in fights} == {
        ("Military Forces of Nigeria", "Boko Haram")
    }
    (rel,) = fights
    assert text[rel.evidence[0].start : rel.evidence[0].end] == text


def test_relations_an_attack_on_civilians_or_own_forces_is_no_fight(nlp: Any) -> None:
    text = "Gunmen killed ten villagers in Mali. Mali said its forces were not attacked."
    a = actorgraph.analyze(text, nlp=nlp)
    assert not [r for r in a.relations if r.predicate == "fights_against"]


def test_relations_a_possessive_state_before_a_title_is_its_state(nlp: Any) -> None:
    text = (
        "Rwanda denies supporting the group. Congo's President Felix Tshisekedi accused "
        "Kigali of seeking to plunder the region's minerals."
    )
    _, rels = _rels(nlp, text)
    roles = {(s, o) for s, p, o in rels if p == "holds_role"}
    assert roles == {("Felix Tshisekedi", "Democratic Republic of the Congo")}


def test_relations_a_relative_clause_inside_a_report_keeps_its_noun(nlp: Any) -> None:
    a, rels = _rels(nlp, "The M23 group, which Kinshasa says is backed by Rwanda, seized the town.")
    assert ("M23", "supported_by", "Rwanda") in rels
    names = {e.id: e.name for e in a.entities}
    (rel,) = [r for r in a.relations if r.predicate == "supported_by"]
    assert rel.modality == "reported" and names[rel.attributed_to or ""] == "Kinshasa"
