"""A plain-text file's headline becomes its title and leaves the body."""

from __future__ import annotations

from pathlib import Path

from actorgraph.ingest import Failure, read_file
from actorgraph.ingest._headline import split_headline
from actorgraph.model import Document


def test_ingest_headline_first_short_line_before_a_blank_line_is_the_title() -> None:
    body, title = split_headline("Rebels Seize Border Town\n\nRebels seized the town on Monday.\n")
    assert title == "Rebels Seize Border Town"
    assert body == "Rebels seized the town on Monday.\n"


def test_ingest_headline_a_lead_sentence_stays_body() -> None:
    text = "Rebels seized the town on Monday, officials said.\n\nMore followed.\n"
    assert split_headline(text) == (text, None)
    one_line = "Rebels Seize Border Town\n"
    assert split_headline(one_line) == (one_line, None)


def test_ingest_headline_without_a_blank_line_goes_when_it_is_the_given_title() -> None:
    text = "Army Retakes Port\nThe army retook the port on Friday.\n"
    assert split_headline(text, "Army retakes port") == (
        "The army retook the port on Friday.\n",
        "Army Retakes Port",
    )
    assert split_headline(text) == (text, None)


def test_ingest_headline_read_file_titles_a_text_file(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Clashes Near the Capital\n\nTroops and rebels clashed.\n", encoding="utf-8")
    (doc,) = list(read_file(path))
    assert isinstance(doc, Document)
    assert doc.title == "Clashes Near the Capital"
    assert doc.text == "Troops and rebels clashed.\n"


def test_ingest_headline_markdown_opening_heading_is_the_title_not_text(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text("## Rebels Seize Town ##\n\nRebels seized Kessa on Monday.\n", "utf-8")
    (doc,) = list(read_file(path))
    assert isinstance(doc, Document)
    assert (doc.title, doc.text) == ("Rebels Seize Town", "Rebels seized Kessa on Monday.\n")
    other = tmp_path / "other.md"
    other.write_text("---\ntitle: Another title\n---\n# A Heading\n\nText.\n", "utf-8")
    (doc,) = list(read_file(other))
    assert isinstance(doc, Document)
    assert (doc.title, doc.text) == ("Another title", "A Heading\n\nText.\n")


def test_ingest_headline_only_file_is_a_failure_naming_it(tmp_path: Path) -> None:
    for name, text in (("only.txt", "Rebels Seize Border Town\n"), ("only.md", "# Truce\n")):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        (failure,) = list(read_file(path))
        assert isinstance(failure, Failure) and failure.fatal
        assert failure.source == str(path) and "only a headline" in failure.message
    sentence = tmp_path / "one.txt"
    sentence.write_text("Five people were killed in Mosul on Monday.\n", encoding="utf-8")
    (doc,) = list(read_file(sentence))
    assert isinstance(doc, Document) and doc.title is None
