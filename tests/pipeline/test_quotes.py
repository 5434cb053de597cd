"""The quotes stage on small hand-made texts, with the real pinned model."""

from __future__ import annotations

import sys
from typing import Any

from spacy.tokens import Doc

from actorgraph.model import Document, Quote
from actorgraph.pipeline.entities import EntityResult, extract_entities, resolve_aliases
from actorgraph.pipeline.nlp import ParsedDoc
from actorgraph.pipeline.quotes import STAGE, QuoteResult, extract_quotes


def run(nlp: Any, text: str) -> tuple[QuoteResult, EntityResult]:
    parsed = ParsedDoc(Document.from_text(text), nlp(text), None)
    found = resolve_aliases(parsed, extract_entities(parsed))
    return extract_quotes(parsed, found), found


def direct(result: QuoteResult) -> list[Quote]:
    return [q for q in result.quotes if q.kind == "direct"]


def entity_at(found: EntityResult, text: str, name: str) -> str | None:
    """Return the id of the entity mentioned where ``name`` first occurs in ``text``."""
    start = text.index(name)
    ent = found.at(start, start + len(name))
    return ent.id if ent else None


def test_quotes_straight_marks(nlp: Any) -> None:
    text = 'The mayor spoke on Monday. "We will rebuild the bridge by spring," Maria Lopez said.'
    result, found = run(nlp, text)
    (q,) = direct(result)
    assert q.text == "We will rebuild the bridge by spring,"
    assert text[q.start : q.end] == q.text
    assert q.speaker_text == "Maria Lopez"
    assert q.speaker == entity_at(found, text, "Maria Lopez")
    assert q.cue == "said"
    assert q.evidence[0].stage == STAGE


def test_quotes_curly_marks_and_inverted_cue(nlp: Any) -> None:
    text = "“The talks have failed and the ceasefire is over,” said Daniel Okafor, a negotiator."
    result, found = run(nlp, text)
    (q,) = direct(result)
    assert q.text == "The talks have failed and the ceasefire is over,"
    assert q.speaker == entity_at(found, text, "Daniel Okafor")


def test_quotes_mixed_marks(nlp: Any) -> None:
    text = (
        'Peter Brandt described the siege. “Nobody could leave the town for weeks," he said. '
        '"The shelling never stopped at night,” he added.'
    )
    result, found = run(nlp, text)
    qs = direct(result)
    assert [q.text for q in qs] == [
        "Nobody could leave the town for weeks,",
        "The shelling never stopped at night,",
    ]
    assert all(q.speaker == entity_at(found, text, "Peter Brandt") for q in qs)


def test_quotes_unbalanced_mark_closed_at_paragraph_end(nlp: Any) -> None:
    text = (
        'Anna Berg said: "The convoy left at dawn and nobody has heard from it since\n\n'
        "The ministry did not comment."
    )
    result, _ = run(nlp, text)
    (q,) = direct(result)
    assert q.text == "The convoy left at dawn and nobody has heard from it since"
    assert q.speaker_text == "Anna Berg"
    assert any("not closed" in note for note in result.skipped)


def test_quotes_split_around_he_said(nlp: Any) -> None:
    text = (
        "Omar Haddad runs the clinic. "
        '"We have no fuel for the generators," he said, "and the patients keep coming."'
    )
    result, found = run(nlp, text)
    qs = direct(result)
    assert [q.text for q in qs] == [
        "We have no fuel for the generators,",
        "and the patients keep coming.",
    ]
    assert [q.speaker_text for q in qs] == ["he", "he"]
    assert all(q.speaker == entity_at(found, text, "Omar Haddad") for q in qs)


def test_quotes_continued_paragraph_same_speaker(nlp: Any) -> None:
    text = (
        '"The river flooded the lower villages first," Thomas Weller said. "Then the water '
        "reached the market and the school.\n\n"
        '"By the evening the whole valley was under water."\n\n'
        "Rescue teams arrived the next day."
    )
    result, found = run(nlp, text)
    qs = direct(result)
    assert [q.text for q in qs] == [
        "The river flooded the lower villages first,",
        "Then the water reached the market and the school.",
        "By the evening the whole valley was under water.",
    ]
    assert all(q.speaker == entity_at(found, text, "Thomas Weller") for q in qs)
    assert not any("not closed" in note for note in result.skipped)


def test_quotes_name_in_quotes_is_not_a_quote(nlp: Any) -> None:
    text = (
        'The rebels, known as the "Sons of the Mountain," took the pass. '
        'Critics call the plan a so-called "reform" of the army.'
    )
    result, _ = run(nlp, text)
    assert direct(result) == []


def test_quotes_pronoun_resolves_to_the_right_person(nlp: Any) -> None:
    text = (
        "Sarah Mitchell met Robert Chen at the border crossing on Tuesday. "
        '"The camp cannot take more families this winter," she said.'
    )
    result, found = run(nlp, text)
    (q,) = direct(result)
    assert q.speaker_text == "she"
    assert q.speaker == entity_at(found, text, "Sarah Mitchell")


def test_quotes_group_speaker_resolves_to_its_organisation(nlp: Any) -> None:
    text = (
        "Dozens of fighters from the Northern Front gathered at the bridge. "
        'The men shouted: "We will not leave this land."'
    )
    result, found = run(nlp, text)
    (q,) = direct(result)
    assert q.speaker_text == "The men"
    assert q.speaker == entity_at(found, text, "Northern Front")


def test_quotes_indirect_speech(nlp: Any) -> None:
    text = "Laura Kim told reporters that the border would reopen next week."
    result, found = run(nlp, text)
    (q,) = [q for q in result.quotes if q.kind == "indirect"]
    assert q.text == "that the border would reopen next week"
    assert q.speaker == entity_at(found, text, "Laura Kim")
    assert q.cue == "told"


def _python_calls(run: Any) -> int:
    """Count the Python function calls ``run`` makes: a measure of work that is not a clock."""
    calls = 0

    def profile(frame: Any, event: str, arg: Any) -> None:
        nonlocal calls
        if event == "call":
            calls += 1

    sys.setprofile(profile)
    try:
        run()
    finally:
        sys.setprofile(None)
    return calls


def _marks(nlp: Any, n: int, *, spaced: bool) -> ParsedDoc:
    if spaced:
        text = '" ' * n
        doc = nlp.make_doc(text)
    else:  # spaCy's tokenizer is slow on one unbroken run of marks: build the Doc directly
        text = '"' * n
        doc = Doc(nlp.vocab, words=list(text), spaces=[False] * n)
    return ParsedDoc(Document.from_text(text), doc, None)


def test_quotes_many_marks_give_no_quote_and_linear_work(nlp: Any) -> None:
    for spaced in (False, True):
        assert extract_quotes(_marks(nlp, 1_000_000, spaced=spaced), EntityResult(())).quotes == ()
        small, large = _marks(nlp, 5_000, spaced=spaced), _marks(nlp, 20_000, spaced=spaced)
        cost_small = _python_calls(lambda p=small: extract_quotes(p, EntityResult(())))
        cost_large = _python_calls(lambda p=large: extract_quotes(p, EntityResult(())))
        assert cost_large < 4.5 * cost_small  # four times the marks, about four times the work


def test_quotes_long_quote_is_capped(nlp: Any) -> None:
    body = "word " * 200
    text = f'Mark Ellis said: "{body.strip()}."'
    result, _ = run(nlp, text)
    parsed = ParsedDoc(Document.from_text(text), nlp(text), None)
    capped = extract_quotes(parsed, EntityResult(()), max_len=100)
    assert direct(result)
    assert direct(capped) == []
    assert any("longer than 100" in note for note in capped.skipped)


def test_quotes_inverted_cue_with_adjective_speaker(nlp: Any) -> None:
    text = (
        "The former model defended her husband on Monday night. "
        '"He is, and always has been, an amazing leader," said the 46-year-old.'
    )
    result, _ = run(nlp, text)
    (q,) = direct(result)
    assert q.speaker_text is not None and "old" in q.speaker_text


def test_quotes_speaker_in_apposition_after_the_quote(nlp: Any) -> None:
    text = (
        "Donald Trump praised the reporter Matthew Boyle at a press conference. "
        '"Very good reporter, very good reporter this guy," Trump, the frontrunner in the '
        "state, said when Boyle asked him a question."
    )
    result, found = run(nlp, text)
    (q,) = direct(result)
    assert q.speaker_text == "Trump"
    assert q.speaker == entity_at(found, text, "Donald Trump")


def test_quotes_phrasal_cue(nlp: Any) -> None:
    text = (
        "Jim Bennett and Sandy Paradis stood outside the school. "
        '"Look at all these people here," Paradis said with a smirk.\n\n'
        '"They are all here because he promised them free stuff," Bennett shot back.'
    )
    result, _ = run(nlp, text)
    qs = direct(result)
    assert [q.speaker_text for q in qs] == ["Paradis", "Bennett"]
    assert qs[1].cue == "shot"


def test_quotes_comma_hands_over_to_the_cue_after(nlp: Any) -> None:
    text = (
        "Maria Lopez met the actress at the festival. "
        "The actress posted a long message on her page: "
        '"Men, you will not cease to exist by taking your partner\'s surname," she wrote.'
    )
    result, _ = run(nlp, text)
    (q,) = direct(result)
    assert q.speaker_text == "she"
    assert q.cue == "wrote"


def test_quotes_cue_right_before_wins(nlp: Any) -> None:
    text = (
        'Bernie Sanders had previously said, "We will see," when asked whether he would '
        "raise money for other candidates."
    )
    result, _ = run(nlp, text)
    (q,) = direct(result)
    assert q.speaker_text == "Bernie Sanders"


def test_quotes_partial_quote_inside_a_clause_is_not_direct(nlp: Any) -> None:
    text = (
        'Vermont Sen. Bernie Sanders says "the wind is at our backs" despite his loss in '
        "Nevada. No matter what action the president takes on guns, "
        '"his word does not trump the Second Amendment."'
    )
    result, _ = run(nlp, text)
    assert direct(result) == []


def test_quotes_quote_opening_its_sentence_stays_direct(nlp: Any) -> None:
    text = (
        "Hadi al-Amiri leads the Badr Organization. "
        '"We were telling the Americans to do more" to stop the fighters, he said.'
    )
    result, found = run(nlp, text)
    (q,) = direct(result)
    assert q.text == "We were telling the Americans to do more"
    assert q.speaker == entity_at(found, text, "Hadi al-Amiri")


def test_quotes_attributed_term_sets_the_running_speaker(nlp: Any) -> None:
    text = (
        "Tom Cole, a congressman from Oklahoma, spoke on Thursday. "
        'Yet the candidate is also a "change agent," Cole said. '
        '"That is exactly what people want right now, so he is very well positioned."'
    )
    result, found = run(nlp, text)
    (q,) = direct(result)
    assert q.text.startswith("That is exactly")
    assert q.speaker_text == "Cole"
    assert q.speaker == entity_at(found, text, "Tom Cole")


def test_quotes_speaker_before_a_colon_without_cue(nlp: Any) -> None:
    text = (
        "The moderators yielded to the temptation of snark, and Ted Cruz called them on it:"
        '\n\n"The questions asked in this debate illustrate why the American people do not '
        'trust the media."\n\n'
        'POLLS MOVE LATE - Philip Bump: "Two weeks ago, his strongest territory had been '
        'the South. Now, it is the Northeast."'
    )
    result, _ = run(nlp, text)
    qs = direct(result)
    assert [q.speaker_text for q in qs] == ["Ted Cruz", "Philip Bump"]


def test_quotes_passive_ask_takes_the_agent(nlp: Any) -> None:
    text = (
        "Bernie Sanders appeared on the show on Friday. "
        'Sanders was asked by host Bill Maher, "Now, you famously said that you were tired '
        'of hearing about the emails, right?"'
    )
    result, _ = run(nlp, text)
    (q,) = direct(result)
    assert q.speaker_text == "Bill Maher"


def test_quotes_cue_right_after_a_question(nlp: Any) -> None:
    text = (
        "Nabisco has a parent company in New Jersey. "
        '"Who do they think they are?" Donald Trump said of Apple in February, when the '
        "company refused to unlock a phone for the investigators."
    )
    result, _ = run(nlp, text)
    (q,) = direct(result)
    assert q.speaker_text == "Donald Trump"


def test_quotes_paragraph_chain_attributed_at_its_end(nlp: Any) -> None:
    text = (
        "The hearing ended late on Monday.\n\n"
        '"The first part of the statement describes the attack in detail and goes on\n\n'
        '"and the second part explains what the committee wants to change," said '
        "Maria Lopez."
    )
    result, found = run(nlp, text)
    qs = direct(result)
    assert len(qs) == 2
    assert all(q.speaker == entity_at(found, text, "Maria Lopez") for q in qs)
    assert qs[0].speaker_text == "Maria Lopez"


def test_quotes_reported_clause_subject_is_not_the_speaker(nlp: Any) -> None:
    text = (
        'Donald Trump told a rally in Wilmington, saying Hillary Clinton would "abolish the '
        'Second Amendment."\n\n'
        '"That will be a horrible day for the country and for all of you."'
    )
    result, found = run(nlp, text)
    (q,) = direct(result)
    assert q.speaker == entity_at(found, text, "Donald Trump")


def test_quotes_indirect_needs_a_speaking_subject(nlp: Any) -> None:
    text = (
        "The symbolism is telling that the border will stay closed. "
        "The campaign said that the rally would go ahead on Saturday."
    )
    result, _ = run(nlp, text)
    indirect = [q for q in result.quotes if q.kind == "indirect"]
    assert [q.speaker_text for q in indirect] == ["The campaign"]


# -- wire reporting about conflicts -------------------------------------------------------


def made(result: QuoteResult, eid: str | None) -> Any:
    """Return the organisation the stage made for ``eid`` (None when it made none)."""
    return next((e for e in result.entities if e.id == eid), None)


def test_quotes_institution_named_by_a_common_noun_is_made_an_entity(nlp: Any) -> None:
    text = (
        "Gunmen attacked a checkpoint near the border, killing two soldiers. "
        '"The attackers fled towards the hills," the army said. '
        "The army sent reinforcements on Tuesday."
    )
    result, found = run(nlp, text)
    (q,) = direct(result)
    org = made(result, q.speaker)
    assert org is not None and org.name == "army" and org.type == "ORG"
    assert org.kind == "state_force" and org.stage == STAGE
    assert {m.text for m in org.mentions} >= {"army"} and len(org.mentions) >= 2
    assert found.by_id(q.speaker) is None  # the entities stage had none


def test_quotes_place_named_police_and_statement_from_an_institution(nlp: Any) -> None:
    text = (
        "Militants attacked a police post overnight, killing three officers. "
        '"Two attackers were killed in the exchange of fire," Kandahar police said in a '
        "statement.\n\n"
        '"We will hunt the rest down," said a statement from the general staff.'
    )
    result, found = run(nlp, text)
    first, second = direct(result)
    police = found.by_id(first.speaker) or made(result, first.speaker)
    assert police.name == "Kandahar police"
    assert made(result, second.speaker).name == "general staff"
    assert second.speaker_text == "a statement"


def test_quotes_unnamed_member_speaks_for_the_organisation_named(nlp: Any) -> None:
    text = (
        "Israeli strikes hit two villages in south Lebanon, killing a fighter. "
        '"The enemy will pay for this," a Hezbollah official told Reuters.'
    )
    result, found = run(nlp, text)
    (q,) = direct(result)
    assert q.speaker_text == "a Hezbollah official"
    assert q.speaker == entity_at(found, text, "Hezbollah")


def test_quotes_definite_role_is_the_one_introduced_before(nlp: Any) -> None:
    text = (
        "Rebels attacked the town of Kela, killing four soldiers. A Defence Ministry source "
        "said the army had begun a counter-offensive.\n\n"
        '"The combat will go on until the town is free," the source said.'
    )
    result, found = run(nlp, text)
    (q,) = direct(result)
    assert q.speaker == entity_at(found, text, "Defence Ministry")


def test_quotes_unnamed_person_has_no_speaker(nlp: Any) -> None:
    text = (
        "Rebels attacked the town of Kela on Monday, killing four soldiers.\n\n"
        '"We saw them burn the houses," a resident said.\n\n'
        'A source close to the group said the commander had been killed "in an air strike".'
    )
    result, _ = run(nlp, text)
    qs = direct(result)
    assert [q.text for q in qs] == ["We saw them burn the houses,", "in an air strike"]
    assert [q.speaker for q in qs] == [None, None]
    assert result.entities == ()


def test_quotes_it_and_they_are_the_organisation_that_spoke(nlp: Any) -> None:
    text = (
        "Fighting killed 30 soldiers and militants in the north, the Free Syrian Army said. "
        '"The regime shelled our positions first," it said in a statement.\n\n'
        'They say they "repelled every assault" on the town.'
    )
    result, found = run(nlp, text)
    fsa = entity_at(found, text, "Free Syrian Army")
    assert [q.speaker for q in direct(result)] == [fsa, fsa]


def test_quotes_soldier_without_a_side_speaks_for_the_state_force(nlp: Any) -> None:
    text = (
        "Insurgents raided an army base at dawn, killing six soldiers and burning trucks. "
        '"We lost six men in the attack," one of the officers told AFP.'
    )
    result, _ = run(nlp, text)
    (q,) = direct(result)
    org = made(result, q.speaker)
    assert org is not None and org.kind == "state_force"
    assert q.speaker_text == "one"


def test_quotes_role_with_a_name_in_apposition_is_that_person(nlp: Any) -> None:
    text = (
        "Twenty villagers were killed in an attack on Tuesday. The public prosecutor in "
        'Dori, Awa Traore, said in a statement that "most of the victims were shot dead."'
    )
    result, found = run(nlp, text)
    (q,) = direct(result)
    assert q.text == "most of the victims were shot dead."
    assert q.speaker == entity_at(found, text, "Awa Traore")


def test_quotes_quoted_words_a_speech_verb_governs_in_conflict_reporting(nlp: Any) -> None:
    text = (
        "Rebels attacked an army post in the east, killing two soldiers. Army spokesman "
        'Paul Mbeki said a "small group" of rebels carried out the attack. The army launched '
        'an offensive, vowing to "wipe out" the armed groups.'
    )
    result, found = run(nlp, text)
    qs = direct(result)
    assert [q.text for q in qs] == ["small group", "wipe out"]
    assert qs[0].speaker == entity_at(found, text, "Paul Mbeki")
    army = found.by_id(qs[1].speaker) or made(result, qs[1].speaker)
    assert army.name.lower() == "army"


def test_quotes_quoted_term_nobody_says_in_conflict_reporting(nlp: Any) -> None:
    text = (
        "Rebels attacked the town, killing two soldiers and wounding five. The rebels "
        'fight to impose what they call an "Islamic system" and use so-called "technicals". '
        'They are led by the "Army of the Free", the army said.'
    )
    result, _ = run(nlp, text)
    assert direct(result) == []


def test_quotes_quote_without_cue_takes_the_speaker_named_before_the_next(nlp: Any) -> None:
    text = (
        "Insurgents attacked a base in the north, killing six soldiers.\n\n"
        "Major General Ali Bako, a defence spokesman, confirmed the attack.\n\n"
        '"We have confirmed that troops suffered losses." He went on: "An inquiry has '
        'been opened."'
    )
    result, found = run(nlp, text)
    first, second = direct(result)
    assert first.speaker == second.speaker == entity_at(found, text, "Ali Bako")


def test_quotes_hard_wrapped_lines_do_not_cut_a_quote(nlp: Any) -> None:
    text = (
        'The army said in a statement: "The attackers were repelled and suffered heavy\n'
        "losses. Our forces are pursuing them into the forest and will not stop\n"
        'until they are caught."\n'
        "The statement gave no toll."
    )
    result, _ = run(nlp, text)
    (q,) = direct(result)
    assert q.text.endswith("until they are caught.")
    assert made(result, q.speaker).name == "army"


def test_quotes_missing_opening_mark_before_a_cue(nlp: Any) -> None:
    text = (
        "Gunmen attacked the village at night, killing 12 people.\n\n"
        'We saw them burn the houses," a resident said.\n\n'
        'The market burned." Nobody came to help.'
    )
    result, _ = run(nlp, text)
    (q,) = direct(result)
    assert q.text == "We saw them burn the houses,"
    assert q.speaker_text == "a resident" and q.speaker is None


def test_quotes_missing_closing_mark_ends_at_the_cue_inside(nlp: Any) -> None:
    text = (
        "Gunmen attacked the village at night, killing 12 people.\n\n"
        '"We saw them burn the houses, Moussa Diallo said. Nobody came to help.'
    )
    result, found = run(nlp, text)
    (q,) = direct(result)
    assert q.text == "We saw them burn the houses,"
    assert q.speaker == entity_at(found, text, "Moussa Diallo")


def test_quotes_first_name_of_either_gender_decides_nothing(nlp: Any) -> None:
    text = (
        'Colonel Jean Mbala said the rebels had retreated. "They left the town at night," he said.'
    )
    result, found = run(nlp, text)
    (q,) = direct(result)
    assert q.speaker == entity_at(found, text, "Jean Mbala")


def test_quotes_clause_before_a_closing_cue_is_indirect_speech(nlp: Any) -> None:
    text = (
        "Militants attacked a police post, killing three officers, Kandahar police said in a "
        'statement. "Two attackers were killed," the statement said.'
    )
    result, _ = run(nlp, text)
    indirect = [q for q in result.quotes if q.kind == "indirect"]
    assert [q.text for q in indirect] == [
        "Militants attacked a police post, killing three officers"
    ]
    police = indirect[0].speaker
    assert police is not None
    (q,) = direct(result)
    assert q.speaker == police  # "the statement": of whoever issued it


def test_quotes_it_said_after_a_country_spoke(nlp: Any) -> None:
    text = (
        "Israel said it struck Hezbollah targets overnight, killing two fighters. "
        '"The strikes hit weapons depots," it said.'
    )
    result, found = run(nlp, text)
    (q,) = direct(result)
    assert q.speaker == entity_at(found, text, "Israel")


def test_a_that_clause_the_parser_hung_on_the_cues_object_is_still_reported(nlp: Any) -> None:
    import actorgraph

    for text in (
        "The mayor, Paul Mercier, told local radio that gangs had burned 30 houses.",
        'The group said in a statement that it had "liberated" the town.',
    ):
        a = actorgraph.analyze(text, published="2021-05-04", nlp=nlp)
        assert [q.kind for q in a.quotes] == ["indirect"], text


def test_a_that_clause_of_an_accusation_is_not_the_denier_speaking(nlp: Any) -> None:
    import actorgraph

    for text in (
        "Neighbouring Chad has denied accusations that it arms the rebels.",
        "Interior Minister Tomas Berg denied reports that police had shot the students.",
    ):
        a = actorgraph.analyze(text, published="2021-05-04", nlp=nlp)
        assert list(a.quotes) == [], text


def test_a_speaker_after_abbreviated_ranks_is_the_name(nlp: Any) -> None:
    import actorgraph

    text = "Soldiers found the body in a village, said Brig. Gen. Ramon Cruz, a regional commander."
    a = actorgraph.analyze(text, published="2021-05-04", nlp=nlp)
    names = {e.id: e.name for e in a.entities}
    assert [names.get(q.speaker or "") for q in a.quotes] == ["Ramon Cruz"]


def test_a_surname_the_model_missed_is_the_person_not_the_government_named_after_him(
    nlp: Any,
) -> None:
    from actorgraph.model import Entity, Mention
    from actorgraph.pipeline.quotes._context import DocContext

    text = "President Lucia Varga spoke. The Varga government fell. Varga wrote that it was over."
    person = Entity("E1", "Lucia Varga", "PERSON", (Mention(10, 21, "Lucia Varga", "PERSON"),))
    org = Entity("E2", "Varga government", "ORG", (Mention(33, 49, "Varga government", "ORG"),))
    ctx = DocContext(text, nlp(text), EntityResult((person, org)), [])
    assert ctx.named_by("Varga") == "E1"
    assert ctx.named_by("government") is None
    other = Entity("E3", "Ana Varga", "PERSON", (Mention(0, 0, "Ana Varga", "PERSON"),))
    ctx = DocContext(text, nlp(text), EntityResult((person, org, other)), [])
    assert ctx.named_by("Varga") is None  # two people: no guess


def test_residents_are_not_the_fighters_of_the_group_named_before(nlp: Any) -> None:
    import actorgraph

    text = (
        "Fighters from the Azawad Liberation Front (ALF) attacked a checkpoint near Gao. "
        "Unidentified gunmen burned a school in Kidal last month, residents said."
    )
    a = actorgraph.analyze(text, published="2021-05-04", nlp=nlp)
    said = [q for q in a.quotes if q.speaker_text == "residents"]
    assert said and all(q.speaker is None for q in said)


def test_a_speaker_after_abbreviated_ranks_before_said_is_the_name(nlp: Any) -> None:
    import actorgraph

    text = '"We will act wherever they are," military spokesman Lt. Col. Amos Peled said.'
    a = actorgraph.analyze(text, published="2021-05-04", nlp=nlp)
    names = {e.id: e.name for e in a.entities}
    assert [names.get(q.speaker or "") for q in a.quotes] == ["Amos Peled"]


def test_a_spokesman_for_x_named_after_a_comma_speaks_and_is_a_person(nlp: Any) -> None:
    import actorgraph

    text = "A spokesman for the RSF, Al-Fateh Qurashi, said the group was protecting civilians."
    a = actorgraph.analyze(text, published="2021-05-04", nlp=nlp)
    names = {e.id: (e.name, e.type) for e in a.entities}
    assert [names.get(q.speaker or "") for q in a.quotes] == [("Al-Fateh Qurashi", "PERSON")]
    assert [(names[r.subject][0], r.predicate) for r in a.relations] == [
        ("Al-Fateh Qurashi", "spokesperson_of")
    ]
