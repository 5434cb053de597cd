"""The confidence calibration: a monotone map fitted on how often facts were right."""

from __future__ import annotations

import pytest

from actorgraph.pipeline import calibration


def test_calibration_fit_is_monotone_and_pessimistic_for_few_facts() -> None:
    observed = [(0.3, False), (0.4, False), (0.5, True), (0.6, False), (0.7, True),
                (0.8, True), (0.9, True), (0.9, True)]  # fmt: skip
    bounds, values = calibration.fit(observed)
    assert bounds == sorted(bounds)
    assert values == sorted(values) and len(set(values)) == len(values)
    assert all(0 < v < 1 for v in values)
    # four right of four at the top: (4 + 1) / (4 + 3), not 1.0
    assert values[-1] == pytest.approx(5 / 7, abs=1e-3)


def test_calibration_lookup_takes_the_block_of_a_raw_confidence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fitted = {"event": ((0.4, 0.7, 0.95), (0.2, 0.5, 0.8))}
    monkeypatch.setattr(calibration, "table", lambda: fitted)
    assert calibration.calibrate("event", 0.1) == 0.2
    assert calibration.calibrate("event", 0.6) == 0.5
    assert calibration.calibrate("event", 0.99) == 0.8
    assert calibration.calibrate("relation", 0.66) == 0.66  # a kind never fitted
