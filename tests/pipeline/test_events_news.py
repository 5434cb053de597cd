"""Events as wire stories tell them: casualties, one event per happening, claims, places."""

from __future__ import annotations

from typing import Any

import pytest

import actorgraph
from actorgraph.model import Analysis, Event
from actorgraph.pipeline.events._casualties import counts


def _analyze(nlp: Any, text: str, published: str | None = "2021-03-10") -> Analysis:
    return actorgraph.analyze(text, published=published, nlp=nlp)


def _name(a: Analysis, eid: str | None) -> str | None:
    return next((e.name for e in a.entities if e.id == eid), None)


def _assaults(a: Analysis) -> list[Event]:
    return [e for e in a.events if e.type == "ASSAULT"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("More than a dozen soldiers died when gunmen raided the post.",
         [("killed", 12, "more than")]),
        ("Gunmen raided a village, killing 15 people and wounding at least 20.",
         [("killed", 15, None), ("injured", 20, "at least")]),
        ("The attack left 12 soldiers dead at a border post.", [("killed", 12, None)]),
        ("A soldier was slightly injured when rebels attacked the base.", [("injured", 1, None)]),
        ("Police arrested three suspects and detained a journalist.",
         [("arrested", 3, None), ("arrested", 1, None)]),
        ("Kidnappers abducted twenty-eight students from a school.", [("abducted", 28, None)]),
        ("Suspected militants shot dead a shopkeeper in the market.", [("killed", 1, None)]),
        ("The offensive resulted in the deaths of 40 fighters.", [("killed", 40, None)]),
        ("Rebels captured two towns and several people were wounded.", []),
    ],
)  # fmt: skip
def test_events_casualty_counts_of_a_sentence(
    nlp: Any, sentence: str, expected: list[tuple[str, int, str | None]]
) -> None:
    found = counts(nlp(sentence)[:])
    assert [(c.kind, c.value, c.qualifier) for c in found] == expected


def test_events_casualties_go_to_the_event_whose_verb_governs_them(nlp: Any) -> None:
    text = (
        "Mozambican troops killed four insurgents near Palma on Monday, while gunmen shot "
        "dead a farmer in a nearby village."
    )
    a = _analyze(nlp, text)
    by_actor = {_name(a, e.actors[0]): e for e in _assaults(a) if e.actors}
    troops = next(e for name, e in by_actor.items() if name and name.startswith("Military"))
    gunmen = next(e for name, e in by_actor.items() if name and name.startswith("Unidentified"))
    assert [(c.kind, c.value) for c in troops.casualties] == [("killed", 4)]
    assert [(c.kind, c.value) for c in gunmen.casualties] == [("killed", 1)]


def test_events_lead_and_later_sentence_telling_one_attack_are_one_event(nlp: Any) -> None:
    text = (
        "Gunmen killed six soldiers in an attack on an army post in northern Chad on Sunday.\n\n"
        "The attackers stormed the post before dawn on Sunday, a military source said.\n\n"
        "Two weeks ago, gunmen attacked a police station near the border."
    )
    a = _analyze(nlp, text)
    assaults = _assaults(a)
    assert len(assaults) == 2  # the Sunday attack told twice, and the older one
    sunday = next(e for e in assaults if e.date is not None and e.date.value == "2021-03-07")
    assert len(sunday.evidence) == 2
    assert [(c.kind, c.value) for c in sunday.casualties] == [("killed", 6)]


def test_events_trends_and_election_battles_are_not_events(nlp: Any) -> None:
    text = (
        "The country has been battling a wave of jihadist violence for years. "
        "The capital has been attacked three times. "
        "The senator attacked his rival in the debate over the budget, and polls show him "
        "beating her by five points."
    )
    assert _assaults(_analyze(nlp, text)) == []


def test_events_trailing_said_makes_the_event_reported_by_the_speaker(nlp: Any) -> None:
    text = "Gunmen killed four villagers in northern Nigeria on Friday, the army said."
    a = _analyze(nlp, text)
    (ev,) = _assaults(a)
    assert ev.modality == "reported"
    assert _name(a, ev.attributed_to) == "Military Forces of Nigeria"
    unnamed = _assaults(_analyze(nlp, "Gunmen killed four villagers on Friday, residents said."))
    assert unnamed[0].modality == "reported" and unnamed[0].attributed_to is None


def test_events_a_place_in_the_actor_slot_is_where_it_happened(nlp: Any) -> None:
    text = "In Chad, rebels attacked the town of Abeche on Tuesday, killing three people."
    a = _analyze(nlp, text)
    (ev,) = _assaults(a)
    assert "Abeche" not in [_name(a, t) for t in ev.targets]
    assert "Abeche" in [_name(a, p) for p in ev.locations]


def test_events_statements_without_a_speaker_guesses_and_stances_are_not_events(
    nlp: Any,
) -> None:
    text = (
        "Several incidents there were blamed on the rebels. Some villagers may have joined "
        "the militia. The party opposes the governor's rule."
    )
    a = _analyze(nlp, text)
    assert [e.type for e in a.events if e.type in {"ACCUSE", "AGREE", "REJECT"}] == []


def test_events_proxy_forces_are_an_unnamed_armed_group(nlp: Any) -> None:
    text = "In Syria, Turkish-backed forces captured the town of Qabasin on Monday."
    a = _analyze(nlp, text)
    (ev,) = [e for e in a.events if e.type == "COERCE"]
    assert _name(a, ev.actors[0]) == "Unidentified Armed Group (Syria)"


def test_events_they_as_attackers_is_the_group_named_before(nlp: Any) -> None:
    text = (
        "Gunmen stormed a police station in Kenya on Friday. They opened fire on the "
        "officers before fleeing."
    )
    a = _analyze(nlp, text)
    assert all(_name(a, e.actors[0]).startswith("Unidentified") for e in _assaults(a))


def test_events_a_light_verb_the_lemmatizer_misreads_lends_its_subject(nlp: Any) -> None:
    text = "Israel staged a bombing raid on a camp in Gaza on July 13."
    a = _analyze(nlp, text, published="2024-07-14")
    (ev,) = _assaults(a)
    assert [_name(a, x) for x in ev.actors] == ["Israel"]


def test_events_another_sources_toll_is_kept_beside_the_first(nlp: Any) -> None:
    from actorgraph.jsonout import to_json

    text = (
        "Rebels killed at least 12 soldiers in an attack on a base in Niger on Sunday, "
        "officials said. The rebels said 30 soldiers were killed."
    )
    a = _analyze(nlp, text)
    (ev,) = _assaults(a)
    assert [(c.kind, c.value) for c in ev.casualties] == [("killed", 12), ("killed", 30)]
    killed = to_json(a)["events"][0]["casualties"]["killed"]
    assert killed["value"] == 12 and killed["disputed"] is True
    assert [o["value"] for o in killed["others"]] == [30]


def test_events_taking_control_counts_only_of_a_place(nlp: Any) -> None:
    a = _analyze(nlp, "In Mali, rebels took control of the town of Kidal on Sunday.")
    assert [e.type for e in a.events] == ["COERCE"]
    b = _analyze(nlp, "In Mali, the new party took control of the debate and took over the fight.")
    assert [e.type for e in b.events if e.type == "COERCE"] == []


def test_events_protesters_and_a_capital_that_speaks_are_actors(nlp: Any) -> None:
    a = _analyze(nlp, "Protesters in Kenya rallied against the tax on Monday.")
    (ev,) = [e for e in a.events if e.type == "PROTEST"]
    assert _name(a, ev.actors[0]) == "Protesters (Kenya)"
    b = _analyze(nlp, "Berlin rejected the call for more aid on Tuesday.")
    (rej,) = [e for e in b.events if e.type == "REJECT"]
    assert _name(b, rej.actors[0]) == "Berlin"


def test_events_a_capital_accused_is_the_target_not_the_place(nlp: Any) -> None:
    a = _analyze(nlp, "Nairobi accused Kampala on Monday of sheltering the rebel commanders.")
    (acc,) = [e for e in a.events if e.type == "ACCUSE"]
    assert [_name(a, x) for x in acc.targets] == ["Kampala"]
    assert "Kampala" not in [_name(a, x) for x in acc.locations]
    b = _analyze(nlp, "The envoy travelled to Kampala on Monday for talks with the rebels.")
    assert all("Kampala" not in [_name(b, x) for x in e.targets] for e in b.events)


def test_events_a_datelines_city_is_never_the_subject_or_the_speaker(nlp: Any) -> None:
    text = (
        "KARMAL, Ruritania, Jan 3 (AFP) - The Liberation Brigade said on Wednesday it had "
        "shot down a government helicopter over the province of Ostrava."
    )
    a = _analyze(nlp, text, published="2024-01-03")
    (ev,) = _assaults(a)
    assert _name(a, ev.actors[0]) == "Liberation Brigade"
    assert _name(a, ev.attributed_to) == "Liberation Brigade"
    assert all(_name(a, q.speaker) != "KARMAL" for q in a.quotes)


def test_events_a_led_coalition_is_one_actor_and_strikes(nlp: Any) -> None:
    text = (
        "In Yemen, the rebels have been fighting a Saudi-led coalition since 2015. On Tuesday, "
        "coalition warplanes struck rebel positions near the city of Marib."
    )
    a = _analyze(nlp, text, published="2024-01-03")
    (ev,) = _assaults(a)
    assert _name(a, ev.actors[0]) == "Saudi Arabia-led coalition"


def test_news_according_to_an_unnamed_source_reports_the_fact(nlp: Any) -> None:
    import actorgraph

    for text in (
        "According to reports, Nigerian fighter jets attacked Boko Haram fighters near Bama.",
        "Nigerian fighter jets attacked Boko Haram fighters near Bama, according to sources.",
    ):
        a = actorgraph.analyze(text, nlp=nlp)
        (ev,) = [e for e in a.events if e.type == "ASSAULT"]
        assert (ev.modality, ev.attributed_to) == ("reported", None)
    plan = "According to the plan, Nigerian troops attacked Boko Haram fighters near Bama."
    a = actorgraph.analyze(plan, nlp=nlp)
    assert [e.modality for e in a.events if e.type == "ASSAULT"] == ["asserted"]


def test_news_a_dateline_is_not_where_the_city_of_x_was_struck(nlp: Any) -> None:
    import actorgraph

    text = (
        "KYIV, Ukraine (AP) — Russian forces pounded the eastern Ukrainian city of Kharkiv "
        "with missiles overnight, killing at least seven people, the regional governor said."
    )
    a = actorgraph.analyze(text, published="2024-05-26", nlp=nlp)
    names = {e.id: e.name for e in a.entities}
    (ev,) = [e for e in a.events if e.type == "ASSAULT"]
    assert [names[x] for x in ev.locations] == ["Kharkiv"]
    (q,) = [q for q in a.quotes if q.kind == "indirect"]
    assert text[q.start :].startswith("Russian forces pounded")


def test_accused_of_makes_the_accused_the_actor_and_the_accuser_the_source(nlp: Any) -> None:
    a = _analyze(nlp, "The Kordofan Lawyers Union accused the RSF of abducting women in Nyala.")
    abduct = next(e for e in a.events if e.mode == "abduct")
    assert [_name(a, x) for x in abduct.actors] == ["Rapid Support Forces"]
    assert abduct.modality == "alleged"
    assert _name(a, abduct.attributed_to) == "Kordofan Lawyers Union"
    accuse = next(e for e in a.events if e.type == "ACCUSE")
    assert accuse.modality == "asserted"  # the writer tells the accusation itself


def test_a_war_since_a_year_is_no_event_and_lends_no_date(nlp: Any) -> None:
    text = (
        "The Northern Front has fought the army since 2019. On Tuesday, the group fired "
        "rockets at a base near Gao, it said."
    )
    a = _analyze(nlp, text, "2021-03-12")
    assert [e.date.value if e.date else None for e in _assaults(a)] == ["2021-03-09"]


def test_it_said_does_not_carry_the_last_sentences_date(nlp: Any) -> None:
    text = (
        "The Northern Front took the town of Ber on Monday. The group fired rockets at a base "
        "near Gao, it said."
    )
    a = _analyze(nlp, text, "2021-03-12")
    assert [e.date for e in _assaults(a)] == [None]


def test_a_named_speakers_it_starts_a_new_telling_without_the_last_date(nlp: Any) -> None:
    text = (
        "Rebel forces withdrew from the town of Ber in November 2020. Separately, the "
        "Malian air force said it had shot down two drones over Gao."
    )
    a = _analyze(nlp, text, "2021-03-12")
    downed = next(e for e in a.events if e.type == "ASSAULT")
    assert downed.date is None


def test_a_claimed_bombing_at_a_building_in_a_city_is_placed_and_kept(nlp: Any) -> None:
    text = (
        "The Islamic State group claimed responsibility for a bombing at a market in the "
        "eastern city of Jalalabad that killed at least 14 people."
    )
    a = _analyze(nlp, text)
    bombing = next(e for e in _assaults(a))
    assert [_name(a, x) for x in bombing.actors] == ["Islamic State"]
    assert [_name(a, x) for x in bombing.locations] == ["Jalalabad"]
    assert [(c.kind, c.value) for c in bombing.casualties] == [("killed", 14)]


def test_killed_and_injured_when_x_attacked_is_one_event(nlp: Any) -> None:
    text = (
        "Two Malian soldiers were killed and six others injured when Ansar Dine fighters "
        "attacked a military post near Gao, security sources said."
    )
    a = _analyze(nlp, text)
    attacks = _assaults(a)
    assert len(attacks) == 1
    assert [_name(a, x) for x in attacks[0].actors] == ["Ansar Dine"]


def test_came_under_attack_makes_the_subject_the_target(nlp: Any) -> None:
    a = _analyze(nlp, "Kenyan police came under a grenade attack in Mandera on Monday.")
    attack = next(e for e in _assaults(a) if e.mode == "explosives")
    assert attack.actors == ()
    assert [_name(a, x) for x in attack.targets] == ["Police Forces of Kenya"]


def test_they_in_a_persons_quote_is_not_the_speaker(nlp: Any) -> None:
    text = '"They came at night and burned the houses," said Amadou Diallo, a local official.'
    a = _analyze(nlp, text)
    assert all(_name(a, x) != "Amadou Diallo" for e in a.events for x in e.actors)


def test_a_region_named_by_its_compound_places_the_event_not_the_dateline(nlp: Any) -> None:
    text = (
        "MOSCOW (Reuters) - A drone attack set fire to a fuel depot in Russia's Kursk region "
        "on Friday, the governor said. No one was hurt."
    )
    a = _analyze(nlp, text, "2024-01-20")
    attack = next(e for e in _assaults(a))
    assert [_name(a, x) for x in attack.locations] == ["Kursk"]
    assert attack.casualties == ()


def test_where_the_speaker_is_does_not_place_the_event(nlp: Any) -> None:
    text = "Ukrainian special forces carried out the raid on Monday, a source in Kyiv told Reuters."
    a = _analyze(nlp, text)
    assert all(_name(a, x) != "Kyiv" for e in a.events for x in e.locations)


def test_an_air_strike_killed_30_is_no_passive_of_the_strike(nlp: Any) -> None:
    text = (
        "A Myanmar military air strike killed at least 30 people, including children, in a "
        "village in the central Magway region on Tuesday, residents and a resistance group said."
    )
    a = _analyze(nlp, text)
    strike = next(e for e in _assaults(a))
    assert "Myanmar" not in {_name(a, x) for x in strike.targets}
    assert [(c.kind, c.value) for c in strike.casualties] == [("killed", 30)]


def test_signing_a_ceasefire_agreement_is_agree(nlp: Any) -> None:
    a = _analyze(
        nlp, "The Desert Shield Brigade signed a ceasefire agreement with the army on Monday."
    )
    assert "AGREE" in {e.type for e in a.events}


def test_vowed_to_attack_is_a_threat(nlp: Any) -> None:
    a = _analyze(nlp, "The Southern Front vowed to attack army positions across the region.")
    assert [e.type for e in a.events] == ["THREATEN"]


def test_a_demonym_ambassador_expelled_is_the_country_expelled(nlp: Any) -> None:
    a = _analyze(nlp, "Burkina Faso expelled the French ambassador on Monday.")
    expel = next(e for e in a.events if e.type == "SANCTION")
    assert [_name(a, x) for x in expel.targets] == ["France"]


def test_the_headlines_rebels_are_the_group_the_lead_names(nlp: Any) -> None:
    text = (
        "Insurgents kill four police officers in northern Mali\n\n"
        "GAO, Mali (Reuters) - Fighters from the Azawad Liberation Front (ALF) killed four "
        "police officers in an attack on a checkpoint near Gao on Tuesday, the police said.\n\n"
        "The ALF has fought the government since 2012.\n"
    )
    a = _analyze(nlp, text)
    (attack,) = _assaults(a)
    assert [_name(a, x) for x in attack.actors] == ["Azawad Liberation Front"]
    assert not [e for e in a.entities if e.name.startswith("Unidentified")]
    group = next(e for e in a.entities if e.name == "Azawad Liberation Front")
    assert "Insurgents" in group.aliases
    named = {e.id for e in a.entities}
    assert all(r.subject in named and r.object in named for r in a.relations)
    assert all(q.speaker in named for q in a.quotes if q.speaker)


def test_the_headlines_militants_stay_unnamed_when_the_text_names_them_elsewhere_too(
    nlp: Any,
) -> None:
    text = (
        "Militants kill four police officers in northern Mali\n\n"
        "GAO, Mali (Reuters) - Fighters from the Azawad Liberation Front (ALF) killed four "
        "police officers in an attack on a checkpoint near Gao on Tuesday, the police said.\n\n"
        "Separately, unidentified militants burned a school in Kidal last month.\n"
    )
    a = _analyze(nlp, text)
    first, second = _assaults(a)
    assert [_name(a, x) for x in first.actors] == ["Azawad Liberation Front"]
    assert [_name(a, x) for x in second.actors] == ["Unidentified Armed Group (Mali)"]


def test_pressing_an_offensive_is_no_request_but_pressing_a_state_is(nlp: Any) -> None:
    a = _analyze(nlp, "Sudanese forces pressed their offensive near Kadugli on Friday.")
    assert not [e for e in a.events if e.type == "REQUEST"]
    a = _analyze(nlp, "The African Union pressed Sudan to accept a ceasefire.")
    assert [e.type for e in a.events] == ["REQUEST"]


def test_an_air_strike_by_x_killed_people_in_a_place_on_a_day(nlp: Any) -> None:
    a = _analyze(nlp, "An air strike by the Chadian military killed 20 people in Mongo on Monday.")
    (strike,) = _assaults(a)
    assert [_name(a, x) for x in strike.actors] == ["Military Forces of Chad"]
    assert strike.mode == "aerial" and strike.date is not None
    assert strike.date.value == "2021-03-08"
    assert [_name(a, x) for x in strike.locations] == ["Mongo"]
    assert [(c.kind, c.value) for c in strike.casualties] == [("killed", 20)]


def test_its_fighters_in_a_groups_statement_are_the_group(nlp: Any) -> None:
    text = "The Tanzim Brigade said in a statement that its fighters had seized a base near Gao."
    a = _analyze(nlp, text)
    acts = [e for e in a.events if e.type in {"COERCE", "ASSAULT"}]
    assert acts and [_name(a, x) for x in acts[0].actors] == ["Tanzim Brigade"]


def test_a_headline_and_a_lead_told_days_later_are_one_event_said_by_the_lead(
    nlp: Any,
) -> None:
    text = (
        "Jihadists kill 12 soldiers in eastern Niger\n\n"
        "NIAMEY (Reuters) - Suspected jihadists killed at least 12 soldiers in an attack on "
        "an army post near Tillaberi on Sunday, security sources said.\n"
    )
    a = _analyze(nlp, text, published="2021-03-12")  # a Friday: Sunday was five days ago
    (attack,) = _assaults(a)
    assert attack.date is not None and attack.date.value == "2021-03-07"
    assert attack.modality == "reported"


def test_the_datelines_date_is_when_the_story_was_filed_not_the_attack(nlp: Any) -> None:
    text = (
        "Sudan's Janjaweed kills dozens in village attack, activists say\n\n"
        "CAIRO, March 12 (Reuters) - Sudan's Janjaweed militia killed more than 40 people in "
        "an attack on a village in Darfur on Wednesday, a local activist group said.\n"
    )
    a = _analyze(nlp, text, published="2021-03-10")
    dated = [e.date.value for e in _assaults(a) if e.date is not None]
    assert dated == ["2021-03-10"]


def test_a_state_and_its_own_forces_tell_one_attack(nlp: Any) -> None:
    text = (
        "Niger says it killed 8 militants in raid near Mali border\n\n"
        "NIAMEY, March 9 (Reuters) - Nigerien security forces killed eight militants in a raid "
        "on a hideout near the Malian border, the military said on Tuesday.\n"
    )
    a = _analyze(nlp, text)
    assert len(_assaults(a)) == 1


def test_the_kidnapping_of_last_year_is_not_the_attack_told_now(nlp: Any) -> None:
    text = (
        "Gangs torch police station in Haitian city\n\n"
        "GONAIVES, Haiti (AP) - Heavily armed gang members set fire to a police station and "
        "attacked a prison in Gonaives overnight, officials said Saturday.\n\n"
        "At least four police officers were killed in the attack in the Raboteau area, "
        "according to the National Police union.\n\n"
        "The attack was led by the Baz Gran Grif gang, which controls much of the city and is "
        "blamed for the kidnapping of 17 missionaries last year, said police spokesman Jean "
        "Pierre.\n"
    )
    a = _analyze(nlp, text, published="2021-03-14")
    killed = [e for e in _assaults(a) if any(c.kind == "killed" for c in e.casualties)]
    assert killed and all(e.mode != "abduct" for e in killed)
    assert all(e.date is None or e.date.value.startswith("2021-03") for e in killed)


def test_freeing_inmates_in_a_prison_attack_is_no_concession(nlp: Any) -> None:
    a = _analyze(nlp, "Gang members attacked a prison in Gonaives overnight, freeing 40 inmates.")
    assert [e.type for e in a.events] == ["ASSAULT"]


def test_events_a_dispute_that_exploded_into_fighting_had_no_bomb(nlp: Any) -> None:
    a = _analyze(nlp, "Last year a feud between two militias exploded into open war in Tripoli.")
    modes = [e.mode for e in a.events]
    assert "explosives" not in modes
    b = _analyze(nlp, "A car bomb exploded outside a police station in Tripoli on Monday.")
    assert [e.mode for e in _assaults(b)] == ["explosives"]


def test_its_aircraft_in_a_statement_are_the_speakers(nlp: Any) -> None:
    text = "The Gulf Alliance said its warplanes carried out six air strikes on Houthi camps."
    a = _analyze(nlp, text)
    strikes = _assaults(a)
    assert strikes and [_name(a, x) for x in strikes[0].actors] == ["Gulf Alliance"]


def test_a_headline_in_a_region_and_a_lead_in_its_town_tell_one_event(nlp: Any) -> None:
    text = (
        "Separatists kill five soldiers in Cameroon's Southwest region\n\n"
        "BUEA (Reuters) - Armed separatists killed five soldiers in an ambush near the town "
        "of Mamfe in the Southwest region on Tuesday, the army said."
    )
    a = _analyze(nlp, text, published="2021-03-10")
    assert len(_assaults(a)) == 1


def test_clashes_that_also_broke_out_are_another_event(nlp: Any) -> None:
    text = (
        "Bongo Tembe, a spokesman for the Kasai Liberation Front, told Reuters by phone that "
        "the group's fighters had attacked a military convoy and seized weapons.\n\n"
        "Clashes between the army and rebels also broke out on Monday in Kananga, the capital "
        "of the Kasai Central province, residents said."
    )
    a = _analyze(nlp, text, published="2021-03-10")
    assert len(_assaults(a)) == 2
