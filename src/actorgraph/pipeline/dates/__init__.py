"""The dates stage: date expressions with their ISO values, resolved against the
publication date."""

from actorgraph.pipeline.dates._extract import STAGE, DateResult, extract_dates

__all__ = ["STAGE", "DateResult", "extract_dates"]
