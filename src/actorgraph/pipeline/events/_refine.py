"""Make the events found in the parse fit how news tells them.

- **Participants**: an actor or target is a person, an organisation or a country; a town
  or region in those slots is where it happened, an adjective ("Islamist") is no one.
- **Not events**: trends and habits ("has been battling a wave of violence", "has been
  attacked three times", "frequent attacks") and the violent words of elections, sport and
  debate ("Clinton beats Trump", "a campaign rally", "the battle for votes").
- **Where**: the places its sentence puts things in, else the first paragraph's dateline.
- **Casualties**: the counts its sentence gives, each on the event whose trigger governs it;
  a toll a later sentence gives for the same event is another source's.
- **Who, when the text goes on**: "four insurgents were killed on Monday" after "troops
  killed 14 insurgents" keeps the troops as the actor.
- **One happening, one event**: the lead and a later sentence (or a quote) that tell the
  same attack with compatible participants, place and date are one event.
"""

from __future__ import annotations

import bisect
import datetime as dt
from typing import Any

from actorgraph.model import UNIDENTIFIED_GROUP, Entity
from actorgraph.pipeline.entities import EntityResult, country_name, home_country
from actorgraph.pipeline.events._acts import headline, headline_paragraph
from actorgraph.pipeline.events._casualties import Count, bare_toll, counts
from actorgraph.pipeline.events._filters import (
    background,
    concrete,
    cumulative,
    lasting,
    record,
    running_total,
    since,
    unfounded,
)
from actorgraph.pipeline.events._found import (
    Found,
    absorb,
    another,
    counts_agree,
    counts_differ,
    dates_agree,
    lone_claim,
    same_victims,
    told_again,
    told_by_subject,
)
from actorgraph.pipeline.events._lexicon import words
from actorgraph.pipeline.events._resolver import ARMED_KINDS, PLACE_TYPES
from actorgraph.pipeline.events._sides import Sides
from actorgraph.pipeline.events._where import SAYS, Where
from actorgraph.pipeline.layout import Layout
from actorgraph.pipeline.lexicon import capitals
from actorgraph.pipeline.nlp import children, paragraph_starts, tokens

SPEECH_ACTS = frozenset(
    {"ACCUSE", "REQUEST", "THREATEN", "REJECT", "SUPPORT", "AGREE", "CONSULT", "COOPERATE",
     "AID", "SANCTION", "CONCEDE"}
)  # fmt: skip
_TOLL_HOSTS = frozenset({"ASSAULT", "COERCE", "PROTEST"})  # acts a sentence's toll can be of
# Speech acts aimed at a government a capital can stand for ("Islamabad accuses Kabul").
AIMED_SPEECH = frozenset({"ACCUSE", "REQUEST", "THREATEN", "REJECT", "SANCTION"})
HABIT_WORDS = words(
    "frequent frequently regularly repeatedly often routinely sometimes usually times "
    "daily near-daily periodic periodically occasional occasionally constant constantly"
)
NONVIOLENT = words(
    "election elections electoral vote votes voters voting poll polls polling percent "
    "percentage points debate debates campaign campaigns ad ads primary primaries ballot "
    "ballots nomination nominee candidate candidates match game games season league score "
    "scored goal goals tournament championship cup finals team teams court lawsuit verdict "
    "market markets stocks shares prices ratings viewers audience fans"
)
PROTEST_WORDS = words(
    "protest protests protesters protestors demonstrators demonstration demonstrations "
    "against demand demands demanding march marchers strike strikers"
)
LEAD_PARAGRAPHS = 1  # the story's first paragraph sums up what later ones detail
LOOKBACK = 8  # events back that a new one may repeat or continue (besides the lead's)


class Refiner(Where):
    """The document's entities, paragraphs and dateline, for refining its events."""

    def __init__(
        self, text: str, entities: EntityResult, page: Layout, reference: dt.date | None
    ) -> None:
        self.entities = entities
        self.sides = Sides(entities)
        self.page = page
        self.reference = reference
        self.home = home_country(list(entities.entities), text)
        home = next(
            (x for x in entities.entities if x.place and country_name(x) == self.home), None
        )
        self.home_code = home.place.country if home is not None and home.place else None
        self.paragraphs = paragraph_starts(text)
        # unnamed group -> the named groups that replaced it, and the sentences where
        self.replaced: dict[str, tuple[set[str], list[tuple[int, int]]]] = {}
        first = next((p for p in self.paragraphs if text[p:].strip()), 0)
        self.first_paragraph = self.paragraph(first)
        self.lead_end = self.first_paragraph + LEAD_PARAGRAPHS - 1 + headline_paragraph(text, first)

    def paragraph(self, char: int) -> int:
        return bisect.bisect_right(self.paragraphs, char) - 1

    # -- participants ------------------------------------------------------------
    def vet(self, f: Found) -> None:
        """Keep people, organisations and countries as participants; places go to where."""
        for role in ("actors", "targets"):
            kept = []
            for eid in getattr(f.args, role):
                e = self.entities.by_id(eid)
                if e is None:
                    continue
                if self._only_dateline(e):
                    continue
                if e.type in {"PERSON", "ORG"} or (e.type == "GPE" and country_name(e)):
                    kept.append(eid)
                elif e.type == "NORP" and any(m.text.endswith("s") for m in e.mentions):
                    kept.append(eid)  # a people or a faith as a group ("Kurds", "Shiites")
                elif f.type in (SPEECH_ACTS if role == "actors" else AIMED_SPEECH) and (
                    e.name in capitals()
                ):  # "Berlin rejected the call", "accused Kabul of": the capital's government
                    kept.append(eid)
                elif e.type in PLACE_TYPES and eid not in f.args.locations:
                    f.args.locations.append(eid)
            setattr(f.args, role, kept)

    def _only_dateline(self, e: Entity) -> bool:
        return all(self.page.in_dateline(m.start, m.end) for m in e.mentions)

    def armed(self, f: Found) -> bool:
        ids = [*f.args.actors, *f.args.targets]
        return any((e := self.entities.by_id(i)) is not None and e.kind in ARMED_KINDS for i in ids)

    # -- not events ----------------------------------------------------------------
    @staticmethod
    def habitual(f: Found) -> bool:
        """A trend or a habit rather than one happening."""
        t = f.trigger
        verb = t
        while f.noun and verb.dep_ in {"dobj", "pobj", "prep"} and verb.head.i != verb.i:
            verb = verb.head  # "has been grappling with an insurgency"
        aux = {c.lower_ for c in children(verb) if c.dep_ in {"aux", "auxpass"}}
        if verb.tag_ == "VBG" and aux & {"has", "have", "had"} and "been" in aux:
            return True  # "has been battling a wave of violence"
        if verb.tag_ == "VBN" and aux & {"has", "have"} and (since(verb) or lasting(verb)):
            return True  # "has fought the army since 2019 (for years)": a standing war
        if cumulative(verb) or (verb.tag_ == "VBN" and running_total(f.sent)):
            return True  # "has killed more than 13,000 people", "... according to a tally"
        if verb.tag_ == "VBN" and aux & {"has", "have"} and record(f, verb):
            return True  # "which has carried out attacks across the Sahel": a record
        near = [*children(t), *(children(verb) if verb is not t else [])]
        return any(c.lower_ in HABIT_WORDS for c in near for c in [c, *children(c)])

    def metaphor(self, f: Found) -> bool:
        """An election, a game or a debate told in violent words."""
        if f.type not in {"ASSAULT", "PROTEST", "COERCE"} or f.casualties or self.armed(f):
            return False
        lows = {t.lower_ for t in f.sent}
        if f.type == "PROTEST" and f.trigger.lemma_.lower() == "rally":
            return not lows & PROTEST_WORDS  # a campaign rally
        if f.mode and f.mode not in {"beat"}:
            return False  # a weapon was named
        return bool(lows & NONVIOLENT)

    # -- casualties --------------------------------------------------------------
    def casualties(self, found: list[Found]) -> None:
        """Give each sentence's counts to the event whose trigger governs them."""
        by_sentence: dict[int, list[Found]] = {}
        for f in found:
            by_sentence.setdefault(f.sent.start, []).append(f)
        for events in by_sentence.values():
            for c in counts(events[0].sent):
                target = _governed(c, events)
                if target is not None and not any(
                    x.kind == c.kind and x.start == c.start for x in target.casualties
                ):
                    target.casualties.append(c)

    def other_tolls(self, doc: Any, found: list[Found]) -> None:
        """A sentence that only gives a toll ("the group said 21 were killed") gives another
        source's count of the last attack before it, in its paragraph or the one before."""
        # a sentence whose own act can take its counts; "accusing X of ..." takes none
        hosts = {f.sent.start for f in found if f.type in _TOLL_HOSTS or f.casualties}
        attacks = sorted((f for f in found if f.type == "ASSAULT"), key=lambda f: f.sent.start)
        starts = [f.sent.start for f in attacks]
        toks = tokens(doc)  # made once: a walk of the sentence would make new tokens
        for sent in doc.sents:
            said = any(
                t.lemma_.lower() in SAYS or t.lower_ == "toll" for t in toks[sent.start : sent.end]
            )
            i = bisect.bisect_left(starts, sent.start) - 1
            if sent.start in hosts or i < 0 or not (said or bare_toll(sent, attacks[i])):
                continue  # "the group said 21 were killed", "the death toll rose to 20"
            if running_total(sent):
                continue  # "200 have been killed since October": no one attack's toll
            host = attacks[i]
            if self.paragraph(sent.start_char) - self.paragraph(host.sent.start_char) > 1:
                continue
            for c in counts(sent):
                if c.kind in {"killed", "injured"} and not any(
                    x.kind == c.kind and x.value == c.value for x in host.casualties
                ):
                    host.casualties.append(c)

    # -- who, when the text goes on ------------------------------------------------
    def carry_actor(self, found: list[Found]) -> None:
        """An attack with victims but no attacker keeps the last attacker of those victims
        (within two paragraphs)."""
        for i, f in enumerate(found):
            if f.type != "ASSAULT" or f.args.actors or not f.args.targets:
                continue
            here = self.paragraph(f.sent.start_char)
            for k in reversed(found[max(0, i - LOOKBACK) : i]):
                if here - self.paragraph(k.sent.start_char) > 2:
                    break
                if (
                    k.type == "ASSAULT"
                    and k.args.actors
                    and set(k.args.targets) & set(f.args.targets)
                ):
                    f.args.actors = [a for a in k.args.actors if a not in f.args.targets]
                    f.confidence = 0.5
                    break

    # -- one happening, one event --------------------------------------------------
    def corefer(self, found: list[Found]) -> list[Found]:
        """Merge the events that tell one happening; keep the first telling's order."""
        out: list[Found] = []
        lead: list[Found] = []  # the lead's events, which any later telling may repeat
        for f in found:
            here = self.paragraph(f.sent.start_char)
            recent = []
            for k in reversed(out[-LOOKBACK:]):
                if here - self.paragraph(k.sent.start_char) > 1:
                    break
                recent.append(k)
            same = next((k for k in [*recent, *lead] if self._same(k, f)), None)
            if same is not None:
                absorb(same, f)
                continue
            out.append(f)
            if here <= self.lead_end and len(lead) < LOOKBACK:
                lead.append(f)
        for f in out:
            if f.sentences:  # told more than once: one telling may name who "rebels" were
                self._unnamed_named(f)
        return out

    def _same(self, k: Found, f: Found) -> bool:
        if k.type != f.type or not dates_agree(k, f) or k.sent.start == f.sent.start:
            return False  # one sentence's events were merged, or kept apart, already
        if k.type != "ASSAULT" and k.mode and f.mode and k.mode != f.mode:
            return False  # "seized the town", then "arrested the wife": two coercions
        if (k.date is None) != (f.date is None) and background(k.date or f.date, self.reference):
            return False  # "two weeks ago, X attacked": not what the lead tells
        lead_k = self.paragraph(k.sent.start_char) <= self.lead_end
        if counts_differ(k, f) or (another(f) and not (lead_k and same_victims(k, f))):
            return False  # "in a separate incident": not the one before, maybe the lead's
        kn = self.sides.family(self.sides.named(k.args.actors, f.args.actors))
        fn = self.sides.family(self.sides.named(f.args.actors, k.args.actors))
        ka, fa = self.sides.sides(kn), self.sides.sides(fn)
        if ka and fa and not ka & fa:
            return False
        kt, ft = set(k.args.targets), set(f.args.targets)
        kst = {t for t in kt if not self._is_country(t)}  # "attacked northern X": coarse
        fst = {t for t in ft if not self._is_country(t)}
        if kst and fst and not kst & fst and not told_by_subject(f):
            return False  # but "the strike killed Y" tells the strike again, Y its victim
        if set(f.args.actors) & kt and not set(f.args.actors) & set(k.args.actors):
            return False  # the other side's attack
        kl = {i for i in k.args.locations if not self._is_country(i)}
        fl = {i for i in f.args.locations if not self._is_country(i)}
        apart = kl and fl and not kl & fl and not self.nested(kl, fl)
        retold = told_by_subject(f) or told_again(f)  # "the strike (on X)": told before
        if apart and not retold and not self.named_beside(k, f, kl, fl):
            return False
        shared = bool(
            set(k.args.actors) & set(f.args.actors)
            or kn & fn
            or kt & ft
            or (kt and fst and not kst)  # the country attacked, then its forces
            or (not kt and fst and any(self._is_country(i) for i in k.args.locations))
            or (not ft and kst and any(self._is_country(i) for i in f.args.locations))
            or (
                kl & fl
                and self.paragraph(f.sent.start_char) - self.paragraph(k.sent.start_char) <= 1
            )
            or (k.date is not None and f.date is not None and k.date.value == f.date.value)
            or told_again(f)
            or told_by_subject(f)
            or (ka & fa and headline(k.sent))  # the headline's act by the lead's side
            or counts_agree(k, f)
            or same_victims(k, f)
            or self._its_toll(k, f)
        )
        kp, fp = self.paragraph(k.sent.start_char), self.paragraph(f.sent.start_char)
        near = fp - kp <= 1
        lead = kp <= self.lead_end
        return shared and (near or lead)

    def _its_toll(self, k: Found, f: Found) -> bool:
        """ "X attacked a base on Monday. Five soldiers were killed, a source said.": the
        victims the next sentence counts, with no attacker of their own, are the attack's."""
        last = max((k.sent, *k.sentences), key=lambda s: s.start)
        return (
            not f.args.actors
            and bool(f.casualties)
            and bool(k.args.actors)
            and f.sent.start == last.end
            and self.paragraph(f.sent.start_char) == self.paragraph(last.start_char)
        )

    def _unnamed_named(self, f: Found) -> None:
        """One telling's "rebels" are the armed group another telling names: the headline's
        "Rebels kill five soldiers" and the lead's "Fighters of the X killed five soldiers"."""
        named = [
            i
            for i in f.args.actors
            if (e := self.entities.by_id(i)) is not None
            and e.kind == "armed_group"
            and not e.name.startswith(UNIDENTIFIED_GROUP)
        ]
        if not named:
            return
        kept = []
        for i in f.args.actors:
            e = self.entities.by_id(i)
            if e is None or not e.name.startswith(UNIDENTIFIED_GROUP):
                kept.append(i)
                continue
            by, where = self.replaced.setdefault(i, (set(), []))
            by.update(named)
            where.extend((x.start_char, x.end_char) for x in (f.sent, *f.sentences))
        f.args.actors = kept

    def same_as(self) -> dict[str, str]:
        """The unnamed groups that were, wherever the text mentions them, one named group
        (a headline's "Rebels"): unnamed id -> named id."""
        out = {}
        for unnamed, (by, where) in self.replaced.items():
            e = self.entities.by_id(unnamed)
            if e is None or len(by) != 1:
                continue
            if all(any(a <= m.start and m.end <= b for a, b in where) for m in e.mentions):
                out[unnamed] = next(iter(by))
        return out


def _governed(c: Count, events: list[Found]) -> Found | None:
    """The event of the sentence a count belongs to: its trigger governs the count (or is
    governed by the same verb), else the first attack (or arrest) of the sentence."""
    g = c.governor
    wanted = {"arrested": "COERCE"}.get(c.kind, "ASSAULT")
    exact = [f for f in events if f.trigger.i == g.i or g in f.args.heads]
    near = [
        f
        for f in events
        if f.trigger in g.ancestors or g in f.trigger.ancestors or f.trigger.head.i == g.i
    ]
    hurting = [f for f in near if f.type in _TOLL_HOSTS]  # never "said, accusing X of"
    for group in (exact, [f for f in near if f.type == wanted], hurting):
        if group:
            return group[0]
    return next((f for f in events if f.type == wanted), None)


def refine(
    found: list[Found],
    text: str,
    entities: EntityResult,
    page: Layout,
    reference: dt.date | None = None,
) -> tuple[list[Found], dict[str, str], list[Found]]:
    """Return the events of a document refined as the module docstring says, the unnamed
    groups found to be a named one (``Refiner.same_as``) and the standing wars told as a
    habit, which are no events."""
    r = Refiner(text, entities, page, reference)
    kept, wars = [], []
    for f in found:
        r.vet(f)
        if not (f.args.actors or f.args.targets) and not concrete(f):
            continue  # no one, to no one, nowhere: nothing an analyst can use
        if r.habitual(f) and f.type == "ASSAULT" and f.args.actors and f.args.targets:
            wars.append(f)  # "has fought the army since 2019": no one act, but a war
        if r.habitual(f) or unfounded(f):
            continue
        kept.append(f)
    r.casualties(kept)
    if kept:
        r.other_tolls(kept[0].sent.doc, kept)
    kept = [f for f in kept if not r.metaphor(f)]
    for f in kept:
        r.place(f)
    r.carry_actor(kept)
    kept = [f for f in r.corefer(kept) if not lone_claim(f)]
    return kept, r.same_as(), wars
