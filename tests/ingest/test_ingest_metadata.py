"""Metadata: sidecars, precedence (flags > sidecar > file), Meta and normalize_published."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from actorgraph.errors import InputError
from actorgraph.ingest import Failure, Meta, normalize_published, read_path
from actorgraph.model import Document


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2015-02-04", "2015-02-04"),
        ("2015-02-04T10:00:00Z", "2015-02-04"),
        ("2015-02-04T23:30:00-05:00", "2015-02-04"),
        ("2015-02-04 10:00", "2015-02-04"),
        ("2015/2/4", "2015-02-04"),
        ("20150204", "2015-02-04"),
        ("February 4, 2015", "2015-02-04"),
        ("Feb. 4th, 2015", "2015-02-04"),
        ("Wednesday, February 4, 2015", "2015-02-04"),
        ("4 Feb 2015", "2015-02-04"),
        ("4th of February 2015", "2015-02-04"),
        ("Wed, 04 Feb 2015 10:00:00 GMT", "2015-02-04"),
        ("  4  February  2015 ", "2015-02-04"),
        ("13/02/2015", "2015-02-13"),
        ("02/13/2015", "2015-02-13"),
        ("February 2015", "2015-02"),
        ("2015-02", "2015-02"),
        ("2015", "2015"),
        (2015, "2015"),
        (dt.date(2015, 2, 4), "2015-02-04"),
        (dt.datetime(2015, 2, 4, 10, 0), "2015-02-04"),
        ("4 février 2015", "2015-02-04"),
    ],
)
def test_published_accepts(value: object, expected: str) -> None:
    assert normalize_published(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "   ",
        "soon",
        "yesterday",
        "3 days ago",
        "4 Feb",  # no year: never filled in with this year
        "04/02/2015",  # 4 February or April 2?
        "2015-02-30",
        "2015-13",
        "Mayday 2015",
        True,
        20150204,
        1.5,
        ["2015"],
    ],
)
def test_published_rejects(value: object) -> None:
    assert normalize_published(value) is None


def test_metadata_meta_normalises_and_validates() -> None:
    assert Meta(published="4 Feb 2015").published == "2015-02-04"
    assert Meta(title="", author=" ") == Meta()
    with pytest.raises(InputError) as raised:
        Meta(published="whenever")
    assert str(raised.value) == (
        "--published: 'whenever' is not a date; give it as YYYY-MM-DD, YYYY-MM or YYYY"
    )


def test_metadata_sidecar_gives_metadata(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Body.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(
        '{"title": "Side", "date": "February 4, 2015", "source": "Wire", '
        '"author": ["Ann Lee", "Bo Kim"], "url": "https://example.com/a"}',
        encoding="utf-8",
    )
    (doc,) = read_path(tmp_path)  # the sidecar is not a document of its own
    assert doc == Document.from_text(
        "Body.",
        title="Side",
        published="2015-02-04",
        publisher="Wire",
        author="Ann Lee, Bo Kim",
        url="https://example.com/a",
        source=str(tmp_path / "a.txt"),
    )


def test_metadata_precedence_flags_then_sidecar_then_file(tmp_path: Path) -> None:
    path = tmp_path / "b.md"
    path.write_text(
        "---\ntitle: File title\ndate: 2001-01-01\npublisher: File pub\nauthor: File author\n"
        "url: https://file.example\n---\nBody.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.meta.json").write_text(
        '{"title": "Side title", "published": "2002", "publisher": "Side pub"}', encoding="utf-8"
    )
    (doc,) = read_path(path, meta=Meta(title="Flag title"))
    assert isinstance(doc, Document)
    assert doc.title == "Flag title"
    assert doc.published == "2002"
    assert doc.publisher == "Side pub"
    assert doc.author == "File author"
    assert doc.url == "https://file.example"


def test_metadata_sidecar_overrides_html(tmp_path: Path) -> None:
    body = (
        "<p>The ceasefire announced on Monday broke down within hours as shelling resumed "
        "around the airport, residents said.</p>"
    )
    (tmp_path / "c.html").write_text(
        "<html><head><title>Page</title>"
        '<meta property="article:published_time" content="2014-06-01"></head>'
        f"<body><article>{body}</article></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "c.meta.json").write_text('{"published": "2014-06-02"}', encoding="utf-8")
    (doc,) = read_path(tmp_path / "c.html")
    assert isinstance(doc, Document)
    assert doc.published == "2014-06-02"


def test_metadata_bad_sidecar_reported_document_still_read(tmp_path: Path) -> None:
    (tmp_path / "d.txt").write_text("Body.", encoding="utf-8")
    side = tmp_path / "d.meta.json"
    side.write_text("{oops", encoding="utf-8")
    warning, doc = read_path(tmp_path / "d.txt")
    assert warning == Failure(
        str(side),
        "is not valid JSON (Expecting property name enclosed in double quotes at line 1, "
        "column 2); fix it; d.txt was read without it",
        fatal=False,
    )
    assert isinstance(doc, Document) and doc.title is None


def test_metadata_sidecar_not_an_object(tmp_path: Path) -> None:
    (tmp_path / "e.txt").write_text("Body.", encoding="utf-8")
    (tmp_path / "e.meta.json").write_text('["x"]', encoding="utf-8")
    warning, doc = read_path(tmp_path / "e.txt")
    assert isinstance(warning, Failure) and not warning.fatal
    assert warning.message == (
        "should hold a JSON object of metadata, not an array; fix it; e.txt was read without it"
    )
    assert isinstance(doc, Document)


def test_metadata_sidecar_bad_value_reported(tmp_path: Path) -> None:
    (tmp_path / "f.txt").write_text("Body.", encoding="utf-8")
    (tmp_path / "f.meta.json").write_text('{"title": {"a": 1}, "date": "x"}', encoding="utf-8")
    items = list(read_path(tmp_path / "f.txt"))
    assert [(i.source, i.fatal) for i in items if isinstance(i, Failure)] == [
        (str(tmp_path / "f.meta.json"), False),
        (str(tmp_path / "f.meta.json"), False),
    ]
    doc = items[-1]
    assert isinstance(doc, Document) and (doc.title, doc.published) == (None, None)


def test_metadata_unreadable_sidecar(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "g.txt"
    path.write_text("Body.", encoding="utf-8")
    side = tmp_path / "g.meta.json"
    side.write_text("{}", encoding="utf-8")
    real_open = Path.open

    def open_(self: Path, *args: object, **kwargs: object) -> object:
        if self == side:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", open_)
    warning, doc = read_path(path)
    assert warning == Failure(
        str(side),
        "cannot be read (permission denied); check its permissions, e.g. `chmod +r`; "
        "g.txt was read without it",
        fatal=False,
    )
    assert isinstance(doc, Document)
