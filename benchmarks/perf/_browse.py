"""Simulated users of the web page for load.py: what they ask for, and how long it takes.

Each client is one user with two keep-alive connections of its own (a browser opens
several), spoken to by a minimal HTTP/1.1 client on asyncio streams: httpx's pool spent
ten times the CPU per request with 400 connections open, and made the clients the
bottleneck. A user makes page views as the page does: an actor page
asks for the profile and the timeline at once, then the neighbourhood (depth 1); depth 2
is a click on the actor page; a search is one request as typed; a document view is one.
Actors are picked in proportion to their mentions (hubs are looked at most). Between page
views a user waits an exponential think time.
"""

from __future__ import annotations

import asyncio
import random
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from _synth import typo

VIEWS = (("search", 0.30), ("actor", 0.45), ("depth2", 0.10), ("document", 0.15))
ENDPOINTS = ("search", "profile", "timeline", "neighbourhood", "document")
TIMEOUT_S = 10.0


@dataclass(frozen=True)
class Workload:
    """What users ask for: actors weighted by mentions, their names, documents."""

    actors: list[str]
    weights: list[float]
    names: dict[str, tuple[str, ...]]  # actor id: name first, then its aliases
    documents: list[str]
    counts: dict[str, int]  # rows per table, for the report


def workload(path: Path) -> Workload:
    """Read the actors, names and documents of the SQLite store at ``path``."""
    con = sqlite3.connect(path)
    try:
        rows = con.execute(
            "SELECT a.id, a.name, COUNT(*) FROM actors a JOIN mentions m ON m.actor_id = a.id "
            "GROUP BY a.id, a.name ORDER BY a.id"
        ).fetchall()
        names: dict[str, list[str]] = {a: [n] for a, n, _ in rows}
        for a, alias in con.execute(
            "SELECT DISTINCT actor_id, alias FROM actor_aliases ORDER BY actor_id, alias"
        ):
            if a in names and alias not in names[a]:
                names[a].append(alias)
        documents = [r[0] for r in con.execute("SELECT id FROM documents ORDER BY id")]
        counts = {
            t: int(con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0])
            for t in ("documents", "actors", "mentions", "relations", "events", "quotes")
        }
        (counts["ingested"],) = con.execute(
            "SELECT COUNT(*) FROM documents WHERE source IS NOT 'bigstore'"
        ).fetchone()
    finally:
        con.close()
    return Workload(
        actors=[a for a, _, _ in rows],
        weights=[float(n) for _, _, n in rows],
        names={a: tuple(v) for a, v in names.items()},
        documents=documents,
        counts=counts,
    )


@dataclass
class Record:
    kind: str
    started: float
    ms: float
    outcome: str  # "ok", "HTTP 503", "timeout", "connection: ConnectionResetError", ...


class Connection:
    """One keep-alive HTTP/1.1 connection: GET a path, read the whole answer."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def get(self, path: str) -> int:
        """Return the status of ``GET path`` once its body is read.

        A kept-alive connection the server has closed meanwhile (uvicorn closes idle ones
        after 5 s) fails before any answer: the request is sent again on a new connection
        once, as browsers do for idempotent requests.
        """
        if self.streams is not None:
            try:
                return await self._get(path)
            except (ConnectionError, asyncio.IncompleteReadError) as exc:
                self.close()
                if isinstance(exc, asyncio.IncompleteReadError) and exc.partial:
                    raise
        self.streams = await asyncio.open_connection(self.host, self.port)
        return await self._get(path)

    async def _get(self, path: str) -> int:
        assert self.streams is not None
        reader, writer = self.streams
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
        await writer.drain()
        head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").lower()
        status = int(head[9:12])
        fields = dict(line.split(":", 1) for line in head.split("\r\n")[1:] if ":" in line)
        if fields.get("transfer-encoding", "").strip() == "chunked":
            while size := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16):
                await reader.readexactly(size + 2)
            await reader.readuntil(b"\r\n")
        else:
            await reader.readexactly(int(fields.get("content-length", "0")))
        if fields.get("connection", "").strip() == "close":
            self.close()
        return status

    def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()
            self.streams = None


@dataclass
class Users:
    work: Workload
    think_s: float
    seed: int
    records: list[Record] = field(default_factory=list)

    def view(self, rng: random.Random) -> list[list[tuple[str, str]]]:
        """Return one page view: its steps, each a list of (endpoint, path) asked at once."""
        view = rng.choices([v for v, _ in VIEWS], [w for _, w in VIEWS])[0]
        if view == "document":
            return [[("document", f"/api/documents/{rng.choice(self.work.documents)}")]]
        actor = rng.choices(self.work.actors, self.work.weights)[0]
        if view == "search":
            names = self.work.names[actor]
            roll = rng.random()
            q = names[0] if roll < 0.5 else names[-1] if roll < 0.8 else typo(names[0], rng)
            return [[("search", "/api/actors?" + urlencode({"q": q, "limit": 12}))]]
        graph = f"/api/actors/{actor}/graph?limit=80&depth="
        if view == "depth2":
            return [[("neighbourhood", graph + "2")]]
        return [
            [("profile", f"/api/actors/{actor}"),
             ("timeline", f"/api/actors/{actor}/timeline?limit=200")],
            [("neighbourhood", graph + "1")],
        ]  # fmt: skip

    async def fetch(self, connection: Connection, kind: str, path: str) -> None:
        began = time.perf_counter()
        try:
            status = await asyncio.wait_for(connection.get(path), TIMEOUT_S)
            outcome = "ok" if status == 200 else f"HTTP {status}"
        except TimeoutError:
            outcome = "timeout"
            connection.close()
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError) as exc:
            outcome = f"connection: {type(exc).__name__}"
            connection.close()
        self.records.append(Record(kind, began, (time.perf_counter() - began) * 1000, outcome))

    async def user(self, host: str, port: int, n: int, stop: asyncio.Event) -> None:
        rng = random.Random(self.seed * 1000 + n)
        connections = [Connection(host, port), Connection(host, port)]
        try:
            if self.think_s:  # spread the first page views over one think time
                await asyncio.sleep(rng.uniform(0, self.think_s))
            while not stop.is_set():
                for step in self.view(rng):
                    await asyncio.gather(
                        *(self.fetch(c, k, p) for c, (k, p) in zip(connections, step, strict=False))
                    )
                if self.think_s:
                    await asyncio.sleep(rng.expovariate(1 / self.think_s))
        finally:
            for c in connections:
                c.close()

    async def run(self, host: str, port: int, users: int, seconds: float) -> None:
        """Browse the server for ``seconds`` with ``users`` users; wait for the last requests."""
        stop = asyncio.Event()
        tasks = [asyncio.create_task(self.user(host, port, n, stop)) for n in range(users)]
        await asyncio.sleep(seconds)
        stop.set()
        await asyncio.gather(*tasks)
