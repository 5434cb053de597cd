"""Where a generic actor noun looks back for the named actor it stands for."""

from __future__ import annotations

import bisect
import re
from typing import Any

from actorgraph.model import Entity
from actorgraph.pipeline.lexicon import TIED_WORDS

# "X's affiliate", "X's armed wing": X names another group, the one the phrase is about
_OWNER = re.compile(
    r"['’]s\s+(?:[a-z-]+\s+)?(?:affiliate|branch|wing|ally|allies|offshoot|arm|franchise"
    r"|splinter|rival|rivals|partner|partners|proxy|proxies|faction|cell)\b"
)
# What a group is named as when fighters are only tied to it: "linked to X", "loyal to the X".
_LINKED_TO = re.compile(
    r"\b(?:" + "|".join(sorted(TIED_WORDS | {"allegiance"})) + r")\s+(?:to|with|by)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
MAX_PARAGRAPHS = 2  # how far back "the army" or "the militants" look for whose they are


class Antecedents:
    """The named entities of a document before a character, by paragraph distance."""

    text: str
    entities: list[Entity]
    paragraphs: list[int]
    claims: dict[str, list[Any]]

    def paragraph(self, char: int) -> int:
        return bisect.bisect_right(self.paragraphs, char) - 1

    def near(self, earlier: int, char: int) -> bool:
        return self.paragraph(char) - self.paragraph(earlier) <= MAX_PARAGRAPHS

    def _armed(self, entity: Entity) -> bool:
        """An armed group: by its kind, or because attacker nouns already named it."""
        return entity.kind == "armed_group" or (entity.kind is None and entity.id in self.claims)

    def _named(self, char: int, fits: Any) -> Entity | None:
        """The entity that fits, named last before ``char`` and within reach."""
        named = self._named_before(char, fits)
        at, best = max(named, key=lambda x: x[0], default=(-1, None))
        return best if best is not None and self.near(at, char) else None

    def _named_before(self, char: int, fits: Any) -> list[tuple[int, Entity]]:
        """(last start, entity) of the entities that fit, named before ``char`` in a phrase of
        their own: not a hyphened modifier ("the X-linked group") nor the owner of another
        group ("X's affiliate")."""
        out = []
        for e in self.entities:
            if e.type == "ORG" and fits(e):
                starts = [m.start for m in e.mentions if m.end <= char
                          and self.text[m.end : m.end + 1] != "-"
                          and not _OWNER.match(self.text, m.end)]  # fmt: skip
                if starts:
                    out.append((max(starts), e))
        return out

    @staticmethod
    def _bare(head: Any) -> bool:
        """A plural with no determiner or number: "rebels said", "insurgents attacked"."""
        return head.tag_ == "NNS" and not any(
            c.dep_ in {"det", "nummod", "poss"} for c in head.children
        )

    def _only_so_far(self, char: int, fits: Any) -> Entity | None:
        """The one entity that fits among those named before ``char``, if near enough."""
        named = self._named_before(char, fits)
        return named[0][1] if len(named) == 1 and self.near(named[0][0], char) else None

    def _only(self, fits: Any) -> Entity | None:
        """The one entity of the document that fits, if there is exactly one."""
        found = [e for e in self.entities if e.type == "ORG" and fits(e)]
        return found[0] if len(found) == 1 else None

    def _since(self, named: Entity, before: int, unid: tuple[int, str] | None) -> bool:
        """Whether ``named`` was named since the unnamed fighters, if any, and not only as
        what they are linked to: "insurgents, linked to X, ... the insurgents" are theirs."""
        starts = [m.start for m in named.mentions if m.start < before]
        return unid is None or any(
            s > unid[0] and not _LINKED_TO.search(self.text, max(0, s - 40), s) for s in starts
        )
