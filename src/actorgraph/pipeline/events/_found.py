"""An event found in the parse, before it becomes a ``model.Event``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from actorgraph.model import DateRef
from actorgraph.pipeline.events._casualties import Count
from actorgraph.pipeline.events._resolver import Args


@dataclass
class Found:
    trigger: Any
    type: str
    mode: str | None
    args: Args
    noun: bool
    sent: Any
    date: DateRef | None = None
    confidence: float = 0.0
    casualties: list[Count] = field(default_factory=list)
    sentences: list[Any] = field(default_factory=list)  # more sentences telling it (coreference)
