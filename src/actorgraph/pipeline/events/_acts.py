"""How the acts a sentence tells hang together: an act named as the subject of another
("an air strike by X killed 20"), what an attack did ("freeing inmates"), a headline."""

from __future__ import annotations

from typing import Any

from actorgraph.pipeline.events._found import Found
from actorgraph.pipeline.layout import text_of
from actorgraph.pipeline.nlp import children, misread_participle, misread_subject, paragraph_starts


def by_the_act(f: Found, by_trigger: dict[int, Found], every: dict[int, Found]) -> None:
    """ "An air strike by X killed 20 people": the verb's subject is an act whose doer is
    the verb's too (the noun's own event has the doer but not the place and the date);
    "20 people were killed in an attack by X" (or "died in an X strike"): so is the act
    the victims were killed in (``every``: all the document's candidates by trigger)."""
    if f.args.actors:
        return
    if f.noun:
        _during(f, by_trigger)
        return
    t = f.trigger
    misread = [misread_subject(t)] if misread_participle(t) else []  # "a strike by X on a
    for c in [*children(t), *misread]:  # village killed 40", read as a relative clause
        act = by_trigger.get(c.i) if c.dep_ == "nsubj" or c in misread else None
        if act is None and c.dep_ == "prep" and c.lower_ in _IN_THE_ACT and _suffered(f):
            act = next((every.get(p.i) for p in children(c) if p.dep_ == "pobj"), None)
        if act is not None and act.noun and act.type == f.type and act.args.actors:
            f.args.actors = [a for a in act.args.actors if a not in f.args.targets]
            f.mode = f.mode or act.mode
            return


_IN_THE_ACT = frozenset({"in", "during"})


def _during(f: Found, by_trigger: dict[int, Found]) -> None:
    """ "Troops arrested five men during a raid in X": the raid is the arresters' own."""
    t = f.trigger
    if t.dep_ != "pobj" or t.head.lower_ != "during":
        return
    act = by_trigger.get(t.head.head.i)
    if act is not None and not act.noun and act.args.actors:
        f.args.actors = [a for a in act.args.actors if a not in f.args.targets]


def _suffered(f: Found) -> bool:
    """A verb told of its victims: "were killed", "died"."""
    t = f.trigger
    return f.type == "ASSAULT" and (
        t.lemma_.lower() in {"die", "perish"} or any(c.dep_ == "nsubjpass" for c in children(t))
    )


def jailbreak(f: Found, by_trigger: dict[int, Found]) -> bool:
    """ "attacked a prison, freeing dozens of inmates": what the attack did, no concession."""
    t = f.trigger
    act = by_trigger.get(t.head.i) if t.dep_ in {"advcl", "conj"} else None
    return f.type == "CONCEDE" and act is not None and act.type == "ASSAULT"


def headline(sent: Any) -> bool:
    """A sentence that is a line of its own with no closing stop: a headline."""
    text = text_of(sent.doc)
    line = sent.text.strip()
    after = text[sent.end_char : sent.end_char + 1]
    return bool(line) and line[-1] not in ".!?\"”'’" and (after in {"\n", ""} or "\n" in sent.text)


def headline_paragraph(text: str, start: int) -> int:
    """1 if the first paragraph is a headline (one short line, no full stop): the lead is
    the paragraph after it."""
    end = next((p for p in paragraph_starts(text) if p > start), len(text))
    first = text[start:end].strip()
    return int("\n" not in first and len(first.split()) <= 20 and not first.endswith("."))
