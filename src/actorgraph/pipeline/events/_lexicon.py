"""PLOVER trigger lexicon: verbs and event nouns keyed by lemma, with their type and mode.

Types and modes follow the PLOVER 2021 codebook (CAMEO2PLOVER): for example abduction is
ASSAULT/abduct, occupying territory COERCE/seize, investigating ACCUSE/investigate. A
verb key may carry its particle or preposition ("call on", "pull out"); object-conditional
entries ("lift" + a restriction noun) live in ``VERB_OBJECT``.
"""

from __future__ import annotations

Trigger = tuple[str, str | None]  # (PLOVER type, mode)


def words(text: str) -> frozenset[str]:
    """The space-separated words of a lexicon line."""
    return frozenset(text.split())


def _entries(
    table: dict[str, tuple[str, str | None]], words: str, typ: str, mode: str | None
) -> None:
    for w in words.split(","):
        w = w.strip()
        if w:
            table[w] = (typ, mode)


VERBS: dict[str, Trigger] = {}
_V = (
    ("AGREE", None, "agree, promise, pledge, offer, approve, ratify, accept, commit"),
    ("CONSULT", None, ("meet, meet with, negotiate, discuss, consult, confer, mediate, talk with")),
    ("CONSULT", "visit", "visit"),
    ("CONSULT", "host", "host"),
    (
        "SUPPORT",
        None,
        ("praise, welcome, endorse, back, support, apologize, apologise, forgive, hail"),
    ),
    ("COOPERATE", None, "cooperate, collaborate, extradite, coordinate with"),
    ("AID", None, "aid, assist, donate, deliver, supply, provide, airlift"),
    ("CONCEDE", "release", "release, free, hand over, set free, let go"),
    ("CONCEDE", None, ("concede, yield, call off, resign, step down, back down, relent, pardon")),
    (
        "RETREAT",
        None,
        ("withdraw, retreat, pull out, pull back, demobilize, demobilise, disarm, surrender"),
    ),
    (
        "REQUEST",
        None,
        (
            "request, demand, urge, call on, call for, call upon, appeal, plead, "
            "press, implore, invite, seek"
        ),
    ),
    (
        "ACCUSE",
        None,
        (
            "accuse, blame, condemn, criticize, criticise, denounce, complain, sue, "
            "decry, deplore, slam, allege, summon"
        ),
    ),
    ("ACCUSE", "investigate", "investigate, probe"),
    (
        "REJECT",
        None,
        ("reject, refuse, decline, deny, dismiss, veto, oppose, renege, turn down, rebuff, defy"),
    ),
    ("THREATEN", None, "threaten, warn"),
    ("PROTEST", "demo", "protest, demonstrate, rally, picket"),
    ("PROTEST", "riot", "riot"),
    ("PROTEST", "boycott", "boycott"),
    ("SANCTION", None, "sanction, embargo"),
    ("SANCTION", "expel", "expel"),
    ("MOBILIZE", None, "mobilize, mobilise, deploy, reinforce, call up"),
    ("COERCE", "arrest", "arrest, detain, round up, jail, imprison, apprehend, indict"),
    (
        "COERCE",
        "seize",
        (
            "seize, confiscate, capture, recapture, occupy, retake, annex, loot, "
            "demolish, raze, bulldoze"
        ),
    ),
    ("COERCE", "deport", "deport"),
    ("COERCE", "ban", "ban, outlaw"),
    ("COERCE", "censor", "censor"),
    ("COERCE", "restrict", "blockade, besiege, restrict, disperse, crack down"),
    ("COERCE", None, "hack, hack into, coerce, intimidate"),
    ("COERCE", "seize", "overrun, take over, overthrow, topple, oust"),
    ("ASSAULT", None, "neutralise, neutralize"),
    ("RETREAT", None, "flee, abandon, evacuate"),
    ("REQUEST", None, "advise, ask"),
    ("SANCTION", None, "designate, blacklist"),
    ("COERCE", "restrict", "prevent, suppress, quell, thwart"),
    (
        "ASSAULT",
        None,
        (
            "attack, assault, kill, murder, wound, injure, fight, battle, storm, "
            "invade, raid, ambush, execute, behead, lynch, burn, torch, destroy"
        ),
    ),
    ("ASSAULT", None, "drive out, flush out, dislodge, rout"),
    ("ASSAULT", "firearms", "shoot, gun down, open fire, clash, snipe"),
    ("ASSAULT", None, "strike, shoot down"),
    ("ASSAULT", "explosives", "bomb, blow up, detonate, explode, go off, hurl, lob"),
    ("ASSAULT", "heavy-weapons", "shell, bombard, pound"),
    ("ASSAULT", "assassinate", "assassinate"),
    ("ASSAULT", "massacre", "massacre, slaughter"),
    ("ASSAULT", "abduct", "abduct, kidnap, hijack"),
    ("ASSAULT", "beat", "beat, beat up"),
    ("ASSAULT", "sexual", "rape"),
    ("ASSAULT", "torture", "torture"),
)
for _typ, _mode, _words in _V:
    _entries(VERBS, _words, _typ, _mode)

NOUNS: dict[str, Trigger] = {}
_N = (
    (
        "CONSULT",
        None,
        (
            "meeting, talks, negotiation, negotiations, summit, consultation, "
            "consultations, mediation"
        ),
    ),
    ("CONSULT", "visit", "visit"),
    ("CONCEDE", "release", "release"),
    ("RETREAT", None, "withdrawal, pullout, retreat"),
    ("REQUEST", None, "demand, appeal, request, plea"),
    ("ACCUSE", None, "accusation, condemnation, criticism, complaint, lawsuit"),
    ("ACCUSE", "investigate", "investigation, probe"),
    ("REJECT", None, "rejection, refusal, veto"),
    ("THREATEN", None, "threat, ultimatum"),
    ("PROTEST", "demo", "protest, demonstration, rally, march, sit-in"),
    ("PROTEST", "riot", "riot"),
    ("PROTEST", "boycott", "boycott"),
    ("SANCTION", None, "sanction, sanctions, embargo"),
    ("SANCTION", "expel", "expulsion"),
    ("MOBILIZE", None, "mobilization, mobilisation, deployment"),
    ("COERCE", "arrest", "arrest, detention, arrests"),
    ("COERCE", "seize", "seizure, capture, occupation"),
    ("COERCE", "restrict", "blockade, siege, crackdown"),
    ("COERCE", "curfew", "curfew"),
    (
        "ASSAULT",
        None,
        (
            "attack, assault, murder, killing, offensive, raid, ambush, fighting, "
            "battle, clash, clashes, invasion, combat"
        ),
    ),
    ("ASSAULT", "explosives", "bombing, explosion, blast"),
    ("ASSAULT", "aerial", "airstrike, air strike, air raid, bombardment"),
    ("ASSAULT", "heavy-weapons", "shelling"),
    ("ASSAULT", "firearms", "shooting, gunbattle, firefight, gunfight"),
    ("ASSAULT", "assassinate", "assassination"),
    ("ASSAULT", "massacre", "massacre"),
    ("ASSAULT", "abduct", "abduction, kidnapping, hijacking"),
    ("ASSAULT", "sexual", "rape"),
    ("ASSAULT", "torture", "torture"),
)
for _typ, _mode, _words in _N:
    _entries(NOUNS, _words, _typ, _mode)

# Nouns that are events only as the object of a light verb ("declared a ceasefire").
LIGHT_ONLY_NOUNS: dict[str, Trigger] = {}
_entries(LIGHT_ONLY_NOUNS, "ceasefire, truce, cease-fire", "RETREAT", "ceasefire")
_entries(LIGHT_ONLY_NOUNS, "agreement, accord, deal, pact, treaty", "AGREE", None)
_entries(LIGHT_ONLY_NOUNS, "aid, assistance, grant, loan, asylum, relief", "AID", None)
_entries(
    LIGHT_ONLY_NOUNS, "troops, forces, soldiers, reinforcements, patrols", "MOBILIZE", "troops"
)
_entries(LIGHT_ONLY_NOUNS, "fire", "ASSAULT", "firearms")
_entries(LIGHT_ONLY_NOUNS, "hostage, hostages", "ASSAULT", "abduct")
_entries(LIGHT_ONLY_NOUNS, "suspension", "SANCTION", None)

# Verbs that lend their subject to an event noun object ("held talks", "launched an attack").
LIGHT_VERBS = words(
    "hold conduct launch stage mount carry begin start organize organise lead make impose "
    "declare reach sign issue lodge file give send deliver provide continue resume open "
    "call announce initiate unleash wage grant take"
)
# (verb, object lemma group) -> trigger, overriding the noun's own type.
_OBJ_GROUPS = {
    "restriction": "restriction restrictions curfew ban blockade siege measure measures "
    "emergency law",
    "sanctions": "sanction sanctions embargo boycott",
    "legislation": "bill law resolution legislation measure amendment constitution budget",
    "ties": "ties relations links contacts talks negotiations aid assistance deliveries "
    "program programme cooperation flights",
    "road": "road roads street streets highway highways bridge traffic",
    "agreement": "agreement accord deal pact treaty memorandum",
    "information": "information intelligence expertise data",
    "weapon": "rocket rockets missile missiles mortar mortars shell shells grenade grenades",
    "protest": "protest complaint",
    "control": "control",
    "finger": "finger",
    "riot_control": "gas teargas tear-gas cannon cannons",
    "drone": "drone drones uav uavs",
}
OBJECT_GROUP = {w: g for g, words in _OBJ_GROUPS.items() for w in words.split()}
VERB_OBJECT: dict[tuple[str, str], Trigger] = {
    ("lift", "restriction"): ("CONCEDE", None),
    ("ease", "restriction"): ("CONCEDE", None),
    ("relax", "restriction"): ("CONCEDE", None),
    ("cancel", "restriction"): ("CONCEDE", None),
    ("impose", "restriction"): ("COERCE", "restrict"),
    ("impose", "sanctions"): ("SANCTION", None),
    ("lift", "sanctions"): ("CONCEDE", None),
    ("ease", "sanctions"): ("CONCEDE", None),
    ("pass", "legislation"): ("AGREE", None),
    ("adopt", "legislation"): ("AGREE", None),
    ("suspend", "ties"): ("SANCTION", None),
    ("cut", "ties"): ("SANCTION", None),
    ("sever", "ties"): ("SANCTION", None),
    ("break", "ties"): ("SANCTION", None),
    ("freeze", "ties"): ("SANCTION", None),
    ("halt", "ties"): ("SANCTION", None),
    ("block", "road"): ("PROTEST", "obstruct"),
    ("barricade", "road"): ("PROTEST", "obstruct"),
    ("sign", "agreement"): ("AGREE", None),
    ("share", "information"): ("COOPERATE", None),
    ("fire", "weapon"): ("ASSAULT", "heavy-weapons"),
    ("launch", "weapon"): ("ASSAULT", "heavy-weapons"),
    ("launch", "drone"): ("ASSAULT", "aerial"),  # "launched 25 drones at X"
    ("fire", "drone"): ("ASSAULT", "aerial"),
    ("send", "drone"): ("ASSAULT", "aerial"),
    ("lodge", "protest"): ("ACCUSE", None),
    ("take", "control"): ("COERCE", "seize"),
    ("gain", "control"): ("COERCE", "seize"),
    ("seize", "control"): ("COERCE", "seize"),
    ("regain", "control"): ("COERCE", "seize"),
    ("wrest", "control"): ("COERCE", "seize"),
    ("assume", "control"): ("COERCE", "seize"),
    ("declare", "control"): ("COERCE", "seize"),
    ("point", "finger"): ("ACCUSE", None),
    ("file", "protest"): ("ACCUSE", None),
    # "fired tear gas at protesters", "used water cannon": a crowd coerced, not shot at
    ("fire", "riot_control"): ("COERCE", "restrict"),
    ("use", "riot_control"): ("COERCE", "restrict"),
    ("lob", "riot_control"): ("COERCE", "restrict"),
    ("spray", "riot_control"): ("COERCE", "restrict"),
}
# Verbs whose infinitive complement is still an event ("began to mobilize").
ASPECTUAL = words("begin start continue resume try attempt manage keep proceed")
# Verbs that report speech: their date is when something was said, not when it happened.
SPEECH = words(
    "say tell report announce add state claim confirm write note insist explain reveal "
    "quote cite declare"
)
# Weapon and vehicle words that give ASSAULT its mode, found on the subject or a modifier.
WEAPON_MODES = {
    **dict.fromkeys(
        words("bomb bombs ied ieds explosive explosives grenade car-bomb"), "explosives"
    ),
    **dict.fromkeys(words("suicide"), "suicide-attack"),
    **dict.fromkeys(
        words(
            "aircraft airstrike warplane warplanes jet jets helicopter helicopters drone drones "
            "plane planes air aerial gunship gunships"
        ),
        "aerial",
    ),
    **dict.fromkeys(
        words("artillery mortar mortars rocket rockets missile missiles tank tanks shell shells"),
        "heavy-weapons",
    ),
    **dict.fromkeys(
        words("gun guns gunmen gunman rifle rifles gunfire sniper snipers"), "firearms"
    ),
    **dict.fromkeys(words("hunger"), "hunger"),
    **dict.fromkeys(words("machete machetes knife knives axe axes"), "primitive"),
}
# Strike nouns with these modifiers are attacks, not work stoppages.
ATTACK_STRIKE_MODIFIERS = words("air drone missile rocket military aerial")
# ...and with these, work stoppages ("a general strike", "went on strike").
LABOUR_STRIKE_MODIFIERS = words(
    "general hunger labour labor workers teachers doctors nurses national nationwide "
    "transport union unions wildcat sit-down"
)
# Nouns through which an event noun gets its actor: "his role in the attack".
ROLE_NOUNS = words("role part involvement participation responsibility hand")
