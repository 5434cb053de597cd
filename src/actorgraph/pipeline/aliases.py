"""Within-document alias resolution: one entity per actor, every spelling an alias."""

from __future__ import annotations

from actorgraph.pipeline.entities import EntityResult
from actorgraph.pipeline.nlp import ParsedDoc

STAGE = "aliases.v1"


def resolve_aliases(parsed: ParsedDoc, found: EntityResult) -> EntityResult:
    """Merge mentions that name the same actor (placeholder: identity)."""
    return found
