"""Every exit code through the real console entry point (``python -m actorgraph``).

0: everything worked; 1: some inputs failed (each named, then the summary line), check
found problems, or what was asked for is not in the store; 2: a usage error, a store
that does not exist. Run as a subprocess: the code a script sees, not the click runner's.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from listing_samples import build

ARTICLE = (
    "Rebels Seize Border Town\n\n"
    "Fighters of the Northern Shield Brigades seized the town of Tel Hamra on Monday, "
    'officials said. "We will hold this line," said Colonel Samir Haddad.\n'
)


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``actorgraph ARGS`` as a script would, with this environment's PYTHONPATH."""
    env = {**os.environ, "ACTORGRAPH_WORKERS": "1"}
    env.pop("ACTORGRAPH_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "actorgraph", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=600,
        check=False,
    )


@pytest.fixture
def three(tmp_path: Path) -> Path:
    return build(tmp_path / "three.db")


def _bad_corpus(root: Path) -> Path:
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (corpus / "latin1.txt").write_bytes("Caf\xe9 in Mosul was shelled.".encode("latin-1"))
    (corpus / "headline.txt").write_text("Rebels Seize Border Town\n", encoding="utf-8")
    lines = [json.dumps({"text": "The Red Cross said the camp in Mosul was full."}), "{broken"]
    (corpus / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return corpus


def test_exit_ingest_bad_corpus_names_each_failure_and_exits_1(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    done = run("--db", str(db), "ingest", "-q", str(_bad_corpus(tmp_path)))
    assert done.returncode == 1, done.stderr
    assert done.stdout.strip().splitlines()[-1] == (
        "documents: 2 added, 0 unchanged, 0 updated, 5 failed"
    )
    for name in ("empty.txt", "binary.txt", "latin1.txt", "headline.txt", "feed.jsonl:2"):
        assert name in done.stderr
    assert "only a headline" in done.stderr and "not valid UTF-8" in done.stderr
    with sqlite3.connect(db) as conn:
        titles = {row[0] for row in conn.execute("SELECT title FROM documents")}
    assert "Rebels Seize Border Town" in titles  # the good file's headline is its title
    # The headline is no actor: it was not read as text.
    with sqlite3.connect(db) as conn:
        names = {row[0] for row in conn.execute("SELECT name FROM actors")}
    assert not any("Rebels Seize" in n for n in names)
    # Everything worked: 0.
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE.replace("Monday", "Tuesday"), encoding="utf-8")
    done = run("--db", str(db), "ingest", "-q", str(good))
    assert done.returncode == 0 and "1 added" in done.stdout, done.stderr


def test_exit_analyze_empty_file_is_1_and_a_good_one_0(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    done = run("analyze", str(empty))
    assert done.returncode == 1 and "empty.txt: is empty" in done.stderr
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    done = run("analyze", str(good), "--published", "2016-05-10")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["document"]["title"] == "Rebels Seize Border Town"


def test_exit_read_commands_never_create_a_store(tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    for command in (
        ["summary"],
        ["actors"],
        ["documents", "--format", "json"],
        ["events"],
        ["check"],
        ["show", "Haddad"],
        ["export", "stix"],
        ["merge", "a", "b"],
    ):
        done = run("--db", str(missing), *command)
        assert done.returncode == 2, (command, done.stderr)
        assert f"no store at {missing}" in done.stderr, command
        assert done.stdout == ""
    assert not missing.exists()


def test_exit_usage_errors_are_2(three: Path) -> None:
    for command in (
        ["actors", "--format", "xml"],
        ["events", "--since", "someday"],
        ["events", "--country", "Narnia"],
        ["relations", "--document", "abc"],
        ["export", "stix", "--with-events"],
        ["nosuchcommand"],
    ):
        done = run("--db", str(three), *command)
        assert done.returncode == 2, (command, done.stderr)
        assert "Traceback" not in done.stderr


def test_exit_check_is_0_on_a_sound_store_and_1_with_problems(three: Path) -> None:
    done = run("--db", str(three), "check")
    assert (done.returncode, done.stdout.strip()) == (0, "0 problems")
    with sqlite3.connect(three) as conn:
        conn.execute("UPDATE event_casualties SET end_char = 100000")
    done = run("--db", str(three), "check")
    assert done.returncode == 1
    assert "event_casualties" in done.stdout and done.stdout.strip().endswith("problems")


def test_exit_export_codes(three: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    done = run("--db", str(three), "export", "acled-csv", "--out", str(out))
    assert done.returncode == 0 and out.exists(), done.stderr
    assert "exported 5 rows as acled-csv" in done.stderr
    done = run("--db", str(three), "export", "jsonl", "--actor", "Nobody Anywhere")
    assert done.returncode == 1 and "no actor matches" in done.stderr
    done = run("--db", str(three), "export", "gexf", "--out", str(tmp_path / "no/dir/x.gexf"))
    assert done.returncode == 1 and "cannot write" in done.stderr
    done = run("--db", str(three), "export", "plover-json", "--until", "soon")
    assert done.returncode == 2 and "not a date" in done.stderr


def test_exit_lookups_and_load(three: Path, tmp_path: Path) -> None:
    done = run("--db", str(three), "show", "Nobody Anywhere")
    assert done.returncode == 1 and "no actor matches" in done.stderr
    done = run("--db", str(three), "relations", "--document", "0123456789ab")
    assert done.returncode == 1 and "no document id starts with" in done.stderr
    done = run("--db", str(tmp_path / "new.db"), "load", str(tmp_path / "no-shards"))
    assert done.returncode == 1 and "no such folder" in done.stderr
    done = run("--db", str(three), "relations", "--format", "json")
    assert done.returncode == 0 and json.loads(done.stdout)["total"] == 3
