"""Hand-made analyses for resolver tests (no spaCy): entities are found in the text."""

from __future__ import annotations

from dataclasses import dataclass, field

from actorgraph.model import Analysis, Document, Entity, Evidence, Interval, Mention, Relation

STAGES: tuple[tuple[str, str], ...] = (
    ("entities", "entities.v1"),
    ("aliases", "aliases.v1"),
    ("relations", "relations.v1"),
)


@dataclass(frozen=True)
class Ent:
    """An entity to find in the text: its name, type and the other spellings it uses."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rel:
    """A relation between two entities (by index), read from ``sentence``."""

    subject: int
    predicate: str
    object: int
    sentence: str
    modality: str = "asserted"
    valid: Interval = field(default_factory=Interval)


def analysis(
    text: str,
    *entities: Ent,
    relations: tuple[Rel, ...] = (),
    stages: tuple[tuple[str, str], ...] = STAGES,
    **meta: str | None,
) -> Analysis:
    """Return the analysis of ``text``: one entity per ``Ent``, mentions at every name."""
    doc = Document.from_text(text, **meta)
    ents = []
    for i, e in enumerate(entities, 1):
        mentions = []
        for name in dict.fromkeys((e.name, *e.aliases)):
            start = text.find(name)
            while start != -1:
                mentions.append(Mention(start, start + len(name), name, "NER"))
                start = text.find(name, start + len(name))
        assert mentions, f"{e.name!r} is not in the text"
        mentions.sort(key=lambda m: m.start)
        ents.append(
            Entity(
                f"E{i}",
                e.name,
                e.type,
                tuple(mentions),
                tuple(dict.fromkeys((e.name, *e.aliases))),
                stage="entities.v1",
            )
        )
    rels = []
    for r in relations:
        start = text.index(r.sentence)
        ev = Evidence(doc.id, start, start + len(r.sentence), "relations.v1", 0.9)
        rels.append(
            Relation(
                f"E{r.subject}",
                r.predicate,
                f"E{r.object}",
                (ev,),
                modality=r.modality,
                valid=r.valid,
            )
        )
    return Analysis(doc, tuple(ents), relations=tuple(rels), stages=stages)


def actor_of(store: object, analysis: Analysis, local_id: str) -> str:
    """Return the stored actor of one entity of a saved analysis."""
    db = store._db  # type: ignore[attr-defined]
    row = db.execute(
        "SELECT actor_id FROM entities WHERE document_id = ? AND local_id = ?",
        (analysis.document.id, local_id),
    ).fetchone()
    assert row is not None, f"{local_id} of {analysis.document.id[:12]} is not stored"
    return str(row[0])
