"""Events in the phrasing of wire copy, on sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

import actorgraph
from actorgraph.model import Analysis


def _analyze(nlp: Any, text: str, published: str | None = "2021-03-10") -> Analysis:
    return actorgraph.analyze(text, published=published, nlp=nlp)


def _types(a: Analysis) -> list[str]:
    return [e.type for e in a.events]


def test_a_source_asking_not_to_be_named_makes_no_request(nlp: Any) -> None:
    a = _analyze(
        nlp,
        "Jets bombed the village of Kanbalu on Friday, said a spokesperson for the Northern "
        "Defence Force, who asked not to be named. The commander requested anonymity.",
    )
    assert "REQUEST" not in _types(a)
    assert "ASSAULT" in _types(a)


def test_asking_a_body_to_act_is_still_a_request(nlp: Any) -> None:
    a = _analyze(nlp, "Governor Ali Musa asked the United Nations to send more troops.")
    assert "REQUEST" in _types(a)


def _named_events(a: Analysis) -> list[tuple[str, list[str], list[str]]]:
    name = {e.id: e.name for e in a.entities}
    return [(e.type, [name[x] for x in e.actors], [name[x] for x in e.targets]) for e in a.events]


def test_a_military_airstrike_is_the_states_forces_striking(nlp: Any) -> None:
    a = _analyze(
        nlp, "A military airstrike on a market in Chad's Salamat province killed 9 people."
    )
    assert ("ASSAULT", ["Military Forces of Chad"], []) in _named_events(a)
    b = _analyze(nlp, "Protesters gathered outside a military base in Chad's Salamat province.")
    assert all("Military Forces of Chad" not in actors for _, actors, _ in _named_events(b))


def test_the_people_of_a_country_killed_are_not_the_country_attacked(nlp: Any) -> None:
    for text in (
        "Armed gangs killed dozens of people in northwest Chad on Monday.",
        "Gunmen killed many residents of eastern Chad last year.",
    ):
        a = _analyze(nlp, text)
        assert [targets for _, _, targets in _named_events(a)] == [[]]
        assert not any(r.predicate == "fights_against" for r in a.relations)


def test_a_group_saying_it_attacked_is_the_attacker_a_person_is_not(nlp: Any) -> None:
    a = _analyze(nlp, "Al Shabaab said it killed nine soldiers in Chad.")  # the model: a PERSON
    assert ("ASSAULT", ["al-Shabaab"], ["Military Forces of Chad"]) in _named_events(a)
    b = _analyze(nlp, "Farmer Idriss Saleh said it destroyed his house in Abeche.")
    assert all("Idriss Saleh" not in actors for _, actors, _ in _named_events(b))


def test_fighting_opening_a_sentence_is_an_event_of_both_sides(nlp: Any) -> None:
    a = _analyze(
        nlp,
        "Fighting between Chad's army and the Desert Shield Brigade killed 12 people on Monday.",
    )
    sides = [set(actors) for typ, actors, _ in _named_events(a) if typ == "ASSAULT"]
    assert {"Military Forces of Chad", "Desert Shield Brigade"} in sides


def test_a_claim_of_the_attack_names_who_the_gunmen_were(nlp: Any) -> None:
    for claim in (
        "The Zarga Brigade claimed responsibility for the attack.",
        "The attack was claimed by the Zarga Brigade.",
    ):
        a = _analyze(nlp, f"Gunmen attacked an army base in Mali on Monday. {claim}")
        assert [(t, actors) for t, actors, _ in _named_events(a)] == [
            ("ASSAULT", ["Zarga Brigade"])
        ], claim
    alone = _analyze(nlp, "The Zarga Brigade claimed the attack.")
    assert not alone.events  # a claim of an act the text never told


def test_islamist_militants_are_an_unnamed_group(nlp: Any) -> None:
    a = _analyze(nlp, "Islamist militants killed 14 soldiers in northern Mali on Tuesday.")
    events = _named_events(a)
    assert events and events[0][1] == ["Unidentified Armed Group (Mali)"]


def test_the_owner_of_an_affiliate_is_not_who_the_terrorists_are(nlp: Any) -> None:
    text = (
        "The attack was claimed by the Zarga Brigade, al Qaeda's affiliate in Mali. "
        '"The terrorists were repelled," an army spokesman said.'
    )
    a = _analyze(nlp, text)
    qaeda = next(e for e in a.entities if e.name == "al-Qaeda")
    assert all(m.text == "al Qaeda" for m in qaeda.mentions)


def test_a_subject_hung_on_the_dateline_city_is_the_actor(nlp: Any) -> None:
    text = (
        "NYALA, June 3 (Reuters) - Sudan's paramilitary Zarga Forces (ZF) shelled the Kalma "
        "displacement camp near Nyala on Sunday, killing at least 40 people."
    )
    a = _analyze(nlp, text)
    assert ("ASSAULT", ["Zarga Forces"], []) in _named_events(a)
    kalma = next(e for e in a.entities if e.name == "Kalma")
    assert kalma.type == "FAC"  # a camp's name is a place's


def test_an_accusation_beside_a_denial_is_the_writers_word(nlp: Any) -> None:
    a = _analyze(
        nlp,
        "The Zarga Front denied targeting civilians and accused the Sudanese army of shelling "
        "the camp.",
    )
    accuse = [e for e in a.events if e.type == "ACCUSE"]
    assert accuse and accuse[0].modality == "asserted"
    reject = [e for e in a.events if e.type == "REJECT"]
    assert reject and reject[0].modality == "asserted"


def test_a_toll_a_group_puts_is_that_groups_count(nlp: Any) -> None:
    text = (
        "The Zarga Front shelled a camp near Nyala on Sunday, killing at least 40 people, local "
        "activists told Reuters.\n\nThe Darfur Lawyers, a rights group, put the death toll at 52."
    )
    a = _analyze(nlp, text)
    name = {e.id: e.name for e in a.entities}
    tolls = {(c.value, c.modality, name.get(c.attributed_to or "")) for e in a.events
             for c in e.casualties}  # fmt: skip
    assert (52, "reported", "Darfur Lawyers") in tolls
    assert any(v == 40 for v, _, _ in tolls)


def test_members_of_a_named_gang_coalition_are_the_coalition(nlp: Any) -> None:
    a = _analyze(
        nlp,
        "Members of the Boro Lanu gang coalition attacked a police post in the town of "
        "Kamsar on Monday.",
    )
    assert any(t == "ASSAULT" and actors == ["Boro Lanu"] for t, actors, _ in _named_events(a))
    assert {e.kind for e in a.entities if e.name == "Boro Lanu"} == {"armed_group"}


def test_a_number_of_the_attackers_is_the_attackers(nlp: Any) -> None:
    a = _analyze(nlp, "Kenyan troops killed five of the attackers in a gunfight on Tuesday.")
    assert ("ASSAULT", ["Military Forces of Kenya"], ["Unidentified Armed Group"]) in (
        _named_events(a)
    )


def test_the_town_whose_areas_were_shelled_is_where_it_happened(nlp: Any) -> None:
    a = _analyze(
        nlp,
        "KHARTOUM (Reuters) - Sudan's paramilitary forces shelled residential areas of El "
        "Fasher on Monday, killing 15 people, medics said.",
    )
    name = {e.id: e for e in a.entities}
    assert [[name[i].name for i in e.locations] for e in a.events] == [["El Fasher"]]
    assert name[a.events[0].locations[0]].type == "GPE"


def test_capitalised_jihadists_opening_a_sentence_are_unnamed_attackers(nlp: Any) -> None:
    a = _analyze(
        nlp,
        "Jihadists killed at least 12 soldiers in an attack on an army base in northern "
        "Burkina Faso on Saturday, security sources said.",
    )
    assert [actors for t, actors, _ in _named_events(a) if t == "ASSAULT"] == [
        ["Unidentified Armed Group (Burkina Faso)"]
    ]


def test_a_state_acting_through_its_army_is_not_a_second_actor(nlp: Any) -> None:
    a = _analyze(
        nlp,
        "Chad junta air strike kills 14 in Lac region, residents say\n\nN'DJAMENA (AP) - A "
        "Chadian military air strike on a village in the Lac region killed 14 people on "
        "Monday, residents said.\n",
    )
    assert [actors for t, actors, _ in _named_events(a) if t == "ASSAULT"] == [
        ["Military Forces of Chad"]
    ]


def test_the_village_taken_is_where_before_the_region_it_lies_in(nlp: Any) -> None:
    a = _analyze(
        nlp,
        "Russian forces captured the village of Nelipivka in the eastern Donetsk region on "
        "Tuesday, the defence ministry said.",
    )
    name = {e.id: e.name for e in a.entities}
    seized = [e for e in a.events if e.type == "COERCE"]
    assert [[name[i] for i in e.locations] for e in seized] == [["Nelipivka", "Donetsk"]]


def test_bare_warplanes_are_the_state_forces_the_story_names(nlp: Any) -> None:
    a = _analyze(
        nlp,
        "Sudan's army has fought the paramilitary forces since April. Residents said warplanes "
        "bombed a market in the town of Kabkabiya on Tuesday.",
    )
    assert ("ASSAULT", ["Military Forces of Sudan"], []) in _named_events(a)


def test_a_count_of_a_people_killed_is_victims_not_their_state(nlp: Any) -> None:
    a = _analyze(nlp, "Israeli strikes killed at least 40 Palestinians in Rafah on Sunday.")
    assert [targets for t, _, targets in _named_events(a) if t == "ASSAULT"] == [[]]
    assert not [r for r in a.relations if r.predicate == "fights_against"]


def test_a_countrys_military_base_is_its_military(nlp: Any) -> None:
    a = _analyze(
        nlp, "The Kora Liberation Front said it fired rockets at a Chadian military base on Monday."
    )
    assert ("ASSAULT", ["Kora Liberation Front"], ["Military Forces of Chad"]) in _named_events(a)


def test_mercenaries_joined_to_troops_are_the_group_they_come_from(nlp: Any) -> None:
    a = _analyze(
        nlp,
        "Chadian troops and foreign mercenaries from the Tamu Sela Group killed dozens of "
        "villagers in the town of Bol on Monday.",
    )
    assert [actors for t, actors, _ in _named_events(a) if t == "ASSAULT"] == [
        ["Military Forces of Chad", "Tamu Sela Group"]
    ]


def test_a_headline_participle_is_passive_its_subject_the_victims(nlp: Any) -> None:
    a = _analyze(nlp, "Mali army says 12 soldiers killed in ambush near the border")
    events = _named_events(a)
    assert [c.value for e in a.events for c in e.casualties if c.kind == "killed"] == [12]
    assert events and all("Military Forces of Mali" in targets for _, _, targets in events)
    assert all("Military Forces of Mali" not in actors for _, actors, _ in events)


def test_they_is_the_force_named_last_in_its_own_sentence(nlp: Any) -> None:
    a = _analyze(
        nlp,
        "Ukraine's army said it had shot down ten drones. Russian troops have been advancing "
        "in the Donetsk region, where they captured the village of Krasne last week.",
    )
    seized = [(actors, t) for t, actors, _ in _named_events(a) if t == "COERCE"]
    assert seized == [(["Military Forces of Russia"], "COERCE")]


def test_a_dateline_after_a_headline_opens_the_leads_sentence(nlp: Any) -> None:
    text = (
        "Chad army repels NLF attack on Abeche\n\n"
        "NDJAMENA, Sept 12 (Reuters) - Chad's army and allied armed groups repelled an "
        "attack by the Northern Liberation Front on the city of Abeche on Thursday, killing "
        "dozens of fighters, the army said."
    )
    doc = nlp(text)
    assert [s.text.strip()[:9] for s in doc.sents] == ["Chad army", "NDJAMENA,"]
    a = _analyze(nlp, text)
    assert any(
        "Military Forces of Chad" in actors and "Northern Liberation Front" in targets
        for _, actors, targets in _named_events(a)
    )


def test_opposition_forces_are_not_the_group_named_so_far(nlp: Any) -> None:
    a = _analyze(
        nlp,
        "The Kurdish-led Syrian Democratic Forces withdrew from Manbij on Monday. The move "
        "follows days of rapid gains by opposition forces, which seized Aleppo.",
    )
    assert all("Syrian Democratic Forces" not in actors for t, actors, _ in _named_events(a)
               if t == "COERCE")  # fmt: skip


def test_its_forces_of_a_ministry_are_its_states_military(nlp: Any) -> None:
    a = _analyze(nlp, "Chad's Defence Ministry said its forces had struck a rebel base.")
    assert [actors for t, actors, _ in _named_events(a) if t == "ASSAULT"] == [
        ["Military Forces of Chad"]
    ]
    b = _analyze(nlp, "The Northern Front said its forces had struck an army base in Chad.")
    assert all("Military Forces of Chad" not in actors for _, actors, _ in _named_events(b))


def test_attacking_a_part_of_a_country_places_the_attack_there(nlp: Any) -> None:
    a = _analyze(
        nlp, "Gunmen attacked northern Niger on Monday, killing 12 soldiers, the army said."
    )
    name = {e.id: e.name for e in a.entities}
    assaults = [e for e in a.events if e.type == "ASSAULT"]
    assert assaults and all("Niger" not in [name[t] for t in e.targets] for e in assaults)
    assert any("Niger" in [name[p] for p in e.locations] for e in assaults)
    assert all(
        not (r.predicate == "fights_against" and name[r.object] == "Niger") for r in a.relations
    )


def test_a_country_struck_and_then_its_soldiers_killed_are_one_attack(nlp: Any) -> None:
    a = _analyze(
        nlp,
        "Twelve soldiers died on Monday as armed groups attacked northern Niger, the army "
        'said. "A first report states that twelve soldiers were killed," the army said.',
    )
    assert _types(a).count("ASSAULT") == 1


def test_hacked_to_death_is_a_killing_with_its_toll(nlp: Any) -> None:
    a = _analyze(nlp, "Suspected rebels hacked five civilians to death in eastern Chad overnight.")
    assert _types(a) == ["ASSAULT"]
    assert [(c.kind, c.value) for c in a.events[0].casualties] == [("killed", 5)]
    b = _analyze(nlp, "Suspected rebels hacked the government's website overnight.")
    assert "ASSAULT" not in _types(b)


def test_an_unnamed_telling_and_a_named_one_with_one_toll_are_one_attack(nlp: Any) -> None:
    a = _analyze(
        nlp,
        "NDJAMENA, March 9 (Reuters) - Suspected rebels killed seven villagers in eastern "
        "Chad overnight, local sources said Tuesday.\n\n"
        "Suspected members of the Kivu Democratic Front (KDF) killed seven people in the "
        "village of Bitkine, a local official said.",
    )
    assert _types(a).count("ASSAULT") == 1


def test_a_headlines_bare_killed_makes_its_subject_the_victims(nlp: Any) -> None:
    a = _analyze(nlp, "Deadly day in Chad, 3 militants killed")
    assert [(actors, targets) for _, actors, targets in _named_events(a)] == [
        ([], ["Unidentified Armed Group (Chad)"])
    ]
    assert [(c.kind, c.value) for c in a.events[0].casualties] == [("killed", 3)]


def test_a_part_of_a_region_and_the_region_are_one_attacks_place(nlp: Any) -> None:
    a = _analyze(
        nlp,
        "Chad troops kill 3 militants in Salamat\n\n"
        "NDJAMENA (Reuters) - Chad troops killed three militants in Salamat, police said.\n\n"
        "The lockdown went on.\n\n"
        "The militants killed on Tuesday died in a gun battle in south Salamat, police said.",
    )
    assert _types(a).count("ASSAULT") == 1


def test_a_separate_incident_may_be_the_one_the_lead_told(nlp: Any) -> None:
    a = _analyze(
        nlp,
        "Violence in Chad\n\n"
        "NDJAMENA (Reuters) - Chad troops killed three rebels in Salamat, while gunmen shot "
        "dead a migrant worker in the town of Abeche.\n\n"
        "The three rebels died in a gun battle in Salamat, police said.\n\n"
        "In a separate incident in the town of Abeche, gunmen shot dead a migrant worker.",
    )
    assert _types(a).count("ASSAULT") == 2


def test_a_cease_fire_is_a_truce_and_calling_it_off_a_rejection(nlp: Any) -> None:
    # spaCy splits "cease-fire" and hangs "cease" on "fire": the shooting word is no attack
    a = _analyze(nlp, "The Malian army declared a cease-fire in May.")
    assert [e.type for e in a.events] == ["RETREAT"]
    a = _analyze(nlp, "The Malian army called off a cease-fire with the rebels on Tuesday.")
    assert [e.type for e in a.events] == ["REJECT"]


def test_what_a_speaker_reports_exploding_is_not_the_speakers_act(nlp: Any) -> None:
    # parsed as "the army said drones" + "and exploded": the speaker did not explode anything
    a = _analyze(
        nlp, 'The Kenyan army said "two armed" drones entered from Uganda and exploded near a base.'
    )
    assert not [e for e in a.events if e.actors]


def test_victims_killed_in_an_attack_by_x_were_killed_by_x(nlp: Any) -> None:
    a = _analyze(nlp, "At least 30 herders were killed in an attack by the Jama Front.")
    (attack,) = [e for e in a.events if e.type == "ASSAULT"]
    assert [x for x in attack.actors] and attack.casualties[0].value == 30


def test_one_line_paragraphs_far_apart_that_share_only_a_province_are_two_events(
    nlp: Any,
) -> None:
    text = (
        "The town of Berel in Kandor province witnessed repeated explosions on Monday.\n"
        "The governor said roads were closed.\nSchools stayed shut.\nTraders stayed home.\n"
        "French forces recently carried out an air strike in Kandor province."
    )
    a = _analyze(nlp, text)
    assert len([e for e in a.events if e.type == "ASSAULT"]) == 2


def test_a_group_and_the_branch_named_after_it_tell_one_raid(nlp: Any) -> None:
    text = (
        "Militants of the Ansar Front group killed nine soldiers during a raid on an army "
        "base in northern Kereba.\n\n"
        "According to two officers, gunmen from Ansar Front Sahel Province (AFSP) launched a "
        "pre-dawn attack on Sunday at the Tumbo camp, using motorcycles."
    )
    a = _analyze(nlp, text)
    assert len(_assaults_of(a)) == 1


def _assaults_of(a: Analysis) -> list[Any]:
    return [e for e in a.events if e.type == "ASSAULT"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Jama Front has so far killed more than 13,000 people in the north.",
        "The rebels have killed 4,500 civilians in the region.",
        "Armed gangs have killed thousands of people in northwest Chad in recent years.",
        "Jihadists of the Jama Front that have killed tens of thousands crossed the river.",
    ],
)
def test_a_wars_toll_so_far_is_no_event(nlp: Any, sentence: str) -> None:
    a = _analyze(nlp, sentence)
    assert not [e for e in a.events if e.type == "ASSAULT"]


def test_a_perfect_with_one_attacks_toll_is_still_an_event(nlp: Any) -> None:
    a = _analyze(nlp, "The rebels have killed 45 civilians in Beni this week.")
    assert [c.value for e in a.events for c in e.casualties] == [45]


def _names(a: Analysis) -> dict[str, str]:
    return {e.id: e.name for e in a.entities}


def test_taking_a_town_is_seizing_it_but_taking_part_is_not(nlp: Any) -> None:
    a = _analyze(nlp, "Rebels took the town of Morlo on Sunday after a day of fighting.")
    assert [(e.type, e.mode) for e in a.events] == [("COERCE", "seize")]
    b = _analyze(nlp, "Rebels took part in the talks in Morlo. Soldiers took the wounded to Morlo.")
    assert "COERCE" not in _types(b)


def test_seizing_a_place_and_arresting_a_person_are_two_events(nlp: Any) -> None:
    a = _analyze(
        nlp,
        "Kenya's army says it has gained control of part of Morlo, a locality used by the "
        "rebels.\n\nIt also says it has arrested the wife of a rebel commander.",
    )
    assert sorted(e.mode or "" for e in a.events if e.type == "COERCE") == ["arrest", "seize"]


def test_one_mention_of_two_forces_gives_the_event_both(nlp: Any) -> None:
    a = _analyze(nlp, "Malian and Nigerien security forces recaptured the town of Morlo.")
    name = _names(a)
    actors = {name[i] for e in a.events for i in e.actors}
    assert {"Military Forces of Mali", "Military Forces of Niger"} <= actors


def test_a_hard_wrapped_line_break_cuts_no_clause(nlp: Any) -> None:
    line = "word " * 14
    text = (
        f"{line}a headline that runs on\nso that the lines are hard-wrapped in\n"
        "this text as saved wire copy often is, and\n"
        "Kenya's armed forces say they have gained control of \"part of\n"
        'Morlo, a locality used by the rebels to stage attacks"\n'
        "against the people of the district.\n"
    )
    a = _analyze(nlp, text)
    assert [(e.type, e.mode) for e in a.events] == [("COERCE", "seize")]
    assert {e.name: e.type for e in a.entities}["Morlo"] == "GPE"


def test_an_irregular_past_the_tagger_reads_as_present_is_past(nlp: Any) -> None:
    a = _analyze(nlp, "Chadian troops retook the town of Morlo on Monday.", "2024-03-10")
    assert [(e.type, e.date.value if e.date else None) for e in a.events] == [
        ("COERCE", "2024-03-04")
    ]


def test_driving_a_group_out_is_an_attack_on_it(nlp: Any) -> None:
    a = _analyze(nlp, "The Chadian army drove the Red Hand Brigade out of Morlo on Monday.")
    name = _names(a)
    assert [(e.type, [name[t] for t in e.targets]) for e in a.events] == [
        ("ASSAULT", ["Red Hand Brigade"])
    ]


def test_a_group_tied_to_another_is_not_that_other(nlp: Any) -> None:
    a = _analyze(nlp, "The al Qaeda-linked group was attacked in the capital in 2011.")
    name = _names(a)
    assert not any(name[t] == "al-Qaeda" for e in a.events for t in e.targets)


def _killed(a: Analysis) -> list[tuple[str, int]]:
    return [(c.kind, c.value) for e in a.events for c in e.casualties]


def test_left_dead_counts_the_number_on_the_adjective_not_the_attack(nlp: Any) -> None:
    a = _analyze(nlp, "An attack by the Kobra gang in Chad on Monday left at least 15 dead.")
    assert _killed(a) == [("killed", 15)]


def test_leaving_dead_and_wounded_counts_both(nlp: Any) -> None:
    a = _analyze(
        nlp,
        "Gunmen attacked the village of Morlo in Chad on Monday, leaving 9 people dead and "
        "14 wounded.",
    )
    assert sorted(_killed(a)) == [("injured", 14), ("killed", 9)]


def test_a_family_of_five_is_five(nlp: Any) -> None:
    a = _analyze(nlp, "An airstrike on Morlo in Chad on Monday killed a family of five.")
    assert _killed(a) == [("killed", 5)]
