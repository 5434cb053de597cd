"""A ministry as an analyst names it: its domain and its state ("Health Ministry of Lebanon").

The model often takes "health ministry" for a name of its own. Its state is the one a
possessive or a demonym before it names ("Lebanon's health ministry", "the Lebanese health
ministry"), else the document's home state.
"""

from __future__ import annotations

import re

from actorgraph.model import Entity
from actorgraph.pipeline.entities._nouns import country_word

DOMAINS = frozenset(
    {"interior", "defence", "defense", "health", "foreign", "justice", "information",
     "finance", "education", "security", "home", "energy", "agriculture"}
)  # fmt: skip
_NAME = re.compile(r"(?:the\s+)?(?:(\w+)\s+)?(\w+)\s+ministry", re.IGNORECASE)
_OWNER = re.compile(r"(\w+)['’]s\s+$")


def ministry_name(entity: Entity, text: str, home: str | None) -> str | None:
    """The analyst's name of a ministry the model named by its noun, else None."""
    m = _NAME.fullmatch(entity.name.strip())
    if entity.type != "ORG" or m is None or m.group(2).lower() not in DOMAINS:
        return None
    state = country_word(m.group(1)) if m.group(1) else None
    if m.group(1) and state is None:
        return None  # "the new health ministry": not a state word
    for mention in entity.mentions:
        if state is not None:
            break
        owner = _OWNER.search(text, max(0, mention.start - 40), mention.start)
        state = country_word(owner.group(1)) if owner else None
    state = state or home
    return f"{m.group(2).title()} Ministry of {state}" if state else None
