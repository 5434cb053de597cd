"""JSON Schemas of what actorgraph writes, shipped as package data."""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

ANALYSIS = "analysis-1.schema.json"


@functools.cache
def analysis_schema() -> dict[str, Any]:
    """Return the JSON Schema of the ``actorgraph.analysis/1`` JSON (``jsonout.to_json``)."""
    text = resources.files(__name__).joinpath(ANALYSIS).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
