"""Kill ``actorgraph ingest`` at random points; check that finishing it stores what an
uninterrupted run does.

    python benchmarks/crash.py [--runs 50] [--docs 200] [--workers 2] [--seed 1]
                               [--data DIR] [--keep DIR]

Builds a corpus of --docs articles: generated ones by default (varied reports that share
people, groups and places, often naming a person by surname alone, so which actor an
entity joins depends on the documents stored before it), or the first --docs texts under
--data (e.g. ../shared/datasets/quotes/polnear/data/train/text). Stores it once, in one
process and uninterrupted: the reference. Then, per run, starts
``actorgraph --db RUN.db ingest --workers W`` in a fresh store and SIGKILLs either the
writer (the main process) or one of its worker processes when a random number of
documents is stored; some runs kill twice. A killed writer is started again until an
ingest ends; a killed worker is replaced by the pool, which retries its documents, so
that ingest must end on its own with every document stored. Each run passes when its
store equals the reference (``actorgraph.store.snapshot``: documents, actors with their
entities, names and aliases, mentions, dates, quotes, relations, events, evidence,
corroboration counts, rows per table), ``actorgraph check`` finds no problem, and no
worker outlives a killed writer. Prints one line per run, and last

    crash runs=N passed=P failed=F killed_writer=A killed_worker=B missed=C

(``missed``: planned kills that never came, the ingest having finished first). Exits 1
if a run failed. Linux only (worker processes are found through /proc).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from actorgraph.store import open_store
from actorgraph.store.snapshot import Snapshot, snapshot

# What each run kills, in order; runs take them in turn, so a few runs cover them all.
PLANS: tuple[tuple[str, ...], ...] = (
    ("worker", "writer"),
    ("writer",),
    ("worker",),
    ("writer", "worker"),
    ("writer", "writer"),
    ("worker", "worker"),
)
POLL_S = 0.01
INGEST_TIMEOUT_S = 1800.0

# People, some sharing a surname; each appears from a random point of the corpus on, so
# whom a bare "Aziz" joins (the only person so called, the one mostly so called, or
# nobody) changes along the corpus and depends on which documents were stored first.
PEOPLE = (
    ("General", "Omar", "Tahir"),
    ("Judge", "Rana", "Tahir"),
    ("Minister", "Leila", "Haddad"),
    ("Colonel", "Sami", "Haddad"),
    ("Colonel", "Karim", "Aziz"),
    ("Doctor", "Huda", "Aziz"),
    ("Sheikh", "Hassan", "Jaber"),
    ("President", "Sara", "Nouri"),
    ("Commander", "Qais", "al-Rawi"),
    ("Ambassador", "John", "Miller"),
    ("Governor", "Adel", "Mansour"),
    ("Major", "Faisal", "Mansour"),
)
GROUPS = (
    "Eastern Army",
    "Popular Front",
    "Northern Shield Brigades",
    "Badr Organization",
    "Ministry of Interior",
    "Kirkuk Police",
    "Sons of the River",
)
WATCHERS = ("Amnesty International", "the United Nations", "Human Rights Watch", "the Red Crescent")
BACKERS = ("Iran", "Turkey", "the United States", "Russia")
PLACES = ("Kirkuk", "Mosul", "Basra", "Erbil", "Tikrit", "Baghdad", "Falluja", "Samarra")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August")
QUOTES = (
    "We will not leave {place} until the last family is safe",
    "The situation in {place} is under control",
    "Our troops are ready to defend every street",
    "We call on all sides to respect the truce",
    "Nobody will be allowed to carry weapons in {place}",
    "The attack was a crime against civilians",
    "We have evidence that foreign fighters were involved",
)
# Sentences that give the first person's full name, and the others (some of which call
# that person by surname alone).
NAMING = (
    "{title} {first} {last}, the leader of the {group}, said on {day} that the forces "
    "had reached {place}.",
    "Hundreds of protesters gathered in {place} on {day} to demand the release of {first} {last}.",
    "{title} {first} {last} accused the {group} of shelling {place}.",
    "According to {first} {last}, the {group} withdrew from {place} on {date}.",
    '"{quote}," said {first} {last}, a spokesman for the {group}.',
)
OTHERS = (
    '"{quote}," {last} told reporters in {place}.',
    "Fighters of the {group} attacked positions of the {group2} near {place} on {day}, "
    "killing {n} people.",
    "The {group} is backed by {backer}, according to {watcher}.",
    "{last} met {title2} {first2} {last2} in {place} on {date} to discuss the ceasefire.",
    "{Watcher} criticised the operation in a statement on {date}.",
    "{last} denied that the {group} had received weapons from {backer}.",
    "The {group} arrested {n} men in {place} on {day}, the police said.",
)


def generate(rng: random.Random, n: int) -> list[str]:
    """Return ``n`` distinct reports that share their people, groups and places.

    About a third name their main person by surname alone.
    """
    debut = {person: rng.randrange(n // 2) if i >= 4 else 0 for i, person in enumerate(PEOPLE)}
    texts: list[str] = []
    seen: set[str] = set()
    while len(texts) < n:
        cast = [p for p in PEOPLE if debut[p] <= len(texts)]
        (title, first, last), (title2, first2, last2) = rng.sample(cast, 2)
        group, group2 = rng.sample(GROUPS, 2)
        place = rng.choice(PLACES)
        fill = {
            "title": title,
            "first": first,
            "last": last,
            "title2": title2,
            "first2": first2,
            "last2": last2,
            "group": group,
            "group2": group2,
            "place": place,
            "backer": rng.choice(BACKERS),
            "watcher": (watcher := rng.choice(WATCHERS)),
            "Watcher": watcher[0].upper() + watcher[1:],
            "day": rng.choice(DAYS),
            "date": f"{rng.randint(1, 28)} {rng.choice(MONTHS)} 2016",
            "n": rng.randint(2, 40),
            "quote": rng.choice(QUOTES).format(place=place),
        }
        bare = rng.random() < 1 / 3
        named = [] if bare else rng.sample(NAMING, rng.randint(1, 2))
        sentences = named + rng.sample(OTHERS, rng.randint(3, 5))
        if bare and not any("{last}" in s for s in sentences):
            sentences.insert(0, OTHERS[0])
        rng.shuffle(sentences)
        body = " ".join(s.format(**fill) for s in sentences)
        text = f"{group} and {group2}: fighting near {place}\n\n{body}\n"
        if text not in seen:
            seen.add(text)
            texts.append(text)
    return texts


def write_corpus(folder: Path, docs: int, seed: int, data: Path | None) -> None:
    """Write the generated reports, or copy the first ``docs`` texts of ``data``."""
    folder.mkdir(parents=True)
    if data is not None:
        files = sorted(p for p in data.rglob("*.txt") if p.is_file())[:docs]
        for i, path in enumerate(files):
            shutil.copyfile(path, folder / f"{i:04d}-{path.name}")
        return
    for i, text in enumerate(generate(random.Random(seed), docs)):
        (folder / f"report{i:04d}.txt").write_text(text, encoding="utf-8")


def stored(db: Path) -> int:
    """Return how many documents the store at ``db`` holds (0 if it cannot be read yet)."""
    if not db.exists():
        return 0
    try:
        with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0


def _stat(pid: int) -> list[str] | None:
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return raw[raw.rindex(")") + 2 :].split()  # the name may hold spaces: skip past it


def alive(pid: int) -> bool:
    """Return whether ``pid`` runs (a zombie no longer does)."""
    fields = _stat(pid)
    return fields is not None and fields[0] not in ("Z", "X")


def workers_of(pid: int) -> list[int]:
    """Return the live worker processes of the ingest ``pid`` (its spawned children)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        fields = _stat(int(entry.name))
        if fields is None or fields[1] != str(pid) or fields[0] in ("Z", "X"):
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if b"spawn_main" in cmdline:  # not the resource tracker
            found.append(int(entry.name))
    return sorted(found)


@dataclass
class Run:
    """What happened in one run."""

    plan: tuple[str, ...]
    kills: list[str] = field(default_factory=list)  # "writer@12": victim and documents stored
    missed: int = 0
    processes: int = 0
    problems: list[str] = field(default_factory=list)


class Harness:
    """The corpus, the reference snapshot, and the runs against them, in ``work``."""

    def __init__(self, args: argparse.Namespace, work: Path) -> None:
        self.args = args
        self.work = work
        self.corpus = work / "corpus"
        self.rng = random.Random(args.seed)
        self.reference = Snapshot({})

    def ingest(self, db: Path, workers: int, log: Path) -> subprocess.Popen[bytes]:
        cmd = [sys.executable, "-m", "actorgraph", "--db", str(db), "ingest", "-q"]
        cmd += ["--workers", str(workers), str(self.corpus)]
        with log.open("ab") as out:  # files, not pipes: nobody reads them while it runs
            return subprocess.Popen(cmd, stdout=out, stderr=out)

    def make_reference(self) -> None:
        db, log = self.work / "reference.db", self.work / "reference.log"
        proc = self.ingest(db, 1, log)
        if proc.wait(timeout=INGEST_TIMEOUT_S) != 0:
            raise SystemExit(f"the reference ingest failed:\n{log.read_text()}")
        problems = self.check(db)
        if problems:
            raise SystemExit("the reference store has problems:\n" + "\n".join(problems))
        with open_store(db) as store:
            self.reference = snapshot(store)
        counts = self.reference.counts()
        print(
            "reference: "
            + ", ".join(f"{counts[k]} {k}" for k in ("documents", "actors", "entities"))
            + ", "
            + ", ".join(f"{counts[k]} {k}" for k in ("quotes", "relations", "events"))
            + f", {counts['corroboration']} corroborated relations",
            flush=True,
        )

    def check(self, db: Path) -> list[str]:
        cmd = [sys.executable, "-m", "actorgraph", "--db", str(db), "check"]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode == 0 and done.stdout.strip().endswith("0 problems"):
            return []
        return [f"actorgraph check exited {done.returncode}: {done.stdout[-2000:]}"]

    def run(self, index: int) -> Run:
        plan = PLANS[index % len(PLANS)]
        run = Run(plan)
        db, log = self.work / f"run{index:03d}.db", self.work / f"run{index:03d}.log"
        todo = list(plan)
        while True:
            run.processes += 1
            proc = self.ingest(db, self.args.workers, log)
            try:
                writer_killed = self.kill_during(proc, db, todo, run)
                code = proc.wait(timeout=INGEST_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                run.problems.append(f"ingest {run.processes} hung; killed it")
                return run
            finally:  # hung, or this script interrupted: leave no ingest behind
                if proc.poll() is None:
                    proc.kill()
                    proc.wait()
            if writer_killed:
                continue
            if code != 0:
                tail = log.read_text(errors="replace")[-1500:]
                run.problems.append(f"ingest {run.processes} exited {code}:\n{tail}")
            break
        self.compare(db, run)
        return run

    def kill_during(
        self, proc: subprocess.Popen[bytes], db: Path, todo: list[str], run: Run
    ) -> bool:
        """Make the planned kills on ``proc``; return whether its writer was killed."""
        low = stored(db)
        while todo:
            victim = todo.pop(0)
            if low >= self.args.docs:
                run.missed += 1
                continue
            # Within the first four fifths of what is left, so the kill lands while there
            # is work in flight rather than after the last document.
            target = self.rng.randint(low, max(low, low + (self.args.docs - low) * 4 // 5 - 1))
            while proc.poll() is None and stored(db) < target:
                time.sleep(POLL_S)
            # At once (the writer is likely saving the rest of a batch) or a little later
            # (likely waiting for the workers).
            time.sleep(self.rng.choice((0.0, self.rng.uniform(0, 0.3))))
            pids = workers_of(proc.pid)
            deadline = time.monotonic() + 120
            # A worker kill waits for workers (there are none while the pool restarts).
            while victim == "worker" and not pids and proc.poll() is None:
                if time.monotonic() > deadline:
                    run.problems.append("no worker process to kill after 120 s")
                    break
                time.sleep(POLL_S)
                pids = workers_of(proc.pid)
            if proc.poll() is not None or (victim == "worker" and not pids):
                run.missed += 1 + len(todo)
                todo.clear()
                return False
            at = stored(db)
            if victim == "writer":
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait()
                run.kills.append(f"writer@{at}")
                self.outlived(pids, run)
                return True
            os.kill(self.rng.choice(pids), signal.SIGKILL)
            run.kills.append(f"worker@{at}")
            low = at + 1
        return False

    def outlived(self, workers: list[int], run: Run) -> None:
        """Check that the workers of a killed writer exit; end any that do not."""
        deadline = time.monotonic() + 15
        while any(map(alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.05)
        for pid in filter(alive, workers):
            run.problems.append(f"worker {pid} outlived its killed writer")
            os.kill(pid, signal.SIGKILL)

    def compare(self, db: Path, run: Run) -> None:
        with open_store(db) as store:
            found = snapshot(store)
        run.problems += self.reference.diff(found)
        run.problems += self.check(db)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data", type=Path, default=None, help="take texts from here")
    parser.add_argument("--keep", type=Path, default=None, help="work here and keep it")
    args = parser.parse_args(argv)
    if args.workers < 2:
        parser.error("--workers must be at least 2: worker processes are among the victims")
    if args.keep is not None:
        if args.keep.exists() and any(args.keep.iterdir()):
            parser.error(f"--keep {args.keep}: give a new or empty folder")
        args.keep.mkdir(parents=True, exist_ok=True)
        return _main(args, args.keep)
    with tempfile.TemporaryDirectory(prefix="actorgraph-crash-") as tmp:
        return _main(args, Path(tmp))


def _main(args: argparse.Namespace, work: Path) -> int:
    started = time.monotonic()
    harness = Harness(args, work)
    write_corpus(harness.corpus, args.docs, args.seed, args.data)
    harness.make_reference()
    passed = 0
    killed: Counter[str] = Counter()
    missed = 0
    for i in range(args.runs):
        t0 = time.monotonic()
        run = harness.run(i)
        killed.update(k.split("@")[0] for k in run.kills)
        missed += run.missed
        passed += not run.problems
        outcome = "ok" if not run.problems else "FAILED"
        print(
            f"run {i + 1}/{args.runs} plan={'+'.join(run.plan)} kills={','.join(run.kills)} "
            f"missed={run.missed} processes={run.processes} {outcome} "
            f"({time.monotonic() - t0:.1f} s)",
            flush=True,
        )
        for problem in run.problems:
            print(f"  {problem}", flush=True)
    print(f"elapsed {time.monotonic() - started:.0f} s")
    print(
        f"crash runs={args.runs} passed={passed} failed={args.runs - passed} "
        f"killed_writer={killed['writer']} killed_worker={killed['worker']} missed={missed}"
    )
    return 0 if passed == args.runs else 1


if __name__ == "__main__":
    sys.exit(main())
