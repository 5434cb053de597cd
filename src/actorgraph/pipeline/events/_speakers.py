"""Who a pronoun in a reported clause stands for: "X said it had ...", "X said its
fighters had ..." name the speaker."""

from __future__ import annotations

from typing import Any

from actorgraph.pipeline.layout import in_dateline
from actorgraph.pipeline.nlp import children

SPEECH_PRONOUNS = frozenset({"it", "they", "he", "she"})


def speaker_subject(verb: Any, pronoun: Any, word: str | None = None) -> Any:
    """ "X said it will ...": a pronoun subject of a reported clause is the speaker
    (``word``: the pronoun a possessive stands for, "its fighters" for "it")."""
    word = word or pronoun.lower_
    speaker = speech_subject(verb) if word in SPEECH_PRONOUNS else None
    return speaker if speaker is not None and agrees(word, speaker) else pronoun


def speech_subject(verb: Any) -> Any | None:
    """The subject of the verb of saying whose reported clause ``verb`` is, if named."""
    from actorgraph.pipeline.events._lexicon import SPEECH

    up = verb
    while up.dep_ in ("xcomp", "conj", "acomp") and up.head is not up:
        up = up.head
    if up.dep_ == "ccomp" and up.head.lemma_ in SPEECH:
        for c in children(up.head):
            if c.dep_ == "nsubj" and c.lower_ not in SPEECH_PRONOUNS and not in_dateline(c):
                return c
    return None


# "X said its fighters had captured ...", "its aircraft struck": the speaker's own people
# (or arms) did it.
OWN_PEOPLE = frozenset(
    {"fighters", "forces", "troops", "members", "militants", "men", "units", "soldiers",
     "combatants", "militiamen", "guerrillas", "aircraft", "jets", "warplanes", "planes",
     "drones", "artillery", "warships"}
)  # fmt: skip
_POSSESSIVE = {"its": "it", "their": "they"}


def own_people(verb: Any, subj: Any) -> Any:
    poss = next((c for c in children(subj) if c.dep_ == "poss" and c.lower_ in _POSSESSIVE), None)
    if poss is None or subj.lower_ not in OWN_PEOPLE:
        return subj
    speaker = speaker_subject(verb, subj, _POSSESSIVE[poss.lower_])
    return speaker


def agrees(pronoun: str, speaker: Any) -> bool:
    """ "the army said they", "the ministry said it", "X said he": the pronoun can be the
    speaker; "they came and burned the houses," said a man: others."""
    person = speaker.ent_type_ == "PERSON"
    if pronoun == "they":
        return not person and (
            speaker.ent_type_ in {"ORG", "GPE", "NORP"}
            or speaker.tag_ == "NNS"
            or speaker.lemma_.lower() in {"police", "military", "army"}
        )
    if pronoun in {"he", "she"}:
        return speaker.ent_type_ not in {"ORG", "GPE", "NORP"} and speaker.tag_ != "NNS"
    return not person


def misread_report(verb: Any) -> bool:
    """ "X said drones entered and exploded", parsed as X said drones and X exploded: a
    verb of saying with a plain noun object reports a clause, its conj is not X's act."""
    from actorgraph.pipeline.events._lexicon import SPEECH

    return verb.lemma_ in SPEECH and any(
        c.dep_ == "dobj" and c.pos_ == "NOUN" and c.lemma_.lower() not in _SAID_NOUNS
        for c in children(verb)
    )


_SAID_NOUNS = frozenset({"statement", "word", "thing", "nothing", "something", "prayer"})
