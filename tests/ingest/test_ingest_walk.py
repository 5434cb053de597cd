"""Walking directories: sorted, recursive, skipping what is not a document."""

from __future__ import annotations

import shutil
from pathlib import Path

from actorgraph.ingest import Failure, count_inputs, iter_documents, iter_files
from actorgraph.model import Document


def make_tree(root: Path) -> None:
    for name in [
        "b.txt",
        "a.md",
        "sub/z.html",
        "sub/deeper/c.txt",
        "c.jsonl",
        "A.TXT",
        "notes.csv",
        "data.json",
        "a.meta.json",
        ".hidden.txt",
        ".git/x.txt",
    ]:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f'{{"text": "{name}"}}\n' if name.endswith("l") else name, "utf-8")


def relative(items: list[Path | Failure], root: Path) -> list[str]:
    assert all(isinstance(i, Path) for i in items), items
    return [i.relative_to(root).as_posix() for i in items if isinstance(i, Path)]


def test_walk_sorted_recursive_and_skipping(tmp_path: Path) -> None:
    make_tree(tmp_path)
    assert relative(list(iter_files([tmp_path])), tmp_path) == [
        "A.TXT",
        "a.md",
        "b.txt",
        "c.jsonl",
        "sub/deeper/c.txt",
        "sub/z.html",
    ]
    assert count_inputs([tmp_path]) == 6


def test_walk_named_files_kept_in_given_order_and_read_once(tmp_path: Path) -> None:
    make_tree(tmp_path)
    named = [tmp_path / "notes.csv", tmp_path / "b.txt", tmp_path]
    files = relative(list(iter_files(named)), tmp_path)
    assert files == [
        "notes.csv",
        "b.txt",
        "A.TXT",
        "a.md",
        "c.jsonl",
        "sub/deeper/c.txt",
        "sub/z.html",
    ]


def test_walk_missing_path_fails_and_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Words.", encoding="utf-8")
    items = list(iter_documents([tmp_path / "missing", tmp_path / "a.txt"]))
    assert items[0] == Failure(str(tmp_path / "missing"), "does not exist; check the path")
    assert isinstance(items[1], Document) and items[1].text == "Words."
    assert count_inputs([tmp_path / "missing", tmp_path / "a.txt"]) == 2


def test_walk_directory_vanishing_mid_batch(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    for d in (first, second):
        d.mkdir()
        (d / "a.txt").write_text(f"In {d.name}.", encoding="utf-8")
    items = iter_documents([first, second])
    doc = next(items)
    assert isinstance(doc, Document) and doc.text == "In one."
    shutil.rmtree(second)
    assert list(items) == [Failure(str(second), "does not exist; check the path")]


def test_walk_jsonl_counts_as_one_input(tmp_path: Path) -> None:
    (tmp_path / "n.jsonl").write_text('{"text": "a"}\n{"text": "b"}\n', encoding="utf-8")
    assert count_inputs([tmp_path]) == 1
    assert [d.source for d in iter_documents([tmp_path])] == [
        f"{tmp_path / 'n.jsonl'}:1",
        f"{tmp_path / 'n.jsonl'}:2",
    ]
