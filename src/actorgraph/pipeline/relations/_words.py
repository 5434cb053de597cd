"""Words of conflict reporting: fighting, holding ground, and the links between groups."""

from __future__ import annotations

# Nouns of fighting: "battle with X", "the fight against X", "clashes between X and Y".
FIGHT_NOUNS = frozenset(
    {"battle", "fight", "fighting", "war", "combat", "clash", "clashes", "offensive",
     "campaign", "struggle", "insurgency", "operation", "operations", "counteroffensive",
     "gunbattle", "firefight", "skirmish", "skirmishes", "hostilities", "confrontation",
     "confrontations", "rebellion", "uprising", "conflict", "contention", "counterinsurgency",
     "crackdown", "assault", "assaults"}
)  # fmt: skip
# Nouns of one side striking the other: "attacks on Y", "an attack by X".
ATTACK_NOUNS = frozenset(
    {"attack", "attacks", "raid", "raids", "ambush", "ambushes", "strike", "strikes",
     "airstrike", "airstrikes", "assault", "assaults", "offensive", "bombardment",
     "shelling", "incursion", "incursions"}
)  # fmt: skip
# Verbs whose subject fights their object ("X fought Y", "X clashed with Y").
FIGHT_VERBS = frozenset(
    {"fight", "battle", "combat", "clash", "confront", "wage", "engage", "skirmish"}
)  # fmt: skip
# Verbs of one side striking or defeating the other: both must be armed actors or states.
STRIKE_VERBS = frozenset(
    {"attack", "ambush", "raid", "kill", "target", "shell", "bomb", "repel", "repulse",
     "rout", "defeat", "overrun", "besiege", "storm", "neutralise", "neutralize",
     "dislodge", "push back", "drive out", "beat back", "fend off"}
)  # fmt: skip
# Verbs that aim at a ruler or a government: "X aims to topple Y".
TOPPLE_VERBS = frozenset({"topple", "overthrow", "oust", "depose", "unseat", "bring down"})
# Verbs that carry a fight noun for their subject ("lead the fighting", "prepare for battle").
# Verbs that put an attack on its doer: "attacks were blamed on X", "attributed to X".
BLAME_VERBS = frozenset({"blame", "attribute", "pin"})
FIGHT_CARRIERS = frozenset(
    {"lead", "wage", "join", "launch", "prepare", "psych", "gear", "head", "spearhead",
     "coordinate", "help", "continue", "step", "mount", "conduct", "go", "ready", "engage",
     "carry out", "carry", "intensify", "escalate", "resume", "begin", "start", "stage",
     "press", "pursue", "fuel", "grapple"}
)  # fmt: skip
# Verbs whose subject comes to hold a place: "X seized the town", "X controls Y".
CONTROL_VERBS = frozenset(
    {"control", "seize", "capture", "hold", "recapture", "retake", "overrun", "occupy",
     "take", "take over", "conquer", "besiege", "patrol", "secure", "liberate", "enter",
     "storm", "encircle", "surround", "infiltrate"}
)  # fmt: skip
# Nouns of holding ground: "took control of Z", "X's presence in Z".
CONTROL_NOUNS = frozenset({"control", "presence", "hold", "grip", "foothold"})
# Nouns for the places a group holds: "Z, a rebel stronghold", "X's bastion".
STRONGHOLD_NOUNS = frozenset(
    {"stronghold", "strongholds", "bastion", "heartland", "hideout", "hideouts", "base",
     "bases", "redoubt", "fiefdom", "enclave", "outpost", "outposts", "positions"}
)  # fmt: skip
# Verbs whose object a side sends to a place: "deployed troops to Z".
DEPLOY_VERBS = frozenset({"deploy", "send", "dispatch", "station", "redeploy", "move"})
# Verbs of removing a side from a place: "to remove X from Z" (so X was there).
REMOVE_VERBS = frozenset({"remove", "drive", "expel", "oust", "dislodge", "flush", "push"})
# Verbs of violence whose subject acts where it happens: "X killed 14 insurgents in Z".
ACTION_VERBS = frozenset(
    {"kill", "attack", "fight", "battle", "clash", "raid", "ambush", "abduct", "kidnap",
     "operate", "storm", "bomb", "shell", "burn", "loot", "massacre", "ravage", "terrorize",
     "terrorise", "carry out", "launch", "conduct", "stage", "seize", "capture", "behead",
     "displace"}
)  # fmt: skip
# Hyphenated modifiers: "the Hamas-run Gaza Strip" (a place the group holds).
HELD_SUFFIXES = frozenset({"run", "held", "controlled", "occupied", "ruled", "dominated"})
# "the US-backed Y", "the ISIS-affiliated Y", "Ankara-aligned forces".
HYPHEN_LINKS: dict[str, tuple[str, str | None]] = {
    "backed": ("supported_by", "backed"), "funded": ("supported_by", "funded"),
    "trained": ("supported_by", "trained"), "armed": ("supported_by", "armed"),
    "sponsored": ("supported_by", "backed"), "supported": ("supported_by", "backed"),
    "equipped": ("supported_by", "equipped"), "financed": ("supported_by", "funded"),
    "linked": ("ties_to", None), "affiliated": ("ties_to", None),
    "allied": ("allied_with", None), "aligned": ("allied_with", None),
    "inspired": ("ties_to", None), "connected": ("ties_to", None),
}  # fmt: skip
# Participles and adjectives with "to"/"with": "insurgents linked to X", "loyal to X".
LINK_WORDS: dict[str, str] = {
    "link": "ties_to", "affiliate": "ties_to", "tie": "ties_to", "connect": "ties_to",
    "associate": "ties_to", "loyal": "allegiance_to", "ally": "allied_with",
    "align": "allied_with", "close": "ties_to", "belong": "part_of",
}  # fmt: skip
# Nouns that place an organisation in or next to another: "X, an affiliate of Y".
LINK_NOUNS: dict[str, str] = {
    **dict.fromkeys(
        ["affiliate", "branch", "wing", "arm", "unit", "cell", "chapter", "faction",
         "division", "brigade", "battalion", "subsidiary", "component", "franchise",
         "province", "member", "part", "regiment"],
        "part_of",
    ),
    **dict.fromkeys(["offshoot", "splinter", "spinoff", "spin-off", "outgrowth"], "ties_to"),
    **dict.fromkeys(["ally", "allies", "partner", "partners"], "allied_with"),
    **dict.fromkeys(["proxy", "proxies", "client"], "supported_by"),
    **dict.fromkeys(["enemy", "foe", "adversary", "nemesis", "opponent"], "fights_against"),
}  # fmt: skip
# Nouns that head a phrase naming a place: "the town of Z", "parts of Z".
PLACE_HEADS = frozenset(
    {"town", "city", "village", "district", "province", "region", "area", "areas", "part",
     "parts", "outskirts", "centre", "center", "capital", "port", "suburb", "suburbs",
     "state", "county", "locality", "neighbourhood", "neighborhood", "enclave", "zone",
     "territory", "stretch", "swathes", "swaths", "north", "south", "east", "west", "most",
     "much", "half", "rest", "bulk"}
)  # fmt: skip
# Verbs that keep what follows from being so: "prevent the group from operating".
BLOCKING_VERBS = frozenset(
    {"prevent", "stop", "bar", "ban", "forbid", "deter", "keep", "prohibit", "block"}
)  # fmt: skip
