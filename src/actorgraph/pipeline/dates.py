"""Find date expressions and normalise them against the publication date."""

from __future__ import annotations

from dataclasses import dataclass

from actorgraph.model import DateRef
from actorgraph.pipeline.nlp import ParsedDoc

STAGE = "dates.v1"


@dataclass(frozen=True)
class DateResult:
    dates: tuple[DateRef, ...]


def extract_dates(parsed: ParsedDoc) -> DateResult:
    """Return every date expression with its normalised value (placeholder)."""
    return DateResult(())
