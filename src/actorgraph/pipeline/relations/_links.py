"""Links between groups: "the US-backed Y", "the al Qaeda-linked group", "insurgents linked
to X", "loyal to X", "Y, an affiliate of X", "Y, a militia within X", "X and its offshoot,
Y", "Hamas ally Y"."""

from __future__ import annotations

from actorgraph.model import Entity
from actorgraph.pipeline.entities import named_part
from actorgraph.pipeline.lexicon import UMBRELLAS
from actorgraph.pipeline.nlp import children, negated
from actorgraph.pipeline.relations._args import ORG_NOUNS, Token
from actorgraph.pipeline.relations._fights import FightRules
from actorgraph.pipeline.relations._lexicon import ACTOR_TYPES, PLACE_TYPES
from actorgraph.pipeline.relations._words import FIGHT_NOUNS, HYPHEN_LINKS, LINK_NOUNS, LINK_WORDS

SIDES = frozenset({"ORG", "GPE"})
BRANCHES = frozenset({"province", "branch", "wing", "affiliate", "chapter"})
ARMED = frozenset({"state_force", "armed_group"})
UNITS = frozenset(
    {"battalion", "battalions", "brigade", "brigades", "division", "regiment", "corps", "wing",
     "unit", "units", "company", "squadron", "command", "sector", "front"}
)  # fmt: skip
AS_VERBS = frozenset({"function", "serve", "act", "operate", "work"})
# Verbs that call something what the noun says: "is seen as a proxy of Y".
CALL_VERBS = frozenset(
    {"see", "regard", "describe", "consider", "view", "know", "label", "brand", "designate",
     "call", "deem", "believe"}
)  # fmt: skip
# "members of X, the armed wing of Y": the apposition the parser hangs on the members
PARTITIVES = frozenset(
    {"members", "fighters", "militants", "supporters", "leaders", "commanders", "elements",
     "units", "dozens", "hundreds", "thousands", "some", "one"}
)  # fmt: skip


class LinkRules(FightRules):
    def hyphen_links(self, tok: Token) -> None:
        """Read 'the US-backed Y', 'the ISIS-affiliated Y', 'the Qatar-based chief' (hyphen split
        into three tokens, or one token 'Iranian-backed')."""
        if tok.text == "-" and 0 < tok.i < len(self.doc) - 1:
            left, right = self.doc[tok.i - 1], self.doc[tok.i + 1]
            word = right.lower_
            linker = self._name_ending(left) or self.args.at(left, ACTOR_TYPES | PLACE_TYPES)
            ev = [left, right]
        elif "-" in tok.text[1:-1]:
            head_text, word = tok.text.rsplit("-", 1)
            word, right = word.lower(), tok
            linker = self.entities.at(tok.idx, tok.idx + len(head_text))
            ev = [tok]
        else:
            return
        if linker is None or right.head.i <= right.i or right.dep_ not in {"amod", "compound"}:
            return
        noun = right.head
        if word == "based":
            self._based(noun, linker, [*ev, noun])
            return
        if word not in HYPHEN_LINKS or linker.type not in ACTOR_TYPES:
            return
        pred, mode = HYPHEN_LINKS[word]
        subj = self._made_of(noun) or self.args.actor(noun, frozenset({"ORG"}))
        if (subj is None or subj.id == linker.id) and noun.lower_ in ORG_NOUNS:
            subj = self.args.last_org(noun, exclude=frozenset({linker.id}))
        if linker.type == "NORP":
            linker = self.state_of(linker)
        self.add(subj, pred, linker, [*ev, noun], mode=(mode,) if mode else (), confidence=0.9)

    def _name_ending(self, tok: Token) -> Entity | None:
        """The name that ends at ``tok`` ("Turkey" in "Turkey-backed rebels", a mention of its
        own inside the rebels' one)."""
        end = tok.idx + len(tok.text)
        found = self.entities.mentions_in(max(0, end - 80), end)
        return next((e for m, e in reversed(found) if m.end == end), None)

    def _made_of(self, noun: Token) -> Entity | None:
        """ "Y, a coalition of US-backed groups": Y is made of the groups the words back."""
        of = noun.head
        body = of.head
        if noun.dep_ != "pobj" or of.lower_ != "of" or body.lemma_ not in UMBRELLAS:
            return None
        if body.dep_ == "appos" and body.head.pos_ == "PROPN":
            return self._named_by(body.head)
        return None

    def _based(self, noun: Token, place: Entity, ev: list[Token]) -> None:
        """Read 'the Cairo-based group' (an organisation), "Hamas's Qatar-based chief" (a
        person)."""
        if place.type not in PLACE_TYPES:
            return
        who = self.args.of_phrase(noun, frozenset({"ORG"}))
        if who is None and noun.dep_ == "appos":
            who = self.args.at(noun.head, frozenset({"ORG", "PERSON"}))
        self.add(who, "located_in", place, ev, confidence=0.85)

    def link_words(self, tok: Token) -> None:
        """Read 'insurgents linked to X', 'jihadis affiliated with X', 'forces loyal to X'."""
        pred = LINK_WORDS.get(tok.lemma_.lower())
        if pred is None or tok.pos_ not in {"VERB", "ADJ"}:
            return
        preps = [c for c in children(tok) if c.dep_ == "prep" and c.lower_ in {"to", "with"}]
        if not preps or negated(tok):
            return
        before = self.doc[tok.i - 2] if tok.i > 1 and self.doc[tok.i - 1].text == "," else None
        if tok.dep_ in {"acl", "amod"}:
            subj = self.args.actor(tok.head)
            if subj is None and tok.head.dep_ == "appos":  # "... of X, a group linked to Y"
                subj = self._before_comma(tok.head)
        elif tok.tag_ == "VBN" and before is not None and self.args.at(before) is not None:
            subj = self.args.actor(before)  # "insurgents, linked to X, seized ..."
        else:
            subj_tok, _ = self.args.subject(tok if tok.pos_ == "VERB" else tok.head)
            subj = self.args.actor(subj_tok) if subj_tok is not None else None
        if subj is None or subj.type not in SIDES:
            return
        for p in preps:
            for e in self._pobjs(p, ACTOR_TYPES):
                self.add(subj, pred, e, [tok, p], confidence=0.85)

    def _before_comma(self, noun: Token) -> Entity | None:
        """The side named just before an appositive's comma: the parse often hangs "X, a
        group linked to Y" on a noun further back."""
        left = noun.left_edge.i
        if left < 2 or self.doc[left - 1].text != ",":
            return None
        return self.args.at(self.doc[left - 2], SIDES)

    def link_nouns(self, tok: Token) -> None:
        """Read 'Y, an affiliate of X'; 'Y is an offshoot and a close ally of X'; 'Y functions as
        the military wing of X'; 'X and its offshoot, Y'; 'a key US partner in the fight'."""
        pred = LINK_NOUNS.get(tok.lemma_.lower()) or LINK_NOUNS.get(tok.lower_)
        if pred is None and tok.lower_ in ORG_NOUNS:  # "its splinter group, Y"
            pred = next((LINK_NOUNS[c.lemma_] for c in children(tok)
                         if c.dep_ == "compound" and c.lemma_ in LINK_NOUNS), None)  # fmt: skip
        inside = _within(tok) if tok.lower_ in ORG_NOUNS or tok.lemma_ in ORG_NOUNS else None
        if pred is None and inside is not None:
            pred = "part_of"  # "X, a militia within the Y": one of Y's
        if pred is None or tok.pos_ != "NOUN":
            return
        subj = self._link_subject(tok)
        obj = self._link_object(tok)
        if obj is None and inside is not None and pred == "part_of":
            obj = next(iter(self._pobjs(inside, SIDES)), None)  # "groups in the Y Alliance"
        owned = _its(tok) or any(c.dep_ == "poss" and self.args.at(c) for c in children(tok))
        if subj is None and owned:  # "X and its offshoot, Y", "X's ally, Y": the noun names Y
            subj = next((self._named_by(c) for c in children(tok) if c.dep_ == "appos"), None)
            if subj is not None and obj is None and _its(tok) and tok.dep_ == "conj":
                obj = self.args.actor(tok.head, SIDES)
            elif subj is not None and obj is None and _its(tok):  # "Its splinter group, Y"
                obj = self.args.last_org(tok, exclude=frozenset({subj.id}))
        if subj is None:
            return
        if pred == "part_of" and (subj.type != "ORG" or obj is None or obj.type != "ORG"):
            return
        ev = [tok, tok.head]
        mode = ("backed",) if pred == "supported_by" else ()
        self.add(subj, pred, obj, ev, mode=mode, confidence=0.9)
        if pred == "allied_with":  # "a partner in the fight against Z"
            for p in children(tok):
                if p.dep_ == "prep" and p.lower_ == "in":
                    for fight in children(p):
                        if fight.dep_ == "pobj" and fight.lemma_.lower() in FIGHT_NOUNS:
                            self.fight_noun(fight, subj, tok)

    def _link_subject(self, tok: Token) -> Entity | None:
        head = tok.head
        if tok.dep_ == "compound" and head.pos_ == "PROPN":
            return self.args.at(head, SIDES)  # "al Qaeda's Sahel affiliate JNIM": JNIM
        if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ == "one":
            tok, head = head.head, head.head.head  # "Y, one of the militias within X"
        if tok.dep_ == "conj" and head.dep_ == "attr":
            tok, head = head, head.head
        if tok.dep_ == "appos" and head.lower_ in PARTITIVES:
            head = next((o for p in children(head) if p.dep_ == "prep" and p.lower_ == "of"
                         for o in children(p) if o.dep_ == "pobj"), head)  # fmt: skip
        if tok.dep_ == "appos" and head.pos_ == "PROPN":
            return self._named_by(head)
        if (
            tok.dep_ == "appos"
            and tok.left_edge.i > 2
            and self.doc[tok.left_edge.i - 1].text == ","
        ):
            prev = self.doc[tok.left_edge.i - 2]  # "Y (YZ), X's affiliate": the parse hung it
            if prev.text != ")" or prev.i < 3:  # on a noun before Y
                return self.args.at(prev, SIDES)
            return self.args.at(self.doc[prev.i - 1], SIDES) or self.args.at(
                self.doc[prev.i - 3], SIDES
            )
        called = head.head if tok.dep_ == "pobj" and head.lower_ == "as" else head
        if tok.dep_ in {"pobj", "oprd"} and called.lemma_.lower() in CALL_VERBS:
            return self._called(called)  # "is seen as a proxy of Y", "described as an offshoot"
        if tok.dep_ == "attr" or (tok.dep_ == "pobj" and head.lower_ == "as"):
            verb = head if tok.dep_ == "attr" else head.head
            if tok.dep_ == "pobj" and verb.dep_ == "attr":
                verb = verb.head  # "X, which is a coalition ..., functions as the wing of Y"
            elif tok.dep_ == "pobj" and verb.lemma_ not in AS_VERBS:
                return None
            elif verb.pos_ == "NOUN":  # "X functions as": the verb taken for a plural noun
                return next((self.args.at(c, SIDES) for c in children(verb)
                             if c.dep_ == "compound"), None)  # fmt: skip
            subj, _ = self.args.subject(verb)
            return self.args.actor(subj, SIDES) if subj is not None else None
        return None

    def _called(self, verb: Token) -> Entity | None:
        """Whom a verb of calling names: "X is seen as", "X, described as", "regard X as"."""
        if negated(verb):
            return None  # "is not seen as a proxy of Y"
        if verb.dep_ == "acl":
            return self.args.actor(verb.head, SIDES)
        subj, passive = self.args.subject(verb)
        if not passive:
            subj = next((c for c in children(verb) if c.dep_ == "dobj"), None)
        return self.args.actor(subj, SIDES) if subj is not None else None

    def _link_object(self, tok: Token) -> Entity | None:
        nouns = [tok, *[c for c in children(tok) if c.dep_ == "conj"]]
        if tok.dep_ == "conj":
            nouns.append(tok.head)  # "an offshoot and a close ally of X": of X for both
        for t in nouns:
            for p in children(t):
                if p.dep_ == "prep" and p.lower_ in {"of", "to", "for", "within"}:
                    found = self._pobjs(p, SIDES | {"NORP"})
                    if found:
                        return self.state_of(found[0]) if found[0].type == "NORP" else found[0]
        owners = [*children(tok), *(children(tok.head) if tok.dep_ == "compound" else [])]
        owners.sort(key=lambda c: c.dep_ != "poss")  # "X's Sahel affiliate": X's, not Sahel's
        for c in owners:
            if c.dep_ in {"poss", "compound", "nmod", "amod"} and c.i < tok.i:
                e = self.args.at(c, SIDES | {"NORP"})
                if e is not None:
                    return self.state_of(e) if e.type == "NORP" else e
        return None

    def _named_by(self, tok: Token) -> Entity | None:
        """Return the entity a name stands for, its acronym first: 'the Y in Z (YZ)' -> YZ."""
        for c in children(tok):
            if c.dep_ == "appos" and c.i > 0 and self.doc[c.i - 1].text == "(":
                e = self.args.at(c, SIDES)
                if e is not None:
                    return e
        return self.args.at(tok, SIDES)

    def branches(self) -> None:
        """Read the affiliates whose name is their parent's and a branch word: "X West
        Africa Province", "X in the Maghreb" -> part_of X; "X dissidents" -> ties_to X
        (each is its own actor)."""
        orgs = [e for e in self.entities.entities if e.type in SIDES and e.mentions]
        for parent in orgs:
            stem = parent.name + " "
            for e in orgs:
                rest = e.name[len(stem) :].split() if e.name.startswith(stem) else []
                if e.id == parent.id or not rest:
                    continue
                splinter = rest in (["dissidents"], ["splinters"])  # left it: linked, not part
                if splinter or rest[0] == "in" or rest[-1].lower() in BRANCHES:
                    m = e.mentions[0]
                    span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                    if span is not None:
                        pred = "ties_to" if splinter else "part_of"
                        self.add(e, pred, parent, [span.root], confidence=0.8)

    def personal_forces(self) -> None:
        """Read "Haftar's Libyan National Army", "X's militia": a person's own armed group is
        the one they lead (a state's forces are not: "Putin's army" is commanded in office)."""
        for e in self.entities.entities:
            named = e.kind == "state_force" and " Forces of " not in e.name  # not a state's own
            if e.type != "ORG" or (e.kind != "armed_group" and not named):
                continue
            for root, owner in self._owners(e, of=False):
                person = self.args.at(owner, frozenset({"PERSON"}))
                if person is not None:
                    self.add(person, "leader_of", e, [root, owner], confidence=0.8)
                    break

    def _owners(self, e: Entity, *, of: bool) -> list[tuple[Token, Token]]:
        """(mention root, owner token) per mention of ``e``: "X's e", and with ``of`` "the
        e of X" when no possessor is written."""
        out = []
        for m in e.mentions:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            owners = [c for c in children(span.root) if c.dep_ == "poss"]
            owners += [  # "the Hamas military wing": the owner named before the part's words
                c for c in children(span.root)
                if c.dep_ in {"compound", "nmod"} and c.idx < m.start and c.pos_ == "PROPN"
            ]  # fmt: skip
            if of and not owners:  # "the 3rd Division of the X army"
                ofs = [p for p in children(span.root) if p.dep_ == "prep" and p.lower_ == "of"]
                owners = [o for p in ofs for o in children(p) if o.dep_ == "pobj"]
            if owners:
                out.append((span.root, owners[0]))
        return out

    def owned_units(self) -> None:
        """Read "the army's 62nd Infantry Battalion", "Hamas's Tiger Brigade": a unit owned
        by a force is part of it."""
        for e in self.entities.entities:
            words = e.name.lower().split()
            part = named_part(e)  # "the group's political wing": a part, armed or not
            if e.type != "ORG" or (e.kind not in ARMED and not part) or not words:
                continue
            if words[-1] not in UNITS and not part:
                continue
            for root, owner_tok in self._owners(e, of=True):
                owner = self.args.at(owner_tok, frozenset({"ORG"}))
                if owner is not None and owner.id != e.id and owner.kind in ARMED:
                    self.add(e, "part_of", owner, [root, owner_tok], confidence=0.8)
                    break

    def named_links(self, tok: Token) -> None:
        """Read 'Hamas ally Hezbollah', 'Iran proxy Y': a link noun between two names."""
        if tok.i == 0 or tok.i + 1 >= len(self.doc):
            return
        pred = LINK_NOUNS.get(tok.lower_)
        if pred not in {"allied_with", "supported_by"}:
            return
        a = self.args.at(self.doc[tok.i - 1], SIDES)
        b = self.args.at(self.doc[tok.i + 1], SIDES)
        if a is not None and b is not None and a.id != b.id and self.args.at(tok) is None:
            mode = ("backed",) if pred == "supported_by" else ()
            self.add(b, pred, a, [tok], mode=mode, confidence=0.85)


def _within(tok: Token) -> Token | None:
    """ "a militia within the Y", "one of three groups in the Y Alliance": the preposition."""
    for c in children(tok):
        umbrella = c.lower_ == "in" and any(
            o.dep_ == "pobj" and o.lower_ in UMBRELLAS for o in children(c)
        )
        if c.dep_ == "prep" and (c.lower_ == "within" or umbrella):
            return c
    return None


def _its(tok: Token) -> bool:
    return any(c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in children(tok))
