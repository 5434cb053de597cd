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
