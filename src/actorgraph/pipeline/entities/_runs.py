"""Whole names the model cut: a name tagged in part of its run of proper nouns.

The small model often tags one piece of a long or unfamiliar name: "Michel-Ange" of
"Michel-Ange Louis-Jeune", "Vinluan" of "Corleto Vinluan", "Aung" (as a place) of
"Aung San Suu Kyi". The parse still joins the pieces (each a ``compound`` of the last), so
a mention grows over the untagged proper nouns of its own compound run. A person's name
grows both ways, up to a title or a role word; any other label grows to the right only, and
only into a person's name the text gives elsewhere ("... Suu Kyi remains in prison") or
into a long run that owns something ("Aung San Suu Kyi's party").
"""

from __future__ import annotations

from typing import Any

from actorgraph.pipeline.entities._labels import ROLES_BEFORE_NAMES
from actorgraph.pipeline.entities._trims import SHORT_RANKS
from actorgraph.pipeline.layout import text_of
from actorgraph.pipeline.lexicon import ORG_HEADS, PERSON_TITLES

Raw = tuple[int, int, str, int]
_GROWS = frozenset({"GPE", "LOC", "NORP", "ORG", "PERSON"})


def _piece(tok: Any) -> bool:
    """An untagged proper noun that may be part of a name, or a hyphen inside one."""
    if tok.text == "-":
        return not tok.whitespace_ and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_
    return (
        tok.pos_ == "PROPN"
        and tok.ent_type_ == ""
        and tok.text[:1].isupper()
        and not _title(tok)
        and tok.text.isalpha()
        and not (tok.text.isupper() and len(tok.text) > 1)  # "MD", "CEO": no name
    )


def _title(tok: Any) -> bool:
    word = tok.lower_.rstrip(".")
    return word in PERSON_TITLES or word in ROLES_BEFORE_NAMES or word in SHORT_RANKS


def _right(span: Any) -> int:
    """The end token of the run the span's last token is a compound of."""
    last, end = span[-1], int(span.end)
    if last.dep_ != "compound" or last.head.i <= last.i:
        return end
    head = int(last.head.i)
    return head + 1 if all(_piece(span.doc[k]) for k in range(end, head + 1)) else end


def _left(span: Any) -> int:
    """The start token of the untagged compounds before the span that modify its words,
    when a title or a rank opens them ("Lt. Gen. Corleto Vinluan"): without one, a capital
    word before a name is as often an office ("Sheriff", "Inspector") as a given name."""
    doc, start = span.doc, int(span.start)
    while start > 0:
        tok = doc[start - 1]
        if not _piece(tok) or tok.text == "-":
            break
        if tok.dep_ != "compound" or not span.start <= tok.head.i < span.end:
            break
        start -= 1
    opener = start - 1
    if opener > 0 and doc[opener].text == ".":
        opener -= 1  # "Col ." as the model cuts it
    if start == span.start or opener < 0 or not _title(doc[opener]):
        return int(span.start)
    return start


def _long_name(span: Any, end: int) -> bool:
    """One tagged word before two or more untagged ones of its run, the run a possessive's
    owner ("Aung San Suu Kyi's government"): a person's name, not a place beside one."""
    doc = span.doc
    after = doc[end] if end < len(doc) else None
    owner = after is not None and after.tag_ == "POS"
    return len(span) == 1 and end - span.end >= 2 and owner


def whole_names(doc: Any, raw: list[Raw]) -> list[Raw]:
    """Grow each mention over the rest of its name (see the module's docstring)."""
    text = text_of(doc)
    people = {text[s:e] for s, e, label, _ in raw if label == "PERSON"}
    out = []
    for s, e, label, weight in raw:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or label not in _GROWS or not len(span):
            out.append((s, e, label, weight))
            continue
        end = _right(span)
        if end > span.end and doc[end - 1].lower_ in ORG_HEADS:
            end = span.end  # "Saint Paul" of "Saint Paul Coptic Orthodox Church"
        start = _left(span) if label == "PERSON" else span.start
        if label != "PERSON" and end > span.end:
            words = doc[span.start : end].text.split()
            tails = {" ".join(words[k:]) for k in range(1, len(words))}
            if (tails & people) - {text[s:e]} or _long_name(span, end):
                label = "PERSON"
            else:
                end = span.end  # a place before a name it is no part of
        if (start, end) == (span.start, span.end):
            out.append((s, e, label, weight))
            continue
        out.append((doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), label, weight))
    return out
