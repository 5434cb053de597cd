"""Two spellings of one name in a text: capitals, a short form, a country word more or less."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from actorgraph.model import Entity
from actorgraph.pipeline.lexicon import PLACE_NOUNS, KnownActor, lookup_actor

_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
_NOT_SHORT = frozenset(
    {"north", "south", "east", "west", "new", "central", "united", "northern", "southern",
     "eastern", "western", "upper", "lower", "great", "greater", "san", "santa", "saint",
     "st", "el", "al", "la", "le", "port", "mount", "lake", "cape", "gulf", "sierra"}
)  # fmt: skip


def join_short_forms(
    ents: list[Entity], join: Callable[[int, int], None], known: Mapping[int, KnownActor]
) -> None:
    """Join a name to the fuller form of it the text also uses.

    - a place in capitals (a dateline's "TRIPOLI") and in title case;
    - the first word of a two-word country or place ("Burkina" for "Burkina Faso"), when
      that word is no compass point or article;
    - an organisation with and without its country word ("Malian Defence Ministry",
      "Defence Ministry").
    """
    by_title: dict[str, int] = {}
    first_words: dict[str, list[int]] = {}
    orgs: dict[str, int] = {}
    for i, e in enumerate(ents):
        words = e.name.split()
        if not e.name.isupper():
            by_title.setdefault(e.name.casefold(), i)
        if e.type in {"GPE", "LOC"} and len(words) == 2 and words[0].lower() not in _NOT_SHORT:
            first_words.setdefault(words[0], []).append(i)
        if e.type == "ORG":
            orgs.setdefault(e.name.casefold(), i)
    for i, e in enumerate(ents):
        words = e.name.split()
        if e.name.isupper() and len(e.name) > 3 and e.type in {"GPE", "LOC", "ORG", "PERSON"}:
            j = by_title.get(e.name.casefold())
            if j is not None and {"GPE", "LOC"} & {ents[j].type, e.type}:
                join(j, i)
        if len(words) == 1 and i not in known and e.type in _NAME_LABELS - {"PERSON"}:
            targets = first_words.get(e.name, [])
            if len(targets) == 1:
                join(targets[0], i)
        if e.type == "ORG" and len(words) >= 3 and _country_word(words[0]):
            j = orgs.get(" ".join(words[1:]).casefold())
            if j is not None:
                join(j, i)


def place_name(name: str) -> bool:
    """'X province', 'X region', 'X district': a name that says it is a place."""
    words = name.split()
    return len(words) == 2 and words[-1].lower() in PLACE_NOUNS and words[-1][0].isalpha()


def _country_word(word: str) -> bool:
    hit = lookup_actor(word)
    return hit is not None and hit.type == "GPE"
