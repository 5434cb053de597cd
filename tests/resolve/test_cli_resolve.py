"""The merge, split and alias commands through click's test runner."""

from __future__ import annotations

from pathlib import Path

import click
from click.testing import CliRunner
from resolve_samples import Ent, actor_of, analysis

from actorgraph.cli.main import cli
from actorgraph.cli.resolve import alias, merge, split
from actorgraph.store import open_store


def _cli() -> click.Group:
    group = click.Group(commands=dict(cli.commands))
    group.params = cli.params
    group.callback = cli.callback
    for command in (merge, split, alias):
        group.add_command(command)
    return group


def test_cli_resolve_merge_split_alias(tmp_path: Path) -> None:
    db = str(tmp_path / "store.db")
    a = analysis("Brigade 45 attacked.", Ent("Brigade 45", "ORG"))
    b = analysis("Kataib Hezbollah attacked.", Ent("Kataib Hezbollah", "ORG"))
    with open_store(db) as store:
        store.save(a)
        store.save(b)
    run = CliRunner().invoke
    out = run(_cli(), ["--db", db, "merge", "Kataib Hezbollah", "Brigade 45"])
    assert out.exit_code == 0, out.output
    assert "merged Brigade 45" in out.output
    with open_store(db) as store:
        keep = actor_of(store, b, "E1")
        assert actor_of(store, a, "E1") == keep
    out = run(_cli(), ["--db", db, "split", keep, "--document", a.document.id])
    assert out.exit_code == 0, out.output
    out = run(_cli(), ["--db", db, "alias", keep, "KH"])
    assert out.exit_code == 0 and "'KH' now names Kataib Hezbollah" in out.output
    with open_store(db) as store:
        assert actor_of(store, a, "E1") != keep
        assert [d.kind for d in store.decisions()] == ["merge", "split", "alias"]
    out = run(_cli(), ["--db", db, "split", keep])
    assert out.exit_code != 0 and "exactly one" in out.output
    out = run(_cli(), ["--db", db, "alias", "Nobody", "X"])
    assert out.exit_code != 0 and "no actor matches" in out.output
