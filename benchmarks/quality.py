"""Print extraction quality on public datasets, read in their native formats.

    python benchmarks/quality.py --dataset NAME [--data PATH] [--limit N]

Each dataset module (``benchmarks/qual_<name>.py``) exposes ``DEFAULT_DATA`` (a path
relative to the project root) and ``run(data: Path, *, limit: int | None) -> tuple[str,
float]``: it prints its figures and returns the headline metric, printed last as
``DATASET METRIC=VALUE``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATASETS = (
    "polnear",
    "conllpp",
    "tempeval3",
    "seed",
    "conll04",
    "redocred",
    "plover",
    "case2021",
    "geo",
    "ecbplus",
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--dataset", required=True, choices=(*DATASETS, "all"))
    ap.add_argument("--data", type=Path, help="dataset path (default: the one under ../shared)")
    ap.add_argument("--limit", type=int, help="only the first N documents")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(HERE))
    names = DATASETS if args.dataset == "all" else (args.dataset,)
    headlines = []
    for name in names:
        mod = importlib.import_module(f"qual_{name}")
        data = args.data if args.data and len(names) == 1 else ROOT / mod.DEFAULT_DATA
        if not data.exists():
            print(f"{name}: no data at {data} (give --data PATH)", file=sys.stderr)
            return 2
        t0 = time.perf_counter()
        print(f"== {name} ({data})")
        metric, value = mod.run(data, limit=args.limit)
        print(f"   ({time.perf_counter() - t0:.1f} s)")
        headlines.append(f"{name} {metric}={value:.4f}")
    for line in headlines:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
