"""A synthetic store for the network benchmark: N actors in communities, M distinct facts.

Actors (people, organisations of several kinds, places) fall into ``communities``; nine
facts in ten link two actors of one community, so a layout that separates communities
has something to separate. Every actor is an end of some fact. Facts are packed eight to
a document (a document names the ends of its facts and states each in one sentence), and
one fact in six is stated again by a second document from another publisher, so the
minimum-corroboration filter has edges to keep. Documents are dated 2014 to 2020 and
carry a mix of claim statuses.

The analyses are written with ``Store.save``, as an ingest writes them: no SQL here.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from actorgraph.model import Analysis, Document, Entity, Evidence, Mention, Relation
from actorgraph.resolve.corroborate import SYMMETRIC

STAGES = (("entities", "entities.v1"), ("relations", "relations.v1"))
PUBLISHERS = tuple(f"Wire {c}" for c in "ABCDEFGHIJKL")
MODALITIES = ("asserted",) * 6 + ("reported",) * 3 + ("alleged", "denied")
KINDS = ("armed_group", "armed_group", "government", "party", "state_force")
SYLLABLES = (
    "ka", "ri", "mo", "sa", "li", "na", "ha", "di", "za", "ba", "ta", "lo", "mi", "ra", "shi",
    "ne", "vo", "qa", "ku", "fa", "je", "ro", "ma", "si", "to", "de", "wa", "yu", "be", "ga",
    "ki", "nu", "sho", "dra", "ven", "kor", "mar", "tel", "bor", "zan", "hel", "gor", "lin",
)  # fmt: skip
SUFFIX = {"armed_group": "Brigade", "government": "Council", "party": "Party",
          "state_force": "Army"}  # fmt: skip
PER_DOCUMENT = 8


@dataclass(frozen=True)
class Actor:
    name: str
    type: str
    kind: str | None
    community: int


@dataclass(frozen=True)
class Fact:
    subject: int
    predicate: str
    object: int


def _word(rng: random.Random) -> str:
    return "".join(rng.choices(SYLLABLES, k=rng.randint(2, 3))).capitalize()


def make_actors(count: int, communities: int, rng: random.Random) -> list[Actor]:
    """Return ``count`` actors with distinct names, spread over the communities."""
    out: list[Actor] = []
    seen: set[str] = set()
    while len(out) < count:
        type_ = rng.choices(("PERSON", "ORG", "GPE"), (0.45, 0.4, 0.15))[0]
        kind = rng.choice(KINDS) if type_ == "ORG" else None
        if type_ == "PERSON":
            name = f"{_word(rng)} {_word(rng)}{_word(rng).lower()}"
        elif type_ == "ORG":
            name = f"{_word(rng)} {_word(rng)} {SUFFIX[kind or 'party']}"
        else:
            name = f"{_word(rng)}{_word(rng).lower()}"
        if name.casefold() in seen:
            continue
        seen.add(name.casefold())
        out.append(Actor(name, type_, kind, len(out) % communities))
    return out


def _predicate(a: Actor, b: Actor, rng: random.Random) -> str:
    if b.type == "GPE":
        return "operates_in" if a.type == "ORG" else "located_in"
    if a.type == "PERSON" and b.type == "ORG":
        return rng.choice(("leader_of", "member_of", "spokesperson_of", "commands"))
    if a.type == "ORG" and b.type == "ORG":
        return rng.choice(("allied_with", "fights_against", "supported_by", "ties_to"))
    return "ties_to"


def make_facts(actors: Sequence[Actor], count: int, rng: random.Random) -> list[Fact]:
    """Return ``count`` distinct facts; every actor is an end of at least one."""
    by_community: dict[int, list[int]] = {}
    for i, a in enumerate(actors):
        by_community.setdefault(a.community, []).append(i)
    facts: dict[tuple[int, str, int], None] = {}
    order = list(range(len(actors)))
    rng.shuffle(order)
    while len(facts) < count:
        s = order.pop() if order else rng.randrange(len(actors))
        pool = by_community[actors[s].community] if rng.random() < 0.9 else range(len(actors))
        # A few hubs per community: the first members are drawn far more often.
        o = pool[min(len(pool) - 1, int(rng.paretovariate(1.2)) - 1)]
        if rng.random() < 0.5:
            o = rng.choice(pool)
        if o == s:
            continue
        if actors[s].type == "GPE":  # places are objects only
            s, o = o, s
            if actors[s].type == "GPE":
                continue
        pred = _predicate(actors[s], actors[o], rng)
        if pred in SYMMETRIC and o < s:  # one fact whichever way it is stated
            s, o = o, s
        facts.setdefault((s, pred, o), None)
    return [Fact(*key) for key in facts]


def _document(
    number: int,
    facts: Sequence[Fact],
    actors: Sequence[Actor],
    rng: random.Random,
    *,
    again: bool = False,
) -> Analysis:
    ends = list(dict.fromkeys(i for f in facts for i in (f.subject, f.object)))
    local = {i: f"E{k + 1}" for k, i in enumerate(ends)}
    parts: list[str] = [f"Dispatch {number}. "]
    length = len(parts[0])
    mentions: dict[int, list[Mention]] = {i: [] for i in ends}
    spans: list[tuple[int, int]] = []

    def add(piece: str) -> tuple[int, int]:
        nonlocal length
        start = length
        parts.append(piece)
        length += len(piece)
        return start, length

    for i in ends:
        s, e = add(actors[i].name)
        mentions[i].append(Mention(s, e, actors[i].name, "NER"))
        add(" was named in the reports. ")
    for f in facts:
        a, b = actors[f.subject], actors[f.object]
        # A second source words it otherwise: the same sentence twice is one story reprinted.
        head = "Officials in the region told reporters this week that " if again else ""
        s0 = add(head)[0]  # the evidence is the whole sentence
        e0 = add(a.name)[1]
        add(f" {f.predicate.replace('_', ' ')} ")
        s1, e1 = add(b.name)
        add(", after weeks of talks. " if again else ". ")
        mentions[f.subject].append(Mention(e0 - len(a.name), e0, a.name, "NER"))
        mentions[f.object].append(Mention(s1, e1, b.name, "NER"))
        spans.append((s0, e1))
    day = dt.date(2014, 1, 1) + dt.timedelta(days=rng.randrange(7 * 365))
    doc = Document.from_text(
        "".join(parts),
        title=f"Dispatch {number}",
        published=day.isoformat(),
        publisher=PUBLISHERS[number % len(PUBLISHERS)],
    )
    entities = tuple(
        Entity(
            local[i],
            actors[i].name,
            actors[i].type,
            tuple(mentions[i]),
            (actors[i].name,),
            kind=actors[i].kind,
            confidence=0.9,
        )
        for i in ends
    )
    relations = tuple(
        Relation(
            local[f.subject],
            f.predicate,
            local[f.object],
            (Evidence(doc.id, s, e, "relations.v1", 0.8),),
            modality=rng.choice(MODALITIES),
            confidence=0.8,
        )
        for f, (s, e) in zip(facts, spans, strict=True)
    )
    return Analysis(document=doc, entities=entities, relations=relations, stages=STAGES)


def analyses(
    *, actors: int = 2000, facts: int = 10_000, communities: int = 24, seed: int = 14
) -> Iterator[Analysis]:
    """Yield the documents' analyses of a network of ``actors`` and ``facts`` distinct facts."""
    rng = random.Random(seed)
    cast = make_actors(actors, communities, rng)
    made = make_facts(cast, facts, rng)
    made.sort(key=lambda f: (cast[f.subject].community, rng.random()))
    again = [f for f in made if rng.random() < 1 / 6]
    rng.shuffle(again)
    number = 0
    for group, second in ((made, False), (again, True)):
        for start in range(0, len(group), PER_DOCUMENT):
            yield _document(number, group[start : start + PER_DOCUMENT], cast, rng, again=second)
            number += 1
