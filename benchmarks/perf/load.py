"""Load `actorgraph serve` with 200 browsing users while an ingest writes to the same store.

    python benchmarks/load.py [--store PATH] [--documents 10000] [--real 100]
                              [--clients 200] [--duration 60] [--warmup 5] [--think-ms 7000]
                              [--writer-workers 1] [--writer-nice 0] [--no-writer]
                              [--server serve|uvicorn] [--server-workers 1] [--freeze-gc]
                              [--seed 7]

The store: the demo article (examples/) and the first ``--real`` PolNeAR train articles
ingested for real (`actorgraph ingest`), then grown to ``--documents`` documents with
synthetic ones (benchmarks/_synth.py: actors with power-law degrees; mentions, aliases,
name keys, dates, relations, events and quotes whose evidence spans lie in texts padded
with sentences of real articles). ``--store PATH`` keeps it there, or reuses it if PATH
exists; each run works on a copy, so the writer has new documents to store every time.

The run: ``actorgraph --db COPY serve`` in a subprocess or, with ``--server uvicorn``,
``python -m uvicorn --factory load:server_app`` (the same ``create_app`` with serve's
settings) with ``--server-workers`` processes and, with ``--freeze-gc``, the collector
tuned (see ``server_app``). Then a writer, ``actorgraph --db COPY ingest --workers N`` over
PolNeAR dev and the train articles the store lacks (``--writer-nice``: at that niceness).
Once it has stored its first document, ``--clients`` users browse as the web page does
(benchmarks/_browse.py: search; actor page = profile and timeline at once, then the
neighbourhood; depth-2 neighbourhood; document view), each waiting an exponential think
time of mean ``--think-ms`` between page views (7 s, TPC-W's browsing users; 0: back to
back, which measures capacity). Requests that start within ``--duration`` seconds after
``--warmup`` seconds count.

Prints requests/s and p50/p95/p99 per endpoint and overall, errors by kind (HTTP status,
timeout, connection), the documents the writer stored during the run, and the CPU used by
the server, the writer and the clients (this process: to show it is not the bottleneck).
The last line is

    load clients=C rps=R p50_ms=X p95_ms=Y p99_ms=Z errors=E
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import os
import random
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import httpx
from _browse import ENDPOINTS, Record, Users, workload
from _synth import Style, filler_sentences, generate, load, percentile

from actorgraph.store import open_store

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
POLNEAR = ROOT.parent / "shared/datasets/quotes/polnear/data"
EXAMPLES = ROOT / "examples"
TICK = os.sysconf("SC_CLK_TCK")
STORE_ENV = "ACTORGRAPH_LOAD_DB"
GC_ENV = "ACTORGRAPH_LOAD_FREEZE_GC"


def actorgraph(*args: str) -> list[str]:
    return [sys.executable, "-m", "actorgraph", *args]


def server_app() -> Any:
    """Return the app ``actorgraph serve`` runs, for ``uvicorn --factory load:server_app``.

    With ``--freeze-gc`` each server process also moves what it allocated at start out of
    the collector's reach (``gc.freeze()``) and collects the young generation every 10,000
    allocations instead of 700: full collections of a heap of FastAPI and pydantic
    objects paused every request for 50-100 ms, dozens of times a minute.
    """
    from actorgraph.api import create_app

    app = create_app(os.environ[STORE_ENV])
    if os.environ.get(GC_ENV):
        gc.freeze()
        gc.set_threshold(10_000, 20, 20)
    return app


# -- the store -----------------------------------------------------------------------


def train_files() -> list[Path]:
    return sorted((POLNEAR / "train/text").glob("*.txt"))


def build(path: Path, *, documents: int, real: int, seed: int) -> None:
    """Ingest the demo and ``real`` PolNeAR articles into ``path``, then grow it synthetically."""
    began = time.perf_counter()
    sources = [str(EXAMPLES), *map(str, train_files()[:real])]
    subprocess.run(actorgraph("--db", str(path), "ingest", "-q", *sources), check=True)
    ingested = time.perf_counter() - began
    with open_store(path) as store:
        (have,) = store._db.execute("SELECT COUNT(*) FROM documents").fetchone()
        style = Style(filler=filler_sentences(POLNEAR / "train/text"), keys=True)
        # At most 12 facts per document: the document count is what stops the generator.
        actors, _, batches = generate(
            (documents - have) * 12, random.Random(seed), documents=documents - have, style=style
        )
        facts = load(store, actors, batches)
        store._db.execute("ANALYZE")
        store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    print(
        f"built {path}: {have} documents ingested in {ingested:.0f} s, then "
        f"{documents - have:,} synthetic documents with {facts:,} facts and "
        f"{len(actors):,} actors in {time.perf_counter() - began - ingested:.0f} s"
    )


def documents_stored(path: Path) -> int:
    con = sqlite3.connect(path, timeout=30)
    try:
        return int(con.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
    finally:
        con.close()


# -- processes -----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cpu_seconds(pid: int) -> float:
    """Return the CPU time of ``pid`` and its live descendants (0 for a gone process)."""
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        parents[int(entry.name)] = int(fields[1])
        times[int(entry.name)] = (int(fields[11]) + int(fields[12])) / TICK
    tree, frontier = {pid}, {pid}
    while frontier:
        frontier = {p for p, parent in parents.items() if parent in frontier} - tree
        tree |= frontier
    return sum(times.get(p, 0.0) for p in tree)


@contextlib.contextmanager
def running(
    cmd: Sequence[str], log: Path, env: dict[str, str] | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env)
        try:
            yield proc
        finally:
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(30)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()


def wait_for(
    what: str, ready: Callable[[], bool], proc: subprocess.Popen[bytes], log: Path, within: float
) -> None:
    """Poll ``ready()`` until true; exit with the log if ``proc`` ends or time runs out."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if ready():
            return
        if proc.poll() is not None:
            sys.exit(f"{what}: the process exited:\n{log.read_text()[-2000:]}")
        time.sleep(0.3)
    sys.exit(f"{what}: not within {within:.0f} s:\n{log.read_text()[-2000:]}")


def answers(base: str) -> bool:
    try:
        return httpx.get(f"{base}/api/summary", timeout=5).status_code == 200
    except httpx.TransportError:
        return False


def server_command(args: argparse.Namespace, db: Path, port: int) -> list[str]:
    if args.server == "serve":
        return actorgraph("--db", str(db), "serve", "--port", str(port))
    # The settings of `actorgraph serve`, with N worker processes.
    return [
        sys.executable, "-m", "uvicorn", "--factory", "load:server_app", "--app-dir", str(HERE),
        "--host", "127.0.0.1", "--port", str(port), "--workers", str(args.server_workers),
        "--log-level", "warning", "--no-server-header", "--no-access-log",
    ]  # fmt: skip


# -- the report ----------------------------------------------------------------------


def report(records: Sequence[Record], seconds: float) -> tuple[str, Counter[str]]:
    """Print the table per endpoint; return the summary figures and the errors."""
    by_kind: dict[str, list[Record]] = defaultdict(list)
    for r in records:
        by_kind[r.kind].append(r)
    print(f"{'endpoint':<14}{'requests':>9}{'rps':>8}{'p50 ms':>9}{'p95 ms':>9}"
          f"{'p99 ms':>9}{'max ms':>9}{'errors':>8}")  # fmt: skip
    line = ""
    for kind in [*ENDPOINTS, "all"]:
        rows = list(records) if kind == "all" else by_kind[kind]
        if not rows:
            continue
        ms = [r.ms for r in rows]
        p50, p95, p99 = (percentile(ms, q) for q in (0.5, 0.95, 0.99))
        errors = sum(r.outcome != "ok" for r in rows)
        rps = len(rows) / seconds
        print(f"{kind:<14}{len(rows):>9}{rps:>8.1f}{p50:>9.1f}{p95:>9.1f}{p99:>9.1f}"
              f"{max(ms):>9.1f}{errors:>8}")  # fmt: skip
        line = f"rps={rps:.1f} p50_ms={p50:.1f} p95_ms={p95:.1f} p99_ms={p99:.1f}"
    return line, Counter(r.outcome for r in records if r.outcome != "ok")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, help="keep the base store here (reused if present)")
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--real", type=int, default=100, help="PolNeAR articles ingested")
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds measured")
    parser.add_argument("--warmup", type=float, default=5.0, help="seconds not measured")
    parser.add_argument("--think-ms", type=float, default=7000.0, help="mean; 0: none")
    parser.add_argument("--writer-workers", type=int, default=1)
    parser.add_argument("--writer-nice", type=int, default=0, help="niceness of the writer")
    parser.add_argument("--no-writer", action="store_true", help="readers only")
    parser.add_argument("--server", choices=("serve", "uvicorn"), default="serve")
    parser.add_argument("--server-workers", type=int, default=1, help="with --server uvicorn")
    parser.add_argument(
        "--freeze-gc", action="store_true", help="with --server uvicorn: see server_app()"
    )
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if (args.server_workers != 1 or args.freeze_gc) and args.server != "uvicorn":
        parser.error("--server-workers and --freeze-gc need --server uvicorn")

    with tempfile.TemporaryDirectory(prefix="load-") as tmp:
        top = Path(tmp)
        base = args.store or top / "base.db"
        if not base.exists():
            build(base, documents=args.documents, real=args.real, seed=args.seed)
        with open_store(base) as store:  # fold the WAL in, so one file is the whole store
            store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db = top / "run.db"
        shutil.copyfile(base, db)
        work = workload(db)
        c = work.counts
        print(
            f"store: {c['documents']:,} documents ({c['ingested']:,} ingested, "
            f"{c['documents'] - c['ingested']:,} synthetic), {c['actors']:,} actors, "
            f"{c['mentions']:,} mentions, {c['relations']:,} relations, {c['events']:,} "
            f"events, {c['quotes']:,} quotes, {db.stat().st_size / 2**20:,.0f} MiB"
        )
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        writer = actorgraph(
            "--db", str(db), "ingest", "-q", "--workers", str(args.writer_workers),
            str(POLNEAR / "dev/text"), *map(str, train_files()[args.real :]),
        )  # fmt: skip
        if args.writer_nice:
            writer = ["nice", "-n", str(args.writer_nice), *writer]
        users = Users(work, args.think_ms / 1000, args.seed)
        with contextlib.ExitStack() as stack:
            log = top / "server.log"
            env = {**os.environ, STORE_ENV: str(db), GC_ENV: "1" if args.freeze_gc else ""}
            server = stack.enter_context(running(server_command(args, db, port), log, env))
            wait_for("the server", lambda: answers(url), server, log, 120)
            writing = None
            if not args.no_writer:
                before = documents_stored(db)
                log = top / "writer.log"
                writing = stack.enter_context(running(writer, log))
                wait_for("the writer", lambda: documents_stored(db) > before, writing, log, 300)
            pids = {"server": server.pid, "writer": writing.pid if writing else None}
            cpu0 = {k: cpu_seconds(p) if p else 0.0 for k, p in pids.items()}
            cpu0["clients"] = time.process_time()
            docs0 = documents_stored(db)
            began = time.perf_counter()
            asyncio.run(users.run("127.0.0.1", port, args.clients, args.warmup + args.duration))
            wall = time.perf_counter() - began
            cpu = {k: (cpu_seconds(p) if p else 0.0) - cpu0[k] for k, p in pids.items()}
            cpu["clients"] = time.process_time() - cpu0["clients"]
            stored = documents_stored(db) - docs0
            writer_done = writing is not None and writing.poll() is not None
            if server.poll() is not None:
                print(f"the server exited during the run, with {server.returncode}")
    t0 = began + args.warmup
    kept = [r for r in users.records if t0 <= r.started < t0 + args.duration]
    shown = "actorgraph serve" if args.server == "serve" else "uvicorn --factory create_app"
    print(
        f"{args.clients} users, think time {args.think_ms:.0f} ms (mean), "
        f"{args.duration:.0f} s measured after {args.warmup:.0f} s warm-up; "
        f"server: {shown}, {args.server_workers} process(es)"
        + (", gc frozen after start" if args.freeze_gc else "")
    )
    line, errors = report(kept, args.duration)
    print("errors:", ", ".join(f"{k}: {n}" for k, n in errors.most_common()) or "none")
    if not args.no_writer:
        print(
            f"writer: {stored} documents stored during the run ({stored / wall:.2f}/s, "
            f"ingest --workers {args.writer_workers}, nice {args.writer_nice})"
            + (", then it had nothing left" if writer_done else "")
        )
    print(
        "cpu, % of one core over the run: "
        + ", ".join(f"{k} {100 * v / wall:.0f}" for k, v in cpu.items())
        + f" ({os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f})"
    )
    print(f"load clients={args.clients} {line} errors={sum(errors.values())}")


if __name__ == "__main__":
    main()
