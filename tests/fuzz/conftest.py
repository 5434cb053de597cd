"""Hypothesis profiles for the fuzz tests: short by default, long with HYPOTHESIS_PROFILE=fuzz.

The default profile keeps `make test` fast and repeatable (derandomized, no example
database); `make fuzz` selects the long one, which explores at random and keeps the
examples it found in .hypothesis/. Neither has a per-example deadline: time is bounded by
the pipeline's own per-document deadline (Settings.max_seconds), not by the test.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]

settings.register_profile(
    "quick", max_examples=25, deadline=None, derandomize=True, database=None,
    suppress_health_check=_SLOW, print_blob=True,
)  # fmt: skip
settings.register_profile(
    "fuzz", max_examples=2000, deadline=None, suppress_health_check=_SLOW, print_blob=True
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))
