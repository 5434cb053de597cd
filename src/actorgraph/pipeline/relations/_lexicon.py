"""Words that signal relations between actors: role nouns, titles and verbs (general lexicons)."""

from __future__ import annotations

# Role nouns ("X, the leader of Y", "Y's founder X", "group spokesman X"): noun -> predicate.
ROLE_PREDICATES: dict[str, str] = {
    **dict.fromkeys(
        ["leader", "head", "chief", "chairman", "chairwoman", "chair", "boss", "emir",
         "secretary-general", "commander-in-chief", "ringleader", "mastermind"],
        "leader_of",
    ),
    **dict.fromkeys(["founder", "co-founder", "cofounder", "creator"], "founder_of"),
    **dict.fromkeys(
        ["spokesman", "spokeswoman", "spokesperson", "mouthpiece"], "spokesperson_of"
    ),
    **dict.fromkeys(
        ["member", "fighter", "militant", "volunteer", "operative", "loyalist", "recruit",
         "commander", "cadre", "affiliate"],
        "member_of",
    ),
    **dict.fromkeys(
        ["researcher", "analyst", "director", "official", "adviser", "advisor",
         "correspondent", "reporter", "editor", "officer", "employee", "envoy", "secretary",
         "aide", "staffer", "economist", "lawyer", "professor", "scientist", "manager",
         "executive", "coordinator", "investigator", "representative", "negotiator",
         "strategist", "consultant", "columnist", "producer", "fellow", "deputy",
         "ceo", "cfo", "counsel", "attorney", "journalist", "photographer", "monitor",
         "observer", "agent", "diplomat", "contractor", "worker", "staff", "campaigner",
         "engineer", "inspector", "designer", "publisher", "trader", "pilot", "judge",
         "superintendent", "supervisor", "specialist", "technician", "administrator",
         "commissioner", "physician", "doctor", "nurse", "teacher", "ecologist",
         "physiologist", "biologist", "chemist", "physicist", "geologist",
         "historian"],
        "works_for",
    ),
    # Military and police ranks: "Coast Guard Lt. X", "a major in the Marine Corps".
    **dict.fromkeys(
        ["lieutenant", "lt.", "lt", "captain", "capt.", "sergeant", "sgt.", "colonel", "col.",
         "major", "maj.", "corporal", "cpl.", "admiral", "adm.", "brigadier", "marshal",
         "general", "gen.", "activist"],
        "member_of",
    ),
}  # fmt: skip
RANKS = frozenset(
    {"lieutenant", "lt.", "lt", "captain", "capt.", "sergeant", "sgt.", "colonel", "col.",
     "major", "maj.", "corporal", "cpl.", "admiral", "adm.", "brigadier", "marshal",
     "general", "gen.", "lieutenant-colonel", "lieutenant-general", "major-general"}
)  # fmt: skip
# Which role noun names the relation when a title holds several ("army spokesman Colonel
# X": the spokesman, not the colonel): lower is stronger.
ROLE_RANK = {"spokesperson_of": 0, "founder_of": 1, "leader_of": 2, "works_for": 3}
# Roles a nationality or a state's name before them makes service of that state ("an Iraqi
# official"); before other roles it says only where someone is from ("a Norwegian historian").
STATE_SERVICE = frozenset(
    {"official", "officer", "diplomat", "envoy", "agent", "representative", "negotiator",
     "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "aide", "minister",
     "secretary", "deputy", "commissioner", "inspector", "judge", "attorney", "counsel"}
)  # fmt: skip
# Titles of state office: the object is a state (GPE).
STATE_TITLES = frozenset(
    {"president", "prime minister", "premier", "minister", "foreign minister",
     "defense minister", "defence minister", "interior minister", "finance minister",
     "king", "queen", "emir", "sultan", "crown prince", "governor", "mayor", "chancellor",
     "senator", "lawmaker", "mp", "ambassador", "vice president", "deputy prime minister",
     "supreme leader", "speaker", "secretary of state", "attorney general",
     "chief of staff", "army chief", "head of state", "dictator", "strongman", "ruler",
     "deputy governor", "prosecutor", "public prosecutor", "state prosecutor",
     "local administrator", "district administrator", "district commissioner",
     "provincial governor", "regional governor", "vice-president", "junta leader"}
)  # fmt: skip
# State titles whose holder serves the country the document is about when the text names
# no state ("Prime Minister X" in a story from Mali); a mayor or governor needs his place.
NATIONAL_TITLES = frozenset(
    {"president", "prime minister", "premier", "dictator", "strongman", "king", "queen",
     "vice president", "vice-president", "deputy prime minister", "chancellor",
     "foreign minister", "defense minister", "defence minister", "interior minister",
     "finance minister", "junta leader", "prosecutor", "public prosecutor",
     "state prosecutor", "local administrator", "district administrator",
     "district commissioner", "army chief", "head of state"}
)  # fmt: skip
# Words before "leader", "chief" or "commander" that make it one office among others of
# the organisation ("Hamas's political chief", "a local commander"): not its head.
PARTIAL_LEADER = frozenset(
    {"political", "military", "deputy", "regional", "local", "provincial", "district",
     "field", "spiritual", "religious", "senior", "assistant", "vice", "sector",
     "area", "zonal", "battalion", "unit", "intelligence", "security", "media",
     "operations", "foreign", "finance", "parliamentary", "youth", "women's", "top"}
)  # fmt: skip
# Verbs that give their subject the role a noun names: "was named publisher of Y",
# "became the chairman of Y", "serves as director of Y".
ROLE_VERBS = frozenset({"become", "remain", "name", "appoint", "elect", "make", "serve"})
PAST_MARKERS = frozenset({"then", "former", "ex", "onetime", "erstwhile", "late", "outgoing"})

# Verbs (by lemma) whose subject and object stand in a relation.
VERB_PREDICATES: dict[str, str] = {
    **dict.fromkeys(["lead", "head", "run", "chair", "direct"], "leader_of"),
    **dict.fromkeys(["found", "establish", "create", "form", "co-found", "cofound"], "founder_of"),
    **dict.fromkeys(["join", "enlist"], "member_of"),
    **dict.fromkeys(["set up"], "founder_of"),
    **dict.fromkeys(["command"], "commands"),
    **dict.fromkeys(["reside", "live", "base", "headquarter", "station"], "located_in"),
    **dict.fromkeys(["operate", "active"], "operates_in"),
    **dict.fromkeys(["ally", "align", "partner"], "allied_with"),
}  # fmt: skip
# Support verbs: "trained and equipped by X", "X funds Y": lemma -> support mode.
SUPPORT_MODES: dict[str, str] = {
    "fund": "funded", "finance": "funded", "bankroll": "funded", "pay": "funded",
    "train": "trained", "equip": "equipped", "arm": "armed", "supply": "armed",
    "back": "backed", "support": "backed", "sponsor": "backed", "aid": "backed",
    "assist": "backed", "help": "backed", "direct": "directed",
    "advise": "backed", "sustain": "backed",
    "shelter": "sheltered", "harbour": "sheltered", "harbor": "sheltered",
}  # fmt: skip
TIE_NOUNS = frozenset({"ties", "tie", "links", "link", "connections", "relations", "contacts"})
# Plural nouns for members of a group: "volunteers with X", "X fighters", "these warriors".
GROUP_NOUNS = frozenset(
    {"volunteers", "fighters", "men", "members", "militants", "troops", "soldiers",
     "warriors", "militiamen", "gunmen", "forces", "rebels", "insurgents", "loyalists",
     "supporters", "recruits", "units", "commanders", "guerrillas", "jihadists", "group",
     "jihadis", "terrorists", "combatants", "force", "militia", "faction", "factions",
     "groups", "movement", "organisation", "organization"}
)  # fmt: skip
ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# Kinds of organisation that bear arms (for the patterns that need two fighting sides).
ARMED_KINDS = frozenset({"armed_group", "state_force"})
