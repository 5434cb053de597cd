"""Resolve a speaker's head token to an entity: a name, a pronoun, a group or a role."""

from __future__ import annotations

from typing import Any

from actorgraph.pipeline.quotes._actors import partitive
from actorgraph.pipeline.quotes._context import DocContext
from actorgraph.pipeline.quotes._lexicon import (
    GROUP_LINK_PREPS,
    GROUP_NOUNS,
    GROUP_PRONOUNS,
    PRONOUN_GENDER,
    SELF_PRONOUNS,
    SOURCE_NOUNS,
    THING_PRONOUNS,
)
from actorgraph.pipeline.quotes._speaker import (
    PERSONISH,
    SPEAKING_ORGS,
    SUBJ_DEPS,
    Speaker,
    head_of_chunk,
    mention_span,
)


def speaker_at(ctx: DocContext, head: Any, cue: Any | None, speakers: set[str]) -> Speaker:
    span = mention_span(ctx, head)
    entity, how = resolve(ctx, head, span, speakers)
    if entity is None and how == "other" and ctx.actors is not None and _one_person(head):
        ctx.actors.unnamed.append(span[0])  # "said one resident": a he/she after is this one
    cue_span = (int(cue.idx), int(cue.idx + len(cue.text))) if cue is not None else None
    return Speaker(
        span,
        ctx.text[span[0] : span[1]],
        entity,
        how,
        cue_span,
        cue.text if cue is not None else None,
    )


def _one_person(head: Any) -> bool:
    """A singular common noun that speaks: 'a resident', 'one witness', 'the official'."""
    head = partitive(head)
    return head.tag_ == "NN" and head.lemma_.lower() not in SOURCE_NOUNS


def resolve(
    ctx: DocContext, head: Any, span: tuple[int, int], speakers: set[str]
) -> tuple[str | None, str]:
    """Resolve a speaker's head token to an entity id; return (id, how)."""
    head = partitive(head)  # "one of the officers"
    low = head.lower_
    actors = ctx.actors
    if head.pos_ == "PRON" or low in PRONOUN_GENDER:
        if low in PRONOUN_GENDER:
            return resolve_person(ctx, span[0], PRONOUN_GENDER[low], speakers), "pronoun"
        if low in GROUP_PRONOUNS:
            # "they say": the organisation that spoke last, else the one the group nouns name
            group = actors.last_speaker(span[0], SPEAKING_ORGS) if actors is not None else None
            return group or resolve_group(ctx, head, span), "group"
        if low in THING_PRONOUNS:
            # "it said": the organisation that spoke last, else the one last named
            org = None
            if actors is not None:
                org = actors.last_speaker(span[0], (*SPEAKING_ORGS, "GPE"))
                org = org or actors.last_org(span[0])
            return org, "pronoun"
        return None, "other" if low not in SELF_PRONOUNS else "self"
    ent = ctx.entities.at(int(head.idx), int(head.idx + len(head.text)))
    if ent is not None and ent.type in PERSONISH:
        return ent.id, "name"
    named = ctx.named_by(head.text) if ent is None else None
    if named is not None:
        return named, "name"
    if actors is not None and ent is None:
        found, how = actors.resolve(head)
        if found is not None:
            return found, how
    if low in GROUP_NOUNS or head.lemma_.lower() in GROUP_NOUNS:
        return resolve_group(ctx, head, span), "group"
    return None, "other"


def resolve_person(ctx: DocContext, pos: int, gender: str, speakers: set[str]) -> str | None:
    """Return the PERSON a he/she at pos most likely refers to."""
    here = ctx.sent_of(pos)
    best: tuple[float, int, str] | None = None
    for m, ent in ctx.entities.mentions_in(max(0, pos - 2500), pos):
        if ent.type != "PERSON" or ctx.in_quote(m.start):
            continue
        g = ctx.gender(ent.id)
        if g is not None and g != gender:
            continue
        dist = here - ctx.sent_of(m.start)
        score = -2.0 * dist
        if ctx.has_dep:
            tok = head_of_chunk(ctx.doc[ctx.tok_at(m.end - 1)])
            if tok.dep_ in SUBJ_DEPS:
                score += 1.0
                if tok.head.dep_ == "ROOT" or tok.head.dep_ == "relcl":
                    score += 2.0
            elif tok.dep_ == "poss":
                score -= 1.0
        if ent.id in speakers:
            score += 2.0
        if g == gender:
            score += 0.5
        cand = (score, m.start, ent.id)
        if best is None or cand[:2] > best[:2]:
            best = cand
    unnamed = ctx.actors.last_unnamed(pos) if ctx.actors is not None else None
    if unnamed is not None and (best is None or best[1] < unnamed):
        return None  # "..., said one resident. He said ...": the resident, unnamed
    return best[2] if best else None


def resolve_group(ctx: DocContext, head: Any, span: tuple[int, int]) -> str | None:
    """Return the organisation a group speaker ('the men', 'protesters') belongs to."""
    for _m, ent in ctx.entities.mentions_in(span[0], span[1]):
        if ent.type in ("ORG", "NORP"):
            return ent.id
    if not ctx.has_dep:
        return None
    lo = max(0, span[0] - 1500)
    a, b = ctx.tok_after(lo), ctx.tok_at(span[0])
    for i in range(b, a - 1, -1):
        t = ctx.doc[i]
        if t.lower_ not in GROUP_NOUNS and t.lemma_.lower() not in GROUP_NOUNS:
            continue
        if i < b and _apart(t, head):
            continue  # "fighters from X ... residents said": other people
        if ctx.in_quote(t.idx):
            continue
        for p in t.children:
            if p.dep_ != "prep" or p.lower_ not in GROUP_LINK_PREPS:
                continue
            for o in p.children:
                if o.dep_ != "pobj":
                    continue
                org = ctx.entities.at(int(o.idx), int(o.idx + len(o.text)))
                if org is not None and org.type in ("ORG", "NORP"):
                    return org.id
    return None


# People a text never makes one group of: the armed, and the civilians they act on.
_ARMED = frozenset(
    {"fighter", "gunman", "gunmen", "insurgent", "militant", "militiaman", "militiamen",
     "rebel", "soldier", "troop", "guard", "recruit", "commander", "loyalist"}
)  # fmt: skip
_CIVILIAN = frozenset(
    {"resident", "villager", "people", "student", "worker", "voter", "mourner", "woman",
     "women", "girl", "boy", "youth", "audience", "attendee", "participant", "marcher",
     "demonstrator", "protester", "protestor", "activist", "staff", "staffer"}
)  # fmt: skip


def _apart(earlier: Any, head: Any) -> bool:
    """ "Fighters from X" and "residents": an armed group and civilians are never one; nor
    officials and the members of a group."""
    a, b = earlier.lemma_.lower(), head.lemma_.lower()
    if (a in _OFFICIAL) != (b in _OFFICIAL):
        return True  # "members of X ... local officials said": not X's members
    return (a in _ARMED and b in _CIVILIAN) or (a in _CIVILIAN and b in _ARMED)


# Those who speak for an office: never the members or fighters of a group named before.
_OFFICIAL = frozenset({"official", "officials", "authority", "authorities", "source", "sources"})
