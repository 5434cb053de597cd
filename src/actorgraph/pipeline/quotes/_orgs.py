"""Organisations a text names by a common noun ("the army", "Kashmir police", "the
general staff") when one of them speaks.

The organisation is the entities stage's one that the noun refers back to (named last with
the same head within a few paragraphs, or the one state force the text names); else one is
made here, type ORG and stage quotes, with every mention of the same noun in the text that
no other entity holds ("the army", "Burkina's army"; "troops" join "the army", "authorities"
the government; "Rwandan troops" stay another state's).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from actorgraph.model import Entity, Mention
from actorgraph.pipeline.entities import MINISTRY_DOMAINS as DOMAINS
from actorgraph.pipeline.entities import country_word, home_country
from actorgraph.pipeline.quotes._lexicon import INSTITUTIONS

if TYPE_CHECKING:
    from actorgraph.pipeline.quotes._context import DocContext

SPLIT_BY_DOMAIN = frozenset({"ministry"})  # one organisation per domain word before it
LABEL = "speaker"  # the label of the mentions of an organisation made here
MAX_PARAGRAPHS = 3  # how far back the organisation a noun refers to is looked for
NOUNS = ("NOUN", "PROPN")


@dataclass
class Made:
    """An organisation made here: its group key, kind and mentions so far."""

    key: str
    name: str
    kind: str
    mentions: dict[tuple[int, int], str] = field(default_factory=dict)
    domain: str | None = None  # a ministry's: "health"
    country: str | None = None  # whose the text says it is: "Russia's", "the Lebanese"


def institution(tok: Any) -> tuple[str, str, Any] | None:
    """Return (group key, kind, first token) when ``tok`` heads an institution noun.

    "army", "the military", "Kashmir police", "the general staff", "the armed forces".
    """
    low = tok.lower_
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    for c in tok.children:
        if c.dep_ in ("amod", "compound") and c.i == tok.i - 1:
            two = f"{c.lower_} {low}"
            if two in INSTITUTIONS:
                key, kind = INSTITUTIONS[two]
                return key, kind, c
    if low in INSTITUTIONS:
        key, kind = INSTITUTIONS[low]
        if key == "government" and (seat := _seat(tok)):
            return f"government of {seat}", kind, tok  # "the regional government of X"
        if key in SPLIT_BY_DOMAIN:  # "the health ministry" and "the defence ministry": two
            domain = [c.lower_ for c in tok.children if c.dep_ == "compound" and c.i < tok.i]
            key = " ".join([*domain, key])
        return key, kind, tok
    return None


def _seat(tok: Any) -> str | None:
    """The place after "of" that says whose a government is ("of Norte de Santander"; not
    "of President X", a person's)."""
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ == "of" and p.i == tok.i + 1:
            obj = next((o for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN"), None)
            words = obj.doc[obj.left_edge.i : obj.i + 1] if obj is not None else ()
            if words and not any(t.ent_type_ in ("PERSON", "NORP") for t in words):
                return " ".join(t.text for t in words if t.dep_ != "det") or None
    return None


class Orgs:
    """The organisations of one document's institution nouns, found or made."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.made: dict[str, Made] = {}
        self.ids: dict[str, str] = {}  # group key -> entity id
        used = [int(e.id[1:]) for e in ctx.entities.entities if e.id[1:].isdigit()]
        self.next_id = max(used, default=0) + 1

    def is_made(self, eid: str) -> bool:
        return eid in self.ids.values()

    def force(self, tok: Any) -> str:
        """The state force a soldier speaks for; his rank is no mention of it."""
        key = INSTITUTIONS["military"][0]
        eid = self.organisation(tok, (*INSTITUTIONS["military"], tok), own=False)
        made = self.made.get(key)
        if made is not None and not made.mentions:
            self._add(key, tok, tok)  # no other mention: the rank stands for it
        return eid

    def organisation(self, tok: Any, found: tuple[str, str, Any], *, own: bool = True) -> str:
        """Return the organisation an institution noun at ``tok`` names, made if need be."""
        key, kind, first = found
        if key in SPLIT_BY_DOMAIN:  # "the ministry": the one named last
            key = next((k for k in reversed(self.ids) if k.endswith(" " + key)), key)
        if key in self.ids:
            eid = self.ids[key]
            if own:
                self._add(key, first, tok)
            return eid
        existing = self._existing(tok, key, kind)
        if existing is not None:
            return existing
        eid = f"E{self.next_id}"
        self.next_id += 1
        self.ids[key] = eid
        seat = key.startswith("government of ")
        self.made[key] = Made(key, "Government" + key[len("government") :] if seat else "", kind)
        if own:
            self._add(key, first, tok)
        self._collect(key)
        return eid

    def _existing(self, tok: Any, key: str, kind: str) -> str | None:
        """The organisation of the entities stage that the noun refers back to, if one."""
        ctx = self.ctx
        pos = int(tok.idx)
        lo = ctx.paras[max(0, ctx.para_of(pos) - MAX_PARAGRAPHS)][0]
        best: tuple[int, str] | None = None
        for m, ent in ctx.entities.mentions_in(lo, pos):
            if ent.type != "ORG":
                continue
            last = ent.name.split()[-1].lower()
            fits = INSTITUTION_WORDS.get(last) == key or (
                kind == "state_force" and key == "armed forces" and ent.kind == "state_force"
            )
            if fits and (best is None or m.start > best[0]):
                best = (m.start, ent.id)
        if best is not None:
            return best[1]
        if key == "armed forces":
            forces = {e.id for e in ctx.entities.entities if e.kind == "state_force"}
            if len(forces) == 1:
                return forces.pop()
        return None

    def _add(self, key: str, first: Any, tok: Any) -> None:
        """Record a mention; a name modifying the noun ('Kashmir police') names the whole."""
        made = self.made.get(key)
        if made is None:
            return
        ctx = self.ctx
        start, end = int(first.idx), ctx.tok_end(tok.i)
        for c in sorted(tok.children, key=lambda c: -c.i):
            # "Kashmir police", "the defence ministry": a name or a noun before the head
            if c.dep_ == "compound" and c.i == ctx.tok_at(start) - 1 and c.pos_ in NOUNS:
                start = int(c.idx)
        words = ctx.text[start:end]
        made.mentions.setdefault((start, end), words)
        if key.endswith("ministry"):
            _whose_ministry(made, tok)
        if _rank(words) < _rank(made.name):
            named = words[:1].isupper() and words.lower() not in INSTITUTIONS
            made.name = words if named else words.lower()  # "Police said": "police"

    def _collect(self, key: str) -> None:
        """Add the other mentions of the same institution noun, outside other entities."""
        ctx = self.ctx
        for t in ctx.doc:
            if t.pos_ not in ("NOUN", "PROPN") or t.dep_ in ("amod", "compound"):
                continue
            found = institution(t)
            if found is None or found[0] != key:
                continue
            if ctx.entities.at(int(found[2].idx), ctx.tok_end(t.i)) is not None:
                continue
            if any(
                c.dep_ in ("amod", "compound")
                and ctx.entities.at(int(c.idx), ctx.tok_end(c.i)) is not None
                and c.i < found[2].i
                for c in t.children
            ) and not self._same_qualifier(t, key):
                continue  # "Rwandan troops": another state's
            self._add(key, found[2], t)

    def _same_qualifier(self, tok: Any, key: str) -> bool:
        name = self.made[key].name.lower()
        return all(
            c.lower_ in name.split() for c in tok.children if c.dep_ == "compound" and c.i < tok.i
        )

    def entities(self, stage: str) -> tuple[Entity, ...]:
        """The organisations made here, each with its mentions in text order."""
        out = []
        home: str | None = None
        if any(m.domain is not None and m.country is None for m in self.made.values()):
            home = home_country(list(self.ctx.entities.entities), self.ctx.text)  # only then
        for key, made in self.made.items():
            if made.domain is not None and (made.country or home):
                made.name = f"{made.domain.title()} Ministry of {made.country or home}"
            spans = sorted(made.mentions.items())
            mentions = tuple(Mention(s, e, text, LABEL) for (s, e), text in spans)
            aliases = tuple(dict.fromkeys([made.name, *(m.text for m in mentions)]))
            out.append(
                Entity(
                    id=self.ids[key],
                    name=made.name,
                    type="ORG",
                    mentions=mentions,
                    aliases=aliases,
                    kind=made.kind,
                    confidence=0.7,
                    stage=stage,
                )
            )
        return tuple(sorted(out, key=lambda e: int(e.id[1:])))


def _whose_ministry(made: Made, tok: Any) -> None:
    """Read a ministry's domain and state off its modifiers."""
    for c in tok.children:
        if c.dep_ not in ("compound", "amod", "poss") or c.i > tok.i:
            continue
        state = country_word(c.text)
        if state is not None:
            made.country = made.country or state
        elif c.lower_ in DOMAINS:
            made.domain = made.domain or c.lower_


# every word of an institution's name -> its group key ("troops" -> "armed forces")
INSTITUTION_WORDS = {w: key for w, (key, _kind) in INSTITUTIONS.items() if " " not in w}


def _rank(name: str) -> int:
    """How well a mention names an institution: with a name ('Kashmir police') first, then
    the institution's own word ('army') before its members ('troops', 'soldiers')."""
    if not name:
        return 999
    low = name.lower()
    if name[:1].isupper() and low not in INSTITUTIONS:
        return 0
    head = next((k for k in _NAME_ORDER if low == k or low.endswith(" " + k)), None)
    order = _NAME_ORDER.get(head, len(_NAME_ORDER)) if head else len(_NAME_ORDER)
    return 2 + 2 * order - (low != head)  # "defence ministry" before "ministry"


_NAME_ORDER = {w: i for i, w in enumerate(INSTITUTIONS)}
