"""A killed or interrupted ingest leaves the store consistent; a re-run finishes the job."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

# Enough documents that an interruption lands before the end (a Ctrl-C lets the documents
# in flight finish).
N_DOCS = 60
TABLES = ("documents", "actors", "entities", "mentions", "quotes", "dates", "stage_runs")


def _corpus(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        (folder / f"doc{i:03d}.txt").write_text(
            f"Report {i}. General Omar Tahir{i} of the Eastern Army said on Tuesday that "
            f'his troops had reached Kirkuk. "We are ready," Tahir{i} said. '
            f"Amnesty International criticised the operation in its statement number {i}.\n",
            encoding="utf-8",
        )


def _default_sigint() -> None:
    # A shell without job control starts background commands (`make test &`, some CI
    # runners) with SIGINT ignored, and every child inherits that: Python then installs no
    # KeyboardInterrupt handler and the ingest, rightly, ignores Ctrl-C. The test is about a
    # user's Ctrl-C, so the ingest starts as from a terminal.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _ingest(db: Path, corpus: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "actorgraph", "--db", str(db), "ingest", "-q", str(corpus)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_default_sigint,
    )


def _counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {t: int(conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]) for t in TABLES}


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0


def _interrupt_then_finish(tmp_path: Path, sig: signal.Signals) -> tuple[str, str]:
    corpus = tmp_path / "corpus"
    _corpus(corpus, N_DOCS)
    clean = tmp_path / "clean.db"
    done = _ingest(clean, corpus)
    out, err = done.communicate(timeout=300)
    assert done.returncode == 0, err
    db = tmp_path / "killed.db"
    proc = _ingest(db, corpus)
    deadline = time.monotonic() + 120
    while _stored(db) < 5 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "ingest finished before it could be interrupted"
    os.kill(proc.pid, sig)
    _, first_err = proc.communicate(timeout=60)
    partial = _stored(db)
    assert 0 < partial < N_DOCS
    again = _ingest(db, corpus)
    out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert f"{N_DOCS - partial} added, {partial} unchanged" in out
    assert _counts(db) == _counts(clean)
    check = subprocess.run(
        [sys.executable, "-m", "actorgraph", "--db", str(db), "check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0 and "0 problems" in check.stdout
    return first_err, out


@pytest.mark.parametrize("sig", [signal.SIGKILL])
def test_cli_ingest_killed_resumes_without_duplicates(tmp_path: Path, sig: signal.Signals) -> None:
    _interrupt_then_finish(tmp_path, sig)


def test_cli_ingest_ctrl_c_says_how_to_finish(tmp_path: Path) -> None:
    err, _ = _interrupt_then_finish(tmp_path, signal.SIGINT)
    assert "run the same command again" in err
