"""Relations between actors, read from the dependency parse with general lexicons.

The reader walks the tokens once; its rules live by concept: role nouns and titles
(``_roles``: "X, the leader of Y", "group spokesman X", "Iraqi Prime Minister X"), verbs
(``_verbs``: "Y, led by X", "trained and equipped by X", "pledge allegiance to Y"), two
sides fighting (``_fights``: "clashes between X and Y", "X repelled an attack by Y"),
holding ground (``_places``: "X seized the town of Z", "Z, an X stronghold"), and links
between groups (``_links``: "the US-backed Y", "Y, an affiliate of X", "loyal to X").
Each relation carries its claim status (``claims.py``; a description inside a noun phrase
stays the writer's), a validity interval where the text gives one, and the sentence it was
read from as evidence; the same fact read twice is one relation with both evidences.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from typing import Any

from actorgraph.model import DateRef, Entity, Event, Evidence, Interval, Quote, Relation
from actorgraph.pipeline.claims import Claim, claim_for
from actorgraph.pipeline.entities import EntityResult
from actorgraph.pipeline.limits import check_time
from actorgraph.pipeline.nlp import ParsedDoc, tokens
from actorgraph.pipeline.relations._args import Token
from actorgraph.pipeline.relations._base import Found
from actorgraph.pipeline.relations._events import fights_from_events
from actorgraph.pipeline.relations._verbs import VerbRules

STAGE = "relations.v2"
SKIP_TAGS = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "PART", "NUM", "SPACE", "PRON", "INTJ"})
SYMMETRIC = frozenset({"allied_with", "fights_against", "ties_to"})


@dataclass(frozen=True)
class RelationResult:
    relations: tuple[Relation, ...]


def _groups_of_leaders(found: list[Found]) -> list[Found]:
    """Read a leader or founder leading the fight against Z: his organisation fights Z too."""
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


def _named_states_win(found: list[Found]) -> list[Found]:
    """Drop a guessed state for a title when the text names the person's state elsewhere
    ("US President X" and later "President X" in a story from elsewhere)."""
    named = {f.subject.id for f in found if f.predicate == "holds_role" and not f.guessed}
    return [f for f in found if not (f.guessed and f.subject.id in named)]


def _claim(tokens: list[Token], sent: Any, quotes: tuple[Quote, ...],
           entities: EntityResult) -> Claim:  # fmt: skip
    """The claim status of a fact (``claims.py``); a description inside a noun phrase ("the
    US-backed SDF", "Syrian President X") is the writer's own, even in reported speech,
    unless it stands within quotation marks."""
    claim = claim_for(tokens, sent, quotes, entities)
    if claim.modality == "asserted" or not all(_describes(t) for t in tokens):
        return claim
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    if any(q.kind == "direct" and q.start <= start and end <= q.end for q in quotes):
        return claim
    return Claim()


def _describes(tok: Token) -> bool:
    """Tell whether a token belongs to a description of a noun, not to what the clause reports:
    a noun, a participle before or after it, a relative clause set off by a comma."""
    if tok.pos_ not in {"VERB", "AUX"} or tok.dep_ in {"amod", "acl", "compound"}:
        return True
    first = tok.left_edge.i
    return bool(tok.dep_ == "relcl" and first > 0 and tok.doc[first - 1].text == ",")


def _sentence_date(sent: Any, dates: tuple[DateRef, ...], starts: list[int]) -> str | None:
    """Return the value of the first resolved date in ``sent``; ``dates`` sorted, ``starts``
    theirs."""
    for d in dates[bisect.bisect_left(starts, sent.start_char) :]:
        if d.start >= sent.end_char:
            break
        if d.value:
            return d.value
    return None


_PERSON = frozenset({"PERSON"})


def extract_relations(
    parsed: ParsedDoc,
    entities: EntityResult,
    *,
    dates: tuple[DateRef, ...] = (),
    quotes: tuple[Quote, ...] = (),
    events: tuple[Event, ...] = (),
) -> RelationResult:
    """Return the relations read from one document, merged by (subject, predicate, object)."""
    reader = VerbRules(parsed, entities, dates)
    for tok in tokens(parsed.doc):
        if not tok.i % 1000:
            check_time("relations")
        pos = tok.pos_
        person = tok.ent_type_ == "PERSON"
        if pos in SKIP_TAGS and not person:
            continue  # determiners, prepositions, pronouns head no rule
        if person or reader.args.at(tok, _PERSON) is not None:
            reader.appositions(tok)
            reader.titles(tok)
        reader.verbs(tok)
        if pos in {"NOUN", "PROPN"}:
            reader.org_places(tok)
        if pos == "NOUN" or (tok.tag_ == "VBG" and tok.dep_ in {"nsubj", "nsubjpass"}):
            reader.fight_nouns(tok)  # "Fighting between X and Y has displaced ..."
        if pos == "NOUN":
            reader.backers(tok)
            reader.attack_places(tok)
            reader.strongholds(tok)
            reader.presence(tok)
            reader.held_by(tok)
            reader.link_nouns(tok)
            reader.named_links(tok)
        if pos in {"VERB", "ADJ"}:
            reader.link_words(tok)
        if pos in {"VERB", "AUX"}:
            reader.backing_verbs(tok)
        if pos == "VERB":
            reader.member_verbs(tok)
            reader.including(tok)
        if "-" in tok.text:
            reader.hyphen_links(tok)
            reader.held_places(tok)
    reader.branches()
    reader.owned_units()
    reader.personal_forces()
    reader.found.extend(_groups_of_leaders(reader.found))
    reader.found = _named_states_win(reader.found)
    merged: dict[tuple[str, str, str], Relation] = {}
    evidence_of: dict[tuple[str, str, str], dict[Evidence, None]] = {}  # in order, once each
    by_start = tuple(sorted(dates, key=lambda d: d.start))
    date_starts = [d.start for d in by_start]
    doc_id = parsed.document.id
    for f in reader.found:
        check_time("relations")
        sent = f.tokens[0].sent
        claim = _claim(f.tokens, sent, quotes, entities)
        ev = Evidence(doc_id, sent.start_char, sent.end_char, STAGE, f.confidence)
        valid = Interval()
        if f.past:
            valid = Interval(
                None, _sentence_date(sent, by_start, date_starts) or parsed.document.published
            )
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
        evidence_of.setdefault(key, {})[ev] = None
        if key in merged:
            old = merged[key]
            merged[key] = replace(
                old,
                mode=tuple(dict.fromkeys((*old.mode, *f.mode))),
                role=old.role or f.role,
                confidence=max(old.confidence, rel.confidence),
            )
        else:
            merged[key] = rel
    for rel in fights_from_events(events, entities, STAGE):
        s, o = rel.subject, rel.object
        key = (min(s, o), rel.predicate, max(s, o))
        if key not in merged:
            merged[key] = rel
        evidence_of.setdefault(key, {}).update(dict.fromkeys(rel.evidence))
    return RelationResult(
        tuple(replace(r, evidence=tuple(evidence_of[k])) for k, r in merged.items())
    )
