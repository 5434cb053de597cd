"""A fourth hand-made analysis (no spaCy) for the map, beside listing_samples' three.

- D (2016-07-04, East Courier): rebels shell Al-Bayda and Zarzour in Syria on 2 July 2016,
  wounding 4 (ASSAULT located at Al-Bayda, without coordinates, Syria, a country, and
  Zarzour, a city: shown at Zarzour, some 30 km from A's Tel Hamra); rebels attack
  Wadi Zeit on 3 July 2016, a place the gazetteer has no coordinates for (ASSAULT,
  alleged).

With A, B and C the map has, by place: Tel Hamra (A's reported ASSAULT, 12 killed),
Zarzour (D's ASSAULT, 4 injured), Douma (B's PROTEST in Kessa and Douma: both cities,
Douma first by name); and off the map: B's denied ASSAULT and C's COERCE (no place), D's
Wadi Zeit attack (no coordinates).
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
)
from actorgraph.store import Store, open_store
from listing_samples import STAGES, analysis_a, analysis_b, analysis_c, span

ZARZOUR = Place(36.35, 37.4, "SY", "Aleppo", "city", "geonames:4")
SYRIA = Place(35.0, 38.0, "SY", None, "country", "geonames:5")

TEXT_D = (
    "Rebels shelled Al-Bayda and Zarzour in Syria on 2 July 2016, wounding 4 people, a "
    "monitor said. "
    "Rebels also attacked Wadi Zeit on 3 July 2016, the army said."
)
SHELLED = "Rebels shelled Al-Bayda and Zarzour in Syria on 2 July 2016, wounding 4 people"
WADI = "Rebels also attacked Wadi Zeit on 3 July 2016"


def _day(text: str, words: str, value: str) -> DateRef:
    return DateRef(words, *span(text, words), value, "day", value, value)


def analysis_d() -> Analysis:
    doc = Document.from_text(TEXT_D, title="Shelling in Zarzour", published="2016-07-04",
                             publisher="East Courier")  # fmt: skip
    t = doc.text

    def entity(local: str, name: str, type_: str, place: Place | None = None) -> Entity:
        start, end = span(t, name)
        return Entity(local, name, type_, (Mention(start, end, name, "NER"),), place=place)

    def ev(words: str) -> tuple[Evidence, ...]:
        return (Evidence(doc.id, *span(t, words), "events.v1", 0.7),)

    return Analysis(
        document=doc,
        entities=(
            entity("E1", "Rebels", "NORP"),
            entity("E2", "Zarzour", "GPE", ZARZOUR),
            entity("E3", "Syria", "GPE", SYRIA),
            entity("E4", "Wadi Zeit", "LOC"),
            entity("E5", "Al-Bayda", "LOC"),
        ),
        dates=(_day(t, "2 July 2016", "2016-07-02"), _day(t, "3 July 2016", "2016-07-03")),
        events=(
            Event(
                "ASSAULT",
                ev(SHELLED),
                actors=("E1",),
                locations=("E5", "E3", "E2"),
                date=_day(t, "2 July 2016", "2016-07-02"),
                confidence=0.7,
                casualties=(Casualty("injured", 4, ev("wounding 4 people")),),
            ),
            Event(
                "ASSAULT",
                ev(WADI),
                actors=("E1",),
                locations=("E4",),
                date=_day(t, "3 July 2016", "2016-07-03"),
                modality="alleged",
                confidence=0.7,
            ),
        ),
        stages=STAGES,
    )


def save_map(store: Store) -> None:
    """Save the analyses A, B, C and D in ``store``."""
    for analysis in (analysis_a(), analysis_b(), analysis_c(), analysis_d()):
        assert store.save(analysis) == "added"


def build_map(path: Path) -> Path:
    """Save the analyses A, B, C and D in a new SQLite store at ``path``; return the path."""
    with open_store(path) as store:
        save_map(store)
    return path


HOSTILE_PLACE = '<img src=x onerror="alert(1)">Tel Qasr'
HOSTILE_ACTOR = "<script>alert(2)</script>Brigade"
TEXT_HOSTILE = (
    f"The {HOSTILE_ACTOR} attacked {HOSTILE_PLACE} on 5 May 2016, killing 3 people. "
    '<a href="javascript:alert(3)">Witnesses</a> said so.'
)


def analysis_hostile() -> Analysis:
    """One event whose place, actor, sentence and title are markup: shown as text."""
    doc = Document.from_text(TEXT_HOSTILE, title="<b>Raid</b><script>alert(4)</script>",
                             published="2016-05-06")  # fmt: skip
    t = doc.text

    def entity(local: str, name: str, type_: str, place: Place | None = None) -> Entity:
        start, end = span(t, name)
        return Entity(local, name, type_, (Mention(start, end, name, "NER"),), place=place)

    sentence = f"The {HOSTILE_ACTOR} attacked {HOSTILE_PLACE} on 5 May 2016, killing 3 people."
    evidence = (Evidence(doc.id, *span(t, sentence), "events.v1", 0.9),)
    return Analysis(
        document=doc,
        entities=(
            entity("E1", HOSTILE_ACTOR, "ORG"),
            entity("E2", HOSTILE_PLACE, "GPE", Place(34.0, 36.0, "LB", None, "city")),
        ),
        dates=(_day(t, "5 May 2016", "2016-05-05"),),
        events=(
            Event(
                "ASSAULT",
                evidence,
                actors=("E1",),
                locations=("E2",),
                date=_day(t, "5 May 2016", "2016-05-05"),
                casualties=(Casualty("killed", 3, evidence),),
            ),
        ),
        stages=STAGES,
    )
