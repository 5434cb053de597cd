"""Building a store from files and serving it in a thread, for the browser tests."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import uvicorn

from actorgraph.api import create_app
from actorgraph.ingest import Failure, read_path
from actorgraph.pipeline.analyze import analyze_document
from actorgraph.store import open_store


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build(path: Path, nlp: Any, *sources: Path) -> Path:
    """Read, analyse and store every document under ``sources`` in a new store at ``path``."""
    with open_store(path) as store:
        for source in sources:
            for doc in read_path(source):
                assert not isinstance(doc, Failure), doc
                store.save(analyze_document(doc, nlp=nlp))
    return path


@contextmanager
def serving(db: Path, **options: Any) -> Iterator[str]:
    """Serve the store (``options`` go to create_app) on a free loopback port in a thread;
    yield its base URL."""
    config = uvicorn.Config(
        create_app(str(db), **options), host="127.0.0.1", port=_free_port(), log_level="warning"
    )
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{config.port}/"
    finally:
        running.should_exit = True
        thread.join(timeout=10)
