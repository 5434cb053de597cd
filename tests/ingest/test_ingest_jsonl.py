"""JSON Lines: one document per line, bad lines reported by line number, reading goes on."""

from __future__ import annotations

import json
from pathlib import Path

from actorgraph.ingest import Failure, Meta, read_path
from actorgraph.ingest.jsonl import GIVE_UP_AFTER
from actorgraph.model import Document


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_jsonl_records_with_line_sources(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "news.jsonl",
        [
            json.dumps(
                {
                    "text": "First “story”.\r\nSecond line.",
                    "title": "One",
                    "published": "2015-02-04T10:00:00Z",
                    "publisher": "Wire",
                    "url": "https://example.com/1",
                    "author": "A. Writer",
                    "extra": [1, 2],
                },
                ensure_ascii=False,
            ),
            "",
            json.dumps({"text": "Second story.", "date": "4 Feb 2015"}),
        ],
    )
    first, second = read_path(path)
    assert first == Document.from_text(
        "First “story”.\nSecond line.",
        title="One",
        published="2015-02-04",
        publisher="Wire",
        url="https://example.com/1",
        author="A. Writer",
        source=f"{path}:1",
    )
    assert second == Document.from_text("Second story.", published="2015-02-04", source=f"{path}:3")


def test_jsonl_bad_lines_between_good_ones(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "mixed.jsonl",
        [
            '{"text": "Good one."}',
            "{not json",
            "[1, 2]",
            '{"title": "no text"}',
            '{"text": "   "}',
            '{"text": 42}',
            '{"text": "Good two."}',
        ],
    )
    items = list(read_path(path))
    assert [(type(i).__name__, i.source) for i in items] == [
        ("Document", f"{path}:1"),
        ("Failure", f"{path}:2"),
        ("Failure", f"{path}:3"),
        ("Failure", f"{path}:4"),
        ("Failure", f"{path}:5"),
        ("Failure", f"{path}:6"),
        ("Document", f"{path}:7"),
    ]
    messages = [i.message for i in items if isinstance(i, Failure)]
    assert messages == [
        "is not valid JSON (Expecting property name enclosed in double quotes at column 2); "
        'each line must be one JSON object with a "text" field',
        'is an array, not a JSON object; give an object with a "text" field',
        'has no "text" field; put the document text in "text" (other keys: title, '
        "published, publisher, author, url)",
        'has an empty "text" field; fill it in or remove the record',
        'has a "text" field that is a number; it must be a string',
    ]
    assert [i.text for i in items if isinstance(i, Document)] == ["Good one.", "Good two."]


def test_jsonl_latin1_line_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "enc.jsonl"
    path.write_bytes(b'{"text": "ok"}\n{"text": "caf\xe9"}\n{"text": "ok too"}\n')
    items = list(read_path(path))
    assert [type(i).__name__ for i in items] == ["Document", "Failure", "Document"]
    failure = items[1]
    assert isinstance(failure, Failure)
    assert failure.source == f"{path}:2"
    assert failure.message.startswith("is not valid UTF-8 (byte 13 of the line is 0xE9); ")


def test_jsonl_long_line_fails_alone(tmp_path: Path) -> None:
    long_text = "x" * 200
    path = write_lines(
        tmp_path / "long.jsonl",
        ['{"text": "short"}', json.dumps({"text": long_text}), '{"text": "after"}'],
    )
    items = list(read_path(path, max_bytes=100))
    assert [type(i).__name__ for i in items] == ["Document", "Failure", "Document"]
    assert items[1] == Failure(
        f"{path}:2",
        "is 212 bytes, larger than the limit of 100 bytes; split it, or raise the limit "
        "with --max-bytes or the ACTORGRAPH_MAX_BYTES environment variable",
    )
    assert isinstance(items[2], Document) and items[2].source == f"{path}:3"


def test_jsonl_bad_published_is_reported_not_fatal(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "d.jsonl", ['{"text": "Body.", "published": "soon"}'])
    warning, doc = read_path(path)
    assert warning == Failure(
        f"{path}:1",
        "\"published\" value 'soon' is not a date (use YYYY-MM-DD, YYYY-MM or YYYY); "
        "the document was read without a publication date from it",
        fatal=False,
    )
    assert isinstance(doc, Document) and doc.published is None


def test_jsonl_meta_flags_win(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "m.jsonl", ['{"text": "Body.", "publisher": "In file", "title": "T"}']
    )
    (doc,) = read_path(path, meta=Meta(publisher="Flag"))
    assert isinstance(doc, Document)
    assert (doc.publisher, doc.title) == ("Flag", "T")


def test_jsonl_empty_file_fails(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"")
    assert list(read_path(path)) == [
        Failure(str(path), "is empty; remove it or add one JSON object per line")
    ]
    path.write_bytes(b"\n  \n")
    assert list(read_path(path)) == [
        Failure(str(path), "contains only blank lines; remove it or add one JSON object per line")
    ]


def test_jsonl_binary_file_fails_once(tmp_path: Path) -> None:
    path = tmp_path / "packed.jsonl"
    path.write_bytes(b"\x1f\x8b\x08\x00" + bytes(100))
    assert list(read_path(path)) == [
        Failure(str(path), "is gzip-compressed; decompress it first with `gunzip`")
    ]


def test_jsonl_gives_up_on_a_file_that_is_not_jsonl(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "prose.jsonl", [f"Line {n} of prose." for n in range(50)])
    items = list(read_path(path))
    assert len(items) == GIVE_UP_AFTER + 1
    assert items[-1] == Failure(
        str(path),
        f"stopped reading after {GIVE_UP_AFTER} bad lines and no good one; is it JSON Lines "
        '(one JSON object with a "text" field per line)?',
    )


def test_jsonl_bom_on_first_line(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"text": "Body."}\n')
    (doc,) = read_path(path)
    assert isinstance(doc, Document) and doc.text == "Body."
