"""Relations read from role nouns and titles: "X, the leader of Y", "group spokesman X"."""

from __future__ import annotations

from actorgraph.model import Entity
from actorgraph.pipeline.relations._args import Token
from actorgraph.pipeline.relations._base import ORG_OR_STATE, ORGS, ReaderBase
from actorgraph.pipeline.relations._lexicon import (
    PAST_MARKERS,
    PLACE_TYPES,
    ROLE_PREDICATES,
    STATE_SERVICE,
    STATE_TITLES,
)


class RoleRules(ReaderBase):
    def role_object(self, noun: Token) -> tuple[Entity | None, list[Token]]:
        """The organisation or state a role noun is of/for/at ('leader of Y', "Y's leader")."""
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in {"of", "for", "at", "with", "in"}:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        e = self.args.of_phrase(pobj, ORG_OR_STATE) or self.args.owner(pobj)
                        if e is not None:
                            return e, [child, pobj]
        for child in noun.children:
            if child.dep_ in {"poss", "compound", "amod"} and child.i < noun.i:
                e = self.args.of_phrase(child, ORG_OR_STATE)
                if e is not None:
                    return e, [child]
        return None, []

    def role_relation(self, person: Entity, noun: Token, extra: list[Token]) -> None:
        lemma = noun.lemma_.lower()
        title = _title_of(noun)
        obj, toks = self.role_object(noun)
        past = any(c.lower_ in PAST_MARKERS for c in noun.children)
        if title in STATE_TITLES or lemma in STATE_TITLES:
            if obj is None or obj.type == "ORG":
                if obj is None:
                    return
                self.add(person, "works_for", obj, [noun, *toks, *extra], role=title, past=past)
                return
            self.add(person, "holds_role", obj, [noun, *toks, *extra], role=title, past=past)
            return
        pred = ROLE_PREDICATES.get(lemma)
        if pred is None or obj is None:
            return
        if obj.type != "ORG" and toks[0].dep_ != "prep" and lemma not in STATE_SERVICE:
            return  # "a Norwegian historian": where from, not whom for
        role = title if pred == "works_for" or lemma == "commander" else None
        if obj.type != "ORG" and pred != "works_for":
            return
        self.add(person, pred, obj, [noun, *toks, *extra], role=role, past=past)

    def role_relations(self, person: Entity, noun: Token, extra: list[Token]) -> None:
        """A role noun and those joined to it: 'general designer and director of Y'."""
        self.role_relation(person, noun, extra)
        for c in noun.children:
            if c.dep_ == "conj" and c.pos_ == "NOUN":
                self.role_relation(person, c, [noun, *extra])

    def appositions(self, tok: Token) -> None:
        """'X, the leader of Y' / 'the leader of Y, X' / 'X is the leader of Y'."""
        person = self.args.at(tok, frozenset({"PERSON"}))
        if person is None:
            return
        for child in tok.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN":
                self.role_relations(person, child, [tok])
            elif child.dep_ == "appos" and child.pos_ in {"PROPN", "NUM"}:
                # "X, D-Mich., chairman of Y": the role hangs on the aside
                if self.args.at(child, frozenset({"PERSON", "ORG"})) is None:
                    for sub in child.children:
                        if sub.dep_ == "appos" and sub.pos_ == "NOUN":
                            self.role_relations(person, sub, [tok, child])
            elif child.dep_ == "prep" and child.lower_ == "of" and tok.pos_ == "PROPN":
                self.of_affiliation(person, tok, child)
        if tok.dep_ == "appos" and tok.head.pos_ == "NOUN":
            self.role_relation(person, tok.head, [tok])
        of = tok.head.head  # "the chairman of Y, X": X in apposition to Y
        appos_of = tok.dep_ == "appos" and tok.head.dep_ == "pobj" and of.lower_ == "of"
        if appos_of and of.head.pos_ == "NOUN":
            self.role_relation(person, of.head, [tok])
        if tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
            for attr in tok.head.children:
                if attr.dep_ == "attr" and attr.pos_ == "NOUN":
                    self.role_relation(person, attr, [tok, tok.head])

    def of_affiliation(self, person: Entity, tok: Token, prep: Token) -> None:
        """'X of the Forest Service' (works for or belongs to it); 'X of Trapper Creek'."""
        for e in self._pobjs(prep, ORG_OR_STATE | PLACE_TYPES):
            if e.type == "ORG":
                pred = "member_of" if e.kind in {"armed_group", "party"} else "works_for"
                self.add(person, pred, e, [tok, prep], confidence=0.7)
            elif e.type in PLACE_TYPES:
                self.add(person, "located_in", e, [tok, prep], confidence=0.6)

    def org_places(self, tok: Token) -> None:
        """'the consulate in Z' (operates there); 'Y, a newspaper in Z' (located there)."""
        org = self.args.at(tok, ORGS)
        if org is None:
            return
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in {"in", "at"} and tok.pos_ == "PROPN":
                for place in self._pobjs(c, PLACE_TYPES):
                    self.add(org, "operates_in", place, [tok, c], confidence=0.6)
            elif c.dep_ == "appos" and c.pos_ == "NOUN":
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ in {"in", "at"}:
                        for place in self._pobjs(p, PLACE_TYPES):
                            self.add(org, "located_in", place, [tok, c, p], confidence=0.6)

    def titles(self, tok: Token) -> None:
        """Titles before a name: 'group spokesman X', 'Iraqi Prime Minister X', 'then-PM X'."""
        person = self.args.at(tok, frozenset({"PERSON"}))
        if person is None:
            return
        first = self.entities.first_start(person.id, tok.idx)  # of the mentions it is in
        if first is None:
            return
        left = [c for c in tok.children if c.i < tok.i and c.dep_ in {"compound", "amod", "nmod"}]
        left = [c for c in left if c.idx < first]
        if not left:
            return
        words = [c for c in self.doc[min(c.left_edge.i for c in left) : tok.i] if c.idx < first]
        past = any(w.lower_ in PAST_MARKERS for w in words)
        title_words = [
            w
            for w in words
            if w.pos_ not in {"DET", "PUNCT", "ADP", "CCONJ"}
            and w.lower_ not in PAST_MARKERS
            and self.entities.at(w.idx, w.idx + len(w.text)) is None
        ]
        org = None
        for w in words:
            e = self.entities.at(w.idx, w.idx + len(w.text))
            if e is not None and e.id != person.id and e.type in ORG_OR_STATE:
                org = e
        if not title_words:
            return
        title = " ".join(w.text for w in title_words)
        lemma = title_words[-1].lemma_.lower()
        if title.lower() in STATE_TITLES or lemma in STATE_TITLES:
            state = org if org is not None and org.type != "ORG" else None
            conf = 0.85
            if org is not None and org.type == "ORG":
                self.add(person, "works_for", org, [tok, *words], role=title, past=past)
                return
            if state is None:
                state, conf = self.country(), 0.6
            self.add(
                person, "holds_role", state, [tok, *words], role=title, past=past, confidence=conf
            )
            return
        pred = ROLE_PREDICATES.get(lemma)
        if pred is not None and org is not None and org.type == "ORG":
            role = title if pred == "works_for" or lemma == "commander" else None
            self.add(person, pred, org, [tok, *words], role=role, past=past)


def _title_of(noun: Token) -> str:
    """'the Iraq researcher' -> 'Iraq researcher'; 'the leader' -> 'leader'."""
    mods = [c for c in noun.children if c.dep_ in {"compound", "amod"} and c.i < noun.i]
    start = min((c.i for c in mods), default=noun.i)
    words = [t.text for t in noun.doc[start : noun.i + 1] if t.pos_ != "DET"]
    return " ".join(words).strip()
