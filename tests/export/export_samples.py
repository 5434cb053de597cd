"""Two hand-made analyses for export tests (no spaCy), one with hostile CSV cells.

Document A: Qais al-Khazali leads Asaib Ahl al-Haq, which fights the Islamic State near
Mosul (an ASSAULT dated June 2014). Document B: "=SUM(A1) Brigade" shells Kirkuk (an
ASSAULT dated 1 March 2015, its sentence starting with "+"); Asaib Ahl al-Haq denies
fighting the Islamic State; Khazali leads it again. Publisher of B: "@Evil Wire".
"""

from __future__ import annotations

from actorgraph.model import (
    Analysis,
    DateRef,
    Document,
    Entity,
    Event,
    Evidence,
    Mention,
    Place,
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

TEXT_A = (
    "Qais al-Khazali, the leader of Asaib Ahl al-Haq, spoke in Baghdad, Iraq, on 4 February "
    '2015. "We fight the Islamic State today," Khazali said. '
    "Asaib Ahl al-Haq fighters attacked the Islamic State near Mosul last June."
)
TEXT_B = (
    "+Fighters of =SUM(A1) Brigade shelled Kirkuk on 1 March 2015, officials said. "
    "Asaib Ahl al-Haq denied that it fights the Islamic State. "
    "Qais al-Khazali, the leader of Asaib Ahl al-Haq, met officials."
)
HOSTILE = "=SUM(A1) Brigade"

BAGHDAD = Place(33.34058, 44.40088, "IQ", "Baghdad", "city", "geonames:98182")
IRAQ = Place(33.0, 44.0, "IQ", None, "country", "geonames:99237")
MOSUL = Place(36.335, 43.11889, "IQ", "Nineveh", "city", "geonames:99072")
KIRKUK = Place(35.46806, 44.39222, "IQ", "Kirkuk", "city", "geonames:94787")


def span(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    """Return the offsets of the ``nth`` occurrence of ``words`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def entity(
    text: str,
    local_id: str,
    name: str,
    type_: str,
    *,
    words: tuple[str, ...] = (),
    kind: str | None = None,
    place: Place | None = None,
) -> Entity:
    """Build an entity mentioned at the occurrences of ``words`` (default: its name)."""
    seen: dict[str, int] = {}
    mentions = []
    for w in words or (name,):
        mentions.append(Mention(*span(text, w, seen.get(w, 0)), w, "NER"))
        seen[w] = seen.get(w, 0) + 1
    aliases = tuple(dict.fromkeys(words or (name,)))
    return Entity(local_id, name, type_, tuple(mentions), aliases, kind, place)


def ev(doc: Document, words: str, stage: str) -> Evidence:
    return Evidence(doc.id, *span(doc.text, words), stage, 0.9)


def analysis_a() -> Analysis:
    doc = Document.from_text(
        TEXT_A, title="Militias in Baghdad", published="2015-02-04", publisher="Example Wire"
    )
    t = doc.text
    entities = (
        entity(
            t, "E1", "Qais al-Khazali", "PERSON", words=("Qais al-Khazali", "Khazali", "Khazali")
        ),
        entity(
            t,
            "E2",
            "Asaib Ahl al-Haq",
            "ORG",
            words=("Asaib Ahl al-Haq", "Asaib Ahl al-Haq"),
            kind="armed_group",
        ),
        entity(t, "E3", "Baghdad", "GPE", place=BAGHDAD),
        entity(t, "E4", "Iraq", "GPE", place=IRAQ),
        entity(t, "E5", "Islamic State", "ORG", words=("Islamic State",) * 2, kind="armed_group"),
        entity(t, "E6", "Mosul", "GPE", place=MOSUL),
    )
    june = DateRef(
        "last June", *span(t, "last June"), "2014-06", "month", "2014-06-01", "2014-06-30", True
    )
    attack = "Asaib Ahl al-Haq fighters attacked the Islamic State near Mosul last June."
    q_start, q_end = span(t, "We fight the Islamic State today,")
    return Analysis(
        document=doc,
        entities=entities,
        quotes=(
            Quote(
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
            ),
        ),
        dates=(june,),
        relations=(
            Relation(
                "E1",
                "leader_of",
                "E2",
                (ev(doc, "Qais al-Khazali, the leader of Asaib Ahl al-Haq", "relations.v1"),),
                confidence=0.9,
            ),
            Relation("E2", "fights_against", "E5", (ev(doc, attack, "relations.v1"),)),
            Relation("E2", "operates_in", "E6", (ev(doc, attack, "relations.v1"),)),
        ),
        events=(
            Event(
                "ASSAULT",
                (ev(doc, attack, "events.v1"),),
                actors=("E2",),
                targets=("E5",),
                locations=("E6",),
                date=june,
                confidence=0.8,
            ),
        ),
        stages=STAGES,
    )


def analysis_b() -> Analysis:
    doc = Document.from_text(
        TEXT_B, title="Shelling near Kirkuk", published="2015-03-02", publisher="@Evil Wire"
    )
    t = doc.text
    entities = (
        entity(t, "E1", HOSTILE, "ORG", kind="armed_group"),
        entity(t, "E2", "Kirkuk", "GPE", place=KIRKUK),
        entity(
            t, "E3", "Asaib Ahl al-Haq", "ORG", words=("Asaib Ahl al-Haq",) * 2, kind="armed_group"
        ),
        entity(t, "E4", "Islamic State", "ORG", kind="armed_group"),
        entity(t, "E5", "Qais al-Khazali", "PERSON"),
    )
    march = DateRef(
        "1 March 2015", *span(t, "1 March 2015"), "2015-03-01", "day", "2015-03-01", "2015-03-01"
    )
    shelling = "+Fighters of =SUM(A1) Brigade shelled Kirkuk on 1 March 2015, officials said."
    denial = "Asaib Ahl al-Haq denied that it fights the Islamic State."
    return Analysis(
        document=doc,
        entities=entities,
        dates=(march,),
        relations=(
            Relation("E1", "fights_against", "E2", (ev(doc, shelling, "relations.v1"),)),
            Relation(
                "E3", "fights_against", "E4", (ev(doc, denial, "relations.v1"),), modality="denied"
            ),
            Relation(
                "E5",
                "leader_of",
                "E3",
                (ev(doc, "Qais al-Khazali, the leader of Asaib Ahl al-Haq", "relations.v1"),),
            ),
        ),
        events=(
            Event(
                "ASSAULT",
                (ev(doc, shelling, "events.v1"),),
                actors=("E1",),
                locations=("E2",),
                mode="explosives",
                date=march,
                modality="reported",
                confidence=0.7,
            ),
        ),
        stages=STAGES,
    )
