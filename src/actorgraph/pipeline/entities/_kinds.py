"""An organisation's kind (armed group, state force, government, ...) from its name and
the words around its mentions."""

from __future__ import annotations

from collections import Counter

from actorgraph.model import Mention
from actorgraph.pipeline.entities._nouns import country_word
from actorgraph.pipeline.lexicon import kind_of_words, lookup_actor
from actorgraph.pipeline.nlp import ParsedDoc


def branch_kind(name: str) -> str | None:
    """A branch named after a known armed group ("Islamic State West Africa Province") is
    an armed group too (a group of its own)."""
    words = name.split()
    for n in range(len(words) - 1, 0, -1):
        known = lookup_actor(" ".join(words[:n]))
        if known is not None and known.kind == "armed_group":
            return "armed_group"
    return None


# Words of a movement's name: "Kachin Independence Army", "Free Syrian Army".
MOVEMENT_WORDS = frozenset(
    {"liberation", "independence", "resistance", "revolutionary", "free", "republican",
     "salvation", "mujahideen", "islamic", "people's", "peoples", "popular", "lord's",
     "rebel", "insurgent", "patriotic", "restoration", "defenders"}
)  # fmt: skip
# Words a state's own army carries besides its country's: "Somali National Army".
STATE_ARMY_WORDS = frozenset(
    {"national", "royal", "regular", "federal", "the", "of", "army", "armed", "forces",
     "defence", "defense", "military", "ground", "land"}
)  # fmt: skip


def army_kind(name: str) -> str:
    """ "Pakistan Army", "the Somali National Army", "Army": a state's; "Arakan Army",
    "Kachin Independence Army", "Free Syrian Army": a movement's, an armed group."""
    words = [w.strip(",.").lower() for w in name.split()]
    if any(w in MOVEMENT_WORDS for w in words):
        return "armed_group"
    rest = [w for w, low in zip(name.split(), words, strict=True) if low not in STATE_ARMY_WORDS]
    if all(country_word(w) is not None for w in rest):
        return "state_force"  # only its country's words, or none
    return "armed_group"


def kind_from_context(parsed: ParsedDoc, name: str, mentions: list[Mention]) -> str | None:
    """Read an org's kind from its name, then from the words around its mentions."""
    kind = kind_of_words(name.split())
    if kind == "state_force" and name.split()[-1].lower() in {"army", "forces"}:
        return army_kind(name)
    if kind is not None:
        return kind
    doc, votes = parsed.doc, Counter[str]()
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        window: list[str] = []
        j = span.end
        if j < len(doc) and doc[j].text == ",":  # apposition: "X, the most powerful militia"
            j += 1
            while j < len(doc) and j - span.end < 7 and doc[j].pos_ in {"DET", "ADJ", "ADV"}:
                j += 1
            if j < len(doc) and doc[j].pos_ == "NOUN":
                window.append(doc[j].text)
        elif j < len(doc) and doc[j].pos_ == "NOUN":  # "the X militia"
            window.append(doc[j].text)
        k = kind_of_words(window)
        if k is not None:
            votes[k] += 1
    return votes.most_common(1)[0][0] if votes else None
