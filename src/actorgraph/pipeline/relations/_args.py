"""Resolve the arguments of a relation: from a token of the parse to an entity of the document."""

from __future__ import annotations

from typing import Any

from actorgraph.model import Entity
from actorgraph.pipeline.entities import EntityResult
from actorgraph.pipeline.layout import past_dateline
from actorgraph.pipeline.lexicon import ACCUSING, UMBRELLAS
from actorgraph.pipeline.nlp import acl_host, children, own_preps
from actorgraph.pipeline.relations._lexicon import (
    ACTOR_TYPES,
    GROUP_NOUNS,
    PLACE_TYPES,
    ROLE_PREDICATES,
)
from actorgraph.pipeline.relations._lookback import ORGS, LookBack
from actorgraph.pipeline.relations._words import HYPHEN_LINKS, LINK_NOUNS, PLACE_HEADS

Token = Any  # spacy.tokens.Token
PRONOUNS = frozenset({"he", "him", "she", "her"})
GROUP_PRONOUNS = frozenset({"they", "it"})
RELATIVE = frozenset({"who", "which", "that", "whom"})
# Singular nouns that name an organisation the text named before ("the group").
ORG_NOUNS = frozenset({"group", "movement", "militia", "organisation", "organization"})
PERSONS = frozenset({"PERSON"})
STATE_FORCES = frozenset({"military", "army", "forces", "troops", "soldiers", "armed"})
SPLINTERS = frozenset({"dissidents", "dissident", "splinter", "breakaway", "defectors"})
NOT_STATE = frozenset({"civilian", "vigilante", "volunteer", "self-defence", "self-defense"})
QUANTIFIERS = frozenset({"some", "many", "several", "few", "most", "thousands", "hundreds"})
QUANTITIES = frozenset({"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands",
                        "score", "scores", "number", "some", "many", "most"})  # fmt: skip


class Args(LookBack):
    """Entity lookups over one parsed document."""

    def __init__(self, doc: Any, entities: EntityResult) -> None:
        self.doc = doc
        self.entities = entities
        self._at: dict[int, Entity | None] = {}  # token index -> entity: asked many times
        self._shared: dict[int, list[Entity]] | None = None
        # Entities the syntax calls places though the model typed them otherwise
        # ("the towns of Nubl and Zahra"): accepted as the place of operates_in.
        self.named_places: set[str] = set()

    def at(self, tok: Token, types: frozenset[str] = ACTOR_TYPES) -> Entity | None:
        """Return the entity whose mention covers this token."""
        i = tok.i
        if i in self._at:
            e = self._at[i]
        else:
            e = self.entities.at(tok.idx, tok.idx + len(tok.text))
            if e is not None and e.kind == "state_force" and tok.pos_ == "NOUN":
                head = tok if tok.dep_ != "compound" else tok.head
                if any(
                    c.lower_ in NOT_STATE for c in children(head) if c.dep_ in {"amod", "compound"}
                ):
                    e = None  # "the civilian joint task force": not the state's forces
            self._at[i] = e
        return e if e is not None and e.type in types else None

    def shared_at(self, tok: Token, types: frozenset[str] = ACTOR_TYPES) -> list[Entity]:
        """Return the entities that share one mention covering this token ("Mozambican and Rwandan
        security forces" names two forces), or [] when the mention is one entity's."""
        if self._shared is None:
            by_span: dict[tuple[int, int], list[Entity]] = {}
            for e in self.entities.entities:
                for m in e.mentions:
                    found = by_span.setdefault((m.start, m.end), [])
                    if e not in found:
                        found.append(e)
            self._shared = {}
            for (start, end), ents in by_span.items():
                span = self.doc.char_span(start, end, alignment_mode="expand")
                if len(ents) > 1 and span is not None:
                    for t in span:
                        self._shared.setdefault(t.i, []).extend(ents)
        return [e for e in self._shared.get(tok.i, []) if e.type in types]

    def of_phrase(self, tok: Token, types: frozenset[str] = ACTOR_TYPES) -> Entity | None:
        """Return the entity a noun phrase headed by ``tok`` names (its head, then its
        compounds)."""
        e = self.at(tok, types)
        if e is not None:
            return e
        for child in children(tok):
            if child.dep_ in {"compound", "nmod", "poss"} and child.i < tok.i:
                e = self.at(child, types)
                if e is not None and child.dep_ != "poss":
                    return e
        for child in children(tok):  # "his excellency X": the name in apposition
            if child.dep_ == "appos" and tok.pos_ == "NOUN":
                e = self.named_by(child, types)
                if e is not None:
                    return e
        return None

    def named_by(self, tok: Token, types: frozenset[str] = ACTOR_TYPES) -> Entity | None:
        """Return the entity a name stands for, its acronym first: 'the Y in Z (YZ)' -> YZ."""
        for c in children(tok):
            if c.dep_ == "appos" and c.i > 0 and self.doc[c.i - 1].text == "(":
                e = self.at(c, types)
                if e is not None:
                    return e
        return self.at(tok, types)

    def owner(self, tok: Token) -> Entity | None:
        """Return the organisation a possessive names: "the USDA's research service" -> USDA."""
        for child in children(tok):
            if child.dep_ == "poss":
                e = self.at(child, frozenset({"ORG"}))
                if e is not None:
                    return e
        return None

    def actor(self, tok: Token, types: frozenset[str] = ACTOR_TYPES) -> Entity | None:
        """Return the actor a subject/object token stands for: a name, a group of its members,
        a relative pronoun's antecedent or a personal pronoun's last-named person."""
        low = tok.lower_
        if low in RELATIVE and tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.dep_ == "relcl":
            return self.actor(tok.head.head, types)
        clause = tok.head
        if (  # "the group, which Kinshasa says is backed by Rwanda": the group is backed
            low in RELATIVE
            and tok.dep_ in {"nsubj", "nsubjpass"}
            and clause.dep_ == "ccomp"
            and clause.head.dep_ == "relcl"
            and tok.i < clause.head.i
        ):
            return self.actor(clause.head.head, types)
        if low in PRONOUNS:
            return self.last_person(tok)
        if low in GROUP_PRONOUNS:
            return self.reporter(tok, types)
        place_head = tok.pos_ == "NOUN" and (low in PLACE_HEADS or tok.lemma_ in PLACE_HEADS)
        if place_head and self.at(tok, ORGS) is None:  # "the Turkish state" is its government
            return None  # "attacked Njaba village": a place, not a side
        if tok.dep_ == "appos" and tok.pos_ == "NOUN" and self.at(tok.head, PERSONS) is not None:
            return self.at(tok.head, types)  # "X, an official who heads Y": X, not his employer
        e = self.of_phrase(tok, types)
        plural = e is not None and e.type == "GPE" and tok.tag_ in {"NNPS", "NNS"}
        if plural and any(c.lower_ in QUANTIFIERS or c.dep_ == "nummod" for c in children(tok)):
            return None  # "some Afghans": people, not their state
        if e is not None and e.kind == "state_force" and tok.pos_ == "NOUN":
            for p in own_preps(tok, {"of"}):  # "troops of the AU": the force 'of' names
                for pobj in children(p):
                    owner = self.at(pobj, ORGS) if pobj.dep_ == "pobj" else None
                    if owner is not None and owner.id != e.id:
                        return owner
        if e is not None and low in SPLINTERS and self.at(tok, types) is None:
            return None  # "X dissidents", "a splinter of X": not X itself
        if e is not None and linked_to(tok, e, self):
            e = None  # "the al Qaeda-linked group" is not al Qaeda
            if low in ORG_NOUNS and _definite(tok):
                e = self.last_org(tok, exclude=frozenset(x.id for x in self.linkers(tok)))
            return e if e is not None and e.type in types else None
        if e is not None:
            return e
        if low in STATE_FORCES:  # "Nigeria's military": that state's forces
            state = next((self.at(c, PLACE_TYPES) for c in children(tok) if c.dep_ == "poss"), None)
            force = self.state_force(state) if state is not None else None
            if force is not None and force.type in types:
                return force
        if tok.dep_ == "appos" and tok.pos_ == "NOUN" and tok.head.pos_ == "PROPN":
            return self.at(tok.head, types)  # "X, a force that supports the army"
        if tok.dep_ == "appos" and tok.pos_ == "NOUN" and tok.lower_ in ORG_NOUNS | UMBRELLAS:
            held = self.at(tok.head, ORGS)  # "gangs from X, a coalition led by Y": X's gangs
            if held is not None and held.type in types:
                return held
        if tok.dep_ == "npadvmod" and tok.pos_ == "NOUN" and tok.left_edge.i > 1:
            before = tok.left_edge.i - 1  # "... the group (VDP), a force that supports"
            if self.doc[before].text == ",":
                prev = self.doc[before - 1]
                prev = self.doc[prev.i - 1] if prev.text == ")" else prev
                return self.at(prev, types)
        known = self._known_as(tok, types) if tok.pos_ == "NOUN" else None
        if known is not None:
            return known  # "the dissident group known as Y (YZ)"
        if low in GROUP_NOUNS or tok.lemma_ in GROUP_NOUNS:
            one = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
            if one is not None and one.lower_ == "one" and one.dep_ in {"attr", "appos"}:
                return self._one_of(one, types)  # "X is one of the groups operating in Z"
            e = self.group_of(tok, look_back=not self.linkers(tok))
            if e is None and low in ORG_NOUNS and _definite(tok):
                e = self.last_org(tok)
            return e if e is not None and e.type in types else None
        return None

    def _known_as(self, tok: Token, types: frozenset[str]) -> Entity | None:
        """The name of "a group known as Y", "the militia called Y"."""
        for c in children(tok):
            if c.dep_ == "acl" and c.lemma_ in {"know", "call", "name", "dub"}:
                for p in children(c):
                    names = children(p) if p.lower_ == "as" else [p] if p.dep_ == "oprd" else []
                    for n in names:
                        e = self.named_by(n, types)
                        if e is not None:
                            return e
        return None

    def _one_of(self, one: Token, types: frozenset[str]) -> Entity | None:
        """The name "one of the groups" is said of: the copula's subject or the apposed name."""
        if one.dep_ == "appos":
            return self.at(one.head, types)
        subj, _ = self.subject(one.head)
        return self.at(subj, types) if subj is not None else None

    def state_force(self, state: Entity) -> Entity | None:
        """Return the actor the entities stage made for a state's forces ("Military Forces of
        X")."""
        for e in self.entities.entities:
            if e.kind == "state_force" and e.name == f"Military Forces of {state.name}":
                return e
        return None

    def actors(self, tok: Token, types: frozenset[str] = ACTOR_TYPES) -> list[Entity]:
        """Return the actors of a phrase and of the phrases joined to it ("X and Y")."""
        out: list[Entity] = []
        if tok.lemma_ in QUANTITIES:  # "dozens of soldiers and rebel fighters"
            tok = next((p for c in children(tok) if c.dep_ == "prep" and c.lower_ == "of"
                        for p in children(c) if p.dep_ == "pobj"), tok)  # fmt: skip
        for t in (tok, *[c for c in children(tok) if c.dep_ == "conj"]):
            # "Israel and Hamas ally Hezbollah": the ally is not a third side; but in "troops
            # and fighters of X", X's fighters are
            members = t.tag_ == "NNS" and ROLE_PREDICATES.get(t.lemma_) == "member_of"
            linking = t.lemma_ in LINK_NOUNS or t.lemma_ in ROLE_PREDICATES
            if t.i != tok.i and linking and not members:
                continue
            shared: list[Entity | None] = [*self.shared_at(t, types)] or [self.actor(t, types)]
            for e in shared:
                if e is not None and e not in out:
                    out.append(e)
        return out

    def reporter(self, tok: Token, types: frozenset[str]) -> Entity | None:
        """Read 'they' or 'it' as the subject of what an organisation says: "X say they ..."."""
        verb = tok.head
        if tok.dep_ not in {"nsubj", "nsubjpass"} or verb.dep_ != "ccomp":
            return None
        subj, _ = self.subject(verb.head)
        if subj is None or subj.lower_ in GROUP_PRONOUNS | PRONOUNS:
            return None
        e = self.of_phrase(subj, types)
        return e if e is not None and e.type == "ORG" else None

    def place(self, tok: Token) -> Entity | None:
        """Return the place a phrase names: "Kidal", "the town of Kidal", "the Amhara region"."""
        e = self.at(tok, PLACE_TYPES)
        if e is not None and e.place is not None and e.place.precision == "country":
            for c in children(tok):  # "Cabo Delgado, northern Mozambique": the finer place
                inner = self.at(c, PLACE_TYPES) if c.dep_ in {"nmod", "compound"} else None
                if inner is not None and inner.id != e.id:
                    return inner
        if e is not None:
            return e
        if tok.lower_ not in PLACE_HEADS and tok.lemma_ not in PLACE_HEADS:
            return None
        for c in children(tok):
            if c.dep_ == "compound" and c.i < tok.i:
                e = self.at(c, PLACE_TYPES)
                if e is not None:
                    return e
        for c in children(tok):
            if c.dep_ == "prep" and c.lower_ == "of":
                for pobj in children(c):
                    e = self.place(pobj) or self.named_place(pobj) if pobj.dep_ == "pobj" else None
                    if e is not None:
                        return e
            if c.dep_ == "prep" and c.lower_ in {"in", "around"}:  # "territory around Z"
                for pobj in children(c):
                    e = self.at(pobj, PLACE_TYPES) if pobj.dep_ == "pobj" else None
                    if e is not None:
                        return e
            if c.dep_ == "appos":
                return self.at(c, PLACE_TYPES)
        return None

    def named_place(self, tok: Token) -> Entity | None:
        """Read 'the towns of Nubl and Zahra': a name the text calls a place, whatever its type."""
        e = self.at(tok, ACTOR_TYPES)
        if e is not None and tok.pos_ == "PROPN":
            self.named_places.add(e.id)
            return e
        return None

    def places(self, tok: Token) -> list[Entity]:
        """Return the places of a phrase and of the phrases joined to it ("Nubl and Zahra")."""
        out = []
        for t in (tok, *[c for c in children(tok) if c.dep_ == "conj"]):
            e = self.place(t)
            head = tok.head.head
            listed = tok.dep_ == "pobj" and tok.head.lower_ == "of"
            if e is None and listed and (head.lower_ in PLACE_HEADS or head.lemma_ in PLACE_HEADS):
                e = self.named_place(t)
            if e is not None and e not in out:
                out.append(e)
        return out

    def linkers(self, tok: Token) -> list[Entity]:
        """Return the patrons a hyphen names before a noun: 'the Iran-backed group' -> [Iran]."""
        out = []
        for c in children(tok):
            hyphen = c.i > 1 and self.doc[c.i - 1].text == "-"
            if c.dep_ in {"amod", "compound"} and c.lower_ in HYPHEN_LINKS and hyphen:
                e = self.at(self.doc[c.i - 2])
                if e is not None and e is self.at(tok):  # "Turkish-backed factions": one
                    e = self._named_at(self.doc[c.i - 2])  # mention; the patron's is inside
                if e is not None:
                    out.append(e)
        return out

    def _named_at(self, tok: Token) -> Entity | None:
        """The entity with a mention of just this word, inside a longer generic mention."""
        end = tok.idx + len(tok.text)
        return next(
            (e for e in self.entities.entities
             if any(m.start == tok.idx and m.end == end for m in e.mentions)),
            None,
        )  # fmt: skip

    def group_of(self, tok: Token, *, look_back: bool = True) -> Entity | None:
        """Read 'volunteers with X', 'X fighters', 'a group of volunteers with X', 'these
        warriors'."""
        for child in children(tok):
            if child.dep_ == "prep" and child.lower_ in {"with", "of", "from", "in"}:
                for pobj in children(child):
                    if pobj.dep_ == "pobj" and pobj.lemma_ in LINK_NOUNS:
                        return None  # "members of a dissident faction of X": not X itself
                    if pobj.dep_ == "pobj":
                        e = self.of_phrase(pobj, frozenset({"ORG"})) or self.org_noun(pobj)
                        if e is not None and (child.lower_ != "in" or e.kind is not None):
                            return e  # "rebel groups in Z": a place the model took for a body
                        if pobj.lower_ in GROUP_NOUNS:
                            inner = self.group_of(pobj, look_back=look_back)
                            if inner is not None:
                                return inner
        for child in children(tok):
            if child.dep_ == "compound":
                e = self.at(child, frozenset({"ORG"}))
                if e is not None:
                    return e
        dets = {c.lower_ for c in children(tok) if c.dep_ == "det"}
        if dets & {"these", "those", "the"} and look_back:
            return self.last_group(tok)
        return None

    def org_noun(self, tok: Token) -> Entity | None:
        """Read 'the Fano militia': the name before an organisation's noun names it, whatever
        type the model gave the name."""
        if tok.lower_ not in ORG_NOUNS:
            return None
        for c in children(tok):
            if c.dep_ == "compound" and c.pos_ == "PROPN":
                e = self.at(c, frozenset({"ORG", "PERSON"}))
                if e is not None:
                    return e
        return None

    def subject(self, verb: Token) -> tuple[Token | None, bool]:
        """Return the subject token of a verb (following conjunctions and xcomps) and whether the
        verb is passive."""
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in children(verb))
        for c in children(verb):
            if c.dep_ in {"nsubj", "nsubjpass"} and (named := past_dateline(c)) is not None:
                return named, passive  # "TRIPOLI (AP) - X said": never the city
        if verb.dep_ == "acomp" and verb.pos_ == "ADJ":  # "X fighters are active in Z"
            return self.subject(verb.head)[0], passive
        if verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head.i != verb.i:
            subj, _ = self.subject(verb.head)
            if subj is not None and verb.dep_ == "xcomp":
                objs = [c for c in children(verb.head) if c.dep_ == "dobj"]
                if objs and verb.head.lemma_ in {"help", "ask", "urge", "order"}:
                    return subj, passive
            return subj, passive
        up = verb.head.head
        if verb.dep_ == "pcomp" and up.dep_ == "pobj" and up.head.dep_ == "agent":
            up = up.head.head  # "X was accused by Y of arming Z": the parse hung "of" on Y
        if verb.dep_ == "pcomp" and up.pos_ == "VERB":  # "accused of being armed"
            if up.lemma_.lower() in ACCUSING and verb.head.lower_ in {"of", "for"}:
                accused = next((c for c in children(up) if c.dep_ in {"dobj", "nsubjpass"}), None)
                if accused is not None:
                    return accused, passive  # "X accused Y of backing Z": Y backs Z
            subj, _ = self.subject(up)
            return subj, passive
        if verb.dep_ in {"acl", "relcl"}:  # "a militia trained by X": the noun it modifies
            return acl_host(verb), True if verb.tag_ == "VBN" else passive
        return None, passive


def linked_to(tok: Token, e: Entity, args: Args) -> bool:
    """Tell whether a noun's own mention is of its patron: 'the al Qaeda-linked group'."""
    return any(x.id == e.id for x in args.linkers(tok))


def _definite(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in children(tok))
