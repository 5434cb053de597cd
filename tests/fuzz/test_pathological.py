"""Named pathological inputs, through the readers and the pipeline: each comes back as a
valid analysis or as one clear error (a Failure or an ActorgraphError with a message).

The parse of a large hostile text is refused before it starts (the limits in Settings),
so none of these takes long; the stages' own time is bounded by Settings.max_seconds.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fuzz_checks import check_analysis, check_read, outcome

from actorgraph.batch._worker import analysed
from actorgraph.ingest import Failure, read_file
from actorgraph.model import Analysis, Document
from actorgraph.pipeline.analyze import analyze_document

MB = 1_000_000
SENTENCE = "Omar Tahir, the leader of the Badr Organization, said on Monday in Baghdad."


def ingest(path: Path, nlp: Any) -> tuple[list[Analysis], list[Failure]]:
    """Read ``path`` and analyse what it holds as batch ingest does; check every outcome."""
    items = list(read_file(path))
    check_read(items, str(path))
    failures = [i for i in items if isinstance(i, Failure)]
    docs = [i for i in items if isinstance(i, Document)]
    analyses = list(analysed(docs, nlp, failures, 8))
    for analysis in analyses:
        check_analysis(analysis)
    assert all(f.message.strip() for f in failures)
    return analyses, failures


def analyse(text: str, nlp: Any, **meta: str | None) -> tuple[str, Any]:
    return outcome(lambda: analyze_document(Document.from_text(text, **meta), nlp=nlp))


@pytest.mark.parametrize("mark", ['"', "“", "”", '"“', "«»„"])
def test_pathological_megabyte_of_quotation_marks(nlp: Any, tmp_path: Path, mark: str) -> None:
    text = (mark * MB)[:MB]
    kind, message = analyse(text, nlp)
    assert kind == "error" and "ACTORGRAPH_MAX_SYMBOL_RUN" in message
    path = tmp_path / "quotes.txt"
    path.write_text(text, encoding="utf-8")
    analyses, failures = ingest(path, nlp)
    assert not analyses
    assert [f.source for f in failures] == [str(path)]
    assert "max_symbol_run" in failures[0].message


def test_pathological_megabyte_of_spaced_unbalanced_quotation_marks(nlp: Any) -> None:
    text = ('"“ ' * MB)[:MB]  # every mark its own token: too many to parse in good time
    kind, message = analyse(text, nlp)
    assert kind == "error" and "ACTORGRAPH_MAX_TOKENS" in message


def test_pathological_unbalanced_quotation_marks_are_noted(nlp: Any) -> None:
    text = 'He said "we will stay and “nobody leaves, Omar Tahir told reporters. ' * 40
    kind, result = analyse(text, nlp)
    assert kind == "analysis"
    assert any("not closed" in note or "unpaired" in note for note in result["notes"])


def test_pathological_single_line_of_five_megabytes(nlp: Any, tmp_path: Path) -> None:
    line = ("word " * MB).rstrip()  # 5 MB, no newline
    kind, message = analyse(line, nlp)
    assert kind == "error" and "ACTORGRAPH_MAX_CHARS" in message
    path = tmp_path / "line.txt"
    path.write_text(line, encoding="utf-8")
    analyses, failures = ingest(path, nlp)
    assert not analyses and "ACTORGRAPH_MAX_TOKENS" in failures[-1].message
    jsonl = tmp_path / "line.jsonl"
    jsonl.write_text(json.dumps({"text": line}) + "\n" + json.dumps({"text": SENTENCE}) + "\n")
    analyses, failures = ingest(jsonl, nlp)
    assert [a.document.source for a in analyses] == [f"{jsonl}:2"]
    assert [f.source for f in failures] == [f"{jsonl}:1"]


def test_pathological_deeply_nested_html(nlp: Any, tmp_path: Path) -> None:
    depth = 100_000
    page = (
        "<html><head><title>Nested</title></head><body>"
        + "<div>" * depth
        + f"<p>{SENTENCE} {SENTENCE}</p>"
        + "</div>" * depth
        + "</body></html>"
    )
    path = tmp_path / "nested.html"
    path.write_text(page, encoding="utf-8")
    analyses, failures = ingest(path, nlp)
    assert len(analyses) + len(failures) == 1  # the text, or why there is none


def test_pathological_control_characters(nlp: Any, tmp_path: Path) -> None:
    controls = "".join(chr(c) for c in range(1, 32) if chr(c) != "\n")  # NUL: see below
    text = f"{SENTENCE * 6}\x07\x1b[31m {controls} Omar\x0bTahir\x0c left.\x7f"
    kind, _ = analyse(text, nlp)
    assert kind == "analysis"
    path = tmp_path / "controls.txt"
    path.write_text(text, encoding="utf-8")
    analyses, failures = ingest(path, nlp)
    assert len(analyses) == 1 and not failures
    noise = tmp_path / "noise.txt"
    noise.write_text(controls * 50 + SENTENCE, encoding="utf-8")
    analyses, failures = ingest(noise, nlp)
    assert not analyses and "control characters" in failures[0].message


def test_pathological_nul_bytes(nlp: Any, tmp_path: Path) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(SENTENCE.encode() + b"\x00" + SENTENCE.encode())
    analyses, failures = ingest(path, nlp)
    assert not analyses and "NUL" in failures[0].message
    kind, _ = analyse(f"{SENTENCE}\x00{SENTENCE}", nlp)  # the library takes any str
    assert kind == "analysis"
    jsonl = tmp_path / "nul.jsonl"
    jsonl.write_text(json.dumps({"text": f"Omar\u0000Tahir said {SENTENCE}"}) + "\n")
    analyses, failures = ingest(jsonl, nlp)
    assert len(analyses) == 1 and not failures


def test_pathological_invalid_utf8_and_mixed_encodings(nlp: Any, tmp_path: Path) -> None:
    mixed = SENTENCE.encode() + " Café ".encode("latin-1") + "Café".encode()
    path = tmp_path / "mixed.txt"
    path.write_bytes(mixed)
    analyses, failures = ingest(path, nlp)
    assert not analyses and "not valid UTF-8" in failures[0].message
    assert "iconv" in failures[0].message
    jsonl = tmp_path / "mixed.jsonl"
    good = json.dumps({"text": SENTENCE}, ensure_ascii=False).encode()
    jsonl.write_bytes(good + b"\n" + b'{"text": "caf\xe9 ' + b'"}\n' + good + b"\n")
    analyses, failures = ingest(jsonl, nlp)
    assert len(analyses) == 2 and [f.source for f in failures] == [f"{jsonl}:2"]
    page = tmp_path / "latin.html"
    body = f"<p>{SENTENCE} Café crème, the mayor said. {SENTENCE}</p>"
    page.write_bytes(
        f'<html><head><meta charset="iso-8859-1"></head><body><article>{body}</article>'
        "</body></html>".encode("latin-1")
    )
    analyses, failures = ingest(page, nlp)
    assert len(analyses) == 1 and "Café" in analyses[0].document.text


@pytest.mark.parametrize(
    "text",
    [
        "قال عمر طاهر، قائد منظمة بدر، في بغداد يوم الاثنين. " + SENTENCE,
        'אמר עומר טאהר בבגדד. "שלום" ' + SENTENCE,
        f"\u202e{SENTENCE}\u202c \u202dOmar Tahir\u202c said \u2067عمر\u2069 left Mosul.",
        f"Москва, 北京 and Baghdad: {SENTENCE} 🙂🏳️‍🌈 e\u0301\u0301\u0301 ﷽",
    ],
    ids=["arabic", "hebrew", "bidi-overrides", "mixed-scripts"],
)
def test_pathological_scripts_and_direction(nlp: Any, text: str) -> None:
    kind, _ = analyse(text, nlp, published="2014-06-10")
    assert kind == "analysis"


def test_pathological_zero_width_characters_inside_names(nlp: Any) -> None:
    text = (
        "Omar\u200dTahir met Hadi\u200cal-Amiri in Bagh\u200bdad. "
        "\ufeffOmar Tahir said the Badr\u2060Organization would stay. "
        '"We will not leave," Ta\u200dhir said.'
    )
    kind, _ = analyse(text, nlp)
    assert kind == "analysis"  # every mention is the text at its offsets (checked)


def test_pathological_lone_surrogates_in_jsonl(nlp: Any, tmp_path: Path) -> None:
    path = tmp_path / "surrogates.jsonl"
    path.write_text(
        '{"text": "Omar \\ud800 Tahir said on Monday \\udfff in Baghdad.", "title": "\\udbff"}\n'
        + json.dumps({"text": "\U0001f600 " + SENTENCE})  # a valid pair, escaped
        + "\n",
        encoding="utf-8",
    )
    analyses, failures = ingest(path, nlp)
    assert len(analyses) == 2
    first = analyses[0].document
    assert first.text == "Omar \ufffd Tahir said on Monday \ufffd in Baghdad."
    assert first.title == "\ufffd"
    assert all(not f.fatal and "surrogate" in f.message for f in failures)
    assert analyses[1].document.text.startswith("\U0001f600")
    kind, message = analyse("Omar \ud800 Tahir", nlp)  # the library's caller gave it
    assert kind == "error" and "surrogate" in message


def test_pathological_huge_jsonl_lines(nlp: Any, tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    with path.open("w", encoding="utf-8") as f:
        f.write(json.dumps({"text": "x " * 5_500_000}) + "\n")  # 11 MB: over max_bytes
        f.write(json.dumps({"text": SENTENCE}) + "\n")
        f.write("[" * 100_000 + "\n")  # deeply nested JSON
    analyses, failures = ingest(path, nlp)
    assert [a.document.source for a in analyses] == [f"{path}:2"]
    assert [f.source for f in failures] == [f"{path}:1", f"{path}:3"]
    assert "ACTORGRAPH_MAX_BYTES" in failures[0].message


@pytest.mark.parametrize("name", ["a.txt", "a.md", "a.html", "a.jsonl", "a.json", "a.xyz"])
def test_pathological_empty_files(nlp: Any, tmp_path: Path, name: str) -> None:
    for content in (b"", b"\n \n\t\n", b"\xef\xbb\xbf"):
        path = tmp_path / name
        path.write_bytes(content)
        analyses, failures = ingest(path, nlp)
        assert not analyses and len(failures) == 1 and failures[0].fatal


def test_pathological_empty_sidecar_and_text(nlp: Any, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "a.meta.json").write_bytes(b"")
    analyses, failures = ingest(tmp_path / "a.txt", nlp)
    assert len(analyses) == 1 and len(failures) == 1 and not failures[0].fatal
    for text in ("", " ", "\n\n"):
        kind, _ = analyse(text, nlp)
        assert kind == "analysis"


def test_pathological_markdown_long_lines(nlp: Any, tmp_path: Path) -> None:
    # each of these lines took time growing with the square of its length
    lines = ["[" * MB, "[a" * MB, "![a" * MB, "# x" + " " * MB + "y", "# t " + "# " * MB]
    for i, line in enumerate(lines):
        path = tmp_path / f"long-{i}.md"
        # A body line after it: an opening heading that repeats the title is no body text.
        path.write_text(f"---\ntitle: T\n---\n{line}\nBody.\n", encoding="utf-8")
        items = list(read_file(path))
        check_read(items, str(path))
        assert [type(item) for item in items] == [Document]
