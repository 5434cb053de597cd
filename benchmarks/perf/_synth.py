"""Synthetic documents, actors and facts for the store benchmarks (bigstore.py, load.py).

Short documents are built sentence by sentence, so every evidence span, mention, date and
quote lies in its text, and the rows are written with the store's own columns. Actors are
drawn for each document from a Zipf law, so actor degrees follow a power law: a few hubs
named in thousands of documents and a long tail named once or twice.

With ``filler`` (sentences of real articles) each document also gets a lede and sentences
between its facts, so texts have the length and look of news; with ``keys`` the entities
get their ``actor_keys`` rows, so a real ingest into the same store resolves against them.
Without either the rows are those bigstore.py has always generated for a seed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from actorgraph.model import text_id
from actorgraph.resolve.identity import actor_id, normalize_name
from actorgraph.store import Store
from actorgraph.store._write import COLUMNS

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
ORDER = (
    "documents", "stage_runs", "entities", "mentions", "actor_aliases", "actor_keys", "dates",
    "quotes", "relations", "events", "event_actors", "evidence",
)  # fmt: skip
DOCUMENT_COLUMNS = (
    "id", "text", "title", "published", "publisher", "author", "url", "source", "language",
    "notes", "added_at", "updated_at",
)  # fmt: skip
STAGE_RUN_COLUMNS = ("document_id", "stage", "version", "run_at")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?](?=\s|$)")


def digest(*parts: object) -> str:
    """Return a 24-hex id like the store's (content hashes are random in the indexes too)."""
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:24]


def percentile(values: Sequence[float], q: float) -> float:
    """Return the ``q`` quantile of ``values`` (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def typo(name: str, rng: random.Random) -> str:
    """Return ``name`` with one letter doubled or dropped, as a user might type it."""
    i = rng.randrange(1, max(2, len(name) - 1))
    return name[: i + 1] + name[i:] if rng.random() < 0.5 else name[:i] + name[i + 1 :]


def filler_sentences(folder: Path, *, limit: int = 20_000) -> list[str]:
    """Return up to ``limit`` sentences of 40-300 characters from the articles in ``folder``."""
    found: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        for match in _SENTENCE.finditer(path.read_text(encoding="utf-8", errors="replace")):
            sentence = " ".join(match.group().split())
            if 40 <= len(sentence) <= 300:
                found.append(sentence)
                if len(found) >= limit:
                    return found
    return found


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
    documents: int = 0


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


@dataclass(frozen=True)
class Style:
    """How documents read: real sentences around the facts, and whether to index keys."""

    filler: Sequence[str] = ()
    keys: bool = False

    def pad(self, t: Text, rng: random.Random, low: int, high: int) -> None:
        """Add ``low``-``high`` filler sentences (nothing without filler)."""
        if self.filler:
            for _ in range(rng.randint(low, high)):
                t.add(rng.choice(self.filler) + " ")


PLAIN = Style()


def add_document(
    batch: Batch,
    number: int,
    cast: Sequence[Actor],
    facts: int,
    rng: random.Random,
    style: Style = PLAIN,
) -> None:
    """Write one document naming ``cast`` with ``facts`` facts among them into ``batch``."""
    rows = batch.tables
    day = dt.date(2010, 1, 1) + dt.timedelta(days=rng.randrange(15 * 365))
    published = day.isoformat()
    t = Text()
    t.add(f"Dispatch {number}. ")
    style.pad(t, rng, 2, 4)
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
        style.pad(t, rng, 0, 2)
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
    style.pad(t, rng, 1, 3)
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
        if style.keys:
            rows["actor_keys"].extend((doc, lid, key, a.id) for key in _index_keys(a, used))
    rows["dates"].append(
        (doc, ds, de, date_text, published, "day", published, published, 0, "dates.v1")
    )
    for table in ("quotes", "relations", "events", "event_actors", "evidence"):
        position = 2 if table == "event_actors" else 1
        rows[table].extend((*row[:position], doc, *row[position + 1 :]) for row in doc_rows[table])
    batch.facts += facts
    batch.documents += 1


def _index_keys(a: Actor, used: dict[str, None]) -> list[str]:
    # Imported here: actorgraph.resolve loads the pipeline's lexicons, which bigstore skips.
    from actorgraph.resolve.keys import names_of

    return sorted(names_of(a.name, [n for n in used if n != a.name], a.type).index_keys)


def generate(
    facts: int,
    rng: random.Random,
    *,
    batch_docs: int = 5000,
    documents: int | None = None,
    style: Style = PLAIN,
) -> tuple[list[Actor], np.ndarray, Iterator[Batch]]:
    """Return the actors, their Zipf weights and the batches of documents (lazily).

    Documents are made until ``facts`` facts are written or, if given, ``documents``
    documents (then with one actor per ten facts, as with ``facts`` alone).
    """
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
        while made < facts and (documents is None or number < documents):
            if len(pool) < 32:  # draw in bulk: one draw over 100k weights costs their sum
                pool.extend(draws.choice(len(actors), 200_000, p=weights).tolist())
            size = rng.randint(3, 7)
            cast = [actors[i] for i in dict.fromkeys(pool[-size * 2 :])][:size]
            del pool[-size * 2 :]
            if len(cast) < 2:
                continue
            count = min(facts - made, rng.randint(4, 12))
            add_document(batch, number, cast, count, rng, style)
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
    """Return the columns the generated rows of ``table`` fill, in order."""
    if table == "documents":
        return DOCUMENT_COLUMNS
    if table == "stage_runs":
        return STAGE_RUN_COLUMNS
    return COLUMNS[table]


def load(store: Store, actors: Sequence[Actor], batches: Iterator[Batch]) -> int:
    """Insert the actors (those not stored yet) and every batch; return the facts written."""
    db = store._db
    actor_rows = [(a.id, a.name, a.type, a.kind, normalize_name(a.name)) for a in actors]
    facts = 0
    with db.transaction():
        stored = {row[0] for row in db.execute("SELECT id FROM actors")}
        insert(
            store,
            "actors",
            ("id", "name", "type", "kind", "name_norm"),
            [row for row in actor_rows if row[0] not in stored],
        )
    for batch in batches:
        with db.transaction():
            for table in ORDER:
                if batch.tables[table]:
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
