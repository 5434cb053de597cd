"""Who an event's argument tokens stand for: names, their conjuncts and modifiers, pronouns,
and the group nouns that name their members ("fighters of X")."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from actorgraph.pipeline.entities import EntityResult
from actorgraph.pipeline.events._lexicon import words
from actorgraph.pipeline.events._speakers import speech_subject
from actorgraph.pipeline.lexicon import PLACE_NOUNS, TIED_WORDS
from actorgraph.pipeline.nlp import children

ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
ARMED_KINDS = frozenset({"armed_group", "state_force"})  # the sides of a fight
PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her"})
# Heads whose "of" phrase names who they are ("members of X", "a group of Moroccan diplomats").
# Heads of a population, whose "of X" or "in X" is where they live.
POPULATION = words("people person resident citizen civilian villager hundred thousand dozen number")
GROUP_HEADS = words(
    "group groups member members leader leaders head chief official officials delegation "
    "representative representatives envoy spokesman spokeswoman side sides supporters "
    "fighters troops forces units army government ministry minister president number "
    "hundreds thousands dozens citizens residents people militants rebels soldiers police "
    "coalition alliance faction wing branch commander commanders demonstrators protesters "
    "activists students workers guerrillas guerrilla youths negotiators doctors authorities "
    "militiamen gunmen insurgents leaders diplomats mercenaries contractors"
)
COUNTS = words("some several many dozens hundreds thousands scores few number")
# Heads through which a country acts: "Syrian officials", "Iranian diplomats".
STATE_VOICES = words(
    "official officials authority authorities diplomat diplomats delegation envoy envoys "
    "government leader leaders negotiator negotiators minister ministers ministry president "
    "spokesman spokeswoman spokesperson embassy state navy warplane warplanes jet jets "
    "aircraft drone drones artillery missile missiles strike strikes air ambassador "
    "ambassadors consul consulate"
)


@dataclass
class Args:
    """Participants found for one trigger; ``heads`` are the tokens they were read from."""

    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    heads: list[Any] = field(default_factory=list)
    unresolved: bool = False  # the subject is "we" or "you": who it is, the text does not say


def _add(ids: list[str], new: list[str]) -> None:
    ids.extend(i for i in new if i not in ids)


def _tied_to(modifier: Any, head: Any) -> bool:
    """Whether a modifier names whom the head is tied to: "the X-linked group"."""
    doc = head.doc
    return any(
        doc[k].text == "-" and doc[k + 1].lower_ in TIED_WORDS
        for k in range(modifier.i, head.i - 1)
    )


def _it_says(verb: Any) -> bool:
    """ "It said it had ...": a clause reported by "it", itself said of someone before."""
    say = verb.head
    return verb.dep_ == "ccomp" and any(
        c.dep_ == "nsubj" and c.lower_ == "it" for c in children(say) if c.i < verb.i
    )


class Resolver:
    """Map argument tokens to entity ids, following conjuncts, modifiers and pronouns."""

    def __init__(self, doc: Any, entities: EntityResult) -> None:
        self.doc = doc
        self.entities = entities

    def _entity(self, tok: Any, types: frozenset[str]) -> str | None:
        ent = self.entities.at(tok.idx, tok.idx + len(tok.text))
        return ent.id if ent is not None and ent.type in types else None

    def _pronoun(self, tok: Any) -> str | None:
        """The one PERSON named before ``tok`` in its sentence, else in the sentence before."""
        sent = tok.sent
        windows = [(sent.start_char, tok.idx)]
        if sent.start > 0:
            prev = self.doc[sent.start - 1].sent
            windows.append((prev.start_char, prev.end_char))
        for start, end in windows:
            people = {e.id for _, e in self.entities.mentions_in(start, end) if e.type == "PERSON"}
            if len(people) == 1:
                return people.pop()
            if people:
                return None
        return None

    def _they(self, tok: Any) -> str | None:
        """ "They opened fire": the armed group or force named last in this sentence, else
        the one the sentence before was about, else the one named last in it."""
        sent = tok.sent
        prev = self.doc[sent.start - 1].sent if sent.start > 0 else None
        here = [
            (m.start, e.id)
            for m, e in self.entities.mentions_in(sent.start_char, tok.idx)
            if e.type == "ORG" and e.kind in ARMED_KINDS
        ]
        if here:  # "X advanced in the region, where they took", "hit the attackers as they fled"
            return max(here)[1]
        for subj in (t for t in prev or () if t.dep_ in ("nsubj", "nsubjpass")):
            ent = self.entities.at(subj.idx, subj.idx + len(subj.text))
            if ent is not None and ent.type == "ORG" and ent.kind in ARMED_KINDS:
                return ent.id  # who the sentence before was about
        start = prev.start_char if prev is not None else sent.start_char
        named = [
            (m.start, e.id)
            for m, e in self.entities.mentions_in(start, tok.idx)
            if e.type == "ORG" and e.kind in ARMED_KINDS
        ]
        return max(named)[1] if named else None

    def _sharing(self, tok: Any, eid: str, types: frozenset[str]) -> list[str]:
        """The actors of its kind one mention names with ``eid``: "Malian and Nigerien
        security forces" are two forces."""
        own = self.entities.by_id(eid)
        if own is None:
            return []
        shared = self.entities.all_at(tok.idx, tok.idx + len(tok.text))
        return [e.id for e in shared if e.kind == own.kind and e.type in types]

    def _said_before(self, tok: Any) -> str | None:
        """ "X says it took the town. It also says it ...": the organisation the sentence
        before was about, when it was its subject."""
        sent = tok.sent
        if sent.start == 0:
            return None
        for subj in (t for t in self.doc[sent.start - 1].sent if t.dep_ == "nsubj"):
            ent = self.entities.at(subj.idx, subj.idx + len(subj.text))
            if ent is not None and ent.type == "ORG":
                return ent.id
        return None

    def ids(self, tok: Any, types: frozenset[str] = ACTOR_TYPES, depth: int = 0) -> list[str]:
        """Entity ids an argument head stands for (itself, its conjuncts and modifiers)."""
        out: list[str] = []
        for t in [tok, *tok.conjuncts]:
            if t.lower_ in PERSON_PRONOUNS and "PERSON" in types:
                pid = self._pronoun(t)
                if pid:
                    _add(out, [pid])
                continue
            if t.lower_ == "it" and t.dep_ in ("nsubj", "nsubjpass"):
                speaker = speech_subject(t.head)  # "X said it killed": X, if a group
                sid = self._entity(speaker, frozenset({"ORG"})) if speaker is not None else None
                if speaker is None and _it_says(t.head):
                    sid = self._said_before(t)  # "It also said it had arrested"
                if sid:
                    _add(out, [sid])
                continue
            if t.lower_ == "they" and t.dep_ in ("nsubj", "nsubjpass"):
                gid = self._they(t)
                if gid:
                    _add(out, [gid])
                continue
            direct = self._entity(t, types)
            if direct and self._counted_people(t, direct):
                continue  # "killed 40 Palestinians": people, not their state
            if direct:
                _add(out, [direct, *self._sharing(t, direct, types)])
                continue
            apposed = (self._entity(c, types) for c in children(t) if c.dep_ == "appos")
            named = next((i for i in apposed if i), None)
            if named:  # "X's largest rebel group, the Y, kidnapped": Y, not X
                _add(out, [named])
                continue
            before = len(out)
            for c in children(t):
                if c.dep_ in ("compound", "amod", "nmod", "poss") and c.i < t.i:
                    if _tied_to(c, t):
                        continue  # "the al Qaeda-linked group" is not al Qaeda
                    cid = self._entity(c, types) or self._compounded(c, types)
                    if cid and self._speaks_for(c, t):
                        _add(out, [cid])
            if (
                len(out) == before
                and depth == 0
                and (t.lower_ in GROUP_HEADS or t.lemma_.lower() in GROUP_HEADS or t.like_num)
            ):
                # "troops and mercenaries from X": the parse hangs "from X" on the first
                shared = [p for p in children(t.head) if p.i > t.i] if t is not tok else []
                for prep in [*children(t), *shared]:
                    if prep.dep_ == "prep" and prep.lower_ in ("of", "from", "in"):
                        # "people in northwest X", "troops in X": where they are, not whose
                        where = prep.lower_ == "in" or t.lemma_.lower() in POPULATION
                        kinds = types - {"GPE", "LOC"} if where else types
                        for pobj in children(prep):
                            if pobj.dep_ == "pobj":
                                _add(out, self.ids(pobj, kinds, depth + 1))
        return out

    def _counted_people(self, tok: Any, eid: str) -> bool:
        """ "40 Palestinians", "dozens of Afghans": a count of a people is people."""
        ent = self.entities.by_id(eid)
        if ent is None or ent.type not in {"GPE", "NORP"} or tok.tag_ not in {"NNS", "NNPS"}:
            return False
        counted = any(c.dep_ == "nummod" or c.lower_ in COUNTS for c in children(tok))
        return counted or (tok.dep_ == "pobj" and tok.head.head.lower_ in COUNTS)

    def _compounded(self, tok: Any, types: frozenset[str]) -> str | None:
        """ "the Kora gang coalition": the name is a compound of a compound of the head."""
        for _ in range(2):
            inner = [c for c in children(tok) if c.dep_ == "compound" and c.i < tok.i]
            if len(inner) != 1 or tok.tag_ not in {"NN", "NNS"}:
                return None
            tok = inner[0]
            found = self._entity(tok, types)
            if found:
                return found
        return None

    def _speaks_for(self, modifier: Any, head: Any) -> bool:
        """A country word names who acts only through its officials ("Syrian officials",
        "Iranian diplomats"): "Syrian factions" or "Kurdish fighters" are not the state."""
        ent = self.entities.at(modifier.idx, modifier.idx + len(modifier.text))
        if ent is None or ent.type not in {"GPE", "NORP"} or modifier.dep_ == "poss":
            return True
        return head.lemma_.lower() in STATE_VOICES or head.lower_ in STATE_VOICES

    def places(self, tok: Any) -> list[str]:
        out: list[str] = []
        for t in [tok, *tok.conjuncts]:
            pid = self._entity(t, PLACE_TYPES)
            if pid is None and t.lower_ in PLACE_NOUNS:  # "in Nigeria's Zamfara state"
                pid = next(
                    (p for c in children(t) if c.dep_ == "compound"
                     and (p := self._entity(c, PLACE_TYPES))),
                    None,
                )  # fmt: skip
            if pid:
                _add(out, [pid])
        return out
