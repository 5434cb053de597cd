"""Hand-made analyses for store tests (no spaCy): offsets are found in the text."""

from __future__ import annotations

from actorgraph.model import (
    Analysis,
    DateRef,
    Document,
    Entity,
    Event,
    Evidence,
    Mention,
    Quote,
    Relation,
)

STAGES: tuple[tuple[str, str], ...] = (
    ("entities", "entities.v1"),
    ("aliases", "aliases.v1"),
    ("dates", "dates.v1"),
    ("quotes", "quotes.v1"),
    ("relations", "relations.v1"),
    ("events", "events.v1"),
)

TEXT = (
    "Qais al-Khazali, the leader of Asaib Ahl al-Haq, spoke in Baghdad on 4 February 2015. "
    '"We fight the Islamic State today," Khazali said. '
    "The Badr Organization, led by Hadi al-Amiri, joined the fight last June."
)

OTHER_TEXT = (
    "In Basra, Qais al-Khazali met supporters. "
    '"Our men will stay," Khazali told reporters on Monday.'
)


def span(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    """Return the offsets of the ``nth`` occurrence of ``words`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def mention(text: str, words: str, nth: int = 0, label: str = "NER") -> Mention:
    start, end = span(text, words, nth)
    return Mention(start, end, words, label)


def entity(
    text: str,
    local_id: str,
    name: str,
    type_: str,
    *words: str,
    kind: str | None = None,
    aliases: tuple[str, ...] = (),
) -> Entity:
    """Build an entity whose mentions are the first occurrences of ``words`` (or ``name``)."""
    seen: dict[str, int] = {}
    mentions = []
    for w in words or (name,):
        mentions.append(mention(text, w, seen.get(w, 0)))
        seen[w] = seen.get(w, 0) + 1
    return Entity(
        local_id, name, type_, tuple(mentions), aliases or (name,), kind, stage="entities.v1"
    )


def evidence(doc: Document, words: str, stage: str) -> Evidence:
    start, end = span(doc.text, words)
    return Evidence(doc.id, start, end, stage, 0.9)


def seed(**changes: object) -> Analysis:
    """Return the analysis of TEXT; keyword arguments replace Analysis fields."""
    doc = Document.from_text(TEXT, title="Militias in Baghdad", published="2015-02-04")
    t = doc.text
    entities = (
        entity(
            t,
            "E1",
            "Qais al-Khazali",
            "PERSON",
            "Qais al-Khazali",
            "Khazali",
            aliases=("Qais al-Khazali", "Khazali"),
        ),
        entity(t, "E2", "Asaib Ahl al-Haq", "ORG", kind="armed_group"),
        entity(t, "E3", "Baghdad", "GPE"),
        entity(t, "E4", "Islamic State", "ORG", kind="armed_group"),
        entity(t, "E5", "Badr Organization", "ORG", kind="armed_group"),
        entity(t, "E6", "Hadi al-Amiri", "PERSON"),
    )
    q_start, q_end = span(t, "We fight the Islamic State today,")
    quote = Quote(
        "direct",
        "We fight the Islamic State today,",
        q_start,
        q_end,
        "E1",
        speaker_mention=span(t, "Khazali", 1),
        speaker_text="Khazali",
        cue="said",
        cue_span=span(t, "said"),
        confidence=0.9,
        evidence=(evidence(doc, "We fight the Islamic State today,", "quotes.v1"),),
    )
    dates = (
        DateRef(
            "4 February 2015",
            *span(t, "4 February 2015"),
            "2015-02-04",
            "day",
            "2015-02-04",
            "2015-02-04",
        ),
        DateRef(
            "last June",
            *span(t, "last June"),
            "2014-06",
            "month",
            "2014-06-01",
            "2014-06-30",
            relative=True,
        ),
    )
    leader = "Qais al-Khazali, the leader of Asaib Ahl al-Haq"
    relations = (
        Relation("E1", "leader_of", "E2", (evidence(doc, leader, "relations.v1"),)),
        Relation(
            "E6",
            "leader_of",
            "E5",
            (evidence(doc, "The Badr Organization, led by Hadi al-Amiri", "relations.v1"),),
        ),
    )
    events = (
        Event(
            "MOBILIZE",
            (evidence(doc, "joined the fight last June", "events.v1"),),
            actors=("E5",),
            date=dates[1],
        ),
    )
    fields: dict[str, object] = {
        "document": doc,
        "entities": entities,
        "quotes": (quote,),
        "dates": dates,
        "relations": relations,
        "events": events,
        "stages": STAGES,
        "notes": (),
    }
    fields.update(changes)
    return Analysis(**fields)  # type: ignore[arg-type]


def other() -> Analysis:
    """Return the analysis of OTHER_TEXT, which names Qais al-Khazali again."""
    doc = Document.from_text(OTHER_TEXT, title="Khazali in Basra", published="2015-03-01")
    t = doc.text
    q_start, q_end = span(t, "Our men will stay,")
    return Analysis(
        document=doc,
        entities=(
            entity(t, "E1", "Basra", "GPE"),
            entity(
                t,
                "E2",
                "Qais al-Khazali",
                "PERSON",
                "Qais al-Khazali",
                "Khazali",
                aliases=("Qais al-Khazali", "Khazali"),
            ),
        ),
        quotes=(
            Quote(
                "direct",
                "Our men will stay,",
                q_start,
                q_end,
                "E2",
                speaker_mention=span(t, "Khazali", 1),
                speaker_text="Khazali",
                cue="told",
            ),
        ),
        stages=STAGES,
    )
