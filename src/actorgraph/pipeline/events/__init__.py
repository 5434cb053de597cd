"""The events stage: PLOVER events with their actors, targets, places and dates."""

from actorgraph.pipeline.events._build import STAGE
from actorgraph.pipeline.events._extract import EventResult, extract_events

__all__ = ["STAGE", "EventResult", "extract_events"]
