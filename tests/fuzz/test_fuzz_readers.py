"""Property tests: whatever bytes a file holds, the readers yield Documents the pipeline
can take and Failures with a message, and never raise."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fuzz_checks import check_read, outcome
from fuzz_strategies import (
    encoded,
    html_texts,
    json_values,
    jsonl_bytes,
    markdown_texts,
    news_texts,
    records,
)
from hypothesis import given
from hypothesis import strategies as st

from actorgraph.ingest import read_file
from actorgraph.model import Document
from actorgraph.pipeline.analyze import analyze_document

CONTENT = {
    ".txt": st.one_of(st.binary(max_size=200), encoded(news_texts())),
    ".md": st.one_of(st.binary(max_size=200), encoded(markdown_texts())),
    ".html": st.one_of(st.binary(max_size=200), encoded(html_texts())),
    ".jsonl": st.one_of(st.binary(max_size=200), jsonl_bytes()),
}


@contextmanager
def folder() -> Iterator[Path]:
    # not tmp_path: hypothesis runs many examples in one test function
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def read(path: Path) -> list[Any]:
    items = list(read_file(path))
    check_read(items, str(path))
    return items


@given(suffix=st.sampled_from(sorted(CONTENT)), data=st.data())
def test_readers_any_bytes(suffix: str, data: st.DataObject) -> None:
    content = data.draw(CONTENT[suffix])
    with folder() as d:
        path = d / f"doc{suffix}"
        path.write_bytes(content)
        read(path)


@given(record=st.one_of(records(), json_values()), sidecar=st.one_of(records(), json_values()))
def test_readers_json_record_and_sidecar(record: Any, sidecar: Any) -> None:

    with folder() as d:
        (d / "doc.json").write_text(json.dumps(record), encoding="utf-8")
        (d / "page.txt").write_text("Omar Tahir spoke in Baghdad on Monday.", encoding="utf-8")
        (d / "page.meta.json").write_text(json.dumps(sidecar), encoding="utf-8")
        read(d / "doc.json")
        items = read(d / "page.txt")
        assert any(isinstance(i, Document) for i in items)  # a bad sidecar never loses it


@given(content=jsonl_bytes())
def test_readers_then_pipeline(nlp: Any, content: bytes) -> None:
    with folder() as d:
        path = d / "docs.jsonl"
        path.write_bytes(content)
        for item in read(path):
            if isinstance(item, Document):
                outcome(lambda item=item: analyze_document(item, nlp=nlp))
