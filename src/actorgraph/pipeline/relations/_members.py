"""Who a group is made of, and whom it left: "Y, which includes X and Z", "a coalition
including X", "X operates under the umbrella of Y" (X part_of Y); "X broke away from Y"
(a splinter: ties_to Y, each its own actor)."""

from __future__ import annotations

from actorgraph.model import Entity
from actorgraph.pipeline.lexicon import UMBRELLAS
from actorgraph.pipeline.nlp import children, negated, unreal, verb_lemma
from actorgraph.pipeline.relations._args import Token
from actorgraph.pipeline.relations._base import ORGS, ReaderBase

INCLUDE_VERBS = frozenset({"include", "comprise", "encompass", "incorporate"})
# "operates under the umbrella of Y", "fights under the banner of Y"
UNDER_NOUNS = frozenset({"umbrella", "banner", "aegis", "flag"})
# "X broke away from Y", "X split from Y", "X splintered from Y"
SPLIT_VERBS = frozenset({"split", "splinter", "secede", "separate", "defect", "break"})


class MemberRules(ReaderBase):
    def member_verbs(self, tok: Token) -> None:
        """Read 'Y includes X', 'X operates under the umbrella of Y', 'X broke away from Y'."""
        lemma = verb_lemma(tok)
        if tok.pos_ != "VERB" or negated(tok) or unreal(tok):
            return
        under = any(c.dep_ == "prep" and c.lower_ == "under" for c in children(tok))
        if lemma not in INCLUDE_VERBS | SPLIT_VERBS and not under:
            return  # most verbs: no subject lookup
        subj, passive = self.args.subject(tok)
        if lemma in INCLUDE_VERBS and not passive:
            whole = self._member_group(subj)
            for o in children(tok):
                if o.dep_ == "dobj":
                    for part in self.args.actors(o):
                        self._add_part(part, whole, [tok, o])
            return
        preps = [c for c in children(tok) if c.dep_ == "prep"]
        if lemma in SPLIT_VERBS:  # "broke away from Y": the "from" may hang on "away"
            preps += [p for c in children(tok) if c.lower_ == "away" for p in children(c)]
        for p in preps:
            if p.lower_ == "under" and lemma not in SPLIT_VERBS:
                for n in children(p):
                    if n.dep_ == "pobj" and n.lower_ in UNDER_NOUNS:
                        self._under_umbrella(tok, n)
            elif p.lower_ == "from" and lemma in SPLIT_VERBS:
                if lemma == "break" and not any(c.lower_ in {"away", "off"} for c in children(tok)):
                    continue  # "broke from the past": only "broke away/off from Y"
                splinter = self._member_group(subj)
                for e in self._pobjs(p, ORGS):
                    if splinter is not None and splinter.type == "ORG":
                        self.add(splinter, "ties_to", e, [tok, p], confidence=0.8)

    def including(self, tok: Token) -> None:
        """Read 'Y, a coalition including X', 'Y, an umbrella of groups including X'."""
        if tok.lower_ != "including" or tok.dep_ != "prep":
            return
        whole = self._umbrella_of(tok.head)
        for part in self._pobjs(tok, ORGS):
            self._add_part(part, whole, [tok, tok.head])

    def _umbrella_of(self, noun: Token) -> Entity | None:
        """The named group a noun describes: "Y, a coalition", "Y, an umbrella of groups"."""
        if noun.dep_ == "pobj" and noun.head.lower_ == "of":
            noun = noun.head.head  # "an umbrella of groups": the umbrella
        if noun.lemma_.lower() not in UMBRELLAS or noun.dep_ != "appos":
            return None
        return self._member_group(noun.head)

    def _under_umbrella(self, verb: Token, noun: Token) -> None:
        part = self._member_group(self.args.subject(verb)[0])  # once per "under the umbrella"
        for p in children(noun):
            if p.dep_ == "prep" and p.lower_ == "of":
                for whole in self._pobjs(p, ORGS):
                    self._add_part(part, whole, [verb, noun, p])

    def _member_group(self, tok: Token | None) -> Entity | None:
        e = self.args.actor(tok, ORGS) if tok is not None else None
        return e if e is not None and e.kind not in {"government", "media"} else None

    def _add_part(self, part: Entity | None, whole: Entity | None, ev: list[Token]) -> None:
        if part is not None and whole is not None and part.type == whole.type == "ORG":
            self.add(part, "part_of", whole, ev, confidence=0.8)
