"""Where a side is: "X seized the town of Z", "Z, an X stronghold", "the X-run Z", "Z, where
X have outposts", "X deployed troops to Z", "X killed 14 insurgents in Z", "the X-based Y"."""

from __future__ import annotations

from actorgraph.model import Entity
from actorgraph.pipeline.nlp import aimed, children, negated
from actorgraph.pipeline.relations._args import Token
from actorgraph.pipeline.relations._fights import FightRules
from actorgraph.pipeline.relations._lexicon import ACTOR_TYPES, ARMED_KINDS, PLACE_TYPES
from actorgraph.pipeline.relations._words import (
    ACTION_VERBS,
    ATTACK_NOUNS,
    CONTROL_NOUNS,
    CONTROL_VERBS,
    DEPLOY_VERBS,
    FIGHT_NOUNS,
    HELD_SUFFIXES,
    REMOVE_VERBS,
    STRONGHOLD_NOUNS,
)

DIRECTIONS = frozenset({"east", "west", "north", "south", "outside", "near", "northeast",
                        "northwest", "southeast", "southwest"})  # fmt: skip
WHERE_VERBS = frozenset(
    {"have", "maintain", "hold", "reinforce", "deploy", "station", "operate", "control",
     "patrol", "build", "set", "establish", "keep", "base", "entrench", "dig", "mass"}
)  # fmt: skip
HELD_VERBS = frozenset({"use", "hold", "control", "occupy", "run", "seize", "capture"})
PLACE_NOUNS = frozenset({"locality", "town", "village", "city", "district", "area", "region"})
AERIAL = frozenset({"airstrike", "strike", "bombing", "bombardment", "shelling", "raid"})
POSTS = frozenset({"base", "post", "outpost", "camp", "position", "barracks", "garrison",
                   "checkpoint", "headquarters", "airbase", "airport", "airfield"})  # fmt: skip
FORCE_WORDS = frozenset({"force", "forces", "troops", "soldiers", "contingent", "units"})


# Verbs whose passive says who holds a place: "the town, controlled by X since May".
HOLD_VERBS = frozenset({"control", "hold", "seize", "capture", "recapture", "retake", "occupy",
                        "overrun"})  # fmt: skip


# Verbs of keeping ground: "X has (maintains, set up) a stronghold in Z".
_KEEP_VERBS = frozenset({"have", "maintain", "keep", "retain", "establish", "set", "build"})


class PlaceRules(FightRules):
    def _held_by(self, verb: Token, subj_tok: Token | None) -> None:
        agent = next((c for c in children(verb) if c.dep_ == "agent"), None)
        if agent is None:
            return
        held = subj_tok
        if verb.dep_ in {"relcl", "acl"} and (held is None or held.lower_ in {"which", "that"}):
            held = verb.head
        place = self.args.place(held) if held is not None else None
        for e in self._pobjs(agent, ACTOR_TYPES):
            if e.type == "ORG":
                self.add(e, "operates_in", place, [verb, agent], confidence=0.85)

    def _fell_to(self, verb: Token, subj_tok: Token) -> None:
        """ "Z fell to X", "Z fell into the hands of X": X holds Z."""
        place = self.args.place(subj_tok)
        if place is None:
            return
        for p in children(verb):
            if p.dep_ != "prep" or p.lower_ not in {"to", "into"}:
                continue
            preps = [p] if p.lower_ == "to" else [
                q for o in children(p) if o.lower_ in {"hands", "control"}
                for q in children(o) if q.dep_ == "prep" and q.lower_ == "of"
            ]  # fmt: skip
            for q in preps:
                for e in self._pobjs(q, ACTOR_TYPES):
                    if e.type == "ORG":
                        self.add(e, "operates_in", place, [verb, q], confidence=0.85)

    def place_verbs(self, tok: Token, lemma: str, subj_tok: Token | None, passive: bool) -> None:
        """Read verbs of holding, entering, leaving or acting in a place."""
        if negated(tok):
            return
        prt = next((c.lower_ for c in children(tok) if c.dep_ == "prt"), None)
        phrasal = f"{lemma} {prt}" if prt else lemma
        sides = self.args.actors(subj_tok) if subj_tok is not None else []
        if tok.dep_ == "relcl" and tok.head.pos_ in {"NOUN", "PROPN"} and not sides:
            sides = self.args.actors(tok.head)
        if (lemma in CONTROL_VERBS or phrasal in CONTROL_VERBS) and not passive and not aimed(tok):
            self._control(tok, sides)
        if lemma in HOLD_VERBS and passive:  # "Sirte, which is controlled by X"
            self._held_by(tok, subj_tok)
        if lemma == "fall" and subj_tok is not None:  # "Z fell to X"
            self._fell_to(tok, subj_tok)
        for o in children(tok):  # "took/gained/declared control of Z"
            if o.dep_ == "dobj" and o.lemma_ in CONTROL_NOUNS and not passive:
                for p in children(o):
                    if p.dep_ == "prep" and p.lower_ in {"of", "over", "in"}:
                        for place in self._pobjs(p, PLACE_TYPES):
                            for s in sides:
                                self.add(s, "operates_in", place, [tok, o, p], confidence=0.85)
        if lemma in DEPLOY_VERBS:
            self._deploy(tok, sides, passive)
        if lemma in REMOVE_VERBS:  # "to remove X fighters from Z": they were in Z
            for o in children(tok):
                if o.dep_ == "dobj":
                    for p in (*children(tok), *children(o)):
                        if p.dep_ == "prep" and p.lower_ == "from":
                            for place in self._pobjs(p, PLACE_TYPES):
                                for e in self.args.actors(o):
                                    self.add(e, "operates_in", place, [tok, o, p], confidence=0.8)
        if lemma in WHERE_VERBS and any(c.lower_ == "where" for c in children(tok)):
            where = self._antecedent_place(tok.head)
            for s in sides if tok.dep_ == "relcl" else []:
                self.add(s, "operates_in", where, [tok, tok.head], confidence=0.8)
        if lemma in ACTION_VERBS or phrasal in ACTION_VERBS:
            self._acting_in(tok, sides, passive)

    def _control(self, verb: Token, sides: list[Entity]) -> None:
        """Read 'X seized Z', 'X controls parts of Z'; 'X recaptured Z, a Y stronghold' (X fights
        Y)."""
        for o in children(verb):
            if o.dep_ != "dobj":
                continue
            for place in self.args.places(o):
                for s in sides:
                    self.add(s, "operates_in", place, [verb, o], confidence=0.9)
            for t in (o, *[c for c in children(o) if c.dep_ == "conj"]):
                for held in self._holders(t):
                    for s in sides:
                        self._strike_pair(s, held, verb, "attack", [verb, t])
            if o.lemma_ in POSTS:  # "X captured an army base near Z": the army's, by Z
                self._post(verb, o, sides)
            for p in (*children(verb), *children(o)):  # "X recaptured Z from Y": Y held it
                if p.dep_ == "prep" and p.lower_ == "from" and self.args.places(o):
                    for held in self._pobjs(p, ACTOR_TYPES):
                        for s in sides:
                            self._strike_pair(s, held, verb, "attack", [verb, o, p])

    def _post(self, verb: Token, post: Token, sides: list[Entity]) -> None:
        for c in children(post):
            held = self.args.at(c, frozenset({"ORG"})) if c.dep_ in {"compound", "poss"} else None
            if held is not None and held.kind == "state_force":
                for s in sides:
                    self._strike_pair(s, held, verb, "attack", [verb, post, c])
            if c.dep_ == "prep" and c.lower_ in {"near", "in", "outside"}:
                for place in self._pobjs(c, PLACE_TYPES):
                    for s in sides:
                        self.add(s, "operates_in", place, [verb, post, c], confidence=0.8)

    def _holders(self, tok: Token) -> list[Entity]:
        """Find who held a place before it was taken: "areas controlled by Y", "Z, a Y
        stronghold"."""
        out: list[Entity] = []
        for c in children(tok):
            if c.dep_ == "acl" and c.lemma_ in CONTROL_VERBS | HELD_SUFFIXES:
                for a in children(c):
                    if a.dep_ == "agent":
                        out.extend(self._pobjs(a, ACTOR_TYPES))
        place_tok = tok
        for c in children(tok):
            if c.dep_ == "prep" and c.lower_ == "of":
                place_tok = next((p for p in children(c) if p.dep_ == "pobj"), tok)
        for c in children(place_tok):
            if c.dep_ == "appos" and c.lemma_ in STRONGHOLD_NOUNS:
                out.extend(self._stronghold_owners(c))
        return out

    def held_by(self, tok: Token) -> None:
        """Read 'Z, a locality used by X', 'areas held by X': the place X holds or uses."""
        for c in children(tok):
            if c.dep_ != "acl" or c.tag_ != "VBN" or c.lemma_ not in HELD_VERBS:
                continue
            place = self.args.place(tok)
            if place is None and tok.dep_ == "appos" and tok.lemma_ in PLACE_NOUNS:
                place = self.args.named_place(tok.head)  # "Z, a locality used by X"
            for a in children(c):
                if a.dep_ == "agent":
                    for e in self._pobjs(a, frozenset({"ORG"})):
                        self.add(e, "operates_in", place, [c, a], confidence=0.8)

    def strongholds(self, tok: Token) -> None:
        """Read 'Z, an X stronghold', "X's bastion of Z", 'Z is a stronghold of X'."""
        if tok.lemma_ not in STRONGHOLD_NOUNS or tok.pos_ != "NOUN":
            return
        place = None
        if tok.dep_ == "appos":  # "Z, an X stronghold": the noun says Z is a place
            place = self.args.place(tok.head) or self.args.named_place(tok.head)
        elif tok.dep_ == "attr":
            subj, _ = self.args.subject(tok.head)
            place = self.args.place(subj) if subj is not None else None
        else:  # "X's stronghold of Z", "the group's bases in Z"
            place = next((z for p in children(tok) if p.dep_ == "prep" and p.lower_ in {"of", "in"}
                          for z in self._pobjs(p, PLACE_TYPES)), None)  # fmt: skip
        owners = self._stronghold_owners(tok)
        if not owners and tok.dep_ == "dobj" and tok.head.lemma_ in _KEEP_VERBS:
            subj, _ = self.args.subject(tok.head)  # "X has a stronghold in Z"
            owners = [e for e in [self.args.actor(subj, frozenset({"ORG"}))] if e] if subj else []
        for owner in owners:
            self.add(owner, "operates_in", place, [tok, tok.head], confidence=0.8)

    def _stronghold_owners(self, noun: Token) -> list[Entity]:
        out = []
        for c in children(noun):
            if c.dep_ in {"poss", "compound", "amod", "nmod"} and c.i < noun.i:
                e = self.args.actor(c, frozenset({"ORG"}))
                if e is not None and e.kind in ARMED_KINDS | {None}:
                    out.append(e)
            elif c.dep_ == "prep" and c.lower_ in {"of", "for"}:
                out.extend(e for e in self._pobjs(c, frozenset({"ORG"})) if e.kind in ARMED_KINDS)
        return out

    def presence(self, tok: Token) -> None:
        """Read 'Z, which has a strong X presence'; "X's presence in Z"."""
        if tok.lemma_ not in {"presence", "foothold"}:
            return
        owners = [e for c in children(tok) if c.dep_ in {"poss", "compound", "nmod"}
                  for e in [self.args.actor(c, frozenset({"ORG"}))] if e is not None]  # fmt: skip
        places: list[Entity | None] = []
        for p in children(tok):
            if p.dep_ == "prep" and p.lower_ in {"in", "across", "around"}:
                places.extend(self._pobjs(p, PLACE_TYPES))
        verb = tok.head
        if tok.dep_ == "dobj" and verb.lemma_ in {"have", "maintain"} and verb.dep_ == "relcl":
            places.extend(self.args.places(verb.head))
        for owner in owners:
            for place in places:
                self.add(owner, "operates_in", place, [tok, verb], confidence=0.8)

    def _antecedent_place(self, tok: Token) -> Entity | None:
        """Return the place 'where' refers to: "Z, a stronghold where ...", not "east of Z,
        where"."""
        if tok.dep_ == "pobj" and tok.head.head.lower_ in DIRECTIONS:
            return None
        place = self.args.place(tok)
        if place is None and tok.dep_ == "appos":
            place = self.args.place(tok.head)
        return place

    def _deploy(self, verb: Token, sides: list[Entity], passive: bool) -> None:
        """Read 'X deployed troops to Z' (X's troops are in Z); 'the force deployed to Z'."""
        moved = list(sides) if passive or verb.dep_ == "acl" else []
        dests = [c for c in children(verb) if c.dep_ == "prep" and c.lower_ in {"to", "in", "into"}]
        for o in children(verb):
            if o.dep_ != "dobj" or passive:
                continue
            found = [e for e in self.args.actors(o) if e.type == "ORG"]  # not "sent Ms. X to Z"
            if not found and o.lower_ in FORCE_WORDS:
                found = [f for s in sides if (f := self.force_of(s)) is not None]
            moved.extend(found)
            dests.extend(c for c in children(o) if c.dep_ == "prep" and c.lower_ in {"to", "into"})
        for p in dests:
            for place in self._pobjs(p, PLACE_TYPES):
                for m in moved:
                    self.add(m, "operates_in", place, [verb, p], confidence=0.85)

    def _acting_in(self, verb: Token, sides: list[Entity], passive: bool) -> None:
        """Read 'X killed 14 insurgents in Z', 'X carried out operations in Z', 'Z ravaged by X'."""
        if passive:
            agent = next((c for c in children(verb) if c.dep_ == "agent"), None)
            subj, _ = self.args.subject(verb)
            place = self.args.place(subj) if subj is not None else None
            if agent is not None and place is not None:
                for e in self._agents(agent):
                    if e.kind in ARMED_KINDS:
                        self.add(e, "operates_in", place, [verb, agent], confidence=0.7)
            return
        armed = [s for s in sides if s.kind in ARMED_KINDS]
        preps = [c for c in children(verb) if c.dep_ == "prep" and c.lower_ in {"in", "across"}]
        for o in children(verb):
            if o.dep_ == "dobj" and o.lemma_.lower() in AERIAL:
                return  # "carried out an airstrike in Z": struck from the air, not there
            if o.dep_ == "dobj":
                preps.extend(c for c in children(o) if c.dep_ == "prep" and c.lower_ == "in")
        for p in list(preps):  # "killed 13,000 people in attacks in Nigeria"
            for pobj in children(p):
                if pobj.dep_ == "pobj" and pobj.lemma_.lower() in ATTACK_NOUNS:
                    preps.extend(c for c in children(pobj) if c.dep_ == "prep" and c.lower_ == "in")
        for p in preps:
            for place in self._pobjs(p, PLACE_TYPES):
                for s in armed:
                    self.add(s, "operates_in", place, [verb, p], confidence=0.65)

    def _agents(self, agent: Token) -> list[Entity]:
        """Read 'by jihadist groups such as X and Y': the groups named after 'such as'."""
        out = self._pobjs(agent, ACTOR_TYPES)
        for pobj in children(agent):
            for p in children(pobj):
                if p.dep_ == "prep" and p.lower_ in {"as", "including"}:
                    out.extend(self._pobjs(p, ACTOR_TYPES))
        return out

    def attack_places(self, noun: Token) -> None:
        """Read "the insurgents' attack in Z", "X's offensive in Z"."""
        if noun.lemma_.lower() not in ATTACK_NOUNS | FIGHT_NOUNS:
            return
        owner = None
        for c in children(noun):
            if c.dep_ in {"poss", "compound"} and c.i < noun.i:
                owner = owner or self.args.actor(c, frozenset({"ORG"}))
        if owner is None or owner.kind not in ARMED_KINDS:
            return
        for p in children(noun):
            if p.dep_ == "prep" and p.lower_ == "in":
                for place in self._pobjs(p, PLACE_TYPES):
                    self.add(owner, "operates_in", place, [noun, p], confidence=0.75)

    def held_places(self, hyphen: Token) -> None:
        """Read 'the Hamas-run Gaza Strip', 'the rebel-held town of Z' (at the hyphen)."""
        i = hyphen.i
        if i == 0 or i + 1 >= len(self.doc):
            return
        left, right = self.doc[i - 1], self.doc[i + 1]
        if right.lower_ not in HELD_SUFFIXES or right.head.i <= right.i:
            return
        holder = self.args.at(left, frozenset({"ORG"}))
        place = self.args.place(right.head)
        self.add(holder, "operates_in", place, [left, right, right.head], confidence=0.85)
