"""Who says so when the parser hangs a closing ", X told AFP" on a noun, and counts joined by
"and"; sentences written for these tests."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

import actorgraph
from actorgraph.pipeline.claims import _trailing_speech


def _doc(nlp: Any, words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    lemmas = [w.lower() if w != "told" else "tell" for w in words]
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas,
               sent_starts=[True] + [False] * (len(words) - 1))  # fmt: skip


def test_a_speech_clause_closing_the_sentence_is_found_wherever_it_hangs(nlp: Any) -> None:
    # "Rebels killed a commander , a source told AFP ." with "told" hung on "commander"
    words = ["Rebels", "killed", "a", "commander", ",", "a", "source", "told", "AFP", "."]
    heads = [1, 1, 3, 1, 3, 6, 7, 3, 7, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "punct", "det", "nsubj", "relcl", "dobj", "punct"]
    pos = ["NOUN", "VERB", "DET", "NOUN", "PUNCT", "DET", "NOUN", "VERB", "PROPN", "PUNCT"]
    doc = _doc(nlp, words, heads, deps, pos)
    told = _trailing_speech(doc[:])
    assert told is not None and told.text == "told"
    # "... told AFP that rebels attacked ." does not close after a comma
    words = ["A", "source", "told", "AFP", "rebels", "attacked", "."]
    heads = [1, 2, 2, 2, 5, 2, 2]
    deps = ["det", "nsubj", "ROOT", "dobj", "nsubj", "ccomp", "punct"]
    pos = ["DET", "NOUN", "VERB", "PROPN", "NOUN", "VERB", "PUNCT"]
    assert _trailing_speech(_doc(nlp, words, heads, deps, pos)[:]) is None


def test_a_count_joined_by_and_adds_up(nlp: Any) -> None:
    a = actorgraph.analyze(
        "Gunmen killed a village chief and two other men in Zamfara state on Monday.",
        published="2024-05-08",
        nlp=nlp,
    )
    assert [(c.kind, c.value) for e in a.events for c in e.casualties] == [("killed", 3)]


def test_two_ministries_are_two_speakers(nlp: Any) -> None:
    text = (
        "The Lebanese health ministry said at least 150 people had been killed. The Nigerian "
        "defence ministry said 20 militants were killed. The ministry also said 5 soldiers died."
    )
    a = actorgraph.analyze(text, published="2024-05-08", nlp=nlp)
    speakers = [next(e.name for e in a.entities if e.id == q.speaker) for q in a.quotes]
    lebanon, nigeria = "Health Ministry of Lebanon", "Defence Ministry of Nigeria"
    assert speakers == [lebanon, nigeria, nigeria]


def test_killed_and_four_wounded_counts_the_wounded_too(nlp: Any) -> None:
    a = actorgraph.analyze(
        "Seven Peruvian soldiers were killed and four wounded on Monday when rebels ambushed "
        "a patrol in the Vraem valley.",
        published="2024-05-08",
        nlp=nlp,
    )
    assert {(c.kind, c.value) for e in a.events for c in e.casualties} == {
        ("killed", 7),
        ("injured", 4),
    }


def test_the_accuser_of_a_passive_accusation_is_its_agent(nlp: Any) -> None:
    a = actorgraph.analyze(
        "Uganda is accused by Kenya of arming the Kora Liberation Front.",
        published="2021-05-04",
        nlp=nlp,
    )
    name = {e.id: e.name for e in a.entities}
    rels = [(name[r.subject], r.predicate, name[r.object], r.modality) for r in a.relations]
    assert rels == [("Kora Liberation Front", "supported_by", "Uganda", "alleged")]
    assert name[a.relations[0].attributed_to or ""] == "Kenya"


def test_a_closing_speech_clause_reports_a_lead_the_dateline_tangled(nlp: Any) -> None:
    text = (
        "Jihadists kill soldiers in Burkina Faso\n\nOUAGADOUGOU (AFP) - Jihadists from the "
        "al Qaeda-linked JNIM group killed at least 12 soldiers in an attack on an army base "
        "in northern Burkina Faso on Saturday, security sources told AFP.\n"
    )
    a = actorgraph.analyze(text, published="2021-05-04", nlp=nlp)
    assert [e.modality for e in a.events if e.type == "ASSAULT"] == ["reported"]


def test_local_officials_are_not_the_members_of_a_group_named_before(nlp: Any) -> None:
    a = actorgraph.analyze(
        "A drone strike killed three members of the Kora Liberation Front near the town of "
        "Sinjar on Friday, local officials said.",
        published="2021-05-04",
        nlp=nlp,
    )
    assert [e.attributed_to for e in a.events if e.type == "ASSAULT"] == [None]
    assert [q.speaker for q in a.quotes] == [None]


def test_it_said_is_the_body_that_spoke_last(nlp: Any) -> None:
    a = actorgraph.analyze(
        "Rebels attacked a base in Chad on Monday, the defence ministry said. It said the "
        "army had killed dozens of the assailants in a counter-offensive.",
        published="2024-05-10",
        nlp=nlp,
    )
    name = {e.id: e.name for e in a.entities}
    later = [e for e in a.events if e.evidence[0].start > 60]
    assert later and all(e.modality == "reported" for e in later)
    assert all(name.get(e.attributed_to or "") == "Defence Ministry of Chad" for e in later)
    assert any(q.speaker_text == "It" for q in a.quotes)
