"""`actorgraph merge`, `split` and `alias`: fix which mentions are one actor.

Each decision is stored and applied again whenever a document is re-saved, so a fix
survives re-ingest. ACTOR is an actor id or a name that matches one actor exactly.
"""

from __future__ import annotations

from typing import Any

import click

from actorgraph.cli._open import CommandError, read_store

_open = read_store


def _actor(store: Any, ref: str) -> tuple[str, str]:
    """Return (id, name) of the actor ``ref`` names: its id, or its one exact name."""
    from actorgraph.errors import AmbiguousError, NotFoundError

    try:
        found: tuple[str, str] = store.actor_named(ref)
    except NotFoundError as exc:
        raise CommandError(f"{exc}; try 'actorgraph actors'") from exc
    except AmbiguousError as exc:
        raise CommandError(str(exc)) from exc
    return found


@click.command()
@click.argument("keep")
@click.argument("other")
@click.pass_context
def merge(ctx: click.Context, keep: str, other: str) -> None:
    """Merge actor OTHER into KEEP: OTHER's mentions, aliases and facts become KEEP's."""
    with _open(ctx) as store:
        keep_id, keep_name = _actor(store, keep)
        other_id, other_name = _actor(store, other)
        store.merge_actors(keep_id, other_id)
    click.echo(f"merged {other_name} ({other_id}) into {keep_name} ({keep_id})")


@click.command()
@click.argument("actor")
@click.option("--document", default=None, help="Move this document's mentions (a document id).")
@click.option("--alias", default=None, help="Move the mentions of entities with this name.")
@click.pass_context
def split(ctx: click.Context, actor: str, document: str | None, alias: str | None) -> None:
    """Move the mentions of one document (or one alias) of ACTOR to a new actor."""
    if (document is None) == (alias is None):
        raise click.UsageError("give exactly one of --document or --alias")
    with _open(ctx) as store:
        actor_id, name = _actor(store, actor)
        new = store.split_actor(actor_id, document=document, alias=alias)
        new_name = store.actor_profile(new).actor.name
    click.echo(f"split {new_name} ({new}) from {name} ({actor_id})")


@click.command()
@click.argument("actor")
@click.argument("name")
@click.pass_context
def alias(ctx: click.Context, actor: str, name: str) -> None:
    """Add NAME as an alias of ACTOR: documents saved from now on with NAME join it."""
    with _open(ctx) as store:
        actor_id, actor_name = _actor(store, actor)
        store.add_alias(actor_id, name)
    click.echo(f"{name!r} now names {actor_name} ({actor_id})")
