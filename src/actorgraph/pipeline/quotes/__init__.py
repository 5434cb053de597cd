"""The quotes stage: direct and indirect quotes, each attached to its speaker."""

from actorgraph.pipeline.quotes._extract import STAGE, QuoteResult, extract_quotes

__all__ = ["STAGE", "QuoteResult", "extract_quotes"]
