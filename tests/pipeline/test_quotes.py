"""The quotes stage on small hand-made texts, with the real pinned model."""

from __future__ import annotations

import time
from typing import Any

from spacy.tokens import Doc

from actorgraph.model import Document, Quote
from actorgraph.pipeline.aliases import resolve_aliases
from actorgraph.pipeline.entities import EntityResult, extract_entities
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


def test_quotes_many_marks_finish_fast(nlp: Any) -> None:
    # spaCy's tokenizer is slow on one unbroken run of marks, so build that Doc directly
    run_of_marks = '"' * 1_000_000
    run_doc = Doc(nlp.vocab, words=list(run_of_marks), spaces=[False] * len(run_of_marks))
    spaced = '" ' * 500_000
    for text, doc in ((run_of_marks, run_doc), (spaced, nlp.make_doc(spaced))):
        parsed = ParsedDoc(Document.from_text(text), doc, None)
        t0 = time.perf_counter()
        result = extract_quotes(parsed, EntityResult(()))
        assert time.perf_counter() - t0 < 2.0
        assert result.quotes == ()


def test_quotes_long_quote_is_capped(nlp: Any) -> None:
    body = "word " * 200
    text = f'Mark Ellis said: "{body.strip()}."'
    result, _ = run(nlp, text)
    parsed = ParsedDoc(Document.from_text(text), nlp(text), None)
    capped = extract_quotes(parsed, EntityResult(()), max_len=100)
    assert direct(result)
    assert direct(capped) == []
    assert any("longer than 100" in note for note in capped.skipped)
