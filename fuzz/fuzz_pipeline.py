"""Fuzz every pipeline stage through ``analyze_document`` on the real spaCy model.

    python fuzz/fuzz_pipeline.py [CORPUS_DIR] -max_total_time=300

Any input must give a valid analysis (see tests/fuzz/fuzz_checks.py) or one
``ActorgraphError``; anything else is a crash and libFuzzer saves the input.
"""

from __future__ import annotations

import sys

import atheris
from _common import news_text

with atheris.instrument_imports(include=["actorgraph"]):
    from fuzz_checks import outcome

    from actorgraph.model import Document
    from actorgraph.pipeline.analyze import analyze_document
    from actorgraph.pipeline.limits import Limits
    from actorgraph.pipeline.nlp import load

NLP = load("auto")
LIMITS = Limits(max_seconds=20)
PUBLISHED = (None, "2014", "2014-06", "2016-03-01", "0001-01-01", "9999-12-31")


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    published = PUBLISHED[fdp.ConsumeIntInRange(0, len(PUBLISHED) - 1)]
    text = news_text(fdp) if fdp.ConsumeBool() else fdp.ConsumeUnicode(fdp.remaining_bytes())
    if not text:
        return
    doc = Document.from_text(text, published=published)
    outcome(lambda: analyze_document(doc, nlp=NLP, limits=LIMITS))


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
