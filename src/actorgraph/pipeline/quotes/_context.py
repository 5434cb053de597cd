"""Offset lookups over a parsed document: tokens, sentences, paragraphs and quoted regions."""

from __future__ import annotations

import bisect
from typing import Any

from actorgraph.pipeline.entities import EntityResult
from actorgraph.pipeline.quotes._marks import Quoted, paragraphs

SENT_END = frozenset({".", "!", "?"})


class DocContext:
    """Character-offset index over one parsed document (built once, queried by bisect)."""

    def __init__(self, text: str, doc: Any, entities: EntityResult, quoted: list[Quoted]) -> None:
        from spacy.attrs import IDX, SENT_START

        self.text = text
        self.doc = doc
        self.entities = entities
        self.has_dep = bool(len(doc)) and doc.has_annotation("DEP")
        self.starts: list[int] = doc.to_array([IDX]).tolist() if len(doc) else []
        self.paras = paragraphs(text)
        self.para_starts = [s for s, _ in self.paras]
        if len(doc) and doc.has_annotation("SENT_START"):
            flags = doc.to_array([SENT_START]).tolist()
            self.sent_starts = [self.starts[i] for i, f in enumerate(flags) if f == 1 or i == 0]
        else:
            self.sent_starts = list(self.para_starts)
        # quoted regions including their marks, sorted by start
        self.regions = [
            (q.open_mark, (q.close_mark + 1) if q.close_mark is not None else q.end) for q in quoted
        ]
        self.region_starts = [s for s, _ in self.regions]
        # the stage's ``_actors.Actors`` (typed loosely: it is built on this context)
        self.actors: Any = None
        self._gender: dict[str, str | None] = {}
        self._conflict: bool | None = None
        self._name_words: dict[str, dict[str, str]] | None = None

    @property
    def conflict_reporting(self) -> bool:
        """True for a text dense in the words of armed violence (see ``CONFLICT_LEMMAS``)."""
        if self._conflict is None:
            from spacy.attrs import IS_ALPHA, LEMMA

            from actorgraph.pipeline.quotes._lexicon import (
                CONFLICT_LEMMAS,
                CONFLICT_MIN,
                CONFLICT_SHARE,
            )

            # from the token arrays: a walk over the tokens makes a Python object of each
            rows = self.doc.to_array([IS_ALPHA, LEMMA]).tolist() if len(self.doc) else []
            strings = self.doc.vocab.strings
            wanted = {strings[f] for w in CONFLICT_LEMMAS for f in (w, w.capitalize())}
            words = [lemma for alpha, lemma in rows if alpha]
            hits = sum(1 for lemma in words if lemma in wanted)
            self._conflict = hits >= CONFLICT_MIN and hits >= CONFLICT_SHARE * len(words)
        return self._conflict

    # -- tokens ---------------------------------------------------------------------------
    def tok_at(self, char: int) -> int:
        """Return the index of the token containing char (or the last one before it)."""
        return max(0, bisect.bisect_right(self.starts, char) - 1)

    def tok_after(self, char: int) -> int:
        """Return the index of the first token starting at or after char."""
        return bisect.bisect_left(self.starts, char)

    def tok_end(self, i: int) -> int:
        t = self.doc[i]
        return int(t.idx + len(t.text))

    # -- regions --------------------------------------------------------------------------
    def in_quote(self, char: int) -> bool:
        i = bisect.bisect_right(self.region_starts, char) - 1
        return i >= 0 and self.regions[i][0] <= char < self.regions[i][1]

    def regions_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """Return the quoted regions overlapping [start, end)."""
        i = max(0, bisect.bisect_right(self.region_starts, start) - 1)
        out = []
        while i < len(self.regions) and self.regions[i][0] < end:
            if self.regions[i][1] > start:
                out.append(self.regions[i])
            i += 1
        return out

    def para_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, char) - 1)

    def sent_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, char) - 1)

    # -- entities -------------------------------------------------------------------------
    def gender(self, entity_id: str) -> str | None:
        """Guess 'm'/'f' for a PERSON from honorifics and first names; None when unsure."""
        if entity_id in self._gender:
            return self._gender[entity_id]
        from actorgraph.pipeline.quotes._lexicon import (
            FEMALE_NAMES,
            HONORIFIC_GENDER,
            MALE_NAMES,
        )

        ent = self.entities.by_id(entity_id)
        votes = {"m": 0, "f": 0}
        if ent is not None:
            names = [ent.name, *ent.aliases, *(m.text for m in ent.mentions[:20])]
            for name in names:
                words = name.replace(".", ". ").split()
                for w in words[:2]:
                    lw = w.lower().strip(",")
                    female, male = lw in FEMALE_NAMES, lw in MALE_NAMES
                    if lw in HONORIFIC_GENDER:
                        votes[HONORIFIC_GENDER[lw]] += 2
                    elif female and not male and len(words) > 1:
                        votes["f"] += 1
                    elif male and not female and len(words) > 1:
                        votes["m"] += 1
            for m in ent.mentions[:20]:
                i = self.tok_at(m.start)
                if i > 0 and self.starts[i] == m.start:
                    prev = self.doc[i - 1].text.lower()
                    if prev in HONORIFIC_GENDER:
                        votes[HONORIFIC_GENDER[prev]] += 2
        g = None if votes["m"] == votes["f"] else ("m" if votes["m"] > votes["f"] else "f")
        self._gender[entity_id] = g
        return g

    def is_name_word(self, word: str) -> bool:
        """Return True when ``word`` is part of a person's or organisation's name."""
        self.named_by(word)
        assert self._name_words is not None
        return word in self._name_words

    def named_by(self, word: str) -> str | None:
        """Return the one person or organisation whose name holds ``word`` (for 'Trump'
        mis-tagged as a common noun); None when no entity or several do. One person among
        them is meant ("Petro" of "Gustavo Petro" and "the Petro government")."""
        if self._name_words is None:
            index: dict[str, dict[str, str]] = {}
            for ent in self.entities.entities:
                if ent.type not in ("PERSON", "ORG", "NORP"):
                    continue
                for name in {ent.name, *ent.aliases}:
                    for w in name.split():
                        if w[:1].isupper() and len(w) > 2:
                            index.setdefault(w, {})[ent.id] = ent.type
            self._name_words = index
        found = self._name_words.get(word, {})
        people = [i for i, typ in found.items() if typ == "PERSON"]
        if len(found) == 1 or len(people) == 1:
            return people[0] if people else next(iter(found))
        return None
