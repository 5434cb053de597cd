"""What a speaker named by a common noun stands for: an organisation, a member, or nobody.

- An institution speaks: "the army said", "Kashmir police said in a statement", "a
  statement from the general staff", "the ministry said". It is the organisation the text
  last named with that head ("the Defence Ministry"), or the one state force the text
  names; when the entities stage lists none, one is made here (type ORG, stage quotes)
  with every mention of the same noun in the text ("the army", "Burkina's army").
- An unnamed member speaks for the organisation named in the phrase: "a Hamas official",
  "a Malian Defence Ministry source", "an official from the group", "a military officer",
  "a police source"; a soldier's rank without a side ("one of the officers") speaks for the
  state force.
- A definite role ("the official", "the source", "the spokesman") is the one the text
  introduced with the same noun; without one, the person who spoke last.
- Anyone else ("a resident", "one witness", "a source close to the group") is nobody the
  graph knows: no speaker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from actorgraph.pipeline.entities import named_part
from actorgraph.pipeline.lexicon import ORG_ANAPHORS
from actorgraph.pipeline.quotes._lexicon import (
    AFFILIATION_PREPS,
    FORCE_ROLES,
    INSTITUTIONS,
    NEUTRAL_MODIFIERS,
    PARTITIVE_WORDS,
    ROLE_NOUNS,
    SOURCE_NOUNS,
)
from actorgraph.pipeline.quotes._orgs import INSTITUTION_WORDS, Orgs, institution

if TYPE_CHECKING:
    from actorgraph.pipeline.quotes._context import DocContext

MAX_PARAGRAPHS = 3  # how far back an antecedent ("the official") or an organisation is looked for
# "police spokesman X said ... [three paragraphs on] ..., the spokesman said": X still
NAMED_ROLE_PARAGRAPHS = 6
SPEAKING_TYPES = ("ORG", "NORP")


def partitive(head: Any) -> Any:
    """'one of the officers', 'another of the officials': the noun after 'of'."""
    if head.lower_ not in PARTITIVE_WORDS and head.pos_ != "NUM":
        return head
    for p in head.children:
        if p.dep_ == "prep" and p.lower_ == "of":
            for o in p.children:
                if o.dep_ == "pobj":
                    return o
    return head


class Actors:
    """Resolve common-noun speakers of one document; keeps the organisations it makes."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.orgs = Orgs(ctx)
        self.spoken: list[tuple[int, str]] = []  # (offset, entity id) of every attribution
        self.unnamed: list[int] = []  # offsets of speakers who are one unnamed person

    # -- the record of who spoke -------------------------------------------------------
    def note(self, pos: int, entity: str | None) -> None:
        if entity is not None:
            self.spoken.append((pos, entity))

    def last_speaker(self, pos: int, types: tuple[str, ...]) -> str | None:
        """Return the latest speaker of one of ``types`` before pos, within reach."""
        here = self.ctx.para_of(pos)
        for at, eid in reversed(self.spoken):
            if at >= pos:
                continue
            if here - self.ctx.para_of(at) > MAX_PARAGRAPHS - 1:
                return None
            if self.type_of(eid) in types:
                return eid
        return None

    def last_unnamed(self, pos: int) -> int | None:
        """The offset of the latest unnamed one-person speaker before pos, in pos's paragraph
        or the one before."""
        here = self.ctx.para_of(pos)
        before = [at for at in self.unnamed if at < pos and here - self.ctx.para_of(at) <= 1]
        return max(before, default=None)

    def last_org(self, pos: int) -> str | None:
        """Return the organisation last named as the subject of a clause before pos."""
        ctx = self.ctx
        lo = ctx.paras[max(0, ctx.para_of(pos) - MAX_PARAGRAPHS + 1)][0]
        for m, ent in reversed(ctx.entities.mentions_in(lo, pos)):
            if ent.type != "ORG" or ctx.in_quote(m.start):
                continue
            tok = ctx.doc[ctx.tok_at(m.end - 1)]
            while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i:
                tok = tok.head
            if tok.dep_ in ("nsubj", "nsubjpass"):
                return ent.id
        return None

    def type_of(self, eid: str) -> str | None:
        ent = self.ctx.entities.by_id(eid)
        if ent is not None:
            return ent.type
        return "ORG" if self.orgs.is_made(eid) else None

    # -- resolution -------------------------------------------------------------------
    def resolve(self, head: Any, depth: int = 0) -> tuple[str | None, str]:
        """Return (entity id, how) for a common-noun speaker's head token."""
        ctx = self.ctx
        head = partitive(head)
        ent = ctx.entities.at(int(head.idx), ctx.tok_end(head.i))
        if ent is not None and ent.type in ("PERSON", *SPEAKING_TYPES):
            return ent.id, "name"
        found = institution(head)
        if found is not None:
            return self.orgs.organisation(head, found), "org"
        person = self._person_of(head)
        if person is not None:
            return person, "name"  # "the public prosecutor in Nouna, Armel Sama,"
        lemma = head.lemma_.lower()
        low = head.lower_
        if low in ORG_ANAPHORS:
            return self.named_group(head), "group"  # "the group said"
        if lemma not in ROLE_NOUNS and low not in ROLE_NOUNS and lemma not in SOURCE_NOUNS:
            return None, "other"
        org = self.affiliation(head)
        if org is not None:
            return org, "member"
        if self._definite(head) and depth == 0:
            return self.antecedent(head)
        if lemma in SOURCE_NOUNS:
            return None, "other"  # "a statement", "a provisional report": no source given
        if (lemma in FORCE_ROLES or low in FORCE_ROLES) and self._bare(head):
            # "one of the officers", "a commander said": a soldier speaks for his force
            return self.orgs.force(head), "member"
        return None, "other"

    @staticmethod
    def _definite(head: Any) -> bool:
        return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)

    @staticmethod
    def _bare(head: Any) -> bool:
        """True when nothing but a rank or place word qualifies the noun ('a senior officer')."""
        for c in head.children:
            if c.dep_ in ("amod", "compound", "poss", "nmod") and c.lower_ not in NEUTRAL_MODIFIERS:
                return False
            if c.dep_ == "prep":
                return False
        return True

    def affiliation(self, head: Any) -> str | None:
        """Return the organisation a member or a document belongs to, from its modifiers.

        'a Hamas official', 'a government statement', 'the army's statement', 'an official
        from the group', 'a statement from the general staff', 'a military officer'.
        """
        ctx = self.ctx
        cands = []
        for c in head.children:
            if c.dep_ in ("compound", "amod", "poss", "nmod"):
                cands.append(c)
            elif c.dep_ == "prep" and c.lower_ in AFFILIATION_PREPS:
                cands.extend(o for o in c.children if o.dep_ == "pobj")
        for c in cands:
            if ctx.in_quote(c.idx):
                continue
            ent = ctx.entities.at(int(c.idx), ctx.tok_end(c.i))
            if ent is not None and ent.type == "ORG":
                return ent.id
            if ent is not None:
                continue  # "a Rwandan official", "a Kidal resident": a place is no organisation
            found = institution(c)
            if found is not None:
                return self.orgs.organisation(c, found)
            if c.dep_ == "pobj" and c.lower_ in ORG_ANAPHORS:
                group = self.named_group(c)  # "an official from the group"
                if group is not None:
                    return group
            if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "ADJ", "PROPN"):
                # "a military officer" / "an army source"
                nested = INSTITUTION_WORDS.get(c.lower_)
                if nested is not None:
                    return self.orgs.organisation(c, (*INSTITUTIONS[nested], c))
        return None

    def named_group(self, tok: Any) -> str | None:
        """'the group', 'the Iran-backed Islamist movement': the organisation last named that
        the noun can describe."""
        ctx = self.ctx
        if not self._definite(tok):
            return None
        pos = int(tok.left_edge.idx)  # not a name inside the phrase ("the Islamist group")
        lo = ctx.paras[max(0, ctx.para_of(pos) - MAX_PARAGRAPHS + 1)][0]
        for _m, ent in reversed(ctx.entities.mentions_in(lo, pos)):
            if ent.type == "ORG" and ent.kind in ORG_ANAPHORS[tok.lower_] and not named_part(ent):
                return ent.id
        return None

    def antecedent(self, head: Any) -> tuple[str | None, str]:
        """'the official': the one the text introduced as an official; else who spoke last."""
        ctx = self.ctx
        lemma = head.lemma_.lower()
        here = ctx.para_of(int(head.idx))
        for i in range(head.i - 1, -1, -1):
            t = ctx.doc[i]
            back = here - ctx.para_of(int(t.idx))
            if back > NAMED_ROLE_PARAGRAPHS - 1:
                break
            if t.lemma_.lower() != lemma or ctx.in_quote(t.idx) or t.pos_ != "NOUN":
                continue
            person = self._person_of(t)
            if person is not None:
                return person, "role"
            if back > MAX_PARAGRAPHS - 1:
                continue  # further back, only a role the text gave a name counts
            eid, _how = self.resolve(t, depth=1)
            if eid is not None:
                return eid, "role"
            if lemma not in SOURCE_NOUNS:
                # introduced unnamed ("a source close to the group"): nobody known
                return None, "other"
            break
        if lemma in SOURCE_NOUNS:  # "X said in a statement ... the statement said": X
            eid = self.last_speaker(int(head.idx), ("PERSON", *SPEAKING_TYPES, "GPE"))
            return eid, "role" if eid is not None else "other"
        if head.tag_ == "NN":  # one person: the one who spoke last ("the official said")
            eid = self.last_speaker(int(head.idx), ("PERSON",))
            if eid is not None:
                return eid, "role"
        if (lemma in FORCE_ROLES or head.lower_ in FORCE_ROLES) and self._bare(head):
            return self.orgs.force(head), "member"  # "one of the officers"
        return None, "other"

    def _person_of(self, tok: Any) -> str | None:
        """The person a role noun names: 'spokesman X', 'X, the spokesman', 'the chief, X',
        'the prosecutor in Nouna, Armel Sama,'."""
        ctx = self.ctx
        near = [tok.head] if tok.dep_ in ("appos", "compound") else []
        near += [c for c in tok.children if c.dep_ in ("appos", "compound")]
        for p in tok.children:
            if p.dep_ == "prep":
                near += [a for o in p.children for a in o.children if a.dep_ == "appos"]
        for t in near:
            ent = ctx.entities.at(int(t.idx), ctx.tok_end(t.i))
            if ent is not None and ent.type == "PERSON":
                return ent.id
        return None
