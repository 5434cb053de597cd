"""Find direct and indirect quotes and attach each to its speaker."""

from __future__ import annotations

from dataclasses import dataclass

from actorgraph.model import Quote
from actorgraph.pipeline.entities import EntityResult
from actorgraph.pipeline.nlp import ParsedDoc

STAGE = "quotes.v1"


@dataclass(frozen=True)
class QuoteResult:
    quotes: tuple[Quote, ...]
    skipped: tuple[str, ...] = ()


def extract_quotes(parsed: ParsedDoc, entities: EntityResult, *, max_len: int = 2000) -> QuoteResult:
    """Find direct and indirect quotes (placeholder)."""
    return QuoteResult(())
