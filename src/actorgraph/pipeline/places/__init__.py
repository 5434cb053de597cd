"""The places stage: every GPE, LOC and FAC resolved offline in the gazetteer."""

from actorgraph.pipeline.places._candidate import distance_km
from actorgraph.pipeline.places._names import COMPASS
from actorgraph.pipeline.places._resolve import STAGE, resolve_places

__all__ = ["COMPASS", "STAGE", "distance_km", "resolve_places"]
