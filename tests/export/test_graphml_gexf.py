"""GraphML and GEXF: the actor graph read back by networkx with its counts and attributes."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import networkx as nx
from export_samples import HOSTILE

from actorgraph.export import gexf, graphml
from actorgraph.store import Store

ACTORS = {  # Baghdad and Iraq, at the end of no relation, are left out
    "Qais al-Khazali",
    "Asaib Ahl al-Haq",
    "Islamic State",
    "Mosul",
    HOSTILE,
    "Kirkuk",
}


def _export(module: Any, store: Store, path: Path, **filters: str) -> int:
    with path.open("w", encoding="utf-8") as fp:
        count: int = module.write(store, fp, **filters)
    return count


def _edges(graph: Any) -> dict[tuple[str, str, str], dict[str, Any]]:
    names = nx.get_node_attributes(graph, "name")
    return {(names[u], data["predicate"], names[v]): data for u, v, data in graph.edges(data=True)}


def _check(graph: Any) -> None:
    assert graph.number_of_nodes() == 6
    assert graph.number_of_edges() == 4
    nodes = {data["name"]: data for _, data in graph.nodes(data=True)}
    assert set(nodes) == ACTORS
    khazali = nodes["Qais al-Khazali"]
    assert (khazali["label"], khazali["entity_type"], khazali["kind"]) == (
        "Qais al-Khazali",
        "PERSON",
        "",
    )
    assert (khazali["mentions"], khazali["documents"]) == (4, 2)
    assert khazali["aliases"] == "Khazali; Qais al-Khazali"
    assert nodes["Asaib Ahl al-Haq"]["kind"] == "armed_group"
    assert (nodes["Mosul"]["latitude"], nodes["Mosul"]["longitude"]) == (36.335, 43.11889)
    edges = _edges(graph)
    fights = edges[("Asaib Ahl al-Haq", "fights_against", "Islamic State")]
    assert fights["weight"] == 2  # two documents
    assert (fights["documents"], fights["sources"], fights["relations"]) == (2, 2, 2)
    assert fights["modality"] == fights["claim_status"] == "asserted; denied"
    assert fights["conflict"].startswith("disputed")
    assert fights["kind"] == "relation"
    assert fights["label"] == "fights_against"
    assert fights["evidence"].startswith("Asaib Ahl al-Haq fighters attacked")
    assert fights["document_title"] == "Militias in Baghdad"
    assert edges[("Qais al-Khazali", "leader_of", "Asaib Ahl al-Haq")]["weight"] == 2
    assert edges[("Asaib Ahl al-Haq", "operates_in", "Mosul")]["weight"] == 1
    assert edges[(HOSTILE, "fights_against", "Kirkuk")]["modality"] == "asserted"


def test_graphml_reads_back_in_networkx(sample_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "actors.graphml"
    assert _export(graphml, sample_store, path) == 4
    graph = nx.read_graphml(path, force_multigraph=True)
    assert graph.is_directed()
    _check(graph)


def test_gexf_reads_back_in_networkx(sample_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "actors.gexf"
    assert _export(gexf, sample_store, path) == 4
    graph = nx.read_gexf(path)
    assert graph.is_directed()
    _check(graph)


def test_graphml_actor_filter_keeps_neighbourhood(sample_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "khazali.graphml"
    assert _export(graphml, sample_store, path, actor="Qais al-Khazali") == 1
    graph = nx.read_graphml(path, force_multigraph=True)
    assert set(nx.get_node_attributes(graph, "name").values()) == {
        "Qais al-Khazali",
        "Asaib Ahl al-Haq",
    }


def test_graphml_and_gexf_output_is_deterministic(sample_store: Store) -> None:
    for module in (graphml, gexf):
        first, second = io.StringIO(), io.StringIO()
        module.write(sample_store, first)
        module.write(sample_store, second)
        assert first.getvalue() == second.getvalue()


def test_graphml_and_gexf_carry_events_as_edges(sample_store: Store, tmp_path: Path) -> None:
    for module, read in ((graphml, _read_graphml), (gexf, nx.read_gexf)):
        path = tmp_path / f"events.{module.__name__.rsplit('.', 1)[1]}"
        assert _export(module, sample_store, path, with_events=True) == 6
        graph = read(path)
        events = {
            (graph.nodes[u]["name"], graph.nodes[v]["name"]): d
            for u, v, d in graph.edges(data=True)
            if d["kind"] == "event"
        }
        assert set(events) == {("Asaib Ahl al-Haq", "Islamic State"), (HOSTILE, "Kirkuk")}
        attack = events[("Asaib Ahl al-Haq", "Islamic State")]
        assert (attack["label"], attack["target_role"], attack["date"]) == (
            "ASSAULT",
            "target",
            "2014-06",
        )
        shelling = events[(HOSTILE, "Kirkuk")]
        assert (shelling["target_role"], shelling["claim_status"]) == ("location", "reported")
        assert shelling["mode"] == "explosives" and shelling["date_start"] == "2015-03-01"


def test_graphml_isolated_keeps_actors_without_edges(sample_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "all.graphml"
    _export(graphml, sample_store, path, isolated=True)
    names = set(nx.get_node_attributes(_read_graphml(path), "name").values())
    assert names == ACTORS | {"Baghdad", "Iraq"}


def _read_graphml(path: Path) -> Any:
    return nx.read_graphml(path, force_multigraph=True)
