"""Every option with its name, default and help, in one place.

Each field's docstring is its help. Values can be overridden by environment variables
named ``ACTORGRAPH_<NAME>`` and by CLI flags; the CLI reads its defaults from here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from typing import Any


@dataclass(frozen=True)
class Settings:
    db: str = "actorgraph.db"
    """Store location: a SQLite path or a postgresql:// URL."""
    model: str = "auto"
    """spaCy pipeline: 'auto' (en_core_web_md if installed, else sm), 'md', 'sm', or a path."""
    max_bytes: int = 10_000_000
    """Largest input file or record accepted, in bytes; larger ones are reported and skipped."""
    max_chars: int = 2_000_000
    """Largest document text analysed, in characters."""
    max_quote_chars: int = 2_000
    """Longest span accepted as one direct quote."""
    nlp_max_length: int = 2_500_000
    """spaCy's max_length (characters per parse)."""
    max_seconds: int = 120
    """Longest time the stages may spend on one document after parsing, in seconds."""
    max_tokens: int = 500_000
    """Most tokens (words and punctuation, estimated before parsing) in one document."""
    max_symbol_run: int = 200
    """Longest run of punctuation or symbols with no space, letter or digit in a document
    (spaCy's tokenizer takes time growing with its square)."""
    workers: int = 0
    """Worker processes for ingest; 0 means one per core."""
    dask: str = ""
    """Dask scheduler for ingest: an address (tcp://host:8786) or local:N; empty = no Dask."""

    @classmethod
    def from_env(cls, **overrides: Any) -> Settings:
        """Build settings from ACTORGRAPH_* environment variables, then ``overrides``."""
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = os.environ.get(f"ACTORGRAPH_{f.name.upper()}")
            if raw is not None:
                values[f.name] = int(raw) if f.type in ("int", int) else raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        return replace(cls(), **values)
