"""Three hand-made analyses (no spaCy) for the filters of listings, the API and exports.

- A (2016-05-04, North Wire): the Northern Brigade attacks the army in Tel Hamra (Syria,
  Aleppo) on 3 May 2016, reported by the police: 12 killed per the police, 9 per the army
  (ASSAULT, confidence 0.8); Samir Haddad leads the brigade (0.9) and is quoted (0.9).
- B (2016-06-10, South Post): the Southern Front denies attacking Kessa (Lebanon; an
  undated ASSAULT, 0.4); it is alleged to operate in Kessa (0.5); protesters rally in Kessa
  and Douma (Syria) on 8 June 2016 (PROTEST in two places, 0.6).
- C (no date, no publisher): Northern Brigade fighters arrest two journalists (an undated
  COERCE/arrest, 0.3, 2 arrested); Haddad leads the brigade (0.6).
"""

from __future__ import annotations

from pathlib import Path

from actorgraph.model import (
    Analysis,
    Casualty,
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
from actorgraph.store import open_store

STAGES: tuple[tuple[str, str], ...] = (
    ("entities", "entities.v1"),
    ("aliases", "aliases.v1"),
    ("dates", "dates.v1"),
    ("quotes", "quotes.v1"),
    ("relations", "relations.v1"),
    ("events", "events.v1"),
)
TEL_HAMRA = Place(36.2, 37.1, "SY", "Aleppo", "city", "geonames:1")
KESSA = Place(33.9, 35.9, "LB", "Beqaa", "city", "geonames:2")
DOUMA = Place(33.57, 36.4, "SY", "Rif Dimashq", "city", "geonames:3")

TEXT_A = (
    "Gunmen of the Northern Brigade attacked the army in Tel Hamra on 3 May 2016, killing at "
    "least 12 soldiers, police said. The army said 9 soldiers were killed. Samir Haddad, the "
    'commander of the Northern Brigade, said: "We will hold the line."'
)
TEXT_B = (
    "The Southern Front denied that it attacked Kessa. It is said to operate in Kessa. "
    "Protesters rallied in Kessa and Douma on 8 June 2016."
)
TEXT_C = (
    "Northern Brigade fighters arrested two journalists. Samir Haddad leads the Northern Brigade."
)


def span(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def _entity(text: str, local: str, name: str, type_: str, **kw: object) -> Entity:
    start, end = span(text, name)
    return Entity(local, name, type_, (Mention(start, end, name, "NER"),), (name,), **kw)  # type: ignore[arg-type]


def _ev(doc: Document, words: str, confidence: float = 0.9) -> tuple[Evidence, ...]:
    return (Evidence(doc.id, *span(doc.text, words), "events.v1", confidence),)


def analysis_a() -> Analysis:
    doc = Document.from_text(TEXT_A, title="Attack on Tel Hamra", published="2016-05-04",
                             publisher="North Wire")  # fmt: skip
    t = doc.text
    may = DateRef("3 May 2016", *span(t, "3 May 2016"), "2016-05-03", "day", "2016-05-03",
                  "2016-05-03")  # fmt: skip
    killed = (
        Casualty("killed", 12, _ev(doc, "at least 12 soldiers"), "at least", "reported", "E3"),
        Casualty("killed", 9, _ev(doc, "9 soldiers"), None, "reported", "E4"),
    )
    q = span(t, "We will hold the line.")
    return Analysis(
        document=doc,
        entities=(
            _entity(t, "E1", "Northern Brigade", "ORG", kind="armed_group"),
            _entity(t, "E2", "Tel Hamra", "GPE", place=TEL_HAMRA),
            _entity(t, "E3", "police", "ORG"),
            _entity(t, "E4", "army", "ORG", kind="state_force"),
            _entity(t, "E5", "Samir Haddad", "PERSON"),
        ),
        dates=(may,),
        quotes=(Quote("direct", "We will hold the line.", *q, "E5", confidence=0.9),),
        relations=(
            Relation(
                "E5",
                "leader_of",
                "E1",
                _ev(doc, "the commander of the Northern Brigade"),
                confidence=0.9,
            ),
        ),
        events=(
            Event(
                "ASSAULT",
                _ev(doc, "Gunmen of the Northern Brigade attacked the army in Tel Hamra"),
                actors=("E1",),
                targets=("E4",),
                locations=("E2",),
                date=may,
                modality="reported",
                attributed_to="E3",
                confidence=0.8,
                casualties=killed,
            ),
        ),
        stages=STAGES,
    )


def analysis_b() -> Analysis:
    doc = Document.from_text(TEXT_B, title="Denial and protests", published="2016-06-10",
                             publisher="South Post")  # fmt: skip
    t = doc.text
    june = DateRef("8 June 2016", *span(t, "8 June 2016"), "2016-06-08", "day", "2016-06-08",
                   "2016-06-08")  # fmt: skip
    return Analysis(
        document=doc,
        entities=(
            _entity(t, "E1", "Southern Front", "ORG", kind="armed_group"),
            _entity(t, "E2", "Kessa", "GPE", place=KESSA),
            _entity(t, "E3", "Douma", "GPE", place=DOUMA),
        ),
        dates=(june,),
        relations=(
            Relation(
                "E1",
                "operates_in",
                "E2",
                _ev(doc, "It is said to operate in Kessa."),
                modality="alleged",
                confidence=0.5,
            ),
        ),
        events=(
            Event(
                "ASSAULT",
                _ev(doc, "The Southern Front denied that it attacked Kessa."),
                actors=("E1",),
                targets=("E2",),
                modality="denied",
                confidence=0.4,
            ),
            Event(
                "PROTEST",
                _ev(doc, "Protesters rallied in Kessa and Douma on 8 June 2016."),
                locations=("E2", "E3"),
                mode="demo",
                date=june,
                confidence=0.6,
            ),
        ),
        stages=STAGES,
    )


def analysis_c() -> Analysis:
    doc = Document.from_text(TEXT_C, title="Journalists held")
    t = doc.text
    arrested = (Casualty("arrested", 2, _ev(doc, "two journalists")),)
    return Analysis(
        document=doc,
        entities=(
            _entity(t, "E1", "Northern Brigade", "ORG", kind="armed_group"),
            _entity(t, "E2", "Samir Haddad", "PERSON"),
        ),
        relations=(
            Relation(
                "E2",
                "leader_of",
                "E1",
                _ev(doc, "Samir Haddad leads the Northern Brigade"),
                confidence=0.6,
            ),
        ),
        events=(
            Event(
                "COERCE",
                _ev(doc, "Northern Brigade fighters arrested two journalists."),
                actors=("E1",),
                mode="arrest",
                confidence=0.3,
                casualties=arrested,
            ),
        ),
        stages=STAGES,
    )


def build(path: Path) -> Path:
    """Save the three analyses in a new SQLite store at ``path``; return the path."""
    with open_store(path) as store:
        for analysis in (analysis_a(), analysis_b(), analysis_c()):
            assert store.save(analysis) == "added"
    return path
