"""Look back from a token for the actor the text named last: "the group", "he"."""

from __future__ import annotations

from typing import Any

from actorgraph.model import UNIDENTIFIED_GROUP, Entity
from actorgraph.pipeline.entities import named_part, other_kind
from actorgraph.pipeline.nlp import children, described_host
from actorgraph.pipeline.relations._lexicon import ACTOR_TYPES, GROUP_NOUNS

Token = Any  # spacy.tokens.Token
ORGS = frozenset({"ORG"})


class LookBack:
    """The look-backs of ``Args``, over the entity lookups it defines."""

    doc: Any

    def at(self, tok: Token, types: frozenset[str] = ACTOR_TYPES) -> Entity | None:
        raise NotImplementedError

    def group_of(self, tok: Token, *, look_back: bool = True) -> Entity | None:
        raise NotImplementedError

    def last_group(self, tok: Token) -> Entity | None:
        """Return the organisation of the last group phrase before ``tok`` (within ~3 sentences)."""
        sents = 0
        for prev in reversed(self.doc[max(0, tok.i - 150) : tok.i]):
            if prev.is_sent_start:
                sents += 1
                if sents > 3:
                    break
            if prev.lower_ in GROUP_NOUNS and prev.i != tok.i:
                for child in children(prev):
                    if child.dep_ in {"prep", "compound"}:
                        e = self.group_of(prev, look_back=False)
                        if e is not None and not other_kind(tok, e.name):
                            return e
        return None

    def last_org(self, tok: Token, exclude: frozenset[str] = frozenset()) -> Entity | None:
        """Read 'the group': the armed group or party named last, in this sentence or the two
        before."""
        sent = tok.sent
        for _ in range(2):
            if sent.start == 0:
                break
            sent = self.doc[sent.start - 1].sent
        one = tok.tag_ in {"NN", "NNP"}  # "the group" is a named one, not "warlords" before
        for prev in reversed(self.doc[sent.start : tok.i]):
            e = self.at(prev, ORGS)
            if e is not None and e.id not in exclude and e.kind in {"armed_group", "party"}:
                if named_part(e) or other_kind(tok, e.name):
                    continue  # "the group" is the group, not its "military wing"
                if one and e.name.startswith(UNIDENTIFIED_GROUP):
                    continue
                if self.inside_other(prev, e):
                    continue  # "X, an affiliate of Y, ... the group": X
                return e
        return None

    def inside_other(self, tok: Token, e: Entity) -> bool:
        """A name in the description of another organisation's name: "X, which is allied
        with Y, ... Its spokesman": X's (``nlp.described_host``)."""
        host = described_host(tok)
        other = self.at(host, ORGS) if host is not None else None
        return other is not None and other.id != e.id

    def last_person(self, tok: Token) -> Entity | None:
        """Return the person named last before ``tok``, in its sentence or the one before."""
        sent_start = tok.sent.start
        prev_start = self.doc[sent_start - 1].sent.start if sent_start > 0 else sent_start
        for prev in reversed(self.doc[prev_start : tok.i]):
            e = self.at(prev, frozenset({"PERSON"}))
            if e is not None:
                return e
        return None

    def nearest_before(self, tok: Token, types: frozenset[str]) -> Entity | None:
        """Return a fallback subject: the last actor named earlier in the sentence."""
        for prev in reversed(self.doc[tok.sent.start : tok.i]):
            e = self.at(prev, types)
            if e is not None:
                return e
        return None
