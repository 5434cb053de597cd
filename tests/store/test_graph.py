from __future__ import annotations

import pytest
from store_samples import STAGES, entity, evidence, span

from actorgraph.errors import NotFoundError
from actorgraph.model import Analysis, DateRef, Document, Event, Relation
from actorgraph.resolve.identity import actor_id
from actorgraph.store import Store
from actorgraph.store.graph import links, neighbourhood, timeline

NETWORK = (
    "Alpha met Beta. Alpha met Beta again. Alpha backed Gamma. Gamma funded Delta. "
    "Beta met Delta. Delta met Epsilon."
)
NAMES = ("Alpha", "Beta", "Gamma", "Delta", "Epsilon")


def network() -> Analysis:
    """Alpha - Beta (twice), Alpha - Gamma, Gamma - Delta, Beta - Delta, Delta - Epsilon."""
    doc = Document.from_text(NETWORK, title="Network", published="2020-01-01")
    t = doc.text
    local = {name: f"E{i}" for i, name in enumerate(NAMES, start=1)}

    def rel(subject: str, predicate: str, obj: str, words: str) -> Relation:
        ev = evidence(doc, words, "relations.v1")
        return Relation(local[subject], predicate, local[obj], (ev,))

    return Analysis(
        document=doc,
        entities=tuple(entity(t, local[n], n, "ORG") for n in NAMES),
        relations=(
            rel("Alpha", "meets", "Beta", "Alpha met Beta."),
            rel("Alpha", "meets", "Beta", "Alpha met Beta again"),
            rel("Alpha", "supports", "Gamma", "Alpha backed Gamma"),
            rel("Gamma", "funds", "Delta", "Gamma funded Delta"),
            rel("Beta", "meets", "Delta", "Beta met Delta"),
            rel("Delta", "meets", "Epsilon", "Delta met Epsilon"),
        ),
        stages=STAGES,
    )


def hops(
    store: Store, name: str, **options: int
) -> tuple[list[tuple[int, str, int]], tuple[int, ...]]:
    found = neighbourhood(store._db, actor_id(name, "ORG"), **options)
    return [(n.depth, n.name, n.relations) for n in found.neighbours], found.totals


def test_graph_neighbourhood_two_hops_with_counts(store: Store) -> None:
    store.save(network())
    assert hops(store, "Alpha") == ([(1, "Beta", 2), (1, "Gamma", 1), (2, "Delta", 2)], (2, 1))
    assert hops(store, "Delta", depth=1) == (
        [(1, "Beta", 1), (1, "Epsilon", 1), (1, "Gamma", 1)],
        (3,),
    )


def test_graph_neighbourhood_depth_three_reaches_the_end_of_the_chain(store: Store) -> None:
    store.save(network())
    found, totals = hops(store, "Alpha", depth=3)
    assert found[-1] == (3, "Epsilon", 1)
    assert totals == (2, 1, 1)


def test_graph_neighbourhood_limit_expands_only_the_actors_shown(store: Store) -> None:
    store.save(network())
    # Gamma is a first-hop actor beyond the limit: never listed again at the second hop.
    assert hops(store, "Alpha", limit=1) == ([(1, "Beta", 2), (2, "Delta", 1)], (2, 1))


def test_graph_neighbourhood_of_unknown_actor_raises(store: Store) -> None:
    with pytest.raises(NotFoundError, match="find_actors"):
        neighbourhood(store._db, "nobody")
    with pytest.raises(ValueError, match="at least 1"):
        neighbourhood(store._db, "nobody", depth=0)


def later_meeting() -> Analysis:
    """Beta meets Alpha once more, in a newer document."""
    doc = Document.from_text("Beta met Alpha in Basra.", title="Later", published="2021-06-01")
    t = doc.text
    return Analysis(
        document=doc,
        entities=(entity(t, "E1", "Alpha", "ORG"), entity(t, "E2", "Beta", "ORG")),
        relations=(
            Relation("E2", "meets", "E1", (evidence(doc, "Beta met Alpha", "relations.v1"),)),
        ),
        stages=STAGES,
    )


def test_graph_links_are_the_relations_within_the_set_newest_first(store: Store) -> None:
    store.save(network())
    store.save(later_meeting())
    alpha, beta, delta = (actor_id(n, "ORG") for n in ("Alpha", "Beta", "Delta"))
    found = links(store._db, [alpha, beta, delta, alpha])
    assert [(x.subject_id, x.predicate, x.object_id) for x in found] == [
        (beta, "meets", alpha),  # 2021
        (alpha, "meets", beta),  # 2020, in text order
        (alpha, "meets", beta),
        (beta, "meets", delta),
    ]
    first = found[0]
    sql = "SELECT text FROM documents WHERE id = ?"
    (text,) = store._db.execute(sql, (first.document_id,)).fetchone()
    assert (text[first.start : first.end], first.modality) == ("Beta met Alpha", "asserted")
    assert links(store._db, [alpha, beta, delta], limit=2) == found[:2]
    assert links(store._db, [alpha]) == []
    assert links(store._db, []) == []


CHRONICLE = "Alpha attacked Beta in May 2015. Alpha marched in 2014. Alpha talked to Beta."


def chronicle() -> Analysis:
    """Three events of Alpha: 2015 (Beta the target), 2014, and one without a date."""
    doc = Document.from_text(CHRONICLE, title="Chronicle", published="2016-01-01")
    t = doc.text
    may = DateRef("May 2015", *span(t, "May 2015"), "2015-05", "month", "2015-05-01", "2015-05-31")
    year = DateRef("2014", *span(t, "2014"), "2014", "year", "2014-01-01", "2014-12-31")
    return Analysis(
        document=doc,
        entities=(entity(t, "E1", "Alpha", "ORG"), entity(t, "E2", "Beta", "ORG")),
        dates=(may, year),
        events=(
            Event(
                "ASSAULT",
                (evidence(doc, "Alpha attacked Beta in May 2015", "events.v1"),),
                actors=("E1",),
                targets=("E2",),
                date=may,
            ),
            Event(
                "PROTEST",
                (evidence(doc, "Alpha marched in 2014", "events.v1"),),
                actors=("E1",),
                date=year,
            ),
            Event(
                "CONSULT",
                (evidence(doc, "Alpha talked to Beta", "events.v1"),),
                actors=("E1",),
                targets=("E2",),
            ),
        ),
        stages=STAGES,
    )


def test_graph_timeline_oldest_first_undated_last(store: Store) -> None:
    store.save(chronicle())
    page = timeline(store._db, actor_id("Alpha", "ORG"))
    assert page.total == 3
    assert [(e.type, e.role, e.date_start) for e in page.events] == [
        ("PROTEST", "actor", "2014-01-01"),
        ("ASSAULT", "actor", "2015-05-01"),
        ("CONSULT", "actor", None),
    ]
    assert page.events[0].evidence_text == "Alpha marched in 2014"


def test_graph_timeline_pages_and_roles(store: Store) -> None:
    store.save(chronicle())
    page = timeline(store._db, actor_id("Alpha", "ORG"), limit=1, offset=1)
    assert ([e.type for e in page.events], page.total, page.offset) == (["ASSAULT"], 3, 1)
    beta = timeline(store._db, actor_id("Beta", "ORG"))
    assert [(e.type, e.role) for e in beta.events] == [("ASSAULT", "target"), ("CONSULT", "target")]
    assert timeline(store._db, actor_id("Alpha", "ORG"), offset=5).events == ()


def test_graph_timeline_of_unknown_actor_raises(store: Store) -> None:
    with pytest.raises(NotFoundError, match="find_actors"):
        timeline(store._db, "nobody")
