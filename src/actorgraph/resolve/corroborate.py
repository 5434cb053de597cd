"""Group relations stated by several documents into one fact with all its evidence.

A fact is (subject actor, predicate, object actor); symmetric predicates ignore the order.
Its support is counted twice: documents, and distinct sources. Documents are one source
when the text or metadata shows they are one story: the same publisher, the same
evidence sentence (a reprint), or the same wire credit ("(Reuters)", "Associated Press").
Two flags mark facts to review: ``disputed`` (asserted by one source, denied by another)
and ``rival`` (two different leaders of one group at the same time, by their validity).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from rapidfuzz.distance import Levenshtein

SYMMETRIC = frozenset({"allied_with", "fights_against", "ties_to"})
EXCLUSIVE = frozenset({"leader_of"})
"""Predicates one object has a single subject of at a time."""
_AFFIRM = frozenset({"asserted", "reported", "alleged"})
_NEAR_IDENTICAL = 0.9

_WIRES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("Reuters", r"\bReuters\b"),
        ("Associated Press", r"\bAssociated Press\b|\(AP\)|\bAP Photo\b"),
        ("AFP", r"\bAgence France[- ]Presse\b|\(AFP\)|\bAFP Photo\b"),
        ("Xinhua", r"\bXinhua\b"),
        ("UPI", r"\bUnited Press International\b|\(UPI\)"),
        ("dpa", r"\(dpa\)|\bDeutsche Presse-Agentur\b"),
        ("Anadolu", r"\bAnadolu Agency\b"),
    )
)
# "told Reuters", "said in a statement to the Associated Press": the agency as a source
# of quotes, not the story's author.
_TOLD = re.compile(r"\b(?:told|to|said|according to|with|by the)\s+(?:the\s+)?$", re.IGNORECASE)
CREDIT_WINDOW = 400
"""Characters at each end of a text where a wire credit is looked for."""


@dataclass(frozen=True)
class Claim:
    """One document's statement of a relation, as evidence of a fact."""

    relation_id: str
    document_id: str
    document_title: str | None
    published: str | None
    publisher: str | None
    subject_id: str
    subject: str
    predicate: str
    object_id: str
    object: str
    role: str | None
    modality: str
    valid_start: str | None
    valid_end: str | None
    attributed_to: str | None
    confidence: float
    start: int
    end: int
    evidence_text: str
    wire: str | None = None  # the news agency the document credits, if any


@dataclass(frozen=True)
class Conflict:
    """A reason to review a fact: ``disputed`` or ``rival`` (see the module docstring)."""

    kind: Literal["disputed", "rival"]
    detail: str
    relation_ids: tuple[str, ...]


@dataclass(frozen=True)
class CorroboratedRelation:
    """One fact across documents: its evidence, its support and its conflicts."""

    subject_id: str
    subject: str
    predicate: str
    object_id: str
    object: str
    evidence: tuple[Claim, ...]
    documents: int
    publishers: int  # distinct sources: reprints of one story count once
    conflicts: tuple[Conflict, ...] = ()


# Words one of the patterns above needs, at least one of them: most texts hold none, and
# looking for words is quicker than running seven patterns over both ends of every text.
WIRE_WORDS = (
    "Reuters", "Associated Press", "(AP)", "AP Photo", "Agence France", "(AFP)", "AFP Photo",
    "Xinhua", "United Press International", "(UPI)", "(dpa)", "Deutsche Presse-Agentur",
    "Anadolu Agency",
)  # fmt: skip


def wire_credit(head: str, tail: str = "") -> str | None:
    """Return the agency a text credits in its opening or closing lines, or None."""
    for window in (head[:CREDIT_WINDOW], tail[-CREDIT_WINDOW:]):
        if not any(word in window for word in WIRE_WORDS):
            continue
        for name, pattern in _WIRES:
            for m in pattern.finditer(window):
                if not _TOLD.search(window[max(0, m.start() - 24) : m.start()]):
                    return name
    return None


def _norm_text(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def _norm_publisher(publisher: str | None) -> str | None:
    if not publisher:
        return None
    p = _norm_text(publisher)
    p = re.sub(r"^(?:the|www)\s+|\s+(?:com|co uk|org|net)$", "", p)
    return p or None


def count_sources(claims: Sequence[Claim]) -> int:
    """Return the number of distinct sources among the claims' documents."""
    docs = sorted({c.document_id for c in claims})
    if len(docs) < 2:  # most facts of a large store: nothing to tell apart
        return len(docs)
    parent = {d: d for d in docs}

    def find(d: str) -> str:
        while parent[d] != d:
            parent[d] = parent[parent[d]]
            d = parent[d]
        return d

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    first: dict[str, str] = {}
    texts: list[tuple[str, str]] = []
    for c in sorted(claims, key=lambda c: (c.document_id, c.start, c.relation_id)):
        for key in (
            f"publisher:{_norm_publisher(c.publisher)}" if _norm_publisher(c.publisher) else "",
            f"wire:{c.wire}" if c.wire else "",
            f"text:{_norm_text(c.evidence_text)}" if _norm_text(c.evidence_text) else "",
        ):
            if key:
                if key in first:
                    union(first[key], c.document_id)
                else:
                    first[key] = c.document_id
        norm = _norm_text(c.evidence_text)
        for doc, other in texts:
            if doc != c.document_id and _near(norm, other):
                union(doc, c.document_id)
        texts.append((c.document_id, norm))
    return len({find(d) for d in docs})


def _near(a: str, b: str) -> bool:
    if not a or not b or min(len(a), len(b)) < 0.8 * max(len(a), len(b)):
        return False
    return bool(Levenshtein.normalized_similarity(a, b) >= _NEAR_IDENTICAL)


def fact_key(c: Claim) -> tuple[str, str, str]:
    """Return (subject, predicate, object) ids, ordered for a symmetric predicate."""
    if c.predicate in SYMMETRIC and c.object_id < c.subject_id:
        return (c.object_id, c.predicate, c.subject_id)
    return (c.subject_id, c.predicate, c.object_id)


def group_claims(
    claims: Iterable[Claim], *, focus: Iterable[str] | None = None
) -> list[CorroboratedRelation]:
    """Return one fact per (subject, predicate, object), most sources first.

    ``focus`` keeps the facts naming one of these actors; every claim still counts for
    conflicts (a rival leader may be stated about another actor).
    """
    groups: dict[tuple[str, str, str], list[Claim]] = {}
    for c in claims:
        groups.setdefault(fact_key(c), []).append(c)
    rivals = _rivals(groups)
    wanted = None if focus is None else set(focus)
    out = []
    for key, members in groups.items():
        if wanted is not None and key[0] not in wanted and key[2] not in wanted:
            continue
        members.sort(key=lambda c: (c.published or "", c.document_id, c.start, c.relation_id))
        head = members[0]
        subject, obj = (
            (head.subject, head.object) if fact_key(head)[0] == head.subject_id else
            (head.object, head.subject)
        )  # fmt: skip
        conflicts = [*_disputed(members), *rivals.get(key, [])]
        out.append(
            CorroboratedRelation(
                subject_id=key[0],
                subject=subject,
                predicate=key[1],
                object_id=key[2],
                object=obj,
                evidence=tuple(members),
                documents=len({c.document_id for c in members}),
                publishers=count_sources(members),
                conflicts=tuple(conflicts),
            )
        )
    out.sort(key=lambda f: (-f.publishers, -f.documents, f.subject, f.predicate, f.object,
                            f.subject_id, f.object_id))  # fmt: skip
    return out


def _disputed(members: Sequence[Claim]) -> list[Conflict]:
    denied = [c for c in members if c.modality == "denied"]
    affirmed = [c for c in members if c.modality in _AFFIRM]
    if not denied or not affirmed:
        return []
    if count_sources([*denied, *affirmed]) < 2:
        return []  # one source hedging in its own story is not a dispute between sources
    return [
        Conflict(
            "disputed",
            f"asserted by {len({c.document_id for c in affirmed})} document(s), denied by "
            f"{len({c.document_id for c in denied})}",
            tuple(c.relation_id for c in (*affirmed, *denied)),
        )
    ]


def interval(c: Claim) -> tuple[str, str] | None:
    """Return the (first day, last day) a claim says the relation held, or None if unknown.

    A current claim holds from its start (else its publication) to its publication; a past
    one ("former leader") only has an interval if the text gives its start.
    """
    if c.valid_end is not None:
        if c.valid_start is None:
            return None
        return _low(c.valid_start), _high(c.valid_end)
    if c.published is None:
        return (_low(c.valid_start) if c.valid_start else "0000", "9999")
    return _low(c.valid_start or c.published), _high(c.published)


def _low(value: str) -> str:
    return (value + "-01-01"[len(value) - 4 :]) if len(value) in (4, 7) else value


def _high(value: str) -> str:
    return (value + "-12-31"[len(value) - 4 :]) if len(value) in (4, 7) else value


def _same_person(a: str, b: str) -> bool:
    """A bare surname and the full name it ends ("Khazali", "Qais al-Khazali")."""
    ta, tb = _norm_text(a).split(), _norm_text(b).split()
    return bool(ta and tb) and (len(ta) == 1 or len(tb) == 1) and ta[-1] == tb[-1]


def _rivals(
    groups: dict[tuple[str, str, str], list[Claim]],
) -> dict[tuple[str, str, str], list[Conflict]]:
    by_object: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for key in groups:
        if key[1] in EXCLUSIVE:
            by_object.setdefault((key[1], key[2]), []).append(key)
    found: dict[tuple[str, str, str], list[Conflict]] = {}
    for keys in by_object.values():
        for i, a in enumerate(sorted(keys)):
            for b in sorted(keys)[i + 1 :]:
                pairs = [
                    (x, y)
                    for x in groups[a]
                    for y in groups[b]
                    if x.modality != "denied" and y.modality != "denied"
                    and not _same_person(x.subject, y.subject)
                    and _overlap(interval(x), interval(y))
                ]  # fmt: skip
                if not pairs:
                    continue
                ids = tuple(
                    dict.fromkeys(r for x, y in pairs for r in (x.relation_id, y.relation_id))
                )
                x, y = pairs[0]
                for key, other in ((a, y.subject), (b, x.subject)):
                    found.setdefault(key, []).append(
                        Conflict(
                            "rival",
                            f"{other} is also said to be {key[1]} {x.object} at the same time",
                            ids,
                        )
                    )
    return found


def _overlap(a: tuple[str, str] | None, b: tuple[str, str] | None) -> bool:
    return a is not None and b is not None and a[0] <= b[1] and b[0] <= a[1]
