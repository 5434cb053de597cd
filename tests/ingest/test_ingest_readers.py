"""Reading single files: plain text, Markdown, HTML, and every kind of bad input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from actorgraph.ingest import Failure, Meta, read_path
from actorgraph.model import Document, text_id

PARAGRAPHS = (
    "<p>Rebels of the Northern Front said on Tuesday that they had taken control of the "
    "border town of Kessa after two days of fighting with government troops.</p>"
    "<p>The army denied the claim. “We still hold the town,” a spokesman told reporters "
    "in the capital.</p>"
)


def page(head: str = "", body: str = PARAGRAPHS) -> str:
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Rebels take Kessa</title>"
        f"{head}</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>Rebels take Kessa</h1>{body}</article>"
        "<footer>© 2023 Daily Example. All rights reserved.</footer></body></html>"
    )


def read(path: Path, **kwargs: object) -> list[Document | Failure]:
    return list(read_path(path, **kwargs))  # type: ignore[arg-type]


def one_document(path: Path, **kwargs: object) -> Document:
    items = read(path, **kwargs)
    assert len(items) == 1, items
    assert isinstance(items[0], Document), items
    return items[0]


def one_failure(path: Path, **kwargs: object) -> Failure:
    items = read(path, **kwargs)
    assert len(items) == 1, items
    assert isinstance(items[0], Failure), items
    return items[0]


def test_readers_txt_keeps_characters_and_normalises_newlines(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("\ufeff“Hold,” he said.\r\nNext line.\rLast\n".encode())
    doc = one_document(path)
    assert doc.text == "“Hold,” he said.\nNext line.\nLast\n"
    assert doc.id == text_id(doc.text)
    assert doc.source == str(path)
    assert (doc.title, doc.published, doc.publisher, doc.author, doc.url) == (None,) * 5


def test_readers_same_text_same_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Same words.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Same words.", encoding="utf-8")
    assert one_document(tmp_path / "a.txt").id == one_document(tmp_path / "b.txt").id


def test_readers_markdown_front_matter_and_syntax(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(
        "---\n"
        "title: Truce agreed\n"
        "date: 2015-02-04\n"
        "source: Daily Example\n"
        "author: [Ann Lee, Bo Kim]\n"
        "url: https://example.com/truce\n"
        "---\n"
        "# Truce agreed #\n"
        "\n"
        "Both sides signed in [Minsk](https://en.wikipedia.org/wiki/Minsk_(city)).\n"
        "![A photo](truce.jpg)\n",
        encoding="utf-8",
    )
    doc = one_document(path)
    # The opening heading repeats the title: it is not body text.
    assert doc.text == "Both sides signed in Minsk.\nA photo\n"
    assert doc.title == "Truce agreed"
    assert doc.published == "2015-02-04"
    assert doc.publisher == "Daily Example"
    assert doc.author == "Ann Lee, Bo Kim"
    assert doc.url == "https://example.com/truce"


def test_readers_markdown_title_from_first_heading(tmp_path: Path) -> None:
    path = tmp_path / "story.markdown"
    path.write_text("Intro line.\n\n# The [real](x) title\n\nText.\n", encoding="utf-8")
    doc = one_document(path)
    assert doc.title == "The real title"
    assert doc.text == "Intro line.\n\nThe real title\n\nText.\n"


def test_readers_markdown_invalid_front_matter_is_kept_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    text = "---\ntitle: [unclosed\n---\nBody text.\n"
    path.write_text(text, encoding="utf-8")
    failure, doc = read(path)
    assert isinstance(failure, Failure) and not failure.fatal
    assert failure.source == str(path)
    assert failure.message.startswith("front matter is not valid YAML at line 3")
    assert isinstance(doc, Document)
    assert doc.text == text


def test_readers_markdown_front_matter_only_fails(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text("---\ntitle: Nothing\n---\n\n", encoding="utf-8")
    assert one_failure(path).message == "has front matter but no text; add the document text"


def test_readers_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "kessa.html"
    path.write_text(
        page(
            '<meta property="article:published_time" content="2015-02-04T10:00:00Z">'
            '<meta property="og:site_name" content="Daily Example">'
            '<meta name="author" content="Jane Doe">'
            '<link rel="canonical" href="https://example.com/kessa">'
        ),
        encoding="utf-8",
    )
    doc = one_document(path)
    assert doc.text == (
        "Rebels take Kessa\n"
        "Rebels of the Northern Front said on Tuesday that they had taken control of the "
        "border town of Kessa after two days of fighting with government troops.\n"
        "The army denied the claim. “We still hold the town,” a spokesman told reporters "
        "in the capital."
    )
    assert doc.published == "2015-02-04"
    assert doc.title == "Rebels take Kessa"
    assert doc.publisher == "Daily Example"
    assert doc.author == "Jane Doe"
    assert doc.url == "https://example.com/kessa"


def test_readers_html_without_date_has_no_published(tmp_path: Path) -> None:
    # The footer's "© 2023" must not be taken for a publication date, nor today's date.
    path = tmp_path / "undated.htm"
    path.write_text(page(), encoding="utf-8")
    doc = one_document(path)
    assert doc.published is None
    assert doc.text.startswith("Rebels take Kessa\nRebels of the Northern Front")


def test_readers_html_declared_legacy_charset(tmp_path: Path) -> None:
    path = tmp_path / "old.html"
    html = page(body=f"<p>Le café de la place fut détruit.</p>{PARAGRAPHS}")
    path.write_bytes(html.replace("utf-8", "windows-1252").encode("windows-1252"))
    assert "Le café de la place fut détruit." in one_document(path).text


@pytest.mark.parametrize(
    "body",
    [
        "<html><head><title>App</title></head><body><div id='root'></div>"
        "<script>render()</script></body></html>",
        "<html><body><nav><a href='/'>Home</a></nav></body></html>",
    ],
)
def test_readers_html_without_main_text_fails(tmp_path: Path, body: str) -> None:
    path = tmp_path / "shell.html"
    path.write_text(body, encoding="utf-8")
    failure = one_failure(path)
    assert failure.source == str(path)
    assert failure.fatal
    assert failure.message.startswith("has no main text that could be extracted")


def test_readers_explicit_unknown_extension_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.log"
    path.write_text("Plain words.\n", encoding="utf-8")
    doc = one_document(path)
    assert (doc.text, doc.source) == ("Plain words.\n", str(path))


def test_readers_explicit_unknown_extension_binary_fails(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.7\n\x00\x01\x02")
    failure = one_failure(path)
    assert failure.message == "is a PDF file; extract its text first, e.g. with `pdftotext`"


def test_readers_explicit_json_record(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text('{"text": "Body.", "title": "T", "published": "2015"}', encoding="utf-8")
    doc = one_document(path)
    assert (doc.text, doc.title, doc.published, doc.source) == ("Body.", "T", "2015", str(path))


def test_readers_explicit_json_array_fails(tmp_path: Path) -> None:
    path = tmp_path / "many.json"
    path.write_text('[{"text": "a"}]', encoding="utf-8")
    assert one_failure(path).message == (
        "holds a JSON array; give one record per line as JSON Lines instead, e.g. "
        f"`jq -c '.[]' {path} > {tmp_path / 'many.jsonl'}`"
    )


def test_readers_explicit_sidecar_fails(tmp_path: Path) -> None:
    path = tmp_path / "a.meta.json"
    path.write_text("{}", encoding="utf-8")
    assert one_failure(path).message.startswith("is a metadata sidecar, not a document")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty; remove it or add the document text"),
        (b"\xef\xbb\xbf", "is empty; remove it or add the document text"),
        (b" \n\t\r\n", "contains only whitespace; remove it or add the document text"),
    ],
)
def test_readers_empty_file_fails(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert one_failure(path) == Failure(str(path), message)


def test_readers_binary_file_fails(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(b"abc\x00\x01\x02")
    assert one_failure(path) == Failure(
        str(path),
        "is a binary file (it contains NUL bytes, the first at byte 3), not text; "
        "give a text, Markdown, HTML or JSON Lines file",
    )


def test_readers_control_characters_fail_as_binary(tmp_path: Path) -> None:
    path = tmp_path / "ctl.txt"
    path.write_bytes(bytes(range(1, 9)) * 10 + b"text")
    assert one_failure(path).message.startswith("looks like a binary file")


def test_readers_latin1_file_fails_with_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Le café".encode("latin-1"))
    failure = one_failure(path)
    assert failure.source == str(path)
    assert failure.message.startswith("is not valid UTF-8 (byte 6 is 0xE9); ")
    assert f"iconv -f WINDOWS-1252 -t UTF-8 {path} > {tmp_path / 'latin.utf8.txt'}" in (
        failure.message
    )


def test_readers_utf16_file_fails(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("Hello".encode("utf-16"))
    assert one_failure(path).message.startswith("is UTF-16 text; convert it to UTF-8")


def test_readers_too_large_fails_without_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(20_000_000)  # sparse: 20 MB on paper, nothing on disk

    def no_open(self: Path, *args: object, **kwargs: object) -> object:
        raise AssertionError(f"{self} was opened")

    monkeypatch.setattr(Path, "open", no_open)
    assert one_failure(path) == Failure(
        str(path),
        "is 20,000,000 bytes, larger than the limit of 10,000,000 bytes; split it, or raise "
        "the limit with --max-bytes or the ACTORGRAPH_MAX_BYTES environment variable",
    )


def test_readers_max_bytes_is_a_keyword(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("0123456789", encoding="utf-8")
    assert one_failure(path, max_bytes=9).message.startswith("is 10 bytes, larger than")
    assert one_document(path, max_bytes=10).text == "0123456789"


def test_readers_permission_denied_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Hidden.", encoding="utf-8")

    def denied(self: Path, *args: object, **kwargs: object) -> object:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", denied)
    assert one_failure(path) == Failure(
        str(path), "cannot be read (permission denied); check its permissions, e.g. `chmod +r`"
    )


def test_readers_meta_flags_apply_to_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Words.", encoding="utf-8")
    doc = one_document(path, meta=Meta(published="February 4, 2015", publisher="Wire"))
    assert (doc.published, doc.publisher, doc.title) == ("2015-02-04", "Wire", None)


def test_readers_plain_text_does_not_load_html_or_date_libraries(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Words.", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ndate: 2015-02-04\n---\nWords.", encoding="utf-8")
    code = (
        "import sys; from pathlib import Path; from actorgraph.ingest import read_path; "
        f"docs = list(read_path(Path({str(tmp_path)!r}))); "
        "print(len(docs), sorted(m for m in ('trafilatura', 'htmldate', 'dateparser', 'spacy') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "2 []\n"
