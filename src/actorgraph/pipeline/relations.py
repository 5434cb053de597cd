"""Relations between actors, read from the dependency parse with general lexicons.

Patterns: appositions and copulas with a role noun ("X, the leader of Y", "X is a member
of Y"), possessives ("Y's founder X"), titles before a name ("group spokesman X", "Iraqi
Prime Minister X", "then-Prime Minister X"), verbs and their passives ("Y, led by X",
"trained and equipped by X", "fighting alongside Y", "battle with Y", "pledge allegiance
to Y", "has ties to Y", "resides in Z", "commanding forces in Z"). Each relation carries
its claim status (see ``claims.py``), a validity interval where the text gives one, and
the sentence it was read from as evidence.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from actorgraph.model import DateRef, Entity, Evidence, Interval, Quote, Relation
from actorgraph.pipeline._rel_args import Args, Token
from actorgraph.pipeline._rel_lexicon import (
    ACTOR_TYPES,
    FIGHT_CARRIERS,
    FIGHT_NOUNS,
    FIGHT_VERBS,
    PAST_MARKERS,
    PLACE_TYPES,
    ROLE_PREDICATES,
    ROLE_VERBS,
    STATE_SERVICE,
    STATE_TITLES,
    SUPPORT_MODES,
    TIE_NOUNS,
    VERB_PREDICATES,
)
from actorgraph.pipeline.claims import claim_for
from actorgraph.pipeline.entities import EntityResult
from actorgraph.pipeline.nlp import ParsedDoc

STAGE = "relations.v1"
ORGS = frozenset({"ORG"})
ORG_OR_STATE = frozenset({"ORG", "GPE", "NORP"})
SYMMETRIC = frozenset({"allied_with", "fights_against", "ties_to"})
LEAD_VERBS = frozenset({"lead", "command", "direct", "spearhead", "head"})


@dataclass(frozen=True)
class RelationResult:
    relations: tuple[Relation, ...]


@dataclass
class _Found:
    subject: Entity
    predicate: str
    object: Entity
    tokens: list[Token]
    role: str | None = None
    mode: tuple[str, ...] = ()
    past: bool = False
    confidence: float = 0.85
    leads: bool = False  # the subject leads the fight ("is leading the fighting against Z")


class _Reader:
    def __init__(self, parsed: ParsedDoc, entities: EntityResult, dates: tuple[DateRef, ...]):
        self.parsed = parsed
        self.doc = parsed.doc
        self.args = Args(parsed.doc, entities)
        self.entities = entities
        self.dates = dates
        self.found: list[_Found] = []
        self._country: Entity | bool | None = False

    def add(self, subj: Entity | None, pred: str, obj: Entity | None, tokens: list[Token],
            **kw: Any) -> None:  # fmt: skip
        if subj is None or obj is None or subj.id == obj.id:
            return
        if pred in {"located_in", "operates_in", "commands"} and obj.type not in PLACE_TYPES:
            if pred != "commands" or obj.type != "ORG":
                return
        elif pred not in {"located_in", "operates_in", "commands"} and obj.type in {"LOC", "FAC"}:
            return
        self.found.append(_Found(subj, pred, obj, tokens, **kw))

    def country(self) -> Entity | None:
        """The state the document is mostly about (for titles that name none)."""
        if self._country is False:
            states = [e for e in self.entities.entities if e.type == "GPE"]
            counts = Counter({e.id: len(e.mentions) for e in states})
            best = counts.most_common(1)
            top = next((e for e in states if best and e.id == best[0][0]), None)
            self._country = top if top is not None and len(top.mentions) >= 3 else None
        return self._country if isinstance(self._country, Entity) else None

    # -- role nouns -----------------------------------------------------------------------

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
        first = min((m.start for m in person.mentions if m.start <= tok.idx < m.end), default=None)
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

    # -- verbs --------------------------------------------------------------------------

    def verbs(self, tok: Token) -> None:
        lemma = tok.lemma_.lower()
        if tok.pos_ not in {"VERB", "AUX", "ADJ"} and lemma not in FIGHT_NOUNS:
            return
        subj_tok, passive = self.args.subject(tok)
        subj = self.args.actor(subj_tok) if subj_tok is not None else None
        if subj is None and subj_tok is None and tok.pos_ == "VERB":
            subj = self.args.nearest_before(tok, frozenset({"PERSON", "ORG"}))
        agent = self._agent(tok)
        objs = [c for c in tok.children if c.dep_ in {"dobj", "attr"}]
        preps = {c.lower_: c for c in tok.children if c.dep_ in {"prep", "agent"}}
        if any(c.dep_ == "neg" for c in tok.children):
            return  # "does not command": the writer says it is not so
        if lemma in SUPPORT_MODES:
            if passive and agent is not None:
                modes = [SUPPORT_MODES[lemma], *self._conj_modes(tok)]
                self.add(subj, "supported_by", agent, [tok], mode=tuple(dict.fromkeys(modes)))
            elif not passive and subj is not None and lemma not in {"help", "assist"}:
                for o in objs:
                    self.add(self.args.actor(o), "supported_by", subj, [tok, o],
                             mode=(SUPPORT_MODES[lemma],))  # fmt: skip
        prt = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
        pred = VERB_PREDICATES.get(f"{lemma} {prt}") or VERB_PREDICATES.get(lemma)
        if subj is not None and subj.type == "PERSON":
            self._person_verbs(tok, lemma, subj, preps)
        if lemma == "base" and tok.dep_ == "amod":  # "the Cairo-based group"
            org = self.args.of_phrase(tok.head, ORGS)
            for c in tok.children:
                if c.dep_ in {"npadvmod", "compound", "nmod"}:
                    self.add(org, "located_in", self.args.at(c, PLACE_TYPES), [tok, c])
        if pred is not None:
            if passive and agent is not None and pred in {"leader_of", "founder_of"}:
                self.add(agent, pred, subj, [tok])
            elif pred in {"located_in", "operates_in"}:
                for p in ("in", "at", "near", "from", "out"):
                    if p in preps:
                        for place in self._pobjs(preps[p], PLACE_TYPES):
                            self.add(subj, pred, place, [tok, preps[p]], confidence=0.75)
            elif pred == "commands":
                for o in objs:
                    target = self.args.of_phrase(o, frozenset({"ORG"}))
                    if target is not None:
                        self.add(subj, pred, target, [tok, o])
                    for prep in o.children:
                        if prep.dep_ == "prep" and prep.lower_ in {"in", "across", "around"}:
                            for place in self._pobjs(prep, PLACE_TYPES):
                                self.add(subj, pred, place, [tok, o, prep], confidence=0.7)
            elif pred == "allied_with":
                for p in ("with", "to"):
                    if p in preps:
                        for e in self._pobjs(preps[p], ACTOR_TYPES):
                            self.add(subj, pred, e, [tok, preps[p]])
            elif not passive:
                for o in objs:
                    obj = self.args.of_phrase(o, ORGS if pred != "leader_of" else ORG_OR_STATE)
                    self.add(subj, pred, obj, [tok, o])
        if lemma == "pledge" or lemma == "swear":
            for o in objs:
                if o.lemma_ in {"allegiance", "loyalty", "fealty", "bay'ah", "oath"}:
                    for p in [c for c in (*tok.children, *o.children) if c.lower_ == "to"]:
                        for e in self._pobjs(p, ACTOR_TYPES):
                            self.add(subj, "allegiance_to", e, [tok, o, p])
        if lemma == "have" or lemma == "maintain":
            for o in objs:
                if o.lower_ in TIE_NOUNS:
                    for p in o.children:
                        if p.dep_ == "prep" and p.lower_ in {"to", "with"}:
                            for e in self._pobjs(p, ACTOR_TYPES):
                                self.add(subj, "ties_to", e, [tok, o, p], confidence=0.8)
        if lemma in FIGHT_VERBS or lemma in FIGHT_CARRIERS:
            self._fights(tok, subj, lemma in FIGHT_VERBS)

    def _person_verbs(self, tok: Token, lemma: str, subj: Entity, preps: dict[str, Token]) -> None:
        """'X, who works for Y'; 'X was named publisher of Y'; 'X serves as director of Y'."""
        if lemma == "work":
            for p in ("for", "at", "with"):
                for e in self._pobjs(preps[p], ORGS) if p in preps else []:
                    self.add(subj, "works_for", e, [tok, preps[p]], confidence=0.75)
        if lemma in ROLE_VERBS:
            nouns = [c for c in tok.children if c.dep_ in {"attr", "oprd"} and c.pos_ == "NOUN"]
            if lemma == "serve" and "as" in preps:
                nouns = [c for c in preps["as"].children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
            for noun in nouns:
                self.role_relations(subj, noun, [tok])

    def _fights(self, verb: Token, subj: Entity | None, is_fight: bool) -> None:
        if subj is None:
            return
        for c in verb.children:
            low = c.lower_
            if c.dep_ == "prep" and low in {"alongside", "beside"} and is_fight:
                for e in self._pobjs(c, ACTOR_TYPES):
                    self.add(subj, "allied_with", e, [verb, c])
            elif c.dep_ == "prep" and (low == "against" or (is_fight and low == "with")):
                if low == "with" and any(x.lower_ == "against" for x in verb.children):
                    for e in self._pobjs(c, ACTOR_TYPES):
                        self.add(subj, "allied_with", e, [verb, c])
                    continue
                for e in self._pobjs(c, ACTOR_TYPES):
                    self.add(subj, "fights_against", e, [verb, c])
            elif low.endswith("against") and len(low) > 7:  # a word glued to "against"
                for o in c.children:
                    if o.dep_ in {"dobj", "pobj"}:
                        self.add(subj, "fights_against", self.args.actor(o), [verb, c, o])
            elif c.dep_ in {"dobj", "prep", "pobj"}:
                nouns = [c] if c.dep_ == "dobj" else [x for x in c.children if x.dep_ == "pobj"]
                for noun in nouns:
                    if noun.lemma_.lower() in FIGHT_NOUNS or noun.lower_ in FIGHT_NOUNS:
                        self._fight_noun(noun, subj, verb, leads=verb.lemma_ in LEAD_VERBS)
            elif c.dep_ in {"conj", "xcomp"} and c.pos_ == "VERB":
                continue

    def _fight_noun(self, noun: Token, subj: Entity, verb: Token, *, leads: bool) -> None:
        for p in noun.children:
            if p.dep_ != "prep":
                continue
            low = p.lower_
            if low == "against" or (low == "with" and not _has(noun, "against")):
                for e in self._pobjs(p, ACTOR_TYPES):
                    self.add(subj, "fights_against", e, [verb, noun, p], confidence=0.75,
                             leads=leads)  # fmt: skip
            elif low in {"with", "alongside"}:
                for e in self._pobjs(p, ACTOR_TYPES):
                    self.add(subj, "allied_with", e, [verb, noun, p], confidence=0.75)

    def _agent(self, verb: Token) -> Entity | None:
        for c in verb.children:
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
                for e in self._pobjs(c, ACTOR_TYPES):
                    return e
        if verb.dep_ == "conj":  # "trained and equipped by X": the agent of the last conjunct
            return None
        for c in verb.children:
            if c.dep_ == "conj":
                found = self._agent(c)
                if found is not None:
                    return found
        return None

    def _conj_modes(self, verb: Token) -> list[str]:
        return [SUPPORT_MODES[c.lemma_] for c in verb.children
                if c.dep_ == "conj" and c.lemma_ in SUPPORT_MODES]  # fmt: skip

    def _pobjs(self, prep: Token, types: frozenset[str]) -> list[Entity]:
        out = []
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            for t in (pobj, *[c for c in pobj.children if c.dep_ == "conj"]):
                e = self.args.actor(t, types)
                if e is not None:
                    out.append(e)
        return out

    # -- adjectival support: "Iranian-backed militias" -----------------------------------

    def hyphen_support(self, tok: Token) -> None:
        low = tok.lower_
        if not low.endswith(("-backed", "-funded", "-trained", "-armed", "-sponsored")):
            return
        verb = low.rsplit("-", 1)[1]
        noun = tok.head
        subj = self.args.of_phrase(noun, ORGS)
        backer_text = tok.text.rsplit("-", 1)[0]
        backer = self.entities.at(tok.idx, tok.idx + len(backer_text))
        if backer is not None and backer.type in ACTOR_TYPES:
            mode = {"backed": "backed", "funded": "funded", "trained": "trained",
                    "armed": "armed", "sponsored": "backed"}[verb]  # fmt: skip
            self.add(subj, "supported_by", backer, [tok, noun], mode=(mode,))


def _groups_of_leaders(found: list[_Found]) -> list[_Found]:
    """A leader or founder leading the fight against Z: his organisation fights Z too."""
    heads: dict[str, list[Entity]] = {}
    for f in found:
        if f.predicate in {"leader_of", "founder_of"} and f.object.type == "ORG":
            heads.setdefault(f.subject.id, []).append(f.object)
    out = []
    for f in found:
        if f.leads and f.predicate == "fights_against":
            for org in heads.get(f.subject.id, []):
                if org.id != f.object.id:
                    out.append(replace(f, subject=org, confidence=0.6, leads=False))
    return out


def _has(tok: Token, word: str) -> bool:
    return any(c.lower_ == word for c in tok.children)


def _title_of(noun: Token) -> str:
    """'the Iraq researcher' -> 'Iraq researcher'; 'the leader' -> 'leader'."""
    mods = [c for c in noun.children if c.dep_ in {"compound", "amod"} and c.i < noun.i]
    start = min((c.i for c in mods), default=noun.i)
    words = [t.text for t in noun.doc[start : noun.i + 1] if t.pos_ != "DET"]
    return " ".join(words).strip()


def _sentence_date(sent: Any, dates: tuple[DateRef, ...]) -> str | None:
    for d in dates:
        if sent.start_char <= d.start < sent.end_char and d.value:
            return d.value
    return None


def extract_relations(
    parsed: ParsedDoc,
    entities: EntityResult,
    *,
    dates: tuple[DateRef, ...] = (),
    quotes: tuple[Quote, ...] = (),
) -> RelationResult:
    """Return the relations read from one document, merged by (subject, predicate, object)."""
    reader = _Reader(parsed, entities, dates)
    for tok in parsed.doc:
        if tok.ent_type_ == "PERSON" or reader.args.at(tok, frozenset({"PERSON"})) is not None:
            reader.appositions(tok)
            reader.titles(tok)
        reader.verbs(tok)
        reader.org_places(tok)
        if "-" in tok.text:
            reader.hyphen_support(tok)
    reader.found.extend(_groups_of_leaders(reader.found))
    merged: dict[tuple[str, str, str], Relation] = {}
    doc_id = parsed.document.id
    for f in reader.found:
        sent = f.tokens[0].sent
        claim = claim_for(f.tokens, sent, quotes, entities)
        ev = Evidence(doc_id, sent.start_char, sent.end_char, STAGE, f.confidence)
        valid = Interval()
        if f.past:
            valid = Interval(None, _sentence_date(sent, dates) or parsed.document.published)
        s, o = f.subject.id, f.object.id
        key = (
            (min(s, o), f.predicate, max(s, o)) if f.predicate in SYMMETRIC else (s, f.predicate, o)
        )
        rel = Relation(
            subject=s,
            predicate=f.predicate,
            object=o,
            evidence=(ev,),
            role=f.role,
            mode=f.mode,
            valid=valid,
            modality=claim.modality,
            attributed_to=claim.attributed_to,
            confidence=round(min(f.confidence, claim.confidence + 0.1), 3),
        )
        if key in merged:
            old = merged[key]
            evidence = tuple(dict.fromkeys((*old.evidence, ev)))
            merged[key] = replace(
                old,
                evidence=evidence,
                mode=tuple(dict.fromkeys((*old.mode, *f.mode))),
                role=old.role or f.role,
                confidence=max(old.confidence, rel.confidence),
            )
        else:
            merged[key] = rel
    return RelationResult(tuple(merged.values()))
