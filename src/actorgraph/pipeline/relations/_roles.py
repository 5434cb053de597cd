"""Relations read from role nouns and titles: "X, the leader of Y", "group spokesman X"."""

from __future__ import annotations

from actorgraph.model import Entity
from actorgraph.pipeline.nlp import children
from actorgraph.pipeline.relations._args import Token
from actorgraph.pipeline.relations._base import ORG_OR_STATE, ORGS, ReaderBase
from actorgraph.pipeline.relations._lexicon import (
    NATIONAL_TITLES,
    PARTIAL_LEADER,
    PAST_MARKERS,
    PLACE_TYPES,
    RANKS,
    ROLE_PREDICATES,
    ROLE_RANK,
    STATE_SERVICE,
    STATE_TITLES,
)

PERSONS = frozenset({"PERSON"})
RESIDENT_NOUNS = frozenset({"resident", "native", "inhabitant", "villager"})
FORCE_NOUNS = frozenset({"forces", "troops", "army", "soldiers", "fighters", "men", "militia"})


# Roles "its" names the organisation of: the one named just before ("the group said its
# spokesman X", "Its leader, X, ...").
SPEAKERS = frozenset({"spokesman", "spokeswoman", "spokesperson"})
ITS_ROLES = SPEAKERS | frozenset(
    w for w, p in ROLE_PREDICATES.items() if p in {"leader_of", "founder_of", "member_of"}
)

# How a title hangs on a name: "Iraqi Prime Minister X"; "Congo's President X" (the
# possessive the parser hangs on the name, not on the title).
TITLE_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


COMMAND_NOUNS = frozenset({"command", "leadership", "control", "orders"})
NOUNS = frozenset({"NOUN", "PROPN"})


class RoleRules(ReaderBase):
    def role_object(self, noun: Token) -> tuple[Entity | None, list[Token], bool]:
        """Return the organisation or state a role noun is of/for/at ('leader of Y', "Y's leader"),
        and whether it owns the unit named ("commander of Y's coastal sector")."""
        where: tuple[Entity | None, list[Token], bool] = (None, [], False)
        for child in children(noun):
            if child.dep_ == "prep" and child.lower_ in {"of", "for", "at", "with", "in"}:
                for pobj in children(child):
                    if pobj.dep_ == "pobj":
                        e = self.args.of_phrase(pobj, ORG_OR_STATE) or self.args.place(pobj)
                        if e is not None and e.type in PLACE_TYPES and child.lower_ in {"in", "at"}:
                            if where[0] is None:  # "the group's leader in Iraq": whose first
                                where = (e, [child, pobj], False)
                            continue
                        if e is not None:
                            return e, [child, pobj], False
                        e = self.args.owner(pobj)
                        if e is not None:
                            return e, [child, pobj], True
        whose = self._whose(noun)
        return whose if whose[0] is not None else where

    def _whose(self, noun: Token) -> tuple[Entity | None, list[Token], bool]:
        for child in children(noun):
            if child.dep_ in {"poss", "compound", "amod", "nmod"} and child.i < noun.i:
                e = self.args.of_phrase(child, ORG_OR_STATE) or self.args.actor(child, ORGS)
                if e is None and child.lower_ in {"its", "their"} and noun.lemma_ in ITS_ROLES:
                    e = self._its(noun)  # "its spokesman, X": the organisation named before
                if e is not None:
                    return e, [child], False
        return None, [], False

    def role_relation(self, person: Entity, noun: Token, extra: list[Token],
                      shared: Token | None = None) -> None:  # fmt: skip
        lemma = noun.lemma_.lower()
        mods = _modifiers(noun)
        obj, toks, owned = self.role_object(noun)
        if obj is None and shared is not None:  # "Y's founder and leader": Y's for both
            obj, toks, owned = self.role_object(shared)
        named = {t.i for t in mods if obj is not None and self.args.at(t) == obj}  # not "Y leader"
        title = " ".join(t.text for t in mods if t.pos_ not in {"DET", "PART"} and t.i not in named)
        past = any(c.lower_ in PAST_MARKERS for c in children(noun))
        ev = [noun, *toks, *extra]
        words = [t.lower_ for t in mods if t.i not in {x.i for x in toks}]
        if toks and toks[0].lower_ == "of" and f"{lemma} of {toks[1].lower_}" in STATE_TITLES:
            return  # "the secretary of State": the name is in the title, no employer
        state_title = _state_title(words)
        if state_title is not None:
            guess = not any(t.pos_ in {"VERB", "AUX"} for t in extra)  # not "will be king"
            self.state_role(person, state_title, title, obj, toks, ev, past=past, guess=guess)
            return
        if lemma in RESIDENT_NOUNS and obj is not None and obj.type in PLACE_TYPES:
            self.add(person, "located_in", obj, ev, confidence=0.8)
            return
        pred = ROLE_PREDICATES.get(lemma)
        if lemma == "general" and words[-2:-1] == ["secretary"]:
            pred = "leader_of"  # "the secretary general of Y"
        if pred is None or obj is None or obj.type in {"LOC", "FAC"}:
            return
        if obj.type != "ORG" and toks[0].dep_ != "prep" and lemma not in STATE_SERVICE:
            return  # "a Norwegian historian": where from, not whom for
        if obj.type != "ORG" and pred != "works_for":
            return
        if obj.type == "NORP":  # "a former Democratic aide": a party word, not a state
            obj = self.state_of(obj)
            if obj is None:
                return
        if obj.type == "GPE":
            pred = "holds_role"  # "an official in Djibo": an office of the place, no employer
        partial = bool(set(words[:-1]) & PARTIAL_LEADER)
        if lemma == "commander":
            definite = any(c.lower_ in {"the", "its", "their"} or c.dep_ == "poss"
                           for c in children(noun))  # fmt: skip
            if noun.dep_ == "appos" and not any(c.dep_ == "det" for c in children(noun)):
                definite = True  # "X, commander of Y": the headline style of "the commander"
            if definite and not partial and not owned:
                self.add(person, "commands", obj, ev, role=title, past=past)
                return
            self.add(person, "member_of", obj, ev, role=title, past=past)
            return
        if pred == "leader_of" and partial:
            pred = "works_for" if obj.kind == "state_force" else "holds_role"
        role = title if pred in {"works_for", "holds_role"} else None
        self.add(person, pred, obj, ev, role=role, past=past)

    def state_role(self, person: Entity, state_title: str, title: str, obj: Entity | None,
                   toks: list[Token], ev: list[Token], *, past: bool,
                   guess: bool = True) -> None:  # fmt: skip
        """A title of state office: holds_role to the state (or the place it governs)."""
        conf = 0.9
        if obj is not None and obj.type == "ORG":
            if ROLE_PREDICATES.get(state_title) == "leader_of" and obj.kind != "government":
                self.add(person, "leader_of", obj, ev, past=past)  # "the emir of Y" (a group)
                return
            self.add(person, "works_for", obj, ev, role=title, past=past)
            return
        if obj is not None and toks and toks[0].lower_ in {"in", "at"}:
            obj = self.state_of(obj)  # "the prosecutor in Z": an officer of Z's state
        guessed = obj is None and state_title in NATIONAL_TITLES and guess
        if guessed:
            obj, conf = self.country(), 0.8
        self.add(person, "holds_role", obj, ev, role=title, past=past, confidence=conf,
                 guessed=guessed)  # fmt: skip

    def role_relations(self, person: Entity, noun: Token, extra: list[Token]) -> None:
        """Read a role noun and those joined to it: 'general designer and director of Y'."""
        self.role_relation(person, noun, extra)
        for c in children(noun):
            if c.dep_ == "conj" and c.pos_ == "NOUN":
                bare = not any(d.dep_ in {"det", "poss"} for d in children(c)) and (
                    ROLE_PREDICATES.get(c.lemma_.lower()) in SHARED_ROLES
                )  # "founder and leader", not "founder and a (former) teacher"
                self.role_relation(person, c, [noun, *extra], shared=noun if bare else None)

    def appositions(self, tok: Token) -> None:
        """Read 'X, the leader of Y' / 'the leader of Y, X' / 'X is the leader of Y'."""
        person = self.args.at(tok, PERSONS)
        if person is None:
            return
        for child in children(tok):
            if child.dep_ == "appos" and child.pos_ == "NOUN":
                self.role_relations(person, child, [tok])
            elif child.dep_ == "appos" and child.pos_ in {"PROPN", "NUM"}:
                # "X, D-Mich., chairman of Y": the role hangs on the aside
                if self.args.at(child, frozenset({"PERSON", "ORG"})) is None:
                    for sub in children(child):
                        if sub.dep_ == "appos" and sub.pos_ == "NOUN":
                            self.role_relations(person, sub, [tok, child])
            elif child.dep_ == "prep" and child.lower_ == "of" and tok.pos_ == "PROPN":
                self.of_affiliation(person, tok, child)
        if tok.dep_ == "appos" and tok.head.pos_ == "NOUN":
            self.role_relations(person, tok.head, [tok])  # "Y's founder and leader, X"
        of = tok.head.head  # "the chairman of Y, X": X in apposition to Y
        aside = tok.dep_ == "appos" or (  # "the foreign minister of Chad, X,": read as "and"
            tok.dep_ == "conj"
            and not any(c.dep_ == "cc" for c in children(tok.head))
            and self.args.at(tok.head, PERSONS) is None
        )
        appos_of = aside and tok.head.dep_ == "pobj" and of.lower_ in {"of", "in", "for"}
        if appos_of and of.head.pos_ == "NOUN" and of.head.head.i != tok.i:
            self.role_relation(person, of.head, [tok])
        self._under(person, tok)
        if tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
            for attr in children(tok.head):
                if attr.dep_ == "attr" and attr.pos_ == "NOUN":
                    self.role_relation(person, attr, [tok, tok.head])

    def _under(self, person: Entity, tok: Token) -> None:
        """Read 'the army under General X', 'fighters under the command of X': X commands."""
        under, pred = tok.head, "commands"
        if tok.dep_ == "pobj" and under.lower_ == "of" and under.head.lemma_ in COMMAND_NOUNS:
            pred = "leader_of" if under.head.lemma_ == "leadership" else pred
            under = under.head.head  # "under the command of X"
        if tok.dep_ != "pobj" or under.lower_ != "under":
            return
        host = under.head
        if host.pos_ == "PUNCT":  # "The X, under the command of Y, seized": hung on a comma
            host = host.head
        if host.pos_ in {"VERB", "AUX"} and under.i == under.sent.start:
            host = next(  # "Under X, the group has expanded": the subject the clause opens on
                (c for c in children(host) if c.dep_ in {"nsubj", "nsubjpass"}), host
            )
        if host.pos_ in {"VERB", "AUX"}:  # "fighting the army under General X": the parse
            host = next(  # hung "under" on the verb; the object right before it is whose
                (c for c in children(host) if c.dep_ == "dobj" and c.right_edge.i == under.i - 1),
                host,
            )
        if host.pos_ not in NOUNS:
            return
        force = self.args.actor(host, ORGS)
        if force is not None and force.kind in {"state_force", "armed_group"}:
            self.add(person, pred, force, [tok, under, host], confidence=0.8)

    def of_affiliation(self, person: Entity, tok: Token, prep: Token) -> None:
        """Read 'X of the Forest Service' (works for or belongs to it); 'X of Trapper Creek'."""
        for e in self._pobjs(prep, ORG_OR_STATE | PLACE_TYPES):
            if e.type == "ORG":
                pred = "member_of" if e.kind in {"armed_group", "party"} else "works_for"
                self.add(person, pred, e, [tok, prep], confidence=0.7)
            elif e.type in PLACE_TYPES:
                self.add(person, "located_in", e, [tok, prep], confidence=0.6)

    def titles(self, tok: Token) -> None:
        """Read titles before a name: 'group spokesman X', 'Iraqi Prime Minister X', 'then-PM X'."""
        person = self.args.at(tok, PERSONS)
        if person is None:
            return
        first = self.entities.first_start(person.id, tok.idx)  # of the mentions it is in
        if first is None:
            return
        left = [c for c in children(tok) if c.i < tok.i and c.dep_ in TITLE_DEPS]
        left = [c for c in left if c.idx < first]
        if not left:
            return
        words = [c for c in self.doc[min(c.left_edge.i for c in left) : tok.i] if c.idx < first]
        cut = max((i for i, w in enumerate(words) if w.pos_ in {"ADP", "VERB"}), default=-1)
        kept = _state_title([w.lower_ for w in words if w.pos_ != "DET"]) or ""
        if cut >= 0 and " of " not in kept:
            words = words[cut + 1 :]  # "Part of the network President X": the title is after "of"
        past = any(w.lower_ in PAST_MARKERS for w in words)
        title_words = [
            w
            for w in words
            if w.pos_ not in {"DET", "PUNCT", "ADP", "CCONJ", "PART"}
            and w.lower_ not in PAST_MARKERS
            and self.entities.at(w.idx, w.idx + len(w.text)) is None
        ]
        org, org_tok = None, None
        for w in words:
            e = self.entities.at(w.idx, w.idx + len(w.text))
            if e is not None and e.id != person.id and e.type in ORG_OR_STATE | PLACE_TYPES:
                org, org_tok = e, w
        if not title_words:
            return
        phrase = [w.lower_ for w in words if w.pos_ not in {"DET", "PUNCT"}]
        whole = _state_title(phrase) or ""
        if (
            org is not None
            and org_tok is not None
            and org.type == "ORG"
            and org.kind != "state_force"  # "Sudanese army chief X": the army he heads
            and org_tok.lower_ in whole.split()
        ):
            org = None  # "Secretary of State X", "Defense Minister X": the name is in the title
            title_words = [w for w in words if w.pos_ not in {"DET", "PUNCT"}]
        title_words = _strongest(title_words)
        title = " ".join(w.text for w in title_words)
        lemma = title_words[-1].lemma_.lower()
        ev = [tok, *words]
        state_title = _state_title([w.lower_ for w in title_words])
        if state_title is not None:
            for p in children(tok):  # "President X of China"
                if org is None and p.dep_ == "prep" and p.lower_ == "of":
                    org = next(iter(self._pobjs(p, frozenset({"GPE"}))), None)
            anaphor = org_tok is not None and org_tok.pos_ != "PROPN"
            if org is not None and org.type == "ORG" and anaphor:
                return  # "the network President X": an anaphor, not a named employer
            self.state_role(person, state_title, title, org, [], ev, past=past)
            self._forces_of(person, tok, org)
            return
        if org is None and any(w.lower_ in {"its", "their"} for w in words) and lemma in ITS_ROLES:
            org = self._its(tok)  # "said its leader X": the organisation named before
        whose = next((w for w in words if w.lower_ == "whose"), None)
        if org is None and whose is not None and whose.i > 1 and self.doc[whose.i - 1].text == ",":
            org = self.args.at(self.doc[whose.i - 2], frozenset({"ORG"}))  # "Y, whose leader X"
        if org is None:
            return
        if lemma in RESIDENT_NOUNS and org.type in PLACE_TYPES:
            self.add(person, "located_in", org, ev, confidence=0.8)
            return
        pred = ROLE_PREDICATES.get(lemma)
        if lemma == "general" and len(title_words) > 1 and title_words[-2].lower_ == "secretary":
            pred = "leader_of"  # "UN Secretary General X"
        if pred is None or org.type != "ORG":
            return
        partial = bool({w.lower_ for w in title_words[:-1]} & PARTIAL_LEADER)
        if lemma == "commander":
            definite = any(w.dep_ == "poss" or w.lower_ in {"its", "their"} for w in words)
            pred = "commands" if definite and not partial else "member_of"
        elif pred == "leader_of" and partial:
            pred = "works_for" if org.kind == "state_force" else "holds_role"
        role = title if pred in {"works_for", "holds_role", "member_of", "commands"} else None
        if pred == "member_of" and lemma != "commander":
            role = None
        self.add(person, pred, org, ev, role=role, past=past)

    def _its(self, tok: Token) -> Entity | None:
        """The organisation "its" stands for: the one named last in this sentence or the one
        before, outside quotation marks (a quote's "the regime" is someone else)."""
        sent = tok.sent
        start = self.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        marks = 0
        for prev in reversed(self.doc[start : tok.i]):
            marks += sum(prev.text.count(q) for q in '"\u201c\u201d')
            e = self.args.at(prev, ORGS)
            inside = e is not None and self.args.inside_other(prev, e)
            if e is not None and marks % 2 == 0 and e.type == "ORG" and not inside:
                return e
        return None

    def _forces_of(self, person: Entity, tok: Token, state: Entity | None) -> None:
        """Read "President X's forces": the head of state commands the state's military."""
        if tok.dep_ != "poss" or tok.head.lower_ not in FORCE_NOUNS:
            return
        force = self.args.at(tok.head, ORGS) or self.force_of(state)
        self.add(person, "commands", force, [tok, tok.head], confidence=0.8)


def _modifiers(noun: Token) -> list[Token]:
    """Read 'the Iraq researcher' -> [Iraq, researcher]; 'the leader' -> [leader]."""
    mods = [c for c in children(noun) if c.dep_ in {"compound", "amod", "nmod"} and c.i < noun.i]
    start = min((c.left_edge.i for c in mods), default=noun.i)
    return [t for t in noun.doc[start : noun.i + 1] if t.pos_ not in {"DET", "PUNCT"}]


SHARED_ROLES = frozenset({"leader_of", "founder_of", "spokesperson_of", "member_of"})


def _state_title(words: list[str]) -> str | None:
    """Return the longest state title that ends the title's words ("deputy prime minister")."""
    words = [w for w in words if w not in PAST_MARKERS]
    for i in range(len(words)):
        phrase = " ".join(words[i:])
        if phrase in STATE_TITLES:
            return phrase
    return None


def _strongest(words: list[Token]) -> list[Token]:
    """Return the title up to its strongest role noun: "army spokesman Colonel" -> "army
    spokesman"."""
    low = [w.lower_ for w in words]
    for i in range(len(low) - 1):
        if low[i : i + 2] == ["secretary", "general"]:
            return words[: i + 2]  # "UN Secretary-General X": the head, not a secretary
    best = None
    for i, w in enumerate(words):
        pred = ROLE_PREDICATES.get(w.lemma_.lower())
        later = words[i + 1].lemma_.lower() if i + 1 < len(words) else ""
        if pred == "leader_of" and ROLE_PREDICATES.get(later) == "works_for":
            continue  # "chief economist": "chief" says which economist
        stronger = pred in ROLE_RANK and (best is None or ROLE_RANK[pred] <= ROLE_RANK[best[1]])
        if stronger and w.lower_ not in RANKS and pred is not None:
            best = (i, pred)
    if best is None or _state_title([w.lower_ for w in words]) is not None:
        return words
    return words[: best[0] + 1]
