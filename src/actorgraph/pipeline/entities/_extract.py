"""Find named-entity mentions, clean their spans and group them by surface form.

The NER labels of a small model are noisy on names it has rarely seen (Arabic surnames
used alone come out as ORG or GPE), so this stage keeps every label it saw as a vote;
the alias stage (`aliases.py`) then merges surface groups into actors and settles types.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from actorgraph.model import Entity, Mention
from actorgraph.pipeline.entities._acronyms import parenthesised_acronyms, spelled_acronyms
from actorgraph.pipeline.entities._bodies import joined_bodies
from actorgraph.pipeline.entities._headline import said_in_story
from actorgraph.pipeline.entities._labels import repair_label
from actorgraph.pipeline.entities._names import (
    acronym_groups,
    description,
    headed_groups,
    hyphened,
    joined_of,
    named_bodies,
    place_or_people,
    places_before,
    places_of,
)
from actorgraph.pipeline.entities._repeats import repeated_names
from actorgraph.pipeline.entities._runs import whole_names
from actorgraph.pipeline.entities._trims import in_place_split, without_role, without_title
from actorgraph.pipeline.layout import layout
from actorgraph.pipeline.lexicon import INSTITUTION_NOUNS, known_name_spans, lookup_actor
from actorgraph.pipeline.nlp import ParsedDoc, hard_wrapped, tokens

STAGE = "entities.v2"
KEEP_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW"})
_QUOTE_CHARS = "\"“”‘’'«»„`"
_EDGE_PUNCT = _QUOTE_CHARS + " \t\n.,;:!?()[]{}-–—/*"
_LEADING = re.compile(r"(?:the|a|an|suspected|alleged|presumed)\s+", re.IGNORECASE)
_TRAILING_WORD = re.compile(r"\s+(?:for|of|and|or|the|in|to|with|at|on|by|from)$")
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
_MAX_NAME_CHARS = 120


@dataclass(frozen=True)
class EntityResult:
    """Entities of one document, with lookups by id and by character offset."""

    entities: tuple[Entity, ...]
    _starts: list[int] = field(default_factory=list, compare=False, repr=False)
    _index: list[tuple[int, int, str]] = field(default_factory=list, compare=False, repr=False)
    _ids: dict[str, Entity] = field(default_factory=dict, compare=False, repr=False)
    # _reach[i]: the furthest end of the mentions _index[: i + 1]
    _reach: list[int] = field(default_factory=list, compare=False, repr=False)
    _spans: dict[tuple[int, int, str], list[Mention]] = field(
        default_factory=dict, compare=False, repr=False
    )
    _own: dict[str, _Spans] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        index = sorted((m.start, m.end, e.id) for e in self.entities for m in e.mentions)
        self._index.extend(index)
        self._starts.extend(s for s, _, _ in index)
        self._reach.extend(itertools.accumulate((e for _, e, _ in index), max))
        self._ids.update((e.id, e) for e in self.entities)
        for ent in self.entities:
            for m in ent.mentions:
                self._spans.setdefault((m.start, m.end, ent.id), []).append(m)

    def by_id(self, entity_id: str | None) -> Entity | None:
        return self._ids.get(entity_id) if entity_id is not None else None

    def at(self, start: int, end: int) -> Entity | None:
        """Return the entity with a mention overlapping [start, end), if any."""
        i = bisect.bisect_left(self._starts, end)
        if i == 0 or self._reach[i - 1] <= start:
            return None  # no mention starting before ``end`` reaches past ``start``
        for s, e, eid in reversed(self._index[max(0, i - 50) : i]):
            if s < end and e > start:
                return self._ids[eid]
        return None

    def all_at(self, start: int, end: int) -> list[Entity]:
        """Return the entities sharing the mention ``at`` finds: "Mozambican and Rwandan
        security forces" is one mention of two forces."""
        i = bisect.bisect_left(self._starts, end)
        if i == 0 or self._reach[i - 1] <= start:
            return []
        hit: tuple[int, int] | None = None
        out: list[Entity] = []
        for s, e, eid in reversed(self._index[max(0, i - 50) : i]):
            if hit is None and s < end and e > start:
                hit = (s, e)
            if hit is not None and (s, e) != hit:
                break
            if hit is not None and self._ids[eid] not in out:
                out.append(self._ids[eid])
        return out

    def first_start(self, entity_id: str, char: int) -> int | None:
        """Return the earliest start of a mention of ``entity_id`` containing ``char``."""
        own = self._own.get(entity_id)
        if own is None:
            ent = self._ids[entity_id]
            own = self._own[entity_id] = _Spans([(m.start, m.end) for m in ent.mentions])
        return own.first_containing(char)

    def mentions_in(self, start: int, end: int) -> list[tuple[Mention, Entity]]:
        """Return the mentions inside [start, end), in text order."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        out: list[tuple[Mention, Entity]] = []
        for s, e, eid in self._index[lo:hi]:
            if e <= end:
                ent = self._ids[eid]
                out.extend((m, ent) for m in self._spans[(s, e, eid)])
        return out


class _Spans:
    """Spans sorted by start, with the furthest end so far: two queries in log time."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach = list(itertools.accumulate((e for _, e in ordered), max))

    def covers(self, start: int, end: int) -> bool:
        """Return True if a span contains [start, end)."""
        i = bisect.bisect_right(self.starts, start)
        return i > 0 and self.reach[i - 1] >= end

    def first_containing(self, char: int) -> int | None:
        """Return the earliest start of a span containing ``char``, or None."""
        hi = bisect.bisect_right(self.starts, char)
        j = bisect.bisect_right(self.reach, char, 0, hi)  # reach only grows
        return self.starts[j] if j < hi else None

    def crosses(self, char: int) -> bool:
        """Return True if a span starts before ``char`` and ends after it."""
        i = bisect.bisect_left(self.starts, char)
        return i > 0 and self.reach[i - 1] > char


def clean_span(text: str, start: int, end: int, *, wrapped: bool = False) -> tuple[int, int] | None:
    """Trim quote marks, punctuation, a leading article and a possessive from a name span."""
    for _ in range(4):
        before = (start, end)
        while start < end and text[start] in _EDGE_PUNCT:
            start += 1
        while end > start and text[end - 1] in _EDGE_PUNCT:
            if text[end - 1] == "." and end - start > 2 and text[end - 3] == ".":
                break  # an abbreviation: "U.S."
            end -= 1
        m = _LEADING.match(text, start, end)
        if m and m.end() < end:
            start = m.end()
        m3 = _TRAILING_WORD.search(text, start, end)
        if m3 and m3.start() > start:
            end = m3.start()  # "the Storm Front for years": the model ran on by a word
        m2 = _POSSESSIVE.search(text, start, end)
        if m2 and m2.start() > start:
            end = m2.start() + (1 if text[m2.start()] == "s" else 0)
        paren = text.find("(", start, end)
        if paren > start and text.find(")", paren, end) == -1:
            end = paren  # "Allied Democratic Forces (ADF": the acronym is read apart
        if (start, end) == before:
            break
    # A line break inside a name is a heading running into text, unless the text is
    # hard-wrapped ("Donat\nKibwana"); a blank line always is.
    broken = "\n\n" in text[start:end] or ("\n" in text[start:end] and not wrapped)
    if end - start < 1 or end - start > _MAX_NAME_CHARS or broken:
        return None
    if not any(c.isalpha() for c in text[start:end]):
        return None
    return start, end


def _institution_mentions(doc: Any) -> list[tuple[int, int, str]]:
    """Find 'Iraqi army', 'the Syrian government': an adjectival people or country + a body."""
    out = []
    for tok in tokens(doc):
        if tok.lower_ not in INSTITUTION_NOUNS or tok.pos_ not in {"NOUN", "PROPN"}:
            continue
        left = tok.i
        while (
            left > 0
            and doc[left - 1].ent_type_ in {"NORP", "GPE"}
            and doc[left - 1].dep_
            in {
                "amod",
                "compound",
                "nmod",
            }
        ):
            left -= 1
        if left == tok.i:
            continue
        if tok.ent_type_ == "ORG":  # NER already has a name here
            continue
        out.append((doc[left].idx, tok.idx + len(tok.text), "ORG"))
    return out


def _known_names(text: str, covered: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Find well-known actor names the model missed ("Daesh"), outside existing mentions."""
    out = []
    exact = set(covered)
    spans = _Spans(covered)
    for s, e in known_name_spans(text):
        # a known name wins over mentions inside it ("Islamic" NORP in "Islamic State"), not
        # over one it overlaps only in part
        if spans.crosses(s) or spans.crosses(e):
            continue
        actor = lookup_actor(text[s:e])
        if actor is None:
            continue
        branch = _branch(text, e) if actor.kind == "armed_group" else None
        if branch is not None:  # "Islamic State in Khorasan": an affiliate, not the parent
            out.append((s, branch, "ORG"))
        elif (s, e) not in exact:  # the model found the same span: keep its label (NORP)
            out.append((s, e, actor.type))
    return out


def _branch(text: str, end: int) -> int | None:
    """The end of a branch's name after a group's ("... in the Greater Sahara", "... West
    Africa Province"), or None; "in Syria" says where the group is, not which branch."""
    m = _BRANCH.match(text, end)
    if m is None or text.startswith(("'s", "’s"), m.end()):
        return None  # "Boko Haram in Nigeria's north": a place of the group's, no name
    where = m.group("where")
    if where is not None:
        known = lookup_actor(where)
        if known is not None and known.type == "GPE":
            return None
        if not m.group("the") and " " not in where and where not in BRANCH_REGIONS:
            return None  # "the Taliban in Jalalabad": a town where the group is
    return m.end()


# The regions that name a group's branch without "the" ("Islamic State in Khorasan");
# a bare single word after "in" is otherwise a town or a province the group is in.
BRANCH_REGIONS = frozenset(
    {"Khorasan", "Khurasan", "Sinai", "Maghreb", "Levant", "Sahel", "Caucasus", "Africa"}
)


# A group's regional branch named after it: "X in the Sahel", "X West Africa Province".
_BRANCH = re.compile(
    r" (?:in|of) (?P<the>the )?(?P<where>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3})\b"
    r"|(?:['’]s)?(?: [A-Z][\w'’-]+){1,3} Province\b"  # "X's Sahel Province" too
)


_INNER_POSSESSIVE = re.compile(r"['’]s (?=(?:[A-Z][\w'’-]+ ){1,3}Province$)")


def _fit_layout(text: str, raw: list[tuple[int, int, str, int]]) -> list[tuple[int, int, str, int]]:
    """Drop mentions in boilerplate lines and a dateline's agency; a dateline's place is a
    place (found even when the model missed it, cut where the model ran past it)."""
    page = layout(text)
    out = []
    for start, end, label, weight in raw:
        if page.is_boilerplate(start, end):
            continue
        d = page.in_dateline(start, start + 1)
        if d is not None:
            if d.agency is not None and start < d.agency[1] and end > d.agency[0]:
                continue
            if end > d.end:
                continue  # "Iraq - Fighting": the model read across the dateline's dash
            if any(s <= start and end <= e for s, e in d.places):
                label, weight = "GPE", 3
        out.append((start, end, label, weight))
    for d in page.datelines:
        for s, e in d.places:
            if not any(r[0] < e and r[1] > s for r in out):
                out.append((s, e, "GPE", 3))
    return out


def extract_entities(parsed: ParsedDoc) -> EntityResult:
    """Return one entity per cleaned surface form, labelled by its mentions' majority."""
    doc, text = parsed.doc, parsed.text
    raw: list[tuple[int, int, str, int]] = []
    for ent in doc.ents:
        if ent.label_ not in KEEP_LABELS:
            continue
        raw.append(
            hyphened(text, (ent.start_char, ent.end_char, *repair_label(doc, ent, ent.label_)))
        )
    raw = whole_names(doc, [r for r in raw if r[2] != "TITLE"])  # see repair_label
    institutions = _institution_mentions(doc)
    taken = _Spans([(s, e) for s, e, _ in institutions])
    raw = [r for r in raw if not taken.covers(r[0], r[1])]
    raw.extend((s, e, label, 2) for s, e, label in institutions)
    # a known name is matched against the model's spans without their "The" and "'s"
    trimmed = [clean_span(text, r[0], r[1]) or (r[0], r[1]) for r in raw]
    known = _known_names(text, trimmed)
    known_spans = _Spans([(s, e) for s, e, _ in known])
    raw = [r for r, t in zip(raw, trimmed, strict=True) if not known_spans.covers(*t)]
    raw.extend((s, e, label, 2) for s, e, label in known)
    model_labels = {(r[0], r[1]): r[2] for r in raw}
    spelled = [(s, e, model_labels.get((s, e), label)) for s, e, label in spelled_acronyms(text)]
    spelled_spans = _Spans([(s, e) for s, e, _ in spelled])
    raw = [r for r in raw if not spelled_spans.covers(*(clean_span(text, r[0], r[1]) or r[:2]))]
    raw.extend((s, e, label, 3) for s, e, label in spelled)
    raw.extend((s, e, label, 2) for s, e, label in places_of(doc, [(r[0], r[1]) for r in raw]))
    raw.extend((s, e, lab, 2) for s, e, lab in places_before(doc, [(r[0], r[1]) for r in raw]))
    raw.extend((s, e, lab, 2) for s, e, lab in acronym_groups(doc, [(r[0], r[1]) for r in raw]))
    raw.extend((s, e, lab, 2) for s, e, lab in headed_groups(doc, [(r[0], r[1]) for r in raw]))
    raw.extend((s, e, lab, 2) for s, e, lab in named_bodies(doc, [(r[0], r[1]) for r in raw]))
    raw.extend((s, e, lab, 2) for s, e, lab in parenthesised_acronyms(text, [r[:3] for r in raw]))

    raw = repeated_names(text, said_in_story(text, raw))  # headline capitals; names again
    raw = [(s, e, place_or_people(text, s, e, lab), w) for s, e, lab, w in raw]
    raw = in_place_split(text, joined_bodies(doc, joined_of(text, _fit_layout(text, raw))))
    wrapped = hard_wrapped(text) is not None

    groups: dict[str, list[Mention]] = {}
    labels: dict[str, Counter[str]] = {}
    seen: set[tuple[int, int]] = set()
    for start, end, label, weight in sorted(raw):
        cleaned = clean_span(text, start, end, wrapped=wrapped)
        if cleaned is not None and label == "PERSON":
            cleaned = without_role(text, *cleaned)
        elif cleaned is not None and label == "ORG":
            cleaned = without_title(text, *cleaned)
        if cleaned is None or cleaned in seen:
            continue
        seen.add(cleaned)
        s, e = cleaned
        surface = " ".join(text[s:e].split())  # a wrapped line's break is a space
        surface = _INNER_POSSESSIVE.sub(" ", surface)  # "X's Sahel Province": "X Sahel Province"
        if description(doc, s, e, surface):
            continue
        if label in {"GPE", "LOC", "FAC"} and surface.islower():
            continue  # "charge d'affaires": a place's name has a capital
        groups.setdefault(surface, []).append(Mention(s, e, text[s:e], label))
        labels.setdefault(surface, Counter())[label] += weight
    entities = []
    for i, (surface, mentions) in enumerate(groups.items(), 1):
        label, votes = labels[surface].most_common(1)[0]
        votes = min(votes, len(mentions))
        entities.append(
            Entity(
                id=f"E{i}",
                name=surface,
                type=label,
                mentions=tuple(mentions),
                aliases=(surface,),
                confidence=round(votes / len(mentions), 3),
                stage=STAGE,
            )
        )
    return EntityResult(tuple(entities))
