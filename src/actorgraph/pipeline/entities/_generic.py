"""Actors the text names by a common noun: a state's forces, its government, unnamed attackers.

News names a state's forces many ways ("Somali troops", "the army", "soldiers") and calls
attackers it cannot name "gunmen". This pass gives each of them one actor:

- the military (or police) of a country: the country its words name ("Malian soldiers",
  "Kenya's army", "the army of Chad"), else the one whose forces the text named last, else
  the country the document is about (the one it names most);
- the government of a country, likewise, unless the text named a government ("the
  Government of National Accord"), which "the government" then refers to;
- attackers: the armed group their words name ("Al Shabaab fighters", "gunmen from X"), or
  for "the militants" the armed group the text named last; else one "Unidentified Armed
  Group" of the document, as ACLED codes them.

Words that make a force someone else's ("pro-government", "Turkish-backed", "rebel",
"foreign", "peacekeeping", "Kurdish", "Haftar's", "forces loyal to X") leave it alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from actorgraph.model import UNIDENTIFIED_GROUP, Entity, Mention
from actorgraph.pipeline.entities._antecedents import Antecedents
from actorgraph.pipeline.entities._nouns import (
    CREEDS,
    DEFINITE,
    GANGS,
    NEEDS_OWNER,
    OTHER_SIDES,
    RULED_BY,
    RULERS,
    SOMEONE_ELSES,
    STATE_WORDS,
    UNNAMED,
    _is_government,
    attacker_word,
    country_name,
    country_word,
    home_country,
    institution,
    is_head,
    owner_needed,
)
from actorgraph.pipeline.entities._owners import (
    known_as,
    of_objects,
    proxied,
    sender_state,
    speaker_state,
)
from actorgraph.pipeline.lexicon import UMBRELLAS
from actorgraph.pipeline.nlp import ParsedDoc, tokens

STAGE = "actors.v1"
LABEL = "generic"
SPLINTERS = frozenset({"dissidents", "splinters"})


@dataclass
class _Actor:
    name: str
    kind: str  # military, police, government or armed_group
    mentions: list[Mention]


class GenericActors(Antecedents):
    """Collect the generic actors of one document, reading its tokens in order."""

    def __init__(self, parsed: ParsedDoc, entities: list[Entity]) -> None:
        self.doc, self.text = parsed.doc, parsed.text
        self.entities = entities
        self.by_char: dict[int, Entity] = {}
        for e in entities:
            for m in e.mentions:
                for c in range(m.start, m.end):
                    self.by_char.setdefault(c, e)
        self.paragraphs = [0]
        i = self.text.find("\n\n")
        while i != -1:
            self.paragraphs.append(i + 2)
            i = self.text.find("\n\n", i + 2)
        self.home = home_country(entities, parsed.text)
        home = next((e for e in entities if e.place and country_name(e) == self.home), None)
        self.home_code = home.place.country if home is not None and home.place else None
        self.actors: dict[str, _Actor] = {}
        self.last: dict[str, tuple[int, str]] = {}  # kind -> (char, key) named last
        self.by_noun: dict[tuple[str, str], str] = {}  # (kind, head noun) -> key named last
        self.claims: dict[str, list[Mention]] = {}  # entity id -> mentions it gains

    # -- what the words around a head say ------------------------------------------
    def owner_words(self, head: Any) -> tuple[list[str], Entity | None, bool, int]:
        """Return (countries, named organisation, someone else's, leftmost token) of a phrase.

        The phrase is the run of words right before the head that say whose the force is
        ("Kenya's", "Mozambican and Rwandan", "security", "pro-government"), not "other"
        or "at least 15"; then "of X" / "from X" after it when those say nothing.
        """
        countries: list[str] = []
        org: Entity | None = None
        blocked = False
        left = head.i
        doc = head.doc
        while left > 0:
            t = doc[left - 1]
            if t.lower_ in {"and", ",", "-", "'s", "’s"}:
                glued = t.lower_ in {"'s", "’s"} or (t.lower_ == "-" and not t.whitespace_)
                listed = (  # "Malian and Rwandan troops": a list of whose
                    (t.lower_ == "and" or (t.lower_ == "," and country_word(doc[left - 2].text)))
                    and left - 2 >= 0
                    and not (  # "the African Union and Somali troops": two phrases
                        head.dep_ == "conj"
                        and head.head.i == left - 2
                        and not country_word(doc[left - 2].text)
                    )
                    and left < head.i
                    and self._whose(doc[left - 2])
                    and self._whose(doc[left])
                )
                if not (glued or listed):
                    break
                left -= 1
                continue
            if t.text == ")" and left >= 4 and doc[left - 3].text == "(" and self._glossed(left):
                left -= 3  # "X (ELN) guerrillas": X's
                continue
            if not self._says(t):
                break
            left -= 1
            ent = self.by_char.get(t.idx)
            named = country_word(t.text)
            if t.lower_ in SOMEONE_ELSES or t.lower_.startswith("pro-"):
                blocked = True
            elif named is not None:
                countries.append(named)
            elif ent is not None and (t.lower_ in GANGS or t.lower_ in CREEDS):
                pass  # "Gang members" opening a sentence, "Islamist militants": no name
            elif ent is not None:
                c = country_name(ent)
                if c is not None:
                    countries.append(c)
                elif (inst := institution(ent)) and inst[1] and is_head(head) == "military":
                    countries.append(inst[1])  # "Somali government forces": the state's
                elif ent.type == "ORG" and ent.kind not in {"media", "company", "ngo"}:
                    org = ent
                elif self._at_home(ent) and self.home is not None:
                    countries.append(self.home)  # "Kashmir police", "Borno authorities"
                else:
                    blocked = True  # "Kurdish forces", "Haftar's forces", a foreign town
        while left < head.i and doc[left].lower_ in {"and", ",", "-", "'s", "’s"}:
            left += 1
        if (not countries or blocked) and org is None:  # "Turkish-backed fighters of X": X's
            for t in of_objects(head):
                ent = self._entity_in(t)
                c = country_name(ent) if ent is not None else None
                if c is not None and not countries:
                    countries.append(c)
                elif c is None and ent is not None and ent.type == "ORG":
                    org = ent
        backed = {c.lower_ for c in head.rights} & {"loyal", "allied", "backed"}
        if backed and head.lower_ != "government":  # a backed government is still its own
            loyal = self._loyal_to(head)
            if loyal is not None and not countries and org is None:
                org = loyal  # "forces loyal to the X Council": the council's own fighters
            elif not countries or backed != {"backed"}:
                blocked = True  # but "Somali forces backed by Y" stay Somalia's
        return list(dict.fromkeys(reversed(countries))), org, blocked, left

    def _loyal_to(self, head: Any) -> Entity | None:
        """The organisation of "forces loyal to X" (a person's are no organisation's)."""
        objects = [t for a in head.rights if a.lower_ == "loyal" for p in a.children
                   if p.lower_ == "to" for t in p.children]  # fmt: skip
        found = [e for e in map(self._entity_in, objects) if e is not None and e.type == "ORG"]
        return found[0] if found else None

    def _at_home(self, ent: Entity) -> bool:
        """A town or region of the country the document is about (not the country)."""
        return (
            ent.type in {"GPE", "LOC"}
            and ent.place is not None
            and self.home_code is not None
            and ent.place.country == self.home_code
        )

    def _whose(self, t: Any) -> bool:
        """A country word or an organisation's name."""
        ent = self.by_char.get(t.idx)
        return country_word(t.text) is not None or (ent is not None and ent.type in {"ORG", "GPE"})

    def _glossed(self, close: int) -> bool:
        """Whether the parenthesis ending before token ``close`` glosses the name before it."""
        inner = self.by_char.get(self.doc[close - 2].idx)
        return inner is not None and inner is self.by_char.get(self.doc[close - 4].idx)

    def _says(self, t: Any) -> bool:
        """A word that can say whose a force is, or what kind of force it is."""
        low = t.lower_
        if t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "compound", "npadvmod"}:
            return False  # "has backed Kenya's military": the verb is no part of the name
        if low in STATE_WORDS or low in SOMEONE_ELSES or low.startswith("pro-"):
            return True
        if country_word(t.text) is not None:
            return True
        ent = self.by_char.get(t.idx)
        return ent is not None and ent.type in {"ORG", "GPE", "NORP", "PERSON", "LOC"}

    def _entity_in(self, tok: Any) -> Entity | None:
        """The entity a phrase headed by ``tok`` names ("the Islamic State group")."""
        found = (self.by_char.get(t.idx) for t in [tok, *sorted(tok.lefts, key=lambda t: -t.i)])
        return next((e for e in found if e is not None), None)

    def _made_into(self, head: Any) -> Entity | None:
        """ "Y, a coalition of rebel groups": the groups are Y's own; "Y, an ethnic rebel
        force": the force is Y."""
        noun = head.head if head.dep_ in {"amod", "compound"} else head
        if noun.dep_ == "appos" and noun.i > noun.head.i:
            ent = self.by_char.get(noun.head.idx)
            if ent is not None and ent.type == "ORG" and ent.kind not in {"government", "media"}:
                return ent
        of, body = noun.head, noun.head.head
        if noun.dep_ != "pobj" or of.lower_ != "of" or body.lemma_ not in UMBRELLAS:
            return None
        ent = self.by_char.get(body.head.idx) if body.dep_ == "appos" else None
        return ent if ent is not None and ent.type == "ORG" else None

    @staticmethod
    def definite(head: Any) -> bool:
        return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children)

    # -- building ----------------------------------------------------------------
    def span(self, head: Any, left: int) -> tuple[int, int]:
        return head.doc[left].idx, head.idx + len(head.text)

    def add(self, key: str, name: str, kind: str, head: Any, left: int) -> None:
        start, end = self.span(head, left)
        actor = self.actors.setdefault(key, _Actor(name, kind, []))
        actor.mentions.append(Mention(start, end, self.text[start:end], LABEL))
        self.last[kind] = (head.idx, key)
        self.by_noun[(kind, head.lower_)] = key

    def claim(self, head: Any, left: int, entity: Entity) -> None:
        start, end = self.span(head, left)
        self.claims.setdefault(entity.id, []).append(
            Mention(start, end, self.text[start:end], LABEL)
        )

    def state(self, head: Any, kind: str) -> None:
        """A military, police or government noun: give it its country's actor."""
        countries, org, blocked, left = self.owner_words(head)
        whose = speaker_state(head, self.by_char) or sender_state(head, self.by_char)
        if kind == "military" and whose is not None:  # "X's ministry said its forces"
            countries, org = [whose], None
        if head.lower_ in {"coalition", "alliance"}:
            self._coalition(head, left)
            return
        if blocked and kind == "military" and org is None and proxied(head, left):
            self.perpetrator(head, proxy=True)  # "Turkish-backed forces": unnamed fighters
            return
        if blocked:
            return
        if org is not None:
            if kind != "government":
                self.claim(head, left, org)
            return
        if not countries:
            said = {t.lower_ for t in head.lefts} & (STATE_WORDS - {"ground", "special", "elite"})
            if head.lower_ in NEEDS_OWNER and not said and not self.definite(head):
                return  # "forces" alone, "ground forces": anyone's
            recent = self.last.get(kind)
            if kind == "embassy" and (recent is None or not self.near(recent[0], head.idx)):
                return  # "the embassy": whose, the text must say (it is seldom the home's)
            lefts = {t.lower_ for t in head.lefts}
            if kind == "government" and head.lower_ not in RULERS and not lefts & RULED_BY:
                named = self._named(head.idx, _is_government)
                if named is None and recent is None:
                    named = self._only(_is_government)
                if named is not None and not self._named_later(named, recent):
                    self.claim(head, left, named)
                    return
            if recent is not None and self.near(recent[0], head.idx) and left == head.i:
                key = self._same_noun(kind, head, recent[1])
                self.add(key, self.actors[key].name, kind, head, left)
                return
            if self.home is None:
                return
            countries = [self.home]
        for country in countries:
            name = {
                "military": f"Military Forces of {country}",
                "police": f"Police Forces of {country}",
                "government": f"Government of {country}",
                "embassy": f"Embassy of {country}",
            }[kind]
            self.add(f"{kind}:{country}", name, kind, head, left)

    def _same_noun(self, kind: str, head: Any, recent: str) -> str:
        """ "Mali army ... French military ... the army": the home force its noun named."""
        home = f"{kind}:{self.home}"
        return home if self.by_noun.get((kind, head.lower_)) == home else recent

    def _named_later(self, named: Entity, recent: tuple[int, str] | None) -> bool:
        """Whether the state's own government was told of after the named one last was."""
        if recent is None:
            return False
        return all(m.start < recent[0] for m in named.mentions)

    def _coalition(self, head: Any, left: int) -> None:
        """ "The Saudi-led coalition": states at war together, named by their leader."""
        words = [t for t in head.doc[left : head.i]]
        if not any(t.lower_ == "led" for t in words):
            recent = self.last.get("military")  # "the coalition", "coalition warplanes"
            if recent and recent[1].startswith("coalition:") and self.near(recent[0], head.idx):
                self.add(recent[1], self.actors[recent[1]].name, "military", head, left)
            return
        leader = next((c for t in words if (c := country_word(t.text)) is not None), None)
        if leader is None:
            return
        name = f"{leader}-led coalition"
        self.add(f"coalition:{leader}", name, "military", head, left)

    def perpetrator(self, head: Any, *, proxy: bool = False) -> None:
        """An attacker noun: the armed group it names, the one named last, or an unknown one."""
        countries, org, blocked, left = self.owner_words(head)
        org = org or self._made_into(head)
        if org is not None and head.lower_ in SPLINTERS:
            # "FARC dissidents": a group of their own, linked to the one they left
            self.add(f"splinter:{org.id}", f"{org.name} {head.lower_}", "armed_group", head, left)
            return
        if org is not None:
            self.claim(head, left, org)
            return
        if head.lower_ in SPLINTERS:
            return
        called = known_as(head, self.by_char)
        if called is not None:  # "allied militias known as X": X
            self.claim(head, left, called)
            return
        proxy = proxy or (blocked and proxied(head, left))
        words = {t.lower_ for t in head.subtree if t.i < head.i}
        unid = self.last.get("armed_group")
        someones = any(c.lower_ in {"loyal", "allied", "backed"} for c in head.rights) or any(
            c.lower_ == "allied" and c.dep_ == "amod" for c in head.lefts
        )  # "militias loyal to X", "allied militias": someone's allies, not the group named
        if self.definite(head) and not words & UNNAMED and not someones:
            named = self._named(head.idx, self._armed)
            if named is not None and self._since(named, head.idx, unid):
                self.claim(head, left, named)
                return
        if self._bare(head) and not words & (UNNAMED | OTHER_SIDES) and not someones:
            named = self._only_so_far(head.idx, self._armed)
            if named is not None and self._since(named, head.idx, unid):
                self.claim(head, left, named)
                return
        if not proxy and owner_needed(head, words) and not (unid and self.definite(head)):
            return
        if not proxy and blocked and not countries:
            return
        name = f"{UNIDENTIFIED_GROUP} ({self.home})" if self.home else UNIDENTIFIED_GROUP
        while left > 0 and (
            head.doc[left - 1].lower_ in UNNAMED | {"suicide"}
            or (head.doc[left - 1].pos_ == "ADV" and head.doc[left].lower_ == "armed")
        ):
            left -= 1  # "suspected militants", "heavily armed men", "suicide bombers"
        self.add("unidentified", name, "armed_group", head, left)

    def protester(self, head: Any) -> None:
        """People protesting: the organisation their words name, else the document's
        protesters (rioters apart) of its country."""
        countries, org, _, left = self.owner_words(head)
        if org is not None:
            self.claim(head, left, org)
            return
        country = countries[0] if countries else self.home
        label = "Rioters" if head.lower_ == "rioters" else "Protesters"
        name = f"{label} ({country})" if country else label
        self.add(f"{label}:{country}", name, "protesters", head, left)


def find_generic(parsed: ParsedDoc, entities: list[Entity]) -> GenericActors:
    """Read the document's generic actor phrases; the result says who gains which mention."""
    found = GenericActors(parsed, entities)
    for tok in tokens(parsed.doc):
        what = is_head(tok)
        word = what is None and attacker_word(tok) is not None
        what = "perpetrator" if word else what
        if what is None:
            continue
        inside = found.by_char.get(tok.idx)
        if word and inside is not None and inside.type == "NORP":
            pass  # "an Islamist attack": a creed's word, not the name of who attacked
        elif inside is not None and institution(inside) is None and not inside.name.islower():
            continue  # part of a name: "Special Forces", "the Free Army"
        if what == "perpetrator":
            found.perpetrator(tok)
        elif what == "protester":
            found.protester(tok)
        else:
            found.state(tok, what)
    return found
