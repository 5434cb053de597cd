"""The compiled attribute ruler and cached lemmatizer give what spaCy's own components give."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from actorgraph.pipeline import _fast_pipes
from actorgraph.pipeline.nlp import load, model_name

TEXTS = [
    "The commander, who didn't attend, said they'd been ambushed near the river twice.",
    "I'm sure it's theirs, isn't it? We've seen worse: 1,200 troops y'all never counted.",
    "Whether or not the talks resume, the ministry says nothin' has changed since May.",
    "She asked if he'd go; he wouldn't.  Then the convoy left at 5 p.m. on Tuesday.\n\n"
    "PHOTO: Reuters\nFighters are seen outside the town, where doctors were treating them.",
    "The rebels, whose leader was killed, have vowed that they will not lay down arms.",
    "Being unable to reach them, the U.N. envoy's office was having talks all week.",
]


def _tokens(doc: Any) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


@pytest.fixture(scope="module")
def pipelines() -> tuple[Any, Any]:
    original = spacy.load(model_name("auto"))
    fast = spacy.load(model_name("auto"))
    assert _fast_pipes.install(fast) == ["attribute_ruler", "lemmatizer"]
    return original, fast


def test_same_tags_morphs_and_lemmas_as_spacy(pipelines: tuple[Any, Any]) -> None:
    original, fast = pipelines
    for a, b in zip(original.pipe(TEXTS), fast.pipe(TEXTS), strict=True):
        assert _tokens(b) == _tokens(a)
    # A second pass is served from the lemma cache and must still agree.
    for a, b in zip(original.pipe(TEXTS), fast.pipe(TEXTS), strict=True):
        assert _tokens(b) == _tokens(a)


def test_ruler_exceptions_are_applied(pipelines: tuple[Any, Any]) -> None:
    _, fast = pipelines
    doc = fast("They'd left and we've stayed.")
    # The ruler's word rules (not the plain tag map) give these lemmas and POS.
    assert [t.lemma_ for t in doc if t.lower_ in ("'d", "'ve")] == ["would", "have"]
    assert {t.pos_ for t in doc if t.lower_ in ("'d", "'ve")} == {"AUX"}


def test_the_loaded_pipeline_uses_them() -> None:
    names = load("auto").pipe_names
    assert _fast_pipes.FAST_RULER in names and "attribute_ruler" not in names
    assert _fast_pipes.FAST_LEMMATIZER in names and "lemmatizer" not in names


def test_a_pattern_it_cannot_compile_keeps_the_original() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"SHAPE": "Xxxx"}]], {"POS": "PROPN"})
    assert _fast_pipes.CompiledAttributeRuler.compile(ruler) is None
    ruler2 = spacy.blank("en").add_pipe("attribute_ruler")
    ruler2.add([[{"LOWER": "x", "OP": "+"}]], {"POS": "X"})
    assert _fast_pipes.CompiledAttributeRuler.compile(ruler2) is None
    assert _fast_pipes.install(nlp) == []
    assert nlp.pipe_names == ["attribute_ruler"]


def test_later_rules_win_and_indices_pick_the_token() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "rebels"}]], {"POS": "NOUN"})
    ruler.add([[{"LOWER": {"IN": ["the", "a"]}}, {"LOWER": "rebels"}]], {"POS": "PROPN"}, index=1)
    ruler.add([[{"LOWER": {"REGEX": "^l.*d$"}}]], {"POS": "VERB", "LEMMA": "lead"})
    ruler.add([[{"LOWER": {"NOT_IN": ["the", "rebels", "led"]}}]], {"TAG": "XX"})
    compiled = _fast_pipes.CompiledAttributeRuler.compile(ruler)
    assert compiled is not None
    for text in ("The rebels led them", "rebels led", "the rebels", "Lead"):
        want = [(t.pos_, t.tag_, t.lemma_) for t in ruler(nlp.make_doc(text))]
        got = [(t.pos_, t.tag_, t.lemma_) for t in compiled(nlp.make_doc(text))]
        assert got == want
    assert [t.pos_ for t in compiled(nlp.make_doc("the rebels"))] == ["", "PROPN"]
