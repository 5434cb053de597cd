"""Choose an event's date: its sentence's own, else the narrative's it continues, else None."""

from __future__ import annotations

import bisect
from typing import Any

from actorgraph.model import DateRef
from actorgraph.pipeline.events._lexicon import SPEECH
from actorgraph.pipeline.layout import layout
from actorgraph.pipeline.nlp import ParsedDoc, children

_CONTINUING = frozenset({"he", "she", "they", "it", "his", "her", "their", "its", "this", "that"})
_LOOKBACK = 2  # sentences back within the paragraph a narrative date carries over


# A clause of its own inside an event's words: its dates are its own.
_CLAUSES = frozenset({"ccomp", "advcl", "relcl", "xcomp", "conj", "acl", "parataxis"})


def _same_moment(clause: Any) -> bool:
    """A "when" clause tells the moment of its verb's event ("were wounded when their
    vehicle hit a mine on Monday"): its date is the event's."""
    return clause.dep_ == "advcl" and any(
        c.dep_ == "advmod" and c.lower_ == "when" for c in children(clause)
    )


def _told_before(d: DateRef, said: Any, trigger: Any) -> bool:
    """ "X attacked a base on Monday, the group said": a date between the act and a speech
    verb that follows it is the act's, though the parse hangs it on the verb."""
    return trigger.idx < d.start and d.end <= said.idx and trigger in said.subtree


class DateFinder:
    """Index the document's dates by sentence and pick the one an event belongs to."""

    def __init__(self, parsed: ParsedDoc, dates: tuple[DateRef, ...]) -> None:
        self.doc = parsed.doc
        self.text = parsed.text
        page = layout(parsed.text)  # a dateline's date is when the story was filed
        self.dates = sorted(
            (d for d in dates if page.in_dateline(d.start, d.end) is None), key=lambda d: d.start
        )
        self._starts = [d.start for d in self.dates]

    def _in(self, start: int, end: int) -> list[DateRef]:
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return [d for d in self.dates[lo:hi] if d.end <= end]

    def _anchor(self, d: DateRef) -> Any | None:
        """The word a date expression hangs from, outside the expression itself."""
        span = self.doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is None:
            return None
        head = span.root.head
        while head.dep_ == "prep" and head.head is not head:
            head = head.head
        return head

    def _governor(self, d: DateRef) -> Any | None:
        """The nearest verb or noun that governs a date (skipping the preposition)."""
        anchor = self._anchor(d)
        return anchor

    def _since(self, d: DateRef) -> bool:
        """ "since 2023": when a state began, no date for what the next sentence tells."""
        span = self.doc.char_span(d.start, d.end, alignment_mode="expand")
        return span is not None and span.root.head.lower_ == "since"

    def _own(self, trigger: Any, sent: Any) -> DateRef | None:
        # Resolved dates first; an unresolved one ("Saturday" with no publication date)
        # still anchors the event in time.
        here = sorted(self._in(sent.start_char, sent.end_char), key=lambda d: not d.value)
        if not here:
            return None
        ancestors = {a.i for a in trigger.ancestors}
        governing: list[DateRef] = []
        other: list[DateRef] = []
        inside: list[DateRef] = []  # "killed 20 people in X on Monday" hung on the place
        for d in here:
            gov = self._governor(d)
            if gov is None:
                continue
            if gov.i == trigger.i and (d.value or not any(x.value for x in here)):
                return d
            if gov.lemma_.lower() in SPEECH and not _told_before(d, gov, trigger):
                continue  # when it was said, not when it happened
            if gov.i in ancestors:
                governing.append(d)
            elif gov.dep_ == "ROOT" or gov.head.i in ancestors:
                other.append(d)
            elif trigger in gov.ancestors and not any(
                a.dep_ in _CLAUSES and not _same_moment(a)
                for a in (gov, *gov.ancestors)
                if trigger in a.ancestors
            ):
                inside.append(d)
        for found in (governing, other, inside):
            if found:
                return min(found, key=lambda d: abs(d.start - trigger.idx))
        return None

    def _continues(self, sent: Any) -> bool:
        """Does the sentence open on a pronoun or a possessive pronoun (its own subject)?"""
        root = sent.root
        said = [c for c in children(root) if c.dep_ in ("ccomp", "parataxis")]
        reported = root.lemma_.lower() in SPEECH and bool(said)
        if reported:  # "he said X fired", "X fired, it said": the reported clause's subject
            speaker = next((c for c in children(root) if c.dep_ == "nsubj"), None)
            if speaker is not None and speaker.lower_ not in _CONTINUING:
                return False  # "the air force said it had shot down": it is the speaker
            root = said[0]
        for c in children(root):
            if c.dep_ in ("nsubj", "nsubjpass"):
                if c.lower_ in _CONTINUING:
                    return True
                return not reported and any(
                    p.dep_ == "poss" and p.lower_ in _CONTINUING for p in children(c)
                )
        return False

    def date_for(self, trigger: Any, sent: Any) -> DateRef | None:
        own = self._own(trigger, sent)
        if own is not None or not self._continues(sent):
            return own
        prev = sent
        for _ in range(_LOOKBACK):
            if prev.start == 0:
                return None
            prev = self.doc[prev.start - 1].sent
            if "\n\n" in self.text[prev.end_char : sent.start_char] or "\n" in prev.text.strip():
                return None  # another paragraph
            found = [d for d in self._in(prev.start_char, prev.end_char) if d.value]
            usable = [
                d
                for d in found
                if ((g := self._governor(d)) is None or g.lemma_.lower() not in SPEECH)
                and not self._since(d)
            ]
            if usable:
                return usable[0]
        return None
