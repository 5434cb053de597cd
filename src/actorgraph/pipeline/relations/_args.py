"""Resolve the arguments of a relation: from a token of the parse to an entity of the document."""

from __future__ import annotations

from typing import Any

from actorgraph.model import Entity
from actorgraph.pipeline.entities import EntityResult
from actorgraph.pipeline.relations._lexicon import ACTOR_TYPES, GROUP_NOUNS

Token = Any  # spacy.tokens.Token
PRONOUNS = frozenset({"he", "him", "she", "her"})
RELATIVE = frozenset({"who", "which", "that", "whom"})


class Args:
    """Entity lookups over one parsed document."""

    def __init__(self, doc: Any, entities: EntityResult) -> None:
        self.doc = doc
        self.entities = entities
        self._at: dict[int, Entity | None] = {}  # token index -> entity: asked many times

    def at(self, tok: Token, types: frozenset[str] = ACTOR_TYPES) -> Entity | None:
        """The entity whose mention covers this token."""
        i = tok.i
        if i in self._at:
            e = self._at[i]
        else:
            e = self._at[i] = self.entities.at(tok.idx, tok.idx + len(tok.text))
        return e if e is not None and e.type in types else None

    def of_phrase(self, tok: Token, types: frozenset[str] = ACTOR_TYPES) -> Entity | None:
        """The entity a noun phrase headed by ``tok`` names (its head, then its compounds)."""
        e = self.at(tok, types)
        if e is not None:
            return e
        for child in tok.children:
            if child.dep_ in {"compound", "nmod", "poss"} and child.i < tok.i:
                e = self.at(child, types)
                if e is not None and child.dep_ != "poss":
                    return e
        for child in tok.children:  # "his excellency X": the name in apposition
            if child.dep_ == "appos" and tok.pos_ == "NOUN":
                e = self.at(child, types)
                if e is not None:
                    return e
        return None

    def owner(self, tok: Token) -> Entity | None:
        """The organisation a possessive names: "the USDA's research service" -> USDA."""
        for child in tok.children:
            if child.dep_ == "poss":
                e = self.at(child, frozenset({"ORG"}))
                if e is not None:
                    return e
        return None

    def actor(self, tok: Token, types: frozenset[str] = ACTOR_TYPES) -> Entity | None:
        """The actor a subject/object token stands for: a name, a group of its members,
        a relative pronoun's antecedent or a personal pronoun's last-named person."""
        low = tok.lower_
        if low in RELATIVE and tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.dep_ == "relcl":
            return self.actor(tok.head.head, types)
        if low in PRONOUNS:
            return self.last_person(tok)
        e = self.of_phrase(tok, types)
        if e is not None:
            return e
        if low in GROUP_NOUNS or tok.lemma_ in GROUP_NOUNS:
            return self.group_of(tok)
        return None

    def group_of(self, tok: Token) -> Entity | None:
        """'volunteers with X', 'X fighters', 'a group of volunteers with X', 'these warriors'."""
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in {"with", "of", "from", "in"}:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        e = self.of_phrase(pobj, frozenset({"ORG"}))
                        if e is not None:
                            return e
                        if pobj.lower_ in GROUP_NOUNS:
                            inner = self.group_of(pobj)
                            if inner is not None:
                                return inner
        for child in tok.children:
            if child.dep_ == "compound":
                e = self.at(child, frozenset({"ORG"}))
                if e is not None:
                    return e
        dets = {c.lower_ for c in tok.children if c.dep_ == "det"}
        if dets & {"these", "those", "the"}:
            return self.last_group(tok)
        return None

    def last_group(self, tok: Token) -> Entity | None:
        """The organisation of the last group phrase before ``tok`` (within ~3 sentences)."""
        sents = 0
        for prev in reversed(self.doc[max(0, tok.i - 150) : tok.i]):
            if prev.is_sent_start:
                sents += 1
                if sents > 3:
                    break
            if prev.lower_ in GROUP_NOUNS and prev.i != tok.i:
                for child in prev.children:
                    if child.dep_ in {"prep", "compound"}:
                        e = self.group_of(prev)
                        if e is not None:
                            return e
        return None

    def last_person(self, tok: Token) -> Entity | None:
        """The person named last before ``tok``, in its sentence or the one before."""
        sent_start = tok.sent.start
        prev_start = self.doc[sent_start - 1].sent.start if sent_start > 0 else sent_start
        for prev in reversed(self.doc[prev_start : tok.i]):
            e = self.at(prev, frozenset({"PERSON"}))
            if e is not None:
                return e
        return None

    def subject(self, verb: Token) -> tuple[Token | None, bool]:
        """The subject token of a verb (following conjunctions and xcomps) and whether the
        verb is passive."""
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
        for c in verb.children:
            if c.dep_ in {"nsubj", "nsubjpass"}:
                return c, passive
        if verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head.i != verb.i:
            subj, _ = self.subject(verb.head)
            if subj is not None and verb.dep_ == "xcomp":
                objs = [c for c in verb.head.children if c.dep_ == "dobj"]
                if objs and verb.head.lemma_ in {"help", "ask", "urge", "order"}:
                    return subj, passive
            return subj, passive
        if verb.dep_ in {"acl", "relcl"}:  # "a militia trained by X": the noun it modifies
            return verb.head, True if verb.tag_ == "VBN" else passive
        return None, passive

    def nearest_before(self, tok: Token, types: frozenset[str]) -> Entity | None:
        """Fallback subject: the last actor named earlier in the sentence."""
        for prev in reversed(self.doc[tok.sent.start : tok.i]):
            e = self.at(prev, types)
            if e is not None:
                return e
        return None
