"""Two sides fighting: "X clashed with Y", "clashes between X and Y", "X's offensive against
Y", "soldiers killed in an X attack", "X aims to topple Y", "X is fighting alongside Y"."""

from __future__ import annotations

from actorgraph.model import Entity
from actorgraph.pipeline.lexicon import REPEL_VERBS
from actorgraph.pipeline.nlp import children
from actorgraph.pipeline.places import COMPASS
from actorgraph.pipeline.relations._args import Token
from actorgraph.pipeline.relations._base import ORGS, ReaderBase
from actorgraph.pipeline.relations._lexicon import ACTOR_TYPES, ARMED_KINDS
from actorgraph.pipeline.relations._words import (
    ATTACK_NOUNS,
    BLAME_VERBS,
    DEPLOY_VERBS,
    FIGHT_CARRIERS,
    FIGHT_NOUNS,
    FIGHT_VERBS,
    STRIKE_VERBS,
    TOPPLE_VERBS,
)

REVOLTS = frozenset({"insurgency", "rebellion", "uprising", "insurrection"})
BATTLES = frozenset({"battle", "gunbattle", "firefight", "clash", "clashes", "fighting",
                     "skirmish", "skirmishes", "shootout", "exchange"})  # fmt: skip
# "X is at war with Y", "X has been in conflict with Y": a state of fighting.
# Nouns of a quarrel that can turn into a fight: "tensions between X and Y erupted into war".
RIFTS = frozenset({"tension", "tensions", "rivalry", "feud", "dispute", "standoff", "row"})
WAR_STATES = frozenset({"war", "conflict", "battle", "fighting", "combat", "hostilities"})
FIRE_NOUNS = frozenset({"fire", "gunfire", "shot", "blow", "rocket", "artillery", "strike"})
# Verbs of a state's side against a revolt: "has been battling an insurgency by Y".
QUELL_VERBS = frozenset(
    {"battle", "fight", "grapple", "face", "combat", "confront", "counter", "crush",
     "tackle", "quell", "suppress", "contain"}
)  # fmt: skip
LEAD_VERBS = frozenset({"lead", "command", "direct", "spearhead", "head"})
SIDES = frozenset({"ORG", "GPE"})
# Verbs whose subject names those who suffered: "soldiers were killed in an X attack".
SUFFER_VERBS = frozenset({"kill", "die", "wound", "injure", "lose", "abduct", "capture"})


class FightRules(ReaderBase):
    def fight_verbs(self, tok: Token, lemma: str, subj: Entity | None, passive: bool) -> None:
        """Read a verb of fighting, striking or toppling, with the subject already resolved."""
        head = tok.head
        if tok.dep_ in {"advcl", "xcomp"} and head.lemma_ in DEPLOY_VERBS and subj is not None:
            for o in children(head):  # "X deployed a force to fight Y": the force fights
                if o.dep_ == "dobj":
                    found = self.args.actors(o)
                    subj = found[0] if found else self.force_of(subj)
        if lemma in FIGHT_VERBS or lemma in FIGHT_CARRIERS:
            self._fights(tok, subj, lemma in FIGHT_VERBS)
        if lemma in FIGHT_VERBS | {"exchange"} and not passive:
            self._reciprocal(tok, lemma)
        if lemma == "pit":  # "the clashes pitted X against Y", "X was pitted against Y"
            self._pitted(tok, subj if passive else None)
        if lemma in {"exchange", "trade"} and subj is not None and not passive:
            self._traded(tok, subj)
        if lemma == "be" and subj is not None:  # "X has been at war with Y"
            for p in children(tok):
                if p.dep_ == "prep" and p.lower_ in {"at", "in"}:
                    for n in children(p):
                        if n.dep_ == "pobj" and n.lemma_.lower() in WAR_STATES:
                            self.fight_noun(n, subj, tok)
                            self._fights(tok, subj, True)  # "with Y" hung on the verb
        if lemma in FIGHT_VERBS and subj is not None and not passive:
            for o in children(tok):
                if o.dep_ == "dobj" and o.lemma_ not in FIGHT_NOUNS:
                    for e in self.args.actors(o):
                        self.add(subj, "fights_against", e, [tok, o], confidence=0.8)
        if lemma in BLAME_VERBS:
            self._blamed(tok, passive)
        if lemma in STRIKE_VERBS or lemma in TOPPLE_VERBS:
            self._strike(tok, lemma, subj, passive)
        if lemma == "claim" and subj is not None and not passive:
            self._claimed(tok, subj)
        if lemma == "join" and subj is not None:  # "X joined forces with Y"
            for o in children(tok):
                if o.dep_ == "dobj" and o.lower_ == "forces":
                    for p in (*children(tok), *children(o)):
                        if p.dep_ == "prep" and p.lower_ == "with":
                            for e in self._pobjs(p, ACTOR_TYPES):
                                self.add(subj, "allied_with", e, [tok, o, p], confidence=0.85)
        if lemma in REPEL_VERBS and subj is not None:
            for o in children(tok):  # "X repelled an attack by Y"
                if o.dep_ == "dobj" and o.lemma_.lower() in ATTACK_NOUNS | FIGHT_NOUNS:
                    for p in children(o):
                        if p.dep_ == "prep" and p.lower_ in {"by", "from"}:
                            for e in self._pobjs(p, ACTOR_TYPES):
                                self.add(subj, "fights_against", e, [tok, o, p])
                    striker = self._striker(o)  # "repelled several Russian attacks"
                    self.add(subj, "fights_against", striker, [tok, o], confidence=0.85)

    def _traded(self, verb: Token, subj: Entity) -> None:
        """Read 'X traded fire with Y', 'X exchanged fire with Y across the border'."""
        fire = [c for c in children(verb) if c.dep_ == "dobj" and c.lemma_.lower() in FIRE_NOUNS]
        if not fire:
            return
        for p in (*children(verb), *children(fire[0])):
            if p.dep_ == "prep" and p.lower_ == "with":
                for e in self._pobjs(p, ACTOR_TYPES):
                    if e.type in SIDES and (_armed(e) or _armed(subj)):
                        self.add(subj, "fights_against", e, [verb, fire[0], p], confidence=0.85)

    def _pitted(self, verb: Token, subj: Entity | None) -> None:
        """Read 'the fighting pitted X against Y': the object's side fights the other one."""
        sides = [subj] if subj is not None else []
        sides += [e for o in children(verb) if o.dep_ == "dobj" for e in self.args.actors(o)]
        for p in children(verb):
            if p.dep_ == "prep" and p.lower_ == "against":
                for e in self._pobjs(p, ACTOR_TYPES):
                    for a in sides:
                        if _armed(a) or _armed(e):
                            self.add(a, "fights_against", e, [verb, p], confidence=0.8)

    def _claimed(self, verb: Token, subj: Entity) -> None:
        """Read 'X claimed (responsibility for) the attack on Y': X's attack, so X fights Y."""
        nouns = []
        for o in children(verb):
            if o.dep_ == "dobj" and o.lemma_.lower() in ATTACK_NOUNS:
                nouns.append(o)
            elif o.dep_ == "dobj" and o.lemma_ == "responsibility":
                nouns.extend(x for p in children(o) if p.dep_ == "prep" and p.lower_ == "for"
                             for x in children(p) if x.dep_ == "pobj")  # fmt: skip
        for noun in nouns:
            if noun.lemma_.lower() in ATTACK_NOUNS:
                self.fight_noun(noun, subj, verb)

    def _strike(self, verb: Token, lemma: str, subj: Entity | None, passive: bool) -> None:
        """Read 'X attacked Y', 'X killed 15 soldiers', 'Y was ambushed by X', 'X aims to topple
        Y'."""
        targets: list[tuple[Entity, Token]] = []
        subj_tok, _ = self.args.subject(verb)
        if subj is None and subj_tok is not None and subj_tok.lemma_.lower() in ATTACK_NOUNS:
            subj = self._striker(subj_tok)  # "Israeli airstrikes killed two X fighters"
        if passive:
            agent = next((c for c in children(verb) if c.dep_ == "agent"), None)
            if agent is None or subj is None:
                return
            attackers = self._pobjs(agent, ACTOR_TYPES)
            for a in attackers:
                self._strike_pair(a, subj, verb, lemma, [verb, agent])
            return
        for o in children(verb):
            if o.dep_ == "dobj":
                region = any(c.dep_ == "amod" and c.lower_ in COMPASS for c in children(o))
                targets.extend(
                    (e, o) for e in self.args.actors(o)
                    if not (region and e.type in {"GPE", "LOC"})  # "attacked northern X": where
                )  # fmt: skip
        for e, o in targets:
            if subj is not None:
                self._strike_pair(subj, e, verb, lemma, [verb, o])

    def _striker(self, noun: Token) -> Entity | None:
        """Find whose strike a noun names: "Israeli airstrikes", "an X attack", "Y's shelling"."""
        for c in children(noun):
            if c.dep_ in {"amod", "compound", "poss", "nmod"} and c.i < noun.i:
                e = self.args.at(c)
                if e is not None and e.type == "NORP":
                    e = self.state_of(e)
                if e is not None and e.type in SIDES:
                    return e
        return None

    def _strike_pair(self, a: Entity, b: Entity, verb: Token, lemma: str,
                     toks: list[Token]) -> None:  # fmt: skip
        if lemma in TOPPLE_VERBS:
            if b.type == "PERSON" or b.kind in {"government", "state_force"} or b.type == "GPE":
                self.add(a, "fights_against", b, toks, confidence=0.85)
            return
        if a.type not in SIDES or b.type not in SIDES:
            return
        a_strikes = _armed(a) and (_armed(b) or b.type == "GPE" or b.kind == "government")
        if not a_strikes and not (_armed(b) and a.type == "GPE"):
            return  # "the army killed five civilians": no side named
        self.add(a, "fights_against", b, toks, confidence=0.75)

    def _reciprocal(self, verb: Token, lemma: str) -> None:
        """Read 'X and Y clashed', 'X and Y have been exchanging fire': the two subjects fight."""
        if lemma == "exchange" and not any(
            c.dep_ == "dobj" and c.lemma_ in {"fire", "gunfire", "shot", "blow", "rocket"}
            for c in children(verb)
        ):
            return
        holder = verb  # "X and Y were allies but have fought each other": the first verb's
        if verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in children(verb)):
            holder = verb.head
        for c in children(holder):
            if c.dep_ == "nsubj":
                sides = self.args.actors(c)
                for i, a in enumerate(sides):
                    for b in sides[i + 1 :]:
                        self.add(a, "fights_against", b, [verb, c], confidence=0.85)

    def _fights(self, verb: Token, subj: Entity | None, is_fight: bool) -> None:
        if subj is None:
            return
        for c in children(verb):
            low = c.lower_
            if c.dep_ == "prep" and low in {"alongside", "beside"} and is_fight:
                for e in self._pobjs(c, ACTOR_TYPES):
                    self.add(subj, "allied_with", e, [verb, c])
                for ally in (x for x in children(c) if x.dep_ == "pobj"):
                    for p in children(ally):  # "fought alongside Y units against Z"
                        if p.dep_ == "prep" and p.lower_ == "against":
                            for e in self._pobjs(p, ACTOR_TYPES):
                                self.add(subj, "fights_against", e, [verb, c, p])
            elif c.dep_ == "prep" and (low == "against" or (is_fight and low == "with")):
                if low == "with" and any(x.lower_ == "against" for x in children(verb)):
                    for e in self._pobjs(c, ACTOR_TYPES):
                        self.add(subj, "allied_with", e, [verb, c])
                    continue
                for e in self._pobjs(c, ACTOR_TYPES):
                    self.add(subj, "fights_against", e, [verb, c])
            elif low.endswith("against") and len(low) > 7:  # a word glued to "against"
                for o in children(c):
                    if o.dep_ in {"dobj", "pobj"}:
                        self.add(subj, "fights_against", self.args.actor(o), [verb, c, o])
            elif c.dep_ in {"dobj", "prep", "pobj"}:
                nouns = [c] if c.dep_ == "dobj" else [x for x in children(c) if x.dep_ == "pobj"]
                for noun in nouns:
                    if noun.lemma_.lower() in FIGHT_NOUNS | ATTACK_NOUNS:
                        self.fight_noun(noun, subj, verb, leads=verb.lemma_ in LEAD_VERBS)
                    if noun.lemma_.lower() in REVOLTS and c.dep_ == "dobj":
                        for p in children(verb):  # "waged an insurgency in Z since 2015"
                            if p.dep_ == "prep" and p.lower_ == "in":
                                self._revolt_in(subj, p, [verb, noun, p])
                    if noun.lemma_.lower() in REVOLTS and verb.lemma_ in QUELL_VERBS:
                        for e in self._rebels(noun, verb):  # "battling an insurgency by Y"
                            self.add(subj, "fights_against", e, [verb, noun], confidence=0.8)

    def _blamed(self, verb: Token, passive: bool) -> None:
        """Read 'attacks on Y were blamed on X', 'most attacks in Z are attributed to X',
        'officials blamed the attack on X': X fights Y (or Z's state)."""
        deps = {"nsubjpass"} if passive else {"dobj"}
        acts = [c for c in children(verb) if c.dep_ in deps and c.lemma_.lower() in ATTACK_NOUNS]
        doers = [e for p in children(verb) if p.dep_ == "prep" and p.lower_ in {"on", "to"}
                 for e in self._pobjs(p, ACTOR_TYPES)]  # fmt: skip
        for act in acts:
            for p in children(act):
                if p.dep_ != "prep":
                    continue
                hit: list[Entity] = []
                if p.lower_ in {"on", "against"}:
                    for o in (c for c in children(p) if c.dep_ == "pobj"):
                        hit += self.args.actors(o)
                        mods = [c for c in children(o) if c.dep_ in {"compound", "amod", "poss"}]
                        hit += [e for c in mods if (e := self.args.at(c, ORGS)) is not None]
                elif p.lower_ == "in":
                    hit += [s for g in self._pobjs(p, frozenset({"GPE"}))
                            if (s := self.state_of(g)) is not None and s.id == g.id]  # fmt: skip
                for doer in doers:
                    for e in hit:
                        self.add(doer, "fights_against", e, [act, verb, p], confidence=0.75)

    def _rebels(self, revolt: Token, verb: Token) -> list[Entity]:
        """Who wages an insurgency: "an insurgency by Y", "led by Y", "Y's rebellion"."""
        out: list[Entity] = []
        hung = [c for c in children(verb) if c.i == revolt.right_edge.i + 1]  # the parse hung
        for c in (*children(revolt), *hung):  # "battling an insurgency by Y" on the verb
            if c.dep_ == "prep" and c.lower_ == "by":
                out.extend(self._pobjs(c, ACTOR_TYPES))
            elif c.dep_ == "acl" and c.lemma_ in LEAD_VERBS | {"wage", "launch", "fuel"}:
                for a in children(c):
                    if a.dep_ == "agent" or (a.dep_ == "prep" and a.lower_ == "by"):
                        out.extend(self._pobjs(a, ACTOR_TYPES))
            elif c.dep_ == "poss" and (e := self.args.at(c, ACTOR_TYPES)) is not None:
                out.append(e)
        return out

    def fight_noun(self, noun: Token, subj: Entity, verb: Token, *, leads: bool = False) -> None:
        """Read 'battle with Y', 'the fight against Y', 'attacks on Y' for a subject already
        known."""
        attack = noun.lemma_.lower() in ATTACK_NOUNS and noun.lemma_.lower() not in FIGHT_NOUNS
        for p in children(noun):
            if p.dep_ != "prep":
                continue
            low = p.lower_
            if low == "against" or (low == "with" and not _has(noun, "against") and not attack):
                for e in self._pobjs(p, ACTOR_TYPES):
                    self.add(subj, "fights_against", e, [verb, noun, p], confidence=0.8,
                             leads=leads)  # fmt: skip
            elif low == "in" and noun.lemma_.lower() in REVOLTS:  # "an insurgency in Z"
                self._revolt_in(subj, p, [verb, noun, p])
            elif low == "on" and attack:
                for e in self._pobjs(p, ACTOR_TYPES):
                    if e.type in SIDES and (_armed(e) or e.kind == "government"):
                        self.add(subj, "fights_against", e, [verb, noun, p], confidence=0.7)
            elif low in {"with", "alongside"}:
                for e in self._pobjs(p, ACTOR_TYPES):
                    self.add(subj, "allied_with", e, [verb, noun, p], confidence=0.75)

    def _revolt_in(self, subj: Entity, prep: Token, toks: list[Token]) -> None:
        """Read an insurgency in a country is fought against that country's state."""
        places = self._pobjs(prep, frozenset({"GPE"}))
        home = self.country()
        for pobj in children(prep):  # "in the country": the country the story is about
            if pobj.dep_ == "pobj" and pobj.lower_ == "country" and home is not None:
                places.append(home)
        for place in places:
            state = self.state_of(place)
            if state is not None and state.id == place.id:
                self.add(subj, "fights_against", state, toks, confidence=0.75)

    def fight_nouns(self, noun: Token) -> None:
        """Read a fight noun with its own sides: 'clashes between X and Y', "the army's battle
        against Y", 'an X offensive on Y', 'soldiers were killed in an X attack'."""
        lemma = noun.lemma_.lower()
        if lemma in RIFTS and noun.dep_ == "nsubj" and _turns_to_fighting(noun.head):
            lemma = "fighting"  # "tensions between X and Y erupted into fighting"
        if lemma not in FIGHT_NOUNS and lemma not in ATTACK_NOUNS:
            return
        between = [p for p in children(noun) if p.dep_ == "prep" and p.lower_ == "between"]
        if noun.dep_ in {"nsubj", "nsubjpass"}:  # "fighting broke out ... between X and Y"
            between += [
                p for p in children(noun.head) if p.dep_ == "prep" and p.lower_ == "between"
            ]
        for p in between:
            sides = [e for pobj in children(p) if pobj.dep_ == "pobj"
                     for e in self.args.actors(pobj)]  # fmt: skip
            for i, a in enumerate(sides):
                for b in sides[i + 1 :]:
                    self.add(a, "fights_against", b, [noun, p], confidence=0.85)
        owner = None
        for c in children(noun):
            if c.dep_ in {"poss", "compound", "nmod"} and c.i < noun.i:
                owner = owner or self.args.actor(c)
            if c.dep_ == "prep" and c.lower_ == "by":
                owner = owner or next(iter(self._pobjs(c, ACTOR_TYPES)), None)
        if owner is None:
            self._battle_sides(noun)
        if owner is None or owner.type not in SIDES | {"PERSON"}:
            return
        self.fight_noun(noun, owner, noun)
        verb = noun.head.head if noun.dep_ == "pobj" else None
        if verb is None or verb.lemma_.lower() not in SUFFER_VERBS or not _armed(owner):
            return
        for c in children(verb):  # "soldiers were killed in an X attack", "we lost soldiers in"
            if c.dep_ in {"nsubjpass", "dobj"} or (c.dep_ == "nsubj" and verb.lemma_ == "die"):
                for e in self.args.actors(c):
                    if e.type in SIDES and e.kind == "state_force" and owner.kind == "armed_group":
                        self.add(owner, "fights_against", e, [noun, verb, c], confidence=0.75)

    def _battle_sides(self, noun: Token) -> None:
        """Read 'militants died during a gun battle after soldiers raided': a battle the clause
        puts between an armed group and a state's forces."""
        if noun.dep_ != "pobj" or noun.lemma_.lower() not in BATTLES:
            return
        verb = noun.head.head
        if verb.pos_ != "VERB":
            return
        heads = [c for c in children(verb) if c.dep_ in {"nsubj", "nsubjpass", "dobj"}]
        for p in children(noun):  # "died in a gun battle with soldiers"
            if p.dep_ == "prep" and p.lower_ in {"with", "against"}:
                heads.extend(x for x in children(p) if x.dep_ == "pobj")
        for c in children(verb):
            if c.dep_ == "prep" and c.i != noun.head.i:
                heads.extend(p for p in children(c) if p.dep_ == "pobj")
            elif c.dep_ in {"advcl", "conj"}:
                heads.extend(x for x in children(c) if x.dep_ in {"nsubj", "nsubjpass"})
        sides = [e for h in heads for e in self.args.actors(h)]
        groups = [e for e in sides if e.kind == "armed_group"]
        forces = [e for e in sides if e.kind == "state_force"]
        for g in groups:
            for f in forces:
                self.add(f, "fights_against", g, [noun, verb], confidence=0.7)


def _turns_to_fighting(verb: Token) -> bool:
    """Tell whether a verb says a quarrel became a fight: "erupted into fighting"."""
    return any(
        x.dep_ == "pobj" and x.lemma_.lower() in FIGHT_NOUNS | {"warfare", "violence", "bloodshed"}
        for p in children(verb)
        if p.dep_ == "prep" and p.lower_ == "into"
        for x in children(p)
    )


def _armed(e: Entity) -> bool:
    return e.kind in ARMED_KINDS


def _has(tok: Token, word: str) -> bool:
    return any(c.lower_ == word for c in children(tok))
