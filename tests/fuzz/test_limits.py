"""Per-document limits: refused before parsing, stopped by the deadline, named in the error."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import pytest

from actorgraph.batch._worker import analysed
from actorgraph.batch.local import ingest
from actorgraph.errors import ActorgraphError, LimitError
from actorgraph.ingest import Failure
from actorgraph.model import Analysis, Document
from actorgraph.pipeline.analyze import analyze_document, analyze_many
from actorgraph.pipeline.limits import Limits, check_parse, check_text, check_time, deadline
from actorgraph.settings import Settings

TEXT = "Omar Tahir, the leader of the Badr Organization, said on Monday in Baghdad."
EXPIRED = Limits(max_seconds=-1)  # the deadline has passed before the first stage ends


class NoParse:
    """A pipeline that must not be called: the limits refuse the text before parsing."""

    def __call__(self, text: str) -> Any:
        raise AssertionError("parsed a text the limits should have refused")


class Sink:
    def __init__(self) -> None:
        self.saved: list[Analysis] = []

    def is_current(self, document_id: str, stages: dict[str, str]) -> bool:
        return False

    def save(self, analysis: Analysis) -> str:
        self.saved.append(analysis)
        return "added"


@pytest.mark.parametrize(
    ("text", "limits", "setting"),
    [
        ("a" * 101, Limits(max_chars=100), "max_chars"),
        ("a" + "!?" * 30 + "b", Limits(max_symbol_run=50), "max_symbol_run"),
        ("a" + "_" * 51, Limits(max_symbol_run=50), "max_symbol_run"),
        ("a, " * 40, Limits(max_tokens=79), "max_tokens"),
    ],
)
def test_limits_refuse_before_parsing(text: str, limits: Limits, setting: str) -> None:
    with pytest.raises(LimitError) as caught:
        analyze_document(Document.from_text(text), nlp=NoParse(), limits=limits)
    assert caught.value.setting == setting
    assert f"ACTORGRAPH_{setting.upper()}" in str(caught.value)
    assert hasattr(Settings, setting)


def test_limits_at_the_limit_pass() -> None:
    check_text("a" * 100, Limits(max_chars=100))
    check_parse("a" + "!?" * 25 + "b", Limits(max_symbol_run=50))
    check_parse("a, " * 40, Limits(max_tokens=80))  # 40 words and 40 commas


def test_limits_deadline_stops_the_stages(nlp: Any) -> None:
    with pytest.raises(LimitError) as caught:
        analyze_document(Document.from_text(TEXT), nlp=nlp, limits=EXPIRED)
    assert caught.value.setting == "max_seconds"
    assert "ACTORGRAPH_MAX_SECONDS" in str(caught.value)
    again = pickle.loads(pickle.dumps(caught.value))  # as it would come back from a worker
    assert (again.setting, str(again)) == ("max_seconds", str(caught.value))


def test_limits_check_time_outside_a_deadline_never_stops() -> None:
    check_time("anywhere")
    with deadline(-1), pytest.raises(LimitError):
        check_time("inside")
    check_time("after")


def test_limits_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACTORGRAPH_MAX_SECONDS", "7")
    monkeypatch.setenv("ACTORGRAPH_MAX_SYMBOL_RUN", "9")
    monkeypatch.setenv("ACTORGRAPH_MAX_TOKENS", "11")
    limits = Limits.from_env(max_tokens=12)
    assert (limits.max_seconds, limits.max_symbol_run, limits.max_tokens) == (7, 9, 12)
    with pytest.raises(LimitError, match="ACTORGRAPH_MAX_SYMBOL_RUN"):
        analyze_document(Document.from_text("a" + "-" * 10), nlp=NoParse())


def test_limits_batch_turns_each_refusal_into_a_failure(nlp: Any) -> None:
    docs = [
        Document.from_text(TEXT, source="good-1"),
        Document.from_text("“" * 1000, source="quotes"),
        Document.from_text("x\ud800", source="surrogate"),
        Document.from_text(TEXT + " Again.", source="good-2"),
    ]
    failures: list[Failure] = []
    analyses = list(analysed(docs, nlp, failures, 8))
    assert [a.document.source for a in analyses] == ["good-1", "good-2"]
    assert {f.source: f.message for f in failures}.keys() == {"quotes", "surrogate"}
    assert "ACTORGRAPH_MAX_SYMBOL_RUN" in failures[0].message


def test_limits_batch_deadline_is_a_failure(nlp: Any) -> None:
    failures: list[Failure] = []
    docs = [Document.from_text(TEXT, source="slow")]
    assert not list(analysed(docs, nlp, failures, 8, limits=EXPIRED))
    assert [f.source for f in failures] == ["slow"]
    assert "ACTORGRAPH_MAX_SECONDS" in failures[0].message


def test_limits_ingest_passes_them_to_the_stages(nlp: Any, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    sink = Sink()
    report = ingest([tmp_path], sink, nlp=nlp, workers=1, limits=EXPIRED)
    assert not sink.saved and report.failed == 1
    assert "max_seconds" in report.failures[0].message


def test_limits_analyze_many_yields_the_documents_before_a_refused_one(nlp: Any) -> None:
    docs = [Document.from_text(TEXT), Document.from_text("x" + "." * 300)]
    out: list[Analysis] = []
    with pytest.raises(ActorgraphError, match="max_symbol_run"):
        for analysis in analyze_many(docs, nlp=nlp):
            out.append(analysis)
    assert [a.document.id for a in out] == [docs[0].id]
