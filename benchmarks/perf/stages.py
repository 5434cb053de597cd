"""Print the CPU each stage costs per document, against the parse, in one process.

    python benchmarks/perf/stages.py [--start 200] [--stop 400] [--data DIR]

Parses the PolNeAR train articles [start:stop) with ``nlp.pipe`` (the project's pipeline,
as ``actorgraph ingest`` runs it), then runs every stage on each parsed document and times
the stages one by one with the process CPU clock. The first document warms the lazy data
(gazetteer, lexicons) and is left out. Where ``perf/throughput.py`` says how far the
stages lower the documents per second, this says which stage to look at. Last line:

    stages docs=N parse_ms=X stages_ms=Y share=Z
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parent.parent.parent / "shared/datasets/quotes/polnear/data/train/text"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--start", type=int, default=200)
    parser.add_argument("--stop", type=int, default=400)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()

    from actorgraph.ingest import Failure, iter_documents
    from actorgraph.pipeline import dates, entities, events, places, quotes, relations
    from actorgraph.pipeline.analyze import analyze_parsed, reference_date
    from actorgraph.pipeline.nlp import ParsedDoc, load, model_id, release

    files = sorted(p for p in args.data.iterdir() if p.suffix == ".txt")[args.start : args.stop]
    docs = [d for d in iter_documents(files) if not isinstance(d, Failure)]
    nlp = load("auto")
    t0 = time.process_time()
    parsed = [
        ParsedDoc(d, p, reference_date(d.published), model_id(nlp))
        for d, p in zip(docs, nlp.pipe([d.text for d in docs], batch_size=8), strict=True)
    ]
    parse_s = time.process_time() - t0
    analyze_parsed(parsed[0])  # warm the lazy data
    cost: Counter[str] = Counter()

    def timed(name: str, fn, *a, **kw):  # type: ignore[no-untyped-def]
        start = time.process_time()
        out = fn(*a, **kw)
        cost[name] += time.process_time() - start
        return out

    for p in parsed[1:]:
        found = timed("entities", entities.extract_entities, p)
        found = timed("aliases", entities.resolve_aliases, p, found)
        found = timed("places", places.resolve_places, p, found)
        found = timed("actors", entities.add_generic_actors, p, found)
        d = timed("dates", dates.extract_dates, p)
        q = timed("quotes", quotes.extract_quotes, p, found)
        ev = timed("events", events.extract_events, p, found, d.dates, q.quotes)
        timed(
            "relations",
            relations.extract_relations,
            p,
            found,
            dates=d.dates,
            quotes=q.quotes,
            events=ev.events,
        )
        release(p.doc)  # the stages' token lists, as analyze_parsed drops them
    n = len(parsed) - 1
    parse_ms = 1000 * parse_s / len(parsed)
    stages_ms = 1000 * sum(cost.values()) / n
    print(f"documents: {n} (PolNeAR train [{args.start}:{args.stop}), after the first)")
    print(f"parse: {parse_ms:.1f} ms of CPU per document")
    for name, s in cost.most_common():
        print(f"  {name:10} {1000 * s / n:6.1f} ms")
    share = stages_ms / (parse_ms + stages_ms)
    print(f"stages docs={n} parse_ms={parse_ms:.1f} stages_ms={stages_ms:.1f} share={share:.3f}")


if __name__ == "__main__":
    main()
