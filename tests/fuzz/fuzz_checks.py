"""What every outcome of reading or analysing must satisfy (tests/fuzz and fuzz/ use it).

An analysis: every offset inside the text, every quoted, dated or mentioned text equal to
the text at its offsets, every entity id it refers to defined, and its JSON valid against
the packaged schema and encodable as UTF-8. An error: an ``ActorgraphError`` (or a reader
``Failure``) with a message.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import jsonschema

from actorgraph.errors import ActorgraphError
from actorgraph.ingest import Failure
from actorgraph.jsonout import to_json
from actorgraph.model import Analysis, DateRef, Document, Evidence, text_id
from actorgraph.schemas import analysis_schema

_PUBLISHED = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_VALIDATOR = jsonschema.Draft202012Validator(analysis_schema())


def _span(text: str, start: int, end: int, what: str) -> None:
    assert 0 <= start <= end <= len(text), f"{what} [{start}, {end}) outside 0..{len(text)}"


def _evidence(doc: Document, ev: Evidence, what: str) -> None:
    _span(doc.text, ev.start, ev.end, f"{what} evidence")
    assert ev.document_id == doc.id, f"{what} evidence names another document"
    assert 0.0 <= ev.confidence <= 1.0, f"{what} evidence confidence {ev.confidence}"


def _date(doc: Document, d: DateRef, what: str) -> None:
    _span(doc.text, d.start, d.end, what)
    assert d.start < d.end, f"{what} is empty"
    assert d.text == doc.text[d.start : d.end], f"{what} text is not the text at its offsets"
    for ev in d.evidence:
        _evidence(doc, ev, what)


def check_analysis(analysis: Analysis) -> dict[str, Any]:
    """Assert that ``analysis`` is valid; return its JSON (``jsonout.to_json``)."""
    doc = analysis.document
    text = doc.text
    assert doc.id == text_id(text), "document id is not the hash of its text"
    ids = [e.id for e in analysis.entities]
    assert len(ids) == len(set(ids)), "entity ids repeat"
    known = set(ids)
    for e in analysis.entities:
        assert e.mentions, f"entity {e.id} has no mention"
        for m in e.mentions:
            _span(text, m.start, m.end, f"mention of {e.id}")
            assert m.start < m.end, f"empty mention of {e.id}"
            assert m.text == text[m.start : m.end], f"mention of {e.id} is not the text there"
    for q in analysis.quotes:
        _span(text, q.start, q.end, "quote")
        assert q.text == text[q.start : q.end], "quote text is not the text at its offsets"
        assert q.speaker is None or q.speaker in known, f"quote speaker {q.speaker} unknown"
        if q.speaker_mention is not None:
            s, e = q.speaker_mention
            _span(text, s, e, "speaker mention")
            assert q.speaker_text == text[s:e], "speaker text is not the text at its offsets"
        if q.cue_span is not None:
            _span(text, *q.cue_span, "cue")
            assert q.cue == text[q.cue_span[0] : q.cue_span[1]], "cue is not the text there"
        for ev in q.evidence:
            _evidence(doc, ev, "quote")
    for d in analysis.dates:
        _date(doc, d, "date")
    for r in analysis.relations:
        assert r.evidence, "relation without evidence"
        for ev in r.evidence:
            _evidence(doc, ev, "relation")
        for ref in (r.subject, r.object, r.attributed_to):
            assert ref is None or ref in known, f"relation names unknown entity {ref}"
    for ev_ in analysis.events:
        assert ev_.evidence, "event without evidence"
        for ev in ev_.evidence:
            _evidence(doc, ev, "event")
        for ref in (*ev_.actors, *ev_.targets, *ev_.locations, ev_.attributed_to):
            assert ref is None or ref in known, f"event names unknown entity {ref}"
        if ev_.date is not None:
            _date(doc, ev_.date, "event date")
    out = to_json(analysis)
    errors = sorted(_VALIDATOR.iter_errors(out), key=lambda e: list(e.absolute_path))
    assert not errors, "; ".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])
    # what `actorgraph analyze` prints, and what the store keeps, is UTF-8
    json.dumps(out, ensure_ascii=False).encode("utf-8")
    return out


def check_document(doc: Document) -> None:
    """Assert that a reader's Document is text the pipeline can take."""
    assert doc.text.strip(), "document text is empty"
    assert doc.id == text_id(doc.text), "document id is not the hash of its text"
    doc.text.encode("utf-8")  # no lone surrogates
    assert "\r" not in doc.text, "newlines are not normalised"
    for name in ("title", "publisher", "author", "url"):
        value = getattr(doc, name)
        assert value is None or (isinstance(value, str) and value.strip()), f"empty {name}"
        if value is not None:
            value.encode("utf-8")
    assert doc.published is None or _PUBLISHED.fullmatch(doc.published), doc.published


def check_read(items: list[Document | Failure], source: str) -> None:
    """Assert that what a reader yielded for ``source`` is Documents and clear Failures."""
    for item in items:
        if isinstance(item, Failure):
            assert item.message.strip(), "a failure without a message"
            assert item.source.startswith(source.rsplit(".", 1)[0]), item.source
        else:
            assert isinstance(item, Document), type(item)
            check_document(item)


Outcome = tuple[str, Any]  # ("analysis", its JSON) or ("error", the message)


def outcome(run: Callable[[], Analysis]) -> Outcome:
    """Run an analysis; return its checked JSON, or the message of the one clear error."""
    try:
        analysis = run()
    except ActorgraphError as exc:
        message = str(exc)
        assert message.strip(), f"{type(exc).__name__} without a message"
        return "error", message
    return "analysis", check_analysis(analysis)
