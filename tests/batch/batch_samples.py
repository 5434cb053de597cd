"""A small generated corpus, store snapshots and failing analysers shared by the batch tests.

The analysers are module-level so worker processes (local pools and Dask workers) can
import them by name.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from actorgraph.batch._worker import loaded_model_id
from actorgraph.model import Analysis
from actorgraph.pipeline.analyze import analyze_parsed
from actorgraph.pipeline.nlp import ParsedDoc
from actorgraph.store import open_store
from actorgraph.store.snapshot import Snapshot, snapshot

PEOPLE = ("Omar Tahir", "Leila Haddad", "Karim Aziz", "Sara Nouri", "Hassan Jaber")
PLACES = ("Kirkuk", "Mosul", "Basra", "Erbil")


def write_corpus(folder: Path, n: int, *, odd: dict[int, str] | None = None) -> Path:
    """Write ``n`` short reports (``odd`` replaces some texts) and return the folder."""
    folder.mkdir()
    for i in range(n):
        person, place = PEOPLE[i % len(PEOPLE)], PLACES[i % len(PLACES)]
        text = (
            f"Report {i}. General {person} of the Eastern Army said on Tuesday that his "
            f'troops had reached {place}. "We are ready," {person.split()[1]} said. '
            f"The Eastern Army is backed by Iran, according to Amnesty International, "
            f"which criticised the operation in statement {i}.\n"
        )
        (folder / f"doc{i:02d}.txt").write_text((odd or {}).get(i, text), encoding="utf-8")
    return folder


def contents(db: Path) -> Snapshot:
    """Return the store's content by content, not ids (``actorgraph.store.snapshot``)."""
    with open_store(db) as store:
        return snapshot(store)


def fail_on_boom(parsed: ParsedDoc) -> Analysis:
    """Analyse as usual, but raise on a text with BOOM."""
    if "BOOM" in parsed.text:
        raise ValueError("boom")
    return analyze_parsed(parsed)


def die_on_kill(parsed: ParsedDoc) -> Analysis:
    """Kill the worker process on a text with KILLME, as the out-of-memory killer would."""
    if "KILLME" in parsed.text:
        os.kill(os.getpid(), signal.SIGKILL)
    return analyze_parsed(parsed)


DIE_ONCE = "ACTORGRAPH_TEST_DIE_ONCE"  # a path: the first process to create it dies


def _first_time() -> bool:
    """Return True once across processes: for the caller that creates the marker file."""
    try:
        Path(os.environ[DIE_ONCE]).touch(exist_ok=False)
    except FileExistsError:
        return False
    return True


def die_once(parsed: ParsedDoc) -> Analysis:
    """Kill the first worker that analyses a text with KILLONCE, as an operator might."""
    if "KILLONCE" in parsed.text and _first_time():
        os.kill(os.getpid(), signal.SIGKILL)
    return analyze_parsed(parsed)


def slow_on_slow(parsed: ParsedDoc) -> Analysis:
    """Analyse as usual, but take a while over a text with SLOW."""
    if "SLOW" in parsed.text:
        time.sleep(1.5)
    return analyze_parsed(parsed)


def probe_dies_once() -> str:
    """Stand in for the workers' start-up probe: the first one dies, as if killed."""
    if _first_time():
        os.kill(os.getpid(), signal.SIGKILL)
    return loaded_model_id()
