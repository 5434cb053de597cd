"""Print extraction quality on public datasets and the dev gold, read in their native formats.

    python benchmarks/quality.py --dataset NAME [--data PATH] [--limit N] [--split S]

Each harness (``benchmarks/quality/<name>.py``) exposes ``DEFAULT_DATA`` (a path relative
to the project root) and ``run(data: Path, *, limit: int | None) -> tuple[str, float]``
(the ``dev`` harness also takes ``split`` and returns several figures): it prints its
figures and returns the headline, printed last as ``DATASET METRIC=VALUE ...``.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATASETS = (
    "polnear",
    "conllpp",
    "tempeval3",
    "seed",
    "dev",
    "conll04",
    "redocred",
    "plover",
    "case2021",
    "geo",
    "ecbplus",
)


def harness(name: str) -> ModuleType:
    """Load ``benchmarks/quality/<name>.py`` under a name no installed module can shadow."""
    spec = importlib.util.spec_from_file_location(
        f"quality_{name}", HERE / "quality" / f"{name}.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--dataset", required=True, choices=(*DATASETS, "all"))
    ap.add_argument("--data", type=Path, help="dataset path (default: the one under ../shared)")
    ap.add_argument("--limit", type=int, help="only the first N documents")
    ap.add_argument(
        "--split",
        choices=("tune", "check", "all"),
        default="tune",
        help="dev only: the articles to score (benchmarks/gold/dev/split.json)",
    )
    ap.add_argument(
        "--fit-calibration",
        action="store_true",
        help="dev only: fit the confidence calibration on the tune split and write it",
    )
    args = ap.parse_args(argv)
    names = DATASETS if args.dataset == "all" else (args.dataset,)
    headlines = []
    for name in names:
        mod = harness(name)
        data = args.data if args.data and len(names) == 1 else ROOT / mod.DEFAULT_DATA
        if not data.exists():
            print(f"{name}: no data at {data} (give --data PATH)", file=sys.stderr)
            return 2
        t0 = time.perf_counter()
        print(f"== {name} ({data})")
        options: dict[str, object] = {}
        if name == "dev":
            options = {"split": args.split, "fit": args.fit_calibration}
        result = mod.run(data, limit=args.limit, **options)
        print(f"   ({time.perf_counter() - t0:.1f} s)")
        figures = result if isinstance(result, dict) else dict([result])
        headlines.append(f"{name} " + " ".join(f"{k}={v:.4f}" for k, v in figures.items()))
    for line in headlines:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
