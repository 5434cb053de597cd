"""Support told with a noun: "X receives weapons and funding from Y", "X enjoys the
backing of Y", "X's main backer, Y" (X supported_by Y, with the modes the nouns give)."""

from __future__ import annotations

from actorgraph.model import Entity
from actorgraph.pipeline.nlp import children, negated, unreal, verb_lemma
from actorgraph.pipeline.relations._args import Token
from actorgraph.pipeline.relations._base import ORGS, ReaderBase
from actorgraph.pipeline.relations._lexicon import ACTOR_TYPES

# What a backer gives, and the support mode it is.
SUPPORT_NOUNS = {
    "weapon": "armed", "arm": "armed", "arms": "armed", "ammunition": "armed",
    "drone": "armed", "missile": "armed", "rocket": "armed", "funding": "funded",
    "fund": "funded", "money": "funded", "cash": "funded", "financing": "funded",
    "training": "trained", "equipment": "equipped", "support": "backed",
    "backing": "backed", "assistance": "backed", "aid": "backed", "help": "backed",
    "sponsorship": "backed", "protection": "backed", "shelter": "sheltered",
}  # fmt: skip
GET_VERBS = frozenset({"receive", "get", "obtain", "enjoy", "have", "rely", "depend", "accept"})
BACKER_NOUNS = frozenset({"backer", "sponsor", "patron", "financier", "benefactor", "paymaster"})


class BackingRules(ReaderBase):
    def backing_verbs(self, tok: Token) -> None:
        """Read 'X receives weapons and funding from Y', 'X enjoys the support of Y', 'X relies
        on Y for weapons'."""
        lemma = verb_lemma(tok)
        if lemma not in GET_VERBS or tok.pos_ not in {"VERB", "AUX"} or negated(tok):
            return
        if unreal(tok):
            return
        subj_tok, passive = self.args.subject(tok)
        subj = self.args.actor(subj_tok) if subj_tok is not None and not passive else None
        if subj is None or subj.type != "ORG":
            return
        gifts = [c for c in children(tok) if c.dep_ == "dobj"]
        gifts += [g for c in gifts for g in children(c) if g.dep_ == "conj"]
        if any(d.lower_ == "no" for g in gifts for d in children(g)):
            return  # "has no support from Y"
        modes = [
            SUPPORT_NOUNS[g.lemma_.lower()] for g in gifts if g.lemma_.lower() in SUPPORT_NOUNS
        ]
        givers: list[Entity] = []
        for p in (*children(tok), *(c for g in gifts for c in children(g))):
            if p.dep_ != "prep":
                continue
            if p.lower_ == "from" or (p.lower_ == "of" and p.head.lemma_.lower() in SUPPORT_NOUNS):
                givers += self._pobjs(p, ACTOR_TYPES)
            elif p.lower_ == "on" and lemma in {"rely", "depend"}:  # "relies on Y for weapons"
                givers += self._pobjs(p, ACTOR_TYPES)
                modes += [SUPPORT_NOUNS[n.lemma_.lower()] for f in children(tok)
                          if f.dep_ == "prep" and f.lower_ == "for"
                          for n in children(f) if n.lemma_.lower() in SUPPORT_NOUNS]  # fmt: skip
        if not modes:
            return
        for giver in givers:
            if giver.id != subj.id:
                mode = tuple(dict.fromkeys(modes))
                self.add(subj, "supported_by", giver, [tok], mode=mode, confidence=0.8)

    def backers(self, tok: Token) -> None:
        """Read "X's main backer, Y" and "Y, X's main backer": X supported_by Y."""
        if tok.lemma_.lower() not in BACKER_NOUNS or tok.pos_ != "NOUN":
            return
        owners = [self.args.at(c, ORGS) for c in children(tok) if c.dep_ == "poss"]
        backed = next((e for e in owners if e is not None), None)
        if backed is None:
            return
        backer = None
        if tok.dep_ == "appos":  # "Y, X's main backer"
            backer = self.args.at(tok.head, ACTOR_TYPES)
        for c in children(tok):  # "X's main backer, Y"
            if backer is None and c.dep_ == "appos":
                backer = self.args.at(c, ACTOR_TYPES)
        if backer is not None and backer.id != backed.id:
            self.add(backed, "supported_by", backer, [tok], mode=("backed",), confidence=0.8)
