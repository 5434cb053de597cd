"""The places stage: every GPE, LOC and FAC resolved offline in the gazetteer."""

from actorgraph.pipeline.places._resolve import STAGE, resolve_places

__all__ = ["STAGE", "resolve_places"]
