"""Property tests: any text through every stage (the real model) gives a valid analysis or
one clear error, on each path a document takes: the library call and batch ingest."""

from __future__ import annotations

from typing import Any

from fuzz_checks import check_analysis, outcome
from fuzz_strategies import PUBLISHED, texts, with_surrogate
from hypothesis import given
from hypothesis import strategies as st

from actorgraph.batch._worker import analysed
from actorgraph.ingest import Failure
from actorgraph.model import Document
from actorgraph.pipeline.analyze import analyze_document


@given(text=texts(), published=PUBLISHED)
def test_pipeline_any_text_is_analysed_or_refused_clearly(
    nlp: Any, text: str, published: str | None
) -> None:
    doc = Document.from_text(text, published=published)
    kind, _ = outcome(lambda: analyze_document(doc, nlp=nlp))
    assert kind in ("analysis", "error")


@given(text=with_surrogate())
def test_pipeline_lone_surrogate_is_an_input_error(nlp: Any, text: str) -> None:
    kind, message = outcome(lambda: analyze_document(Document.from_text(text), nlp=nlp))
    assert kind == "error"
    assert "surrogate" in message


@given(batch=st.lists(st.tuples(texts(), PUBLISHED), min_size=1, max_size=4))
def test_pipeline_batch_reports_each_document_once(
    nlp: Any, batch: list[tuple[str, str | None]]
) -> None:
    docs = [Document.from_text(t, published=p, source=f"doc{i}") for i, (t, p) in enumerate(batch)]
    failures: list[Failure] = []
    analyses = list(analysed(docs, nlp, failures, 2))
    for analysis in analyses:
        check_analysis(analysis)
    assert all(f.message.strip() for f in failures)
    # every document comes back, as an analysis or as a failure naming it
    assert sorted(
        [a.document.source or "" for a in analyses] + [f.source for f in failures]
    ) == sorted(d.source or "" for d in docs)
