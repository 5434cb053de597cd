"""What the harnesses share: the import path, the checks and a vocabulary of news text.

The checks are tests/fuzz/fuzz_checks.py, so a harness and the property tests judge an
input the same way. The vocabulary lets the fuzzer reach the stages' rules (quotes,
speech cues, names, dates) sooner than from random characters alone.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "fuzz"))
sys.path.insert(0, str(ROOT / "src"))

from fuzz_strategies import WORDS  # noqa: E402  (the tests' vocabulary)


def news_text(fdp: Any, max_items: int = 120) -> str:
    """Return text built from the vocabulary and raw characters, as the input decides."""
    parts: list[str] = []
    for _ in range(fdp.ConsumeIntInRange(0, max_items)):
        if fdp.ConsumeIntInRange(0, 9) == 0:
            parts.append(fdp.ConsumeUnicode(fdp.ConsumeIntInRange(0, 12)))
        else:
            parts.append(WORDS[fdp.ConsumeIntInRange(0, len(WORDS) - 1)])
        if fdp.ConsumeBool():
            parts.append(" ")
    return "".join(parts)
