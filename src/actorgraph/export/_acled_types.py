"""ACLED's event_type/sub_event_type for a PLOVER event: every type and mode maps to one.

ACLED codes political violence, protest and strategic developments; PLOVER also codes
diplomacy and verbal conflict, which ACLED files under "Strategic developments / Other".
The rules (the README prints them as a table) are read top to bottom; the first that fits
wins ("E/RV" is Explosions/Remote violence, "VAC" Violence against civilians, "SD"
Strategic developments):

- ASSAULT: aerial -> E/RV, Air/drone strike; heavy-weapons -> E/RV, Shelling/artillery/
  missile attack; explosives -> E/RV, Remote explosive/landmine/IED; suicide-attack ->
  E/RV, Suicide bomb; abduct -> VAC, Abduction/forced disappearance; sexual -> VAC,
  Sexual violence; massacre, torture, beat, assassinate -> VAC, Attack; any other mode:
  a target armed (an armed group, a state force, a state) -> Battles, Armed clash; every
  target unarmed -> VAC, Attack; no target named -> Battles, Armed clash (noted).
- PROTEST: riot -> Riots, Violent demonstration; any other -> Protests, Peaceful protest.
- COERCE: arrest -> SD, Arrests; seize with a place as target -> Battles, Government
  regains territory (by a state or its forces) or Non-state actor overtakes territory;
  seize otherwise -> SD, Looting/property destruction; any other -> SD, Other.
- AGREE -> SD, Agreement; RETREAT: ceasefire -> SD, Agreement, any other -> SD,
  Non-violent transfer of territory; MOBILIZE -> SD, Change to group/activity.
- CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, REQUEST, ACCUSE, REJECT, THREATEN and
  SANCTION, which ACLED does not code -> SD, Other (noted).
"""

from __future__ import annotations

from collections.abc import Sequence

from actorgraph.store.rows import EventRec, Party

BATTLES = "Battles"
REMOTE = "Explosions/Remote violence"
CIVILIANS = "Violence against civilians"
STRATEGIC = "Strategic developments"

_REMOTE = {
    "aerial": "Air/drone strike",
    "heavy-weapons": "Shelling/artillery/missile attack",
    "explosives": "Remote explosive/landmine/IED",
    "suicide-attack": "Suicide bomb",
}
_AGAINST_CIVILIANS = {
    "abduct": "Abduction/forced disappearance",
    "sexual": "Sexual violence",
    "massacre": "Attack",
    "torture": "Attack",
    "beat": "Attack",
    "assassinate": "Attack",
}
_ARMED_KINDS = ("armed_group", "state_force")
_STATE_KINDS = ("state_force", "government")
_PLACES = ("GPE", "LOC", "FAC")


def armed(party: Party) -> bool:
    """Return whether ACLED would count the actor as armed: a group, a force or a state."""
    return (party.type == "ORG" and party.kind in _ARMED_KINDS) or party.type == "GPE"


def _state(parties: Sequence[Party]) -> bool:
    return any(p.type == "GPE" or (p.type == "ORG" and p.kind in _STATE_KINDS) for p in parties)


def acled_type(event: EventRec) -> tuple[str, str, str | None]:
    """Return (event_type, sub_event_type, a note when the choice is a default) for an event."""
    mode = event.mode or ""
    targets = event.targets
    if event.type == "ASSAULT":
        if mode in _REMOTE:
            return REMOTE, _REMOTE[mode], None
        if mode in _AGAINST_CIVILIANS:
            return CIVILIANS, _AGAINST_CIVILIANS[mode], None
        if any(armed(t) for t in targets):
            return BATTLES, "Armed clash", None
        if targets:
            return CIVILIANS, "Attack", None
        return BATTLES, "Armed clash", "no target named: coded as an armed clash"
    if event.type == "PROTEST":
        if mode == "riot":
            return "Riots", "Violent demonstration", None
        return "Protests", "Peaceful protest", None
    if event.type == "COERCE":
        if mode == "arrest":
            return STRATEGIC, "Arrests", None
        if mode == "seize":
            if any(t.type in _PLACES for t in targets):
                if _state(event.actors):
                    return BATTLES, "Government regains territory", None
                return BATTLES, "Non-state actor overtakes territory", None
            return STRATEGIC, "Looting/property destruction", None
        return STRATEGIC, "Other", None
    if event.type == "AGREE":
        return STRATEGIC, "Agreement", None
    if event.type == "RETREAT":
        if mode == "ceasefire":
            return STRATEGIC, "Agreement", None
        return STRATEGIC, "Non-violent transfer of territory", None
    if event.type == "MOBILIZE":
        return STRATEGIC, "Change to group/activity", None
    return STRATEGIC, "Other", f"PLOVER {event.type} has no ACLED type: coded as Other"
