"""Run each harness for a time budget and print how many inputs it ran.

    python fuzz/run.py [--seconds 300] [--work .fuzz] [NAME ...]

NAME is readers and/or pipeline (default: both). Each keeps its corpus in WORK/NAME/
(reused by the next run) and writes crashing inputs as WORK/NAME-crash-*; the exit code
is 1 if any harness crashed. Reproduce one with `python fuzz/fuzz_NAME.py CRASH_FILE`.
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
HARNESSES = ("readers", "pipeline")
# Longest input and longest time per input: readers are fast, so long inputs find what is
# quadratic in a line; the pipeline parses every input with the model.
OPTIONS = {
    "readers": ["-max_len=65536", "-timeout=60"],
    "pipeline": ["-max_len=2048", "-timeout=120"],  # its own deadline is max_seconds=20
}
SEEDS = 8  # random inputs of up to max_len/4 bytes, so mutation starts from long ones
_STAT = re.compile(r"stat::(number_of_executed_units|slowest_unit_time_sec):\s*(\d+)")


def run(name: str, seconds: int, work: Path) -> tuple[int, bool]:
    """Run one harness; return the inputs it ran and whether it found a crash."""
    corpus = work / name
    corpus.mkdir(parents=True, exist_ok=True)
    if not any(corpus.iterdir()):
        rng = random.Random(name)
        longest = int(OPTIONS[name][0].split("=")[1]) // 4
        for i in range(SEEDS):
            size = rng.randint(1, longest)
            (corpus / f"seed-{i}").write_bytes(bytes(rng.getrandbits(8) for _ in range(size)))
    log = work / f"{name}.log"
    cmd = [
        sys.executable,
        str(HERE / f"fuzz_{name}.py"),
        str(corpus),
        f"-max_total_time={seconds}",
        *OPTIONS[name],
        "-len_control=0",  # mutate up to max_len from the start
        "-rss_limit_mb=6144",
        "-print_final_stats=1",
        f"-artifact_prefix={work}/{name}-",
    ]
    started = time.monotonic()
    with log.open("w") as out:
        proc = subprocess.run(cmd, stdout=out, stderr=subprocess.STDOUT, check=False)
    text = log.read_text(errors="replace")
    stats = {k: int(v) for k, v in _STAT.findall(text)}
    inputs = stats.get("number_of_executed_units", 0)
    crashed = proc.returncode != 0
    took = time.monotonic() - started
    status = f"CRASH (exit {proc.returncode}; see {log})" if crashed else "ok"
    slowest = stats.get("slowest_unit_time_sec", 0)
    print(
        f"fuzz_{name}: {inputs} inputs in {took:.0f} s, slowest input {slowest} s: {status}",
        flush=True,
    )
    return inputs, crashed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*", choices=[*HARNESSES, []], default=list(HARNESSES))
    parser.add_argument("--seconds", type=int, default=300, help="budget per harness")
    parser.add_argument("--work", type=Path, default=HERE.parent / ".fuzz")
    args = parser.parse_args()
    total, crashed = 0, False
    for name in args.names or HARNESSES:
        inputs, bad = run(name, args.seconds, args.work)
        total, crashed = total + inputs, crashed or bad
    print(f"total: {total} inputs")
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
