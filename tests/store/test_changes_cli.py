"""`actorgraph changes` after a second ingest lists exactly what it added, on both engines.

Folder A holds one article; folder B two new ones from other publishers, one of which
states a relation of A again. The real model reads them, through the CLI.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from store_engines import rows

from actorgraph.cli.main import cli
from actorgraph.resolve.corroborate import SYMMETRIC
from actorgraph.store import Store, open_store

A1 = (
    "Colonel Samir Haddad, the commander of the Northern Shield Brigades, said on Monday that "
    'his men had retaken the bridge. "We will hold this line," Haddad said.\n'
)
B1 = (
    "Samir Haddad, the commander of the Northern Shield Brigades, told reporters in Tel Hamra "
    "that the front was quiet.\n"
)
B2 = (
    "Hadi al-Amiri, the leader of the Badr Organization, met Iraqi commanders in Baghdad on "
    "Tuesday. Amiri said his fighters would join the offensive.\n"
)


def _write(folder: Path, name: str, text: str, **meta: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")


def _cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _facts(store: Store) -> set[tuple[str, str, str]]:
    out = set()
    sql = "SELECT subject_actor_id, predicate, object_actor_id FROM relations"
    for s, p, o in rows(store, sql):
        out.add((o, p, s) if p in SYMMETRIC and o < s else (s, p, o))
    return out


def _snapshot(url: str) -> dict[str, Any]:
    with open_store(url, create=False) as store:
        return {
            "actors": {r[0] for r in rows(store, "SELECT id FROM actors")},
            "facts": _facts(store),
            "events": {r[0] for r in rows(store, "SELECT id FROM events")},
            "documents": {r[0] for r in rows(store, "SELECT id FROM documents")},
            "relation_docs": rows(
                store,
                "SELECT subject_actor_id, predicate, object_actor_id, document_id FROM relations",
            ),
        }


def _key(item: dict[str, Any]) -> tuple[str, str, str]:
    return (item["subject"]["id"], item["predicate"], item["object"]["id"])


def test_changes_cli_second_ingest_lists_what_it_added(tmp_path: Path, store_url: str) -> None:
    _write(tmp_path / "A", "a1", A1, title="Brigades retake the bridge", published="2016-05-10",
           publisher="Levant Daily")  # fmt: skip
    _write(tmp_path / "B", "b1", B1, title="Quiet front", published="2016-05-12",
           publisher="Gulf Observer")  # fmt: skip
    _write(tmp_path / "B", "b2", B2, title="Amiri meets commanders", published="2016-05-13",
           publisher="Baghdad Post")  # fmt: skip
    db = ("--db", store_url)
    assert _cli(*db, "changes")[0] == 2  # no store yet: read commands never create one
    assert _cli(*db, "ingest", "-q", "--workers", "1", str(tmp_path / "A"))[0] == 0
    before = _snapshot(store_url)
    assert _cli(*db, "ingest", "-q", "--workers", "1", str(tmp_path / "B"))[0] == 0
    after = _snapshot(store_url)

    code, out, _ = _cli(*db, "runs", "--format", "json")
    assert code == 0
    listed = json.loads(out)
    assert [r["id"] for r in listed["items"]] == [2, 1] and listed["total"] == 2
    second = listed["items"][0]
    assert second["inputs"] == [str(tmp_path / "B")] and second["status"] == "done"
    assert second["documents"] == {"added": 2, "updated": 0, "unchanged": 0, "failed": 0}

    code, out, err = _cli(*db, "changes", "--run", "2", "--format", "json", "--limit", "500")
    assert code == 0, err
    data = json.loads(out)
    assert data["schema"] == "actorgraph.changes/1" and [r["id"] for r in data["runs"]] == [2]
    sections = data["sections"]
    assert all(s["total"] == s["shown"] for s in sections.values())

    new_actors = {a["id"] for a in sections["new_actors"]["items"]}
    assert new_actors == after["actors"] - before["actors"] and new_actors
    assert second["added"]["actors"] == len(new_actors)
    new_facts = {_key(r) for r in sections["new_relations"]["items"]}
    assert new_facts == after["facts"] - before["facts"] and new_facts
    events = {e["id"] for e in sections["new_events"]["items"]}
    assert events == after["events"] - before["events"]
    # Corroborated: the facts of A that a document of B (another publisher) states again.
    b_docs = after["documents"] - before["documents"]
    restated = {
        (s, p, o) for s, p, o, d in after["relation_docs"] if d in b_docs
    } & before["facts"]  # fmt: skip
    corroborated = sections["corroborated"]["items"]
    assert {_key(r) for r in corroborated} == restated and restated
    for item in corroborated:
        assert (item["sources_before"], item["sources"]) == (1, 2)
        assert {c["document"]["id"] for c in item["new_evidence"]} <= b_docs
        assert {c["document"]["publisher"] for c in item["evidence"]} >= {"Levant Daily"}
    assert sections["contradictions"]["items"] == []
    # Every actor of a relation B added is among the most changed.
    changed = {a["id"] for a in sections["most_changed"]["items"]}
    assert {x for s, _, o, d in after["relation_docs"] if d in b_docs for x in (s, o)} <= changed

    code, out, err = _cli(*db, "changes", "--run", "2", "--format", "jsonl", "--limit", "1")
    lines = [json.loads(x) for x in out.splitlines()]
    assert code == 0 and lines
    assert len([x for x in lines if x["section"] == "new_actors"]) == 1
    assert f"New actors: 1 of {len(new_actors)} shown" in err
    assert _cli(*db, "changes", "--run", "3")[0] == 1
    assert _cli(*db, "changes", "--run", "1", "--since", "2016")[0] == 2
    code, out, _ = _cli(*db, "changes")
    assert code == 0 and out.startswith("run 2  ingest  done")
    assert "Newly corroborated by another source (1)" in out
