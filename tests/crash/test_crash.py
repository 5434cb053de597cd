"""The crash harness (benchmarks/perf/crash.py) on a small budget: kills lose nothing."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_crash_killed_writer_and_worker_store_what_an_uninterrupted_run_does(
    tmp_path: Path,
) -> None:
    # Runs kill: a worker then the writer; the writer; a worker; the writer then a worker.
    cmd = [sys.executable, str(ROOT / "benchmarks" / "perf" / "crash.py"), "--runs", "4", "--docs"]
    cmd += ["30", "--workers", "2", "--seed", "5", "--keep", str(tmp_path)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
    out = done.stdout
    assert done.returncode == 0, out + done.stderr
    last = re.fullmatch(
        r"crash runs=4 passed=4 failed=0 killed_writer=(\d+) killed_worker=(\d+) missed=\d+",
        out.splitlines()[-1],
    )
    assert last is not None, out
    assert int(last[1]) >= 1 and int(last[2]) >= 1, out
    assert re.search(r"^reference: 30 documents, \d+ actors", out, re.MULTILINE), out
    # Every run's store was compared: the harness names a run's problems under it.
    assert out.count(" ok (") == 4 and "FAILED" not in out
