"""Relations read from verbs and their passives: "Y, led by X", "trained and equipped by
X", "fighting alongside Y", "pledge allegiance to Y", "has ties to Y", "resides in Z",
"commanding forces in Z", "X supports the army"; and organisations "in Z"."""

from __future__ import annotations

from actorgraph.model import Entity
from actorgraph.pipeline.nlp import children, negated, unreal, verb_lemma
from actorgraph.pipeline.relations._args import ORG_NOUNS, Token
from actorgraph.pipeline.relations._backing import BackingRules
from actorgraph.pipeline.relations._base import ORG_OR_STATE, ORGS
from actorgraph.pipeline.relations._lexicon import (
    ACTOR_TYPES,
    ARMED_KINDS,
    PLACE_TYPES,
    ROLE_VERBS,
    SUPPORT_MODES,
    TIE_NOUNS,
    VERB_PREDICATES,
)
from actorgraph.pipeline.relations._links import LinkRules
from actorgraph.pipeline.relations._members import MemberRules
from actorgraph.pipeline.relations._places import WHERE_VERBS, PlaceRules
from actorgraph.pipeline.relations._roles import RoleRules
from actorgraph.pipeline.relations._words import (
    ACTION_VERBS,
    BLAME_VERBS,
    CONTROL_NOUNS,
    CONTROL_VERBS,
    DEPLOY_VERBS,
    FIGHT_CARRIERS,
    FIGHT_NOUNS,
    FIGHT_VERBS,
    REMOVE_VERBS,
    STRIKE_VERBS,
    TOPPLE_VERBS,
)

# Verbs read by a rule of their own: "pledge allegiance", "have ties to", "works for",
# "X claimed the attack", "exchanged fire", "joined forces with", "repelled an attack".
SIDE_VERBS = frozenset(
    {"base", "pledge", "swear", "have", "maintain", "work", "exchange", "repel", "repulse",
     "thwart", "foil", "fend", "resist", "claim", "join", "be", "trade", "pit"}
) | BLAME_VERBS  # fmt: skip
# The verbs some rule reads (the first word of a phrasal one): the others are skipped.
TRIGGERS = frozenset(
    w.split()[0]
    for words in (SUPPORT_MODES, VERB_PREDICATES, ROLE_VERBS, FIGHT_VERBS, FIGHT_CARRIERS,
                  STRIKE_VERBS, TOPPLE_VERBS, CONTROL_VERBS, DEPLOY_VERBS, REMOVE_VERBS,
                  WHERE_VERBS, ACTION_VERBS, FIGHT_NOUNS, SIDE_VERBS, {"fall"})
    for w in words
)  # fmt: skip
# "served as", "took over as", "was installed as leader of Y": the role the "as" names
AS_ROLE_VERBS = frozenset(
    {"serve", "take", "step", "act", "install", "appoint", "name", "elect", "choose",
     "select", "confirm", "succeed", "emerge", "return"}
)  # fmt: skip
LEMMA_FIXES = {"wag": "wage"}  # the lemmatizer reads "waged" as "wag"
ARMED_NOUNS = frozenset({"force", "militia", "army", "brigade", "battalion", "fighter", "group"})


class VerbRules(RoleRules, LinkRules, PlaceRules, MemberRules, BackingRules):
    """Every rule of the reader; the verbs' own here."""

    def verbs(self, tok: Token) -> None:
        lemma = verb_lemma(tok)
        lemma = LEMMA_FIXES.get(lemma, lemma)
        if tok.pos_ not in {"VERB", "AUX", "ADJ"} and lemma not in FIGHT_NOUNS:
            return
        if lemma not in TRIGGERS and not _controls(tok):
            return  # most verbs say nothing a rule reads: skip the argument lookups
        subj_tok, passive = self.args.subject(tok)
        subj = self.args.actor(subj_tok) if subj_tok is not None else None
        if subj is None and subj_tok is None and tok.pos_ == "VERB" and tok.dep_ != "pcomp":
            subj = self.args.nearest_before(tok, frozenset({"PERSON", "ORG"}))
        agent = self._agent(tok)
        objs = [c for c in children(tok) if c.dep_ in {"dobj", "attr"}]
        preps = {c.lower_: c for c in children(tok) if c.dep_ in {"prep", "agent"}}
        if tok.dep_ == "acomp":  # "X are active in Z": the verb's phrases are the adjective's
            preps = {c.lower_: c for c in children(tok.head) if c.dep_ == "prep"} | preps
        if negated(tok) or unreal(tok):
            return  # "does not command", "could seize": the writer says it is not so
        if lemma in SUPPORT_MODES:
            armed = subj is not None and (subj.kind in ARMED_KINDS or _armed_noun(subj_tok))
            self._support(tok, lemma, subj, agent, objs, passive, armed=armed)
        prt = next((c.lower_ for c in children(tok) if c.dep_ == "prt"), None)
        pred = VERB_PREDICATES.get(f"{lemma} {prt}") or VERB_PREDICATES.get(lemma)
        if subj is not None and subj.type == "PERSON":
            self._person_verbs(tok, lemma, subj, preps)
        if lemma == "base" and tok.dep_ == "amod":  # "the Cairo-based group"
            org = self.args.of_phrase(tok.head, ORGS)
            for c in children(tok):
                if c.dep_ in {"npadvmod", "compound", "nmod"}:
                    self.add(org, "located_in", self.args.at(c, PLACE_TYPES), [tok, c])
        if pred is not None:
            self._verb_predicate(tok, pred, subj, agent, objs, preps, passive)
        if lemma == "pledge" or lemma == "swear":
            for o in objs:
                if o.lemma_ in {"allegiance", "loyalty", "fealty", "bay'ah", "oath"}:
                    for p in [c for c in (*children(tok), *children(o)) if c.lower_ == "to"]:
                        for e in self._pobjs(p, ACTOR_TYPES):
                            self.add(subj, "allegiance_to", e, [tok, o, p])
        if lemma == "have" or lemma == "maintain":
            for o in objs:
                if o.lower_ in TIE_NOUNS and not any(d.lower_ == "no" for d in children(o)):
                    for p in children(o):
                        if p.dep_ == "prep" and p.lower_ in {"to", "with"}:
                            for e in self._pobjs(p, ACTOR_TYPES):
                                self.add(subj, "ties_to", e, [tok, o, p], confidence=0.8)
        if tok.pos_ in {"VERB", "AUX"}:
            self.fight_verbs(tok, lemma, subj, passive)
            self.place_verbs(tok, lemma, subj_tok, passive)

    def _verb_predicate(self, tok: Token, pred: str, subj: Entity | None,
                        agent: Entity | None, objs: list[Token], preps: dict[str, Token],
                        passive: bool) -> None:  # fmt: skip
        if passive and agent is not None and pred in {"leader_of", "founder_of", "commands"}:
            if pred != "commands" or (subj is not None and subj.type == "ORG"):
                self.add(agent, pred, subj, [tok])  # "the army is commanded by X"
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
                for prep in children(o):
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

    def _support(self, tok: Token, lemma: str, subj: Entity | None, agent: Entity | None,
                 objs: list[Token], passive: bool, *, armed: bool) -> None:  # fmt: skip
        """'trained and equipped by X', 'X funds Y'; 'X supports the army' (both armed: allies)."""
        if passive and agent is not None:
            modes = tuple(dict.fromkeys([SUPPORT_MODES[lemma], *self._conj_modes(tok)]))
            self.add(subj, "supported_by", agent, [tok], mode=modes, confidence=0.85)
        elif not passive and subj is not None and lemma not in {"help", "assist", "advise"}:
            given = [p for c in children(tok) if c.dep_ == "prep" and c.lower_ == "to"
                     for p in children(c) if p.dep_ == "pobj"]  # fmt: skip
            recipients = given if lemma == "supply" and given else objs  # "supplied arms to Y"
            for o in recipients:
                for e in self.args.actors(o):
                    if armed and e.kind in ARMED_KINDS and SUPPORT_MODES[lemma] == "backed":
                        self.add(subj, "allied_with", e, [tok, o], confidence=0.7)
                    else:
                        self.add(e, "supported_by", subj, [tok, o], mode=(SUPPORT_MODES[lemma],))

    def _person_verbs(self, tok: Token, lemma: str, subj: Entity, preps: dict[str, Token]) -> None:
        """Read 'X, who works for Y'; 'X was named publisher of Y'; 'X serves as director of Y'."""
        if lemma == "work":
            for p in ("for", "at", "with"):
                for e in self._pobjs(preps[p], ORGS) if p in preps else []:
                    self.add(subj, "works_for", e, [tok, preps[p]], confidence=0.75)
        if lemma in ROLE_VERBS or (lemma in AS_ROLE_VERBS and "as" in preps):
            nouns = [c for c in children(tok) if c.dep_ in {"attr", "oprd"} and c.pos_ == "NOUN"]
            if lemma in AS_ROLE_VERBS and "as" in preps:
                nouns = [c for c in children(preps["as"]) if c.dep_ == "pobj" and c.pos_ == "NOUN"]
            for noun in nouns:
                self.role_relations(subj, noun, [tok])

    def _agent(self, verb: Token) -> Entity | None:
        for c in children(verb):
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
                for e in self._pobjs(c, ACTOR_TYPES):
                    return e
        if verb.dep_ == "conj":  # "trained and equipped by X": the agent of the last conjunct
            return None
        for c in children(verb):
            if c.dep_ == "conj":
                found = self._agent(c)
                if found is not None:
                    return found
        return None

    def _conj_modes(self, verb: Token) -> list[str]:
        return [SUPPORT_MODES[c.lemma_] for c in children(verb)
                if c.dep_ == "conj" and c.lemma_ in SUPPORT_MODES]  # fmt: skip

    def org_places(self, tok: Token) -> None:
        """Read 'the militia in Z' (an armed group operates there); 'the ministry in Z' (is
        there)."""
        org = self.args.at(tok, ORGS) or self.args.org_noun(tok)
        if org is None or (tok.i + 1 < len(self.doc) and self.args.at(tok.nbor(), ORGS) == org):
            return
        armed = org.kind in ARMED_KINDS or tok.lower_ in ORG_NOUNS - {
            "organisation",
            "organization",
        }
        pred = "operates_in" if armed else "located_in"
        for c in children(tok):  # "Nigeria's Boko Haram": a group of that country
            country = self.args.at(c, PLACE_TYPES) if c.dep_ == "poss" else None
            if country is not None and org.kind == "armed_group" and country.type == "GPE":
                self.add(org, "operates_in", country, [tok, c], confidence=0.8)
        for c in children(tok):
            if c.dep_ == "prep" and c.lower_ in {"in", "at"} and tok.pos_ in {"PROPN", "NOUN"}:
                if _names_more(c) or _at_talks(tok):
                    continue  # "the Islamic State in West Africa (ISWAP)": a longer name
                for place in self._pobjs(c, PLACE_TYPES):
                    self.add(org, pred, place, [tok, c], confidence=0.75)
            elif c.dep_ == "appos" and c.pos_ == "NOUN":
                for p in children(c):
                    if p.dep_ == "prep" and p.lower_ in {"in", "at"}:
                        for place in self._pobjs(p, PLACE_TYPES):
                            self.add(org, pred, place, [tok, c, p], confidence=0.7)


TALK_WORDS = frozenset(
    {"meet", "host", "receive", "visit", "negotiate", "talk", "negotiation", "meeting",
     "summit", "conference", "delegation", "envoy", "mediator", "representative"}
)  # fmt: skip


def _at_talks(tok: Token) -> bool:
    """Tell whether a group stands in a meeting ("met leaders of X in Geneva", "talks
    between Y and X in Doha"): the place is where they met, not where the group fights."""
    for _ in range(4):
        if tok.dep_ not in {"pobj", "prep", "conj", "dobj", "nsubj", "nsubjpass"}:
            return False
        tok = tok.head
        if verb_lemma(tok) in TALK_WORDS:
            return True
    return False


def _controls(tok: Token) -> bool:
    """Read 'took control of Z', or the purpose of a deployment ('deployed troops to fight Y')."""
    if tok.dep_ in {"advcl", "xcomp"} and tok.head.lemma_ in DEPLOY_VERBS:
        return True
    return any(c.dep_ == "dobj" and c.lemma_ in CONTROL_NOUNS for c in children(tok))


def _armed_noun(tok: Token | None) -> bool:
    """Tell whether the words for a subject make it a fighting force ("a force that supports")."""
    if tok is not None and tok.lower_ in {"that", "which", "who"} and tok.head.dep_ == "relcl":
        tok = tok.head.head
    return tok is not None and tok.lemma_ in ARMED_NOUNS


def _names_more(prep: Token) -> bool:
    """Read 'the Islamic State in West Africa (ISWAP)': the place ends a name an acronym follows."""
    end = prep.right_edge.i + 1
    doc = prep.doc
    return end + 1 < len(doc) and doc[end].text == "(" and bool(doc[end + 1].text.isupper())
