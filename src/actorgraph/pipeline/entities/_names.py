"""Name spans the model gets wrong in news: a role word before a person's name ("Resident
X"), a title after an organisation's ("... of Prime Minister X"), and a place it missed after
"the <place noun> of"."""

from __future__ import annotations

import bisect
import itertools
import re
from typing import Any

from actorgraph.pipeline.entities._nouns import PERPETRATORS
from actorgraph.pipeline.entities._trims import MEMBER_NOUNS, SHORT_RANKS
from actorgraph.pipeline.lexicon import (
    ORG_ANAPHORS,
    ORG_HEADS,
    PERSON_TITLES,
    PLACE_NOUNS,
    lookup_actor,
)
from actorgraph.pipeline.nlp import tokens

# Words that say what kind of group "the group" is, not which one: "the jihadist group".
DESCRIPTIVE = frozenset(
    {"jihadist", "jihadi", "militant", "armed", "islamist", "rebel", "extremist", "insurgent",
     "terrorist", "separatist", "hardline", "radical", "sunni", "shiite", "shia", "islamic",
     "paramilitary", "ethnic", "secessionist", "guerrilla", "banned", "outlawed"}
)  # fmt: skip


# Words before "the group" or "the movement" that still fit a group named before it.
_FITTING = DESCRIPTIVE | {
    "terror", "militia", "umbrella", "opposition", "resistance", "insurgency", "gang", "crime",
    "criminal", "drug", "party", "army", "splinter", "affiliate", "faction", "wing", "branch",
    "offshoot", "breakaway", "sister", "parent", "proxy", "front", "coalition", "alliance",
}  # fmt: skip


def other_kind(tok: Any, name: str = "") -> bool:
    """A group noun that a common noun says is of another kind than the group ``name``:
    "the protest movement", "the student group" (but "the rights group" of a name with
    "Rights" in it)."""
    own = {w.lower() for w in name.split()}
    return any(
        c.dep_ == "compound" and c.pos_ == "NOUN" and c.is_lower and c.lower_ not in _FITTING | own
        for c in tok.children
    )


def places_of(doc: Any, covered: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Find "the northeastern province of Arauca", "the village of Kashkash": a name the
    model missed, after a lowercase place noun and "of", is a place's."""
    out = []
    taken = _sorted_spans(covered)
    toks = tokens(doc)
    for tok in toks:
        noun = toks[tok.i - 1] if tok.i else None
        if tok.lower_ != "of" or noun is None or noun.text not in PLACE_NOUNS:
            continue
        if not any(c.dep_ == "det" or c.dep_ == "amod" for c in noun.children):
            continue  # "the town of", "the northern province of": not a name's own words
        end = tok.i + 1
        while end < len(toks) and end - tok.i <= 4 and _name_token(toks[end]):
            end += 1
        if end == tok.i + 1:
            continue
        start_char = toks[tok.i + 1].idx
        end_char = toks[end - 1].idx + len(toks[end - 1].text)
        if _overlaps(taken, start_char, end_char):
            continue
        out.append((start_char, end_char, "GPE"))
    return out


def acronym_groups(doc: Any, covered: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Find "ISWAP fighters", "KLA rebels": an acronym the model left unlabelled, right before
    a lowercase noun of fighters, is a group's name."""
    out = []
    taken = _sorted_spans(covered)
    toks = tokens(doc)
    for tok in toks[:-1]:
        word = tok.text
        if tok.ent_type_ or not (2 <= len(word) <= 7 and word.isupper() and word.isalnum()):
            continue
        if toks[tok.i + 1].text not in MEMBER_NOUNS or lookup_actor(word) is not None:
            continue  # a known name is found as one already
        if not _overlaps(taken, tok.idx, tok.idx + len(word)):
            out.append((tok.idx, tok.idx + len(word), "ORG"))
    return out


def headed_groups(doc: Any, covered: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Find "the Zarga Brigade", "the Red Hills Front": capitalised words the model left
    unlabelled, ended by a body's noun, are an organisation's name."""
    out = []
    taken = _sorted_spans(covered)
    toks = tokens(doc)
    for tok in toks[1:]:
        if tok.ent_type_ or tok.lower_ not in ORG_HEADS or not tok.text[:1].isupper():
            continue
        start = tok.i
        while start > 0 and tok.i - start < 4 and _name_token(toks[start - 1]):
            start -= 1
        if start == tok.i or (toks[start].is_sent_start and start == tok.i - 1):
            continue  # a body's noun alone, or "Army" after a sentence's first word
        s, e = toks[start].idx, tok.idx + len(tok.text)
        if not _overlaps(taken, s, e):
            out.append((s, e, "ORG"))
    return out


# Lowercase nouns of a body a name goes before: "the X gang coalition", "the X armed group".
_BODY_NOUNS = frozenset(
    {"gang", "gangs", "coalition", "militia", "group", "movement", "alliance", "faction",
     "cartel", "network"}
)  # fmt: skip


def named_bodies(doc: Any, covered: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Find "the Tamu Sela armed group", "the Kora gang coalition": capitalised words the
    model left unlabelled, after "the" and before a lowercase noun of a body, name it."""
    out = []
    taken = _sorted_spans(covered)
    toks = tokens(doc)
    for tok in toks[2:]:
        if tok.text not in _BODY_NOUNS or tok.tag_ not in {"NN", "NNS"}:
            continue
        end = tok.i
        while end > 0 and tok.i - end < 2 and toks[end - 1].text in _BODY_NOUNS | DESCRIPTIVE:
            end -= 1
        start = end
        while start > 0 and end - start < 4 and _name_token(toks[start - 1]):
            start -= 1
        if start == end or start == 0 or toks[start - 1].lower_ != "the":
            continue
        s, e = toks[start].idx, toks[end - 1].idx + len(toks[end - 1].text)
        if not _overlaps(taken, s, e):
            out.append((s, e, "ORG"))
    return out


def places_before(doc: Any, covered: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Find "Russia's Kursk region", "the Lakki Marwat district": a name the model missed
    before a lowercase administrative noun is a place's."""
    out = []
    taken = _sorted_spans(covered)
    toks = tokens(doc)
    for tok in toks:
        if not tok.i or not (tok.text in ADMIN_NOUNS or tok.lower_ in PLACE_OFFICES):
            continue
        cue = tok.i
        if tok.lower_ in PLACE_OFFICES and toks[cue - 1].lower_ in OFFICE_LEVELS:
            cue -= 1  # "Donetsk regional governor X"
        start = cue
        while start > 0 and cue - start < 4 and _name_token(toks[start - 1], loose=True):
            start -= 1
        named_after = tok.lower_ in PLACE_OFFICES and tok.i + 1 < len(toks)
        named_after = named_after and toks[tok.i + 1].pos_ == "PROPN"  # "X Governor Y"
        if start == cue or (toks[start].is_sent_start and not named_after):
            continue  # nothing named, or a sentence's first word ("Officials said")
        s, e = toks[start].idx, toks[cue - 1].idx + len(toks[cue - 1].text)
        if not _overlaps(taken, s, e):
            out.append((s, e, "GPE"))
    return out


def _name_token(tok: Any, *, loose: bool = False) -> bool:
    """A capitalised proper noun outside the model's names (``loose``: or in one of a kind
    the stage drops, "Kursk" read as a PRODUCT)."""
    outside = not tok.ent_type_ or (loose and tok.ent_type_ in {"PRODUCT", "WORK_OF_ART"})
    return bool(tok.text[:1].isupper() and tok.tag_ == "NNP" and outside)


def description(doc: Any, start: int, end: int, surface: str) -> bool:
    """A description the model took for a name: "the jihadist group" (an anaphor of a group
    the text names), "the Islamist group", or a lowercase adjective alone ("eastern")."""
    if surface.lower().rstrip(".") in PERSON_TITLES | SHORT_RANKS:
        return True  # "Brig. Gen. X": the model's "Brig" is a rank, no one
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None and len(span) == 1 and surface.lower() in PERPETRATORS:
        return True  # "Jihadists killed ...": unnamed attackers, whom the actors stage keeps
    if span is not None and len(span) == 1 and surface.lower() in DESCRIPTIVE:
        tok = span[0]
        if tok.dep_ in {"amod", "compound"} and tok.head.lower_ in ORG_ANAPHORS:
            return True  # "the Islamist group": what kind of group, not its name
    if not surface.islower():
        return False
    if surface.split()[-1] in ORG_ANAPHORS:
        return True
    return span is not None and len(span) == 1 and span[0].pos_ == "ADJ"


# "Djugu territory", "Khyber district", "Kaduna state": a name before a lowercase
# administrative noun is a place's, whatever the model labelled it.
# Offices named after the place they govern: "Kharkiv Governor X", "Donetsk regional
# governor X", "Mogadishu mayor X".
PLACE_OFFICES = frozenset({"governor", "mayor"})
OFFICE_LEVELS = frozenset({"regional", "provincial", "state", "district", "city", "municipal"})
ADMIN_NOUNS = frozenset(
    {"district", "province", "territory", "county", "region", "state", "governorate",
     "municipality", "department", "prefecture", "subdistrict", "sub-county", "commune",
     "township", "area"}
)  # fmt: skip
_ADMIN_AFTER = re.compile(rf" (?:{'|'.join(sorted(ADMIN_NOUNS))})\b(?! (?:of|group|media)\b)")


# "Maidu village", "Bama town": a settlement's word after (or ending) a name.
_SETTLEMENT = re.compile(
    r"(?: |^)(?:village|town|hamlet|settlement)\b(?! (?:of|hall|council|chief|head|elders?)\b)"
)
_SETTLEMENT_END = re.compile(r"\s(?:village|town|hamlet)$")
# "the Abu Shouk displacement camp", "the Zamzam camp": a camp's name is a place's.
_CAMP = re.compile(
    r" (?:(?:displacement|refugee|idp|displaced|transit) )?camps?\b(?! (?:of|for)\b)"
)


_PEOPLE_BEFORE = re.compile(r"(?:ethnic|tribal)\s+$", re.IGNORECASE)


# "the southern island of X", "the town of X": what comes next is a place.
_PLACE_BEFORE = re.compile(
    r"\b(?:village|town|city|province|district|region|island|islands|state|county|"
    r"governorate|municipality|suburb|neighbou?rhood|territory|port|capital) of (?:the )?$"
)
# "Abu Sayyaf militants", "Wagner fighters": the name of the fighters' group.
_FIGHTERS_AFTER = re.compile(
    r" (?:militants|fighters|rebels|insurgents|gunmen|militiamen|guerrillas|jihadists|"
    r"gang|gangs|militia)\b"
)


# "Bani Walid, a town formerly held by X": an apposition says it is a place.
_PLACE_APPOSITION = re.compile(
    r", (?:a|the) (?:[a-z-]+ ){0,2}(?:town|village|city|district|region|province|suburb|"
    r"neighbou?rhood|port|island|county|municipality)\b"
)


# "Kataib X, an Iran-backed militia": an apposition says it is an armed group or a party.
_ORG_APPOSITION = re.compile(
    r", (?:a|an|the) (?:[\w'’-]+ ){0,3}?(?:militia|group|movement|faction|organi[sz]ation|"
    r"alliance|coalition|party)(?![\w'’-]| (?:member|leader|official|spokes\w*|commander|chief|"
    r"founder|activist|figure|politician|lawmaker|head|fighter|supporter)s?\b)"
)


def _named_camp(text: str, start: int, camp: str) -> bool:
    """ "Zamzam camp", "the Kalma camps", "Kakuma refugee camps" are places; bare "X camps"
    ("air strikes on al Shabaab camps") are the camps of group X."""
    plain = camp.strip() == "camps"
    return not plain or text[max(0, start - 4) : start].lower() == "the "


def place_or_people(text: str, start: int, end: int, label: str) -> str:
    """The label a mention's neighbours give it: "X district" or "the island of X" a place,
    "ethnic X" a people, "X militants" or "X, a militia" a group."""
    if (
        _ADMIN_AFTER.match(text, end)
        or _PLACE_APPOSITION.match(text, end)
        or (label in {"PERSON", "ORG"} and _PLACE_BEFORE.search(text, max(0, start - 40), start))
        or (
            label in {"PERSON", "ORG"}
            and (_SETTLEMENT.match(text, end) or _SETTLEMENT_END.search(text, start, end))
        )
    ):
        return "GPE"
    camp = _CAMP.match(text, end)
    if label in {"PERSON", "ORG", "NORP"} and camp and _named_camp(text, start, camp.group()):
        return "FAC"
    if label == "PERSON" and (_FIGHTERS_AFTER.match(text, end) or _ORG_APPOSITION.match(text, end)):
        return "ORG"
    if label == "ORG" and _PEOPLE_BEFORE.search(text, max(0, start - 12), start):
        return "NORP"  # "an ethnic Lendu militia": the militia's people, not its name
    return label


def _sorted_spans(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Starts in order and the furthest end so far, for overlap queries in log time."""
    ordered = sorted(spans)
    return [a for a, _ in ordered], list(itertools.accumulate((b for _, b in ordered), max))


def _overlaps(spans: tuple[list[int], list[int]], start: int, end: int) -> bool:
    starts, reach = spans
    i = bisect.bisect_left(starts, end)  # spans starting before the end
    return i > 0 and reach[i - 1] > start


_HYPHENED = re.compile(r"(?:-[a-z]{1,4})+-[A-Z][\w'’]+")
_PARTICLE = re.compile(r" (?:del|de|do|da|di|des|du|la|al|el) ")


def hyphened(text: str, r: tuple[int, int, str, int]) -> tuple[int, int, str, int]:
    """ "Croix" of "Croix-des-Bouquets": a hyphenated name the model cut at its hyphen."""
    m = _HYPHENED.match(text, r[1])
    return (r[0], m.end(), *r[2:]) if m is not None else r


def _particles(text: str, raw: list[tuple[int, int, str, int]]) -> list[tuple[int, int, str, int]]:
    """ "Davao" and "Norte" of "Davao del Norte": a place's name cut at its particle."""
    starts = {r[0]: i for i, r in enumerate(raw)}
    out, dropped = list(raw), set()
    for i, (s, e, label, w) in enumerate(raw):
        m = _PARTICLE.match(text, e)
        j = starts.get(m.end()) if m is not None and label in {"GPE", "LOC"} else None
        if j is not None and j not in dropped and i not in dropped:
            out[i] = (s, raw[j][1], label, max(w, raw[j][3]))
            dropped.add(j)
    return [r for k, r in enumerate(out) if k not in dropped]


def _office_cut(text: str, r: tuple[int, int, str, int]) -> tuple[int, int, str, int]:
    s, e, _label, w = r
    m = _OFFICE_AFTER.search(text, s, e)
    if m is None or m.start() <= s or not re.match(r" [A-Z]", text[e : e + 2]):
        return r
    return s, m.start(), "GPE", max(w, 3)


# An organisation's name the model cut before its country: "the Communist Party" of "the
# Communist Party of the Philippines", "Workers Party of" and "Kurdistan".
_NAMED_FOR_A_COUNTRY = frozenset(
    {"party", "front", "movement", "union", "congress", "alliance", "league", "federation",
     "association", "organisation", "organization", "committee", "council"}
)  # fmt: skip
_OF_THE = re.compile(r" of (?:the )?")


_OFFICE_AFTER = re.compile(r"\s+(?i:governor|mayor)$")


def joined_of(text: str, raw: list[tuple[int, int, str, int]]) -> list[tuple[int, int, str, int]]:
    """Join an organisation's name with the place right after its "of (the)" when the name
    ends in "of" or in a noun parties and fronts are named with; and cut "Zamfara Governor"
    before a name to the place the governor governs."""
    raw = [_office_cut(text, r) for r in raw]
    raw = _particles(text, raw)
    starts = {s: i for i, (s, _e, label, _w) in enumerate(raw) if label in {"GPE", "LOC"}}
    out, dropped = list(raw), set()
    for i, (s, e, label, w) in enumerate(raw):
        if label != "ORG":
            continue
        name = text[s:e]
        if name.endswith(" of"):
            j = starts.get(e + 1) if text[e : e + 5] != " the " else starts.get(e + 5)
        else:
            m = _OF_THE.match(text, e)
            last = name.rsplit(" ", 1)[-1].lower()
            j = None
            if m is not None and last in _NAMED_FOR_A_COUNTRY:  # the place's span may hold "the"
                j = starts.get(m.end(), starts.get(e + 4))
        if j is not None and j not in dropped:
            out[i] = (s, raw[j][1], label, w)
            dropped.add(j)
    return [r for k, r in enumerate(out) if k not in dropped]
