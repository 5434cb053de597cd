"""The whole network: one edge per fact within the filters, its ends and its evidence."""

from __future__ import annotations

from store_samples import STAGES, entity, evidence

from actorgraph.model import Analysis, Document, Relation
from actorgraph.resolve.identity import actor_id
from actorgraph.store import Store
from actorgraph.store.network import NetworkFilters, edge_id
from listing_samples import analysis_a, analysis_b, analysis_c

HADDAD = actor_id("Samir Haddad", "PERSON")
BRIGADE = actor_id("Northern Brigade", "ORG")
FRONT = actor_id("Southern Front", "ORG")
KESSA = actor_id("Kessa", "GPE")


def three(store: Store) -> Store:
    for analysis in (analysis_a(), analysis_b(), analysis_c()):
        store.save(analysis)
    return store


def edges(store: Store, **flt: object) -> list[tuple[str, str, str, int, int]]:
    found = store.network(NetworkFilters(**flt))  # type: ignore[arg-type]
    return [(e.source, e.predicate, e.target, e.documents, e.sources) for e in found.edges]


def test_network_every_fact_once_with_its_support(store: Store) -> None:
    found = three(store).network(NetworkFilters())
    # Haddad leads the brigade in A and in C (two sources); the front operates in Kessa in B.
    assert [(e.source, e.predicate, e.target) for e in found.edges] == [
        (HADDAD, "leader_of", BRIGADE),
        (FRONT, "operates_in", KESSA),
    ]
    leads = found.edges[0]
    assert (leads.relations, leads.documents, leads.sources) == (2, 2, 2)
    assert leads.directed and leads.modalities == ("asserted",)
    assert (leads.first_published, leads.last_published) == ("2016-05-04", "2016-05-04")
    assert leads.id == edge_id(HADDAD, "leader_of", BRIGADE)
    assert found.edges[1].modalities == ("alleged",)
    nodes = {n.name: (n.type, n.kind, n.degree, n.mentions) for n in found.nodes}
    assert nodes == {
        "Samir Haddad": ("PERSON", None, 1, 2),
        "Northern Brigade": ("ORG", "armed_group", 1, 2),
        "Southern Front": ("ORG", "armed_group", 1, 1),
        "Kessa": ("GPE", None, 1, 1),
    }
    assert found.total_edges == 2


def test_network_filters_each_narrow_the_edges(store: Store) -> None:
    three(store)
    leads = (HADDAD, "leader_of", BRIGADE, 2, 2)
    operates = (FRONT, "operates_in", KESSA, 1, 1)
    assert edges(store, min_sources=2) == [leads]
    assert edges(store, modalities=frozenset({"alleged"})) == [operates]
    assert edges(store, predicates=frozenset({"leader_of"})) == [leads]
    # Both ends pass the actor filters: Haddad is a PERSON, Kessa has no kind.
    assert edges(store, types=frozenset({"ORG", "GPE"})) == [operates]
    assert edges(store, kinds=frozenset({"armed_group"})) == []
    assert edges(store, kinds=frozenset({"armed_group", "none"})) == [leads, operates]
    # The window keeps the relations of documents published in it: C is undated, so the
    # leadership is down to one document and one source within May 2016.
    assert edges(store, since="2016-05-01", until="2016-05-31") == [
        (HADDAD, "leader_of", BRIGADE, 1, 1)
    ]
    assert edges(store, since="2016-05-01", until="2016-05-31", min_sources=2) == []


def test_network_max_edges_keeps_the_best_supported(store: Store) -> None:
    found = three(store).network(NetworkFilters(), max_edges=1)
    assert [e.predicate for e in found.edges] == ["leader_of"]
    assert found.total_edges == 2
    assert {n.name for n in found.nodes} == {"Samir Haddad", "Northern Brigade"}


def test_network_edge_lists_the_claims_within_the_filters(store: Store) -> None:
    three(store)
    fact = store.network_edge(NetworkFilters(), HADDAD, "leader_of", BRIGADE)
    assert fact is not None
    assert sorted(c.evidence_text for c in fact.evidence) == [
        "Samir Haddad leads the Northern Brigade",
        "the commander of the Northern Brigade",
    ]
    dated = store.network_edge(NetworkFilters(since="2016"), HADDAD, "leader_of", BRIGADE)
    assert dated is not None
    assert [c.document_id for c in dated.evidence] == [analysis_a().document.id]
    assert store.network_edge(NetworkFilters(), BRIGADE, "leader_of", HADDAD) is None
    none = NetworkFilters(modalities=frozenset({"denied"}))
    assert store.network_edge(none, HADDAD, "leader_of", BRIGADE) is None


def allies(text: str, first: str, second: str, published: str) -> Analysis:
    doc = Document.from_text(text, published=published, publisher=f"Paper {published}")
    ends = {name: f"E{i}" for i, name in enumerate(sorted({first, second}), start=1)}
    return Analysis(
        document=doc,
        entities=tuple(entity(text, local, name, "ORG") for name, local in ends.items()),
        relations=(
            Relation(
                ends[first],
                "allied_with",
                ends[second],
                (evidence(doc, text.rstrip("."), "relations.v1"),),
            ),
        ),
        stages=STAGES,
    )


def test_network_symmetric_fact_stated_both_ways_is_one_undirected_edge(store: Store) -> None:
    store.save(allies("Red Hand allied with Blue Sky.", "Red Hand", "Blue Sky", "2019-01-02"))
    store.save(
        allies("Blue Sky allied itself with Red Hand.", "Blue Sky", "Red Hand", "2019-03-04")
    )
    (edge,) = store.network(NetworkFilters()).edges
    assert {edge.source, edge.target} == {actor_id("Red Hand", "ORG"), actor_id("Blue Sky", "ORG")}
    assert not edge.directed and (edge.documents, edge.sources) == (2, 2)
    # Asked for from either end, the edge has both sentences.
    for a, b in ((edge.source, edge.target), (edge.target, edge.source)):
        fact = store.network_edge(NetworkFilters(), a, "allied_with", b)
        assert fact is not None and len(fact.evidence) == 2


def test_network_facets_name_what_the_store_holds(store: Store) -> None:
    facets = three(store).network_facets()
    assert facets.types == ("GPE", "ORG", "PERSON")
    assert facets.kinds == ("armed_group", "none", "state_force")
    assert facets.predicates == ("leader_of", "operates_in")


def test_network_one_wire_story_in_two_papers_is_one_source(store: Store) -> None:
    store.save(allies("BEIRUT (Reuters) - Red Hand allied with Blue Sky.", "Red Hand", "Blue Sky",
                      "2019-01-02"))  # fmt: skip
    store.save(allies("DAMASCUS (Reuters) - Blue Sky allied itself with Red Hand.", "Blue Sky",
                      "Red Hand", "2019-01-03"))  # fmt: skip
    (edge,) = store.network(NetworkFilters()).edges
    assert (edge.documents, edge.sources) == (2, 1)
    assert store.network(NetworkFilters(min_sources=2)).edges == ()
