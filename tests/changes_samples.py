"""A store of two ingest runs, from the hand-made analyses of ``listing_samples``.

Run 1 saves A (Haddad leads the Northern Brigade, per North Wire). Run 2 saves B (the
Southern Front, new), C (Haddad leads the brigade again, from another source) and D
(East Times: Haddad is not its commander, a denial).
"""

from __future__ import annotations

from pathlib import Path

from actorgraph.model import Analysis, Document, Entity, Evidence, Mention, Relation
from actorgraph.store import Store, open_store
from listing_samples import STAGES, analysis_a, analysis_b, analysis_c, span

TEXT_D = "Samir Haddad is not the commander of the Northern Brigade, the brigade said."


def analysis_d() -> Analysis:
    """Another source denies that Haddad leads the Northern Brigade."""
    doc = Document.from_text(TEXT_D, title="Brigade denies", published="2016-06-01",
                             publisher="East Times")  # fmt: skip
    t = doc.text

    def entity(local: str, name: str, type_: str) -> Entity:
        start, end = span(t, name)
        return Entity(local, name, type_, (Mention(start, end, name, "NER"),), (name,))

    ev = (Evidence(doc.id, 0, len(t), "relations.v1", 0.7),)
    return Analysis(
        document=doc,
        entities=(entity("E1", "Samir Haddad", "PERSON"), entity("E2", "Northern Brigade", "ORG")),
        relations=(Relation("E1", "leader_of", "E2", ev, modality="denied", confidence=0.7),),
        stages=STAGES,
    )


def run(store: Store, *analyses: Analysis, inputs: tuple[str, ...] = ("folder",)) -> int:
    """Save the analyses as one ingest run; return its id."""
    run_id = store.begin_run(command="test", inputs=inputs)
    for a in analyses:
        store.save(a)
    store.end_run(run_id, unchanged=0, failed=0)
    return run_id


def build_runs(path: Path) -> Path:
    """Save run 1 (A) and run 2 (B, C, D) in a new SQLite store at ``path``."""
    with open_store(path) as store:
        run(store, analysis_a(), inputs=("first",))
        run(store, analysis_b(), analysis_c(), analysis_d(), inputs=("second",))
    return path
