"""Give the generic actors their entities: new ones, mentions claimed by named entities,
and the model's own "Iraqi army" entities folded into their country's actor."""

from __future__ import annotations

from dataclasses import replace

from actorgraph.model import Entity, Mention
from actorgraph.pipeline.entities._descriptors import described_groups
from actorgraph.pipeline.entities._extract import EntityResult, _Spans
from actorgraph.pipeline.entities._generic import STAGE, find_generic
from actorgraph.pipeline.entities._kinds import rival_army
from actorgraph.pipeline.entities._ministries import ministry_name
from actorgraph.pipeline.entities._nouns import institution
from actorgraph.pipeline.entities._wings import find_wings
from actorgraph.pipeline.lexicon import lookup_actor
from actorgraph.pipeline.nlp import ParsedDoc

_STATE_ACTORS = {
    "military": "Military Forces of {}",
    "police": "Police Forces of {}",
    "government": "Government of {}",
}


_PREFIXES = tuple(f.removesuffix("{}") for f in _STATE_ACTORS.values())


def add_generic_actors(parsed: ParsedDoc, result: EntityResult) -> EntityResult:
    """Return the entities with the generic actors' mentions: claimed by a named entity,
    folded from the model's own "Iraqi army" entities, or as new actors; ids renumbered.

    Runs after the places stage: the document's country comes from its places.
    """
    entities = list(result.entities)
    found = find_generic(parsed, entities)
    out: list[Entity] = []
    generic = _Spans(sorted((m.start, m.end) for a in found.actors.values() for m in a.mentions))
    for e in entities:
        inside = all(generic.covers(m.start, m.end) for m in e.mentions)
        bare = len(e.name.split()) == 1 and institution(e) is not None  # "Army chief X"
        if inside and (e.name.islower() or e.type == "PERSON" or bare):
            continue  # "army", "Gang members": the model's name for a generic actor's word
        known = lookup_actor(e.name)
        inst = institution(e) or _named_state_actor(e)
        if known is not None and known.type == "ORG" and not known.canonical.startswith(_PREFIXES):
            inst = None  # "the Syrian National Army": rebels, named like the state's army
        if inst is not None and rival_army(parsed, e.mentions, inst[1]):
            inst, e = None, replace(e, kind="armed_group")
        if inst is not None:
            key = f"{inst[0]}:{inst[1] or found.home}"
            if key in found.actors:  # its mentions belong to the country's actor
                found.actors[key].mentions.extend(e.mentions)
                continue
            if inst[1] is not None:  # "Russian troops" alone: still the country's forces
                name = _STATE_ACTORS[inst[0]].format(inst[1])
                role = "government" if inst[0] == "government" else "state_force"
                e = replace(e, name=name, kind=role, aliases=(name, *e.aliases))
        ministry = ministry_name(e, parsed.text, found.home) if inst is None else None
        if ministry is not None:  # "Lebanon's health ministry"
            e = replace(e, name=ministry, kind="government", aliases=(ministry, *e.aliases))
        gained = found.claims.get(e.id)
        if gained:
            own = {(m.start, m.end) for m in e.mentions}
            new = [m for m in gained if (m.start, m.end) not in own]
            e = replace(
                e,
                kind=e.kind or "armed_group",
                mentions=tuple(sorted((*e.mentions, *new), key=lambda m: m.start)),
                aliases=tuple(
                    dict.fromkeys((*e.aliases, *(" ".join(m.text.split()) for m in new)))
                ),
            )
        out.append(e)
    out = _one_per_state_actor(out)
    for actor in found.actors.values():
        mentions = _dedupe(actor.mentions)
        aliases = tuple(dict.fromkeys((actor.name, *(" ".join(m.text.split()) for m in mentions))))
        kinds: dict[str, str | None] = {"armed_group": "armed_group", "protesters": None}
        kinds |= dict.fromkeys(("government", "embassy"), "government")
        kind = kinds.get(actor.kind, "state_force")
        out.append(
            Entity(
                id="",
                name=actor.name,
                type="ORG",
                kind=kind,
                mentions=mentions,
                aliases=aliases,
                confidence=0.8,
                stage=STAGE,
            )
        )
    out.extend(find_wings(parsed, out))  # "Hamas's military wing": an actor of its own
    out = _folded(out, described_groups(parsed, out))  # "X, a Tuareg group ... Tuareg rebels"
    out.sort(key=lambda e: e.mentions[0].start)
    return EntityResult(tuple(replace(e, id=f"E{i}") for i, e in enumerate(out, 1)))


def _folded(entities: list[Entity], into: dict[int, int]) -> list[Entity]:
    """Fold each entity ``into`` names into its group: mentions and names join it."""
    out = list(entities)
    for j, i in into.items():
        have, other = out[i], entities[j]
        out[i] = replace(
            have,
            mentions=tuple(sorted((*have.mentions, *other.mentions), key=lambda m: m.start)),
            aliases=tuple(dict.fromkeys((*have.aliases, *other.aliases))),
        )
    return [e for k, e in enumerate(out) if k not in into]


def _named_state_actor(e: Entity) -> tuple[str, str] | None:
    """A known name of a state's forces ("ENDF"), named as the generic phrases name them:
    (kind, country), so "the ENDF" and "Ethiopia's military" are one actor."""
    if e.type != "ORG":
        return None
    for kind, prefix in zip(_STATE_ACTORS, _PREFIXES, strict=True):
        country = e.name.removeprefix(prefix)
        if country != e.name and country:
            return kind, country
    return None


def _one_per_state_actor(entities: list[Entity]) -> list[Entity]:
    """ "Russian troops" and "the Russian army", both renamed the country's forces: one."""
    out: list[Entity] = []
    at: dict[str, int] = {}
    for e in entities:
        if e.kind not in {"state_force", "government"} or not e.name.startswith(_PREFIXES):
            out.append(e)
            continue
        i = at.setdefault(e.name, len(out))
        if i == len(out):
            out.append(e)
            continue
        have = out[i]
        out[i] = replace(
            have,
            mentions=tuple(sorted((*have.mentions, *e.mentions), key=lambda m: m.start)),
            aliases=tuple(dict.fromkeys((*have.aliases, *e.aliases))),
        )
    return out


def _dedupe(mentions: list[Mention]) -> tuple[Mention, ...]:
    seen: dict[tuple[int, int], Mention] = {}
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        seen.setdefault((m.start, m.end), m)
    return tuple(seen.values())


def fold_same(result: EntityResult, same_as: dict[str, str]) -> EntityResult:
    """Fold each unnamed group into the named one the events showed it to be ("Rebels" of a
    headline whose lead names the group): its mentions and words join the named entity's;
    the other ids stay as they are."""
    if not same_as:
        return result
    moved: dict[str, list[Entity]] = {}
    for e in result.entities:
        if e.id in same_as:
            moved.setdefault(same_as[e.id], []).append(e)
    out = []
    for e in result.entities:
        if e.id in same_as:
            continue
        for other in moved.get(e.id, []):
            words = tuple(a for a in other.aliases if a != other.name)
            e = replace(
                e,
                mentions=tuple(sorted((*e.mentions, *other.mentions), key=lambda m: m.start)),
                aliases=tuple(dict.fromkeys((*e.aliases, *words))),
            )
        out.append(e)
    return EntityResult(tuple(out))
