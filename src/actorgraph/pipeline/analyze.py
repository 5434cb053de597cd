"""Run the stages over one document: the explicit list of stages lives here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from actorgraph.errors import LimitError
from actorgraph.model import Analysis, Document
from actorgraph.pipeline import calibration, dates, entities, events, places, quotes, relations
from actorgraph.pipeline.layout import remember
from actorgraph.pipeline.limits import Limits, check_text, check_time, deadline
from actorgraph.pipeline.nlp import ParsedDoc, load, model_id, parse, parser_text, release

STAGES: tuple[tuple[str, str], ...] = (
    ("entities", entities.STAGE),
    ("aliases", entities.ALIASES_STAGE),
    ("places", places.STAGE),
    ("actors", entities.ACTORS_STAGE),
    ("dates", dates.STAGE),
    ("quotes", quotes.STAGE),
    ("relations", relations.STAGE),
    ("events", events.STAGE),
)


def stage_versions(model: str | None) -> tuple[tuple[str, str], ...]:
    """The versions an analysis is made with: each stage's, the calibration's, the model's."""
    stages = (*STAGES, ("calibration", calibration.version()))
    return (*stages, ("model", model)) if model else stages


def reference_date(published: str | None) -> dt.date | None:
    """Return the date relative expressions resolve against, or None when unknown."""
    if not published:
        return None
    parts = published.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2][:2]) if len(parts) > 2 else 1
        return dt.date(year, month, day)
    except (ValueError, IndexError):
        return None


def analyze_parsed(
    parsed: ParsedDoc,
    *,
    max_quote_chars: int = 2000,
    limits: Limits | None = None,
    calibrated: bool = True,
) -> Analysis:
    """Run every stage on a parsed document, within ``limits.max_seconds``.

    ``limits`` defaults to the ACTORGRAPH_* environment (see ``Settings``); a document
    that runs over raises ``LimitError``.
    """
    limits = limits or Limits.from_env()
    with deadline(limits.max_seconds):
        remember(parsed.doc, parsed.text)
        found = entities.extract_entities(parsed)
        check_time("entities")
        found = entities.resolve_aliases(parsed, found)
        check_time("aliases")
        found = places.resolve_places(parsed, found)
        check_time("places")
        found = entities.add_generic_actors(parsed, found)
        check_time("actors")
        date_result = dates.extract_dates(parsed)
        check_time("dates")
        quote_result = quotes.extract_quotes(parsed, found, max_len=max_quote_chars)
        check_time("quotes")
        event_result = events.extract_events(parsed, found, date_result.dates, quote_result.quotes)
        check_time("events")
        if event_result.same_as:  # a headline's "Rebels" were the group its lead names
            found = entities.fold_same(found, event_result.same_as)
            quote_result = quote_result.speakers_renamed(event_result.same_as)
        relation_result = relations.extract_relations(
            parsed,
            found,
            dates=date_result.dates,
            quotes=quote_result.quotes,
            events=event_result.events + event_result.standing,
        )
        check_time("relations")
    release(parsed.doc)
    rels, evs = relation_result.relations, event_result.events
    if calibrated:  # confidence as the share of such facts that are right
        rels, evs = calibration.apply(rels, evs)
    notes: list[str] = []
    if parsed.reference is None:
        notes.append(
            "publication date unknown: relative dates (last June, this week) are left "
            "unresolved; give --published YYYY-MM-DD or metadata to resolve them"
        )
    notes.extend(f"quotes: {s}" for s in quote_result.skipped)
    return Analysis(
        document=parsed.document,
        entities=found.entities + quote_result.entities,
        quotes=quote_result.quotes,
        dates=date_result.dates,
        relations=rels,
        events=evs,
        stages=stage_versions(parsed.model),
        notes=tuple(notes),
    )


def analyze_document(
    document: Document, *, nlp: Any = None, model: str = "auto", limits: Limits | None = None
) -> Analysis:
    """Parse and analyse one document; ``LimitError`` if it is over ``limits``."""
    limits = limits or Limits.from_env()
    check_text(document.text, limits)
    nlp = nlp if nlp is not None else load(model)
    parsed = parse(document, reference=reference_date(document.published), nlp=nlp)
    return analyze_parsed(parsed, limits=limits)


def analyze_many(
    documents: Iterable[Document],
    *,
    nlp: Any = None,
    model: str = "auto",
    batch_size: int = 16,
    limits: Limits | None = None,
    calibrated: bool = True,
) -> Iterator[Analysis]:
    """Analyse documents in order, parsing them in batches with ``nlp.pipe``.

    A document over ``limits`` raises ``LimitError`` when its turn comes.
    """
    limits = limits or Limits.from_env()
    nlp = nlp if nlp is not None else load(model)
    buffer: list[Document] = []

    def flush() -> Iterator[Analysis]:
        docs = nlp.pipe([parser_text(d.text) for d in buffer], batch_size=batch_size)
        for document, doc in zip(buffer, docs, strict=True):
            ref = reference_date(document.published)
            parsed = ParsedDoc(document, doc, ref, model_id(nlp))
            yield analyze_parsed(parsed, limits=limits, calibrated=calibrated)
        buffer.clear()

    for document in documents:
        try:
            check_text(document.text, limits)
        except LimitError:
            yield from flush()  # the documents before it come out first
            raise
        buffer.append(document)
        if len(buffer) >= batch_size:
            yield from flush()
    if buffer:
        yield from flush()
