"""Print ingest throughput and memory, against the bare spaCy pipeline in the same run.

    python benchmarks/throughput.py [--limit N] [--workers N] [--data DIR]

Ingests the documents under DIR (default: the polnear train split, 840 articles) into a
fresh store in a temporary directory, then parses the same texts with the same model with
``nlp.pipe(n_process=N)`` and nothing else. Each phase runs in a fresh interpreter so its
peak memory is its own; each is timed from an empty process to the last document stored
(or parsed), model loading included. Also prints the store's size per 1,000 documents
and the time of the actor-profile query. The last line is

    throughput docs_per_s=X words_per_s=Y ratio_vs_spacy=Z workers=N
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DEFAULT_DATA = ROOT.parent / "shared/datasets/quotes/polnear/data/train/text"


def _files(data: Path, limit: int | None) -> list[Path]:
    from actorgraph.ingest import iter_files

    found = [p for p in iter_files([data]) if isinstance(p, Path)]
    return found[:limit] if limit else found


def _texts(files: list[Path]) -> list[str]:
    from actorgraph.ingest import Failure, iter_documents

    return [d.text for d in iter_documents(files) if not isinstance(d, Failure)]


def _mib(kib: int) -> float:
    return kib / 1024  # ru_maxrss is in KiB on Linux


def _cpu() -> dict[str, float]:
    """CPU seconds used by this process and by its waited-for children."""
    me, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return {
        "cpu_parent_s": me.ru_utime + me.ru_stime,
        "cpu_children_s": kids.ru_utime + kids.ru_stime,
    }


def phase_ours(files: list[Path], args: argparse.Namespace) -> dict[str, Any]:
    """Ingest into a fresh store; return times, counts, memory, store size and query time."""
    from actorgraph.batch.local import ingest
    from actorgraph.store import open_store

    first: list[float] = []
    t0 = time.perf_counter()

    def progress(source: str, status: str) -> None:
        if not first:
            first.append(time.perf_counter() - t0)

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        with open_store(db) as store:
            report = ingest(
                files,
                store,
                workers=args.workers,
                batch_size=args.batch_size,
                start_method=args.start_method,
                progress=progress,
            )
        elapsed = time.perf_counter() - t0
        multiprocessing.active_children()  # reap finished workers for RUSAGE_CHILDREN
        cpu = _cpu()
        size = sum(p.stat().st_size for p in Path(tmp).iterdir() if p.name.startswith("bench"))
        query_ms = _profile_query(db, runs=args.query_runs)
    return {
        "seconds": elapsed,
        "first_doc_s": first[0] if first else elapsed,
        "documents": report.added,
        "failed": report.failed,
        "line": report.line(),
        "parent_mib": _mib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss),
        "children_mib": _mib(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss),
        "workers_mib": sorted(_mib(v) for v in report.worker_max_rss_kib.values()),
        "db_bytes": size,
        "query": query_ms,
        **cpu,
    }


def _profile_query(db: Path, *, runs: int) -> dict[str, Any]:
    """Time find_actors + actor_profile for the most-mentioned actor; median of ``runs``."""
    from actorgraph.store import open_store

    with open_store(db) as store:
        top = store.actors(limit=1)
        if not top:
            return {"actor": None, "median_ms": 0.0}
        name = top[0].name
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            found = store.find_actors(name, limit=5)
            store.actor_profile(found[0][0].id)
            times.append((time.perf_counter() - t) * 1000)
    return {"actor": name, "mentions": top[0].mentions, "median_ms": statistics.median(times)}


def phase_spacy(files: list[Path], args: argparse.Namespace) -> dict[str, Any]:
    """Read the same files and run the same model through ``nlp.pipe``, nothing more."""
    import spacy

    from actorgraph.pipeline.nlp import model_name

    t0 = time.perf_counter()
    nlp = spacy.load(model_name("auto"))
    nlp.max_length = 2_500_000
    texts = _texts(files)
    first = None
    n = 0
    for _doc in nlp.pipe(texts, n_process=args.workers, batch_size=args.batch_size):
        n += 1
        first = first if first is not None else time.perf_counter() - t0
    elapsed = time.perf_counter() - t0
    multiprocessing.active_children()
    return {
        **_cpu(),
        "seconds": elapsed,
        "first_doc_s": first or elapsed,
        "documents": n,
        "parent_mib": _mib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss),
        "children_mib": _mib(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss),
    }


def _run_phase(name: str, files: list[Path], args: argparse.Namespace) -> dict[str, Any]:
    """Run one phase in a fresh interpreter; return what it printed (one JSON line)."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.write("\n".join(str(f) for f in files))
    try:
        cmd = [
            sys.executable,
            __file__,
            "--phase",
            name,
            "--files-from",
            listing.name,
            "--workers",
            str(args.workers),
            "--batch-size",
            str(args.batch_size),
            "--start-method",
            args.start_method,
            "--query-runs",
            str(args.query_runs),
        ]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    finally:
        os.unlink(listing.name)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"phase {name} failed (exit code {done.returncode})")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _report(files: list[Path], args: argparse.Namespace) -> str:
    words = sum(len(t.split()) for t in _texts(files))
    n = len(files)
    print(f"corpus: {n} documents, {words:,} words ({words / max(n, 1):.0f} per document)")
    print(f"workers: {args.workers}, batch size: {args.batch_size}, start: {args.start_method}")
    spacy_ = _run_phase("spacy", files, args)
    ours = _run_phase("ours", files, args)
    rows = []
    for label, r in (("actorgraph ingest", ours), ("bare spaCy nlp.pipe", spacy_)):
        rate = r["documents"] / r["seconds"]
        steady = (r["documents"] - 1) / max(r["seconds"] - r["first_doc_s"], 1e-9)
        rows.append(rate)
        print(
            f"{label}: {r['documents']} documents in {r['seconds']:.1f} s "
            f"(first after {r['first_doc_s']:.1f} s): {rate:.2f} documents/s, "
            f"{words / r['seconds']:,.0f} words/s; after the first: {steady:.2f} documents/s"
        )
        workers = r.get("workers_mib")
        each = ", ".join(f"{m:.0f}" for m in workers) if workers else "-"
        print(
            f"  peak RSS MiB: parent {r['parent_mib']:.0f}; workers (each) {each}; "
            f"children (largest) {r['children_mib']:.0f}"
        )
        busy = (r["cpu_parent_s"] + r["cpu_children_s"]) / (r["seconds"] * args.workers)
        print(
            f"  CPU s: parent {r['cpu_parent_s']:.1f}, workers {r['cpu_children_s']:.1f} "
            f"({busy:.0%} of {args.workers} cores for the whole run)"
        )
    if ours["failed"]:
        print(f"  warning: {ours['line']}")
    ratio = rows[0] / rows[1]
    print(f"ratio ours / bare spaCy (documents/s, same run): {ratio:.3f}")
    # On a shared machine the wall clock depends on the neighbours; CPU time much less.
    ms = [
        (r["cpu_parent_s"] + r["cpu_children_s"]) / max(r["documents"], 1) * 1000
        for r in (ours, spacy_)
    ]
    print(
        f"CPU per document: ours {ms[0]:.0f} ms, bare spaCy {ms[1]:.0f} ms "
        f"(ratio ours / bare spaCy by CPU: {ms[1] / ms[0]:.3f})"
    )
    per_k = ours["db_bytes"] / max(ours["documents"], 1) * 1000
    print(f"store: {ours['db_bytes'] / 2**20:.1f} MiB, {per_k / 2**20:.1f} MiB per 1,000 documents")
    q = ours["query"]
    print(
        f"actor profile (find_actors + actor_profile) for {q['actor']!r} "
        f"({q.get('mentions', 0)} mentions): median {q['median_ms']:.1f} ms "
        f"of {args.query_runs} runs"
    )
    return (
        f"throughput docs_per_s={rows[0]:.2f} words_per_s={words / ours['seconds']:.0f} "
        f"ratio_vs_spacy={ratio:.3f} workers={args.workers}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--limit", type=int, help="only the first N documents (default: all)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="default: all cores")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of articles")
    ap.add_argument("--batch-size", type=int, default=8, help="documents per batch (default 8)")
    ap.add_argument("--start-method", choices=("spawn", "fork"), default="spawn")
    ap.add_argument("--query-runs", type=int, default=7, help=argparse.SUPPRESS)
    ap.add_argument("--phase", choices=("ours", "spacy"), help=argparse.SUPPRESS)
    ap.add_argument("--files-from", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.phase:
        files = [Path(line) for line in args.files_from.read_text().splitlines() if line]
        run = phase_ours if args.phase == "ours" else phase_spacy
        print(json.dumps(run(files, args)))
        return 0
    if not args.data.is_dir():
        print(f"no data at {args.data} (give --data DIR)", file=sys.stderr)
        return 2
    files = _files(args.data, args.limit)
    print(_report(files, args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
