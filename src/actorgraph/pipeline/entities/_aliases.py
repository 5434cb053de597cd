"""Within-document alias resolution: one entity per actor, every spelling an alias.

Surface groups from `entities.py` are merged by general rules, each evidenced by the text:
a known actor's names (lexicon), a bare surname or first name joining the one full name it
fits, a misspelled full name joining its closest spelling, acronyms (initials or a
parenthesis), "aka"/"also known as" names, demonyms joining their country, and "the group"
/ "the militia" / "the army" referring back to the organisation the text last named.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from dataclasses import replace

from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler

from actorgraph.model import Entity
from actorgraph.pipeline.entities import _anaphora
from actorgraph.pipeline.entities._extract import EntityResult
from actorgraph.pipeline.entities._kinds import branch_kind, kind_from_context
from actorgraph.pipeline.entities._variants import join_short_forms, place_name
from actorgraph.pipeline.layout import Layout, layout
from actorgraph.pipeline.lexicon import (
    NAME_PARTICLES,
    ORG_HEADS,
    PERSON_TITLES,
    KnownActor,
    lookup_actor,
)
from actorgraph.pipeline.limits import check_time
from actorgraph.pipeline.nlp import ParsedDoc

STAGE = "aliases.v2"
_AKA = re.compile(
    rf"^\s*(?:(?:{'|'.join(sorted(ORG_HEADS))})\s*)?(?:,\s*)?"
    r"(?:\(\s*|(?:aka|a\.k\.a\.?|also known as|also called|known as|formerly known as|or)\s+)"
    r"(?:the\s+)?[\"“‘']?\s*$",
    re.IGNORECASE,
)
_TYPE_RANK = {"PERSON": 0, "ORG": 1, "GPE": 2, "LOC": 3, "FAC": 4, "NORP": 5, "EVENT": 6, "LAW": 7}
_STOP = {"of", "the", "and", "for", "in", "on", "al", "el", "de", "la"}
_ACRONYM = re.compile(r"^[A-Z][A-Z.&-]{1,9}$")


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def name_tokens(name: str) -> list[str]:
    """Split a person's name into tokens without titles."""
    toks = [t for t in re.split(r"\s+", name.strip()) if t]
    while len(toks) > 1 and toks[0].lower().rstrip(".") in PERSON_TITLES:
        toks = toks[1:]
    return toks


def strip_particle(token: str) -> str:
    low = token.lower()
    for p in NAME_PARTICLES:
        if low.startswith(p) and len(low) > len(p) + 1:
            return low[len(p) :]
    return low


def surname_key(name: str) -> str:
    toks = name_tokens(name)
    return strip_particle(toks[-1]) if toks else ""


def initials(name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in _STOP]
    return "".join(w[0].upper() for w in words if w[0].isalpha())


def _core(name: str) -> str:
    """An org name without a trailing generic head ("Badr Organization" -> "badr")."""
    toks = name.split()
    if len(toks) > 1 and toks[-1].lower() in ORG_HEADS:
        toks = toks[:-1]
    return " ".join(toks).lower()


def _is_full_person(e: Entity) -> bool:
    return e.type == "PERSON" and len(name_tokens(e.name)) >= 2


def resolve_aliases(parsed: ParsedDoc, found: EntityResult) -> EntityResult:
    """Merge surface groups that name the same actor and settle each actor's type and kind."""
    ents = list(found.entities)
    n = len(ents)
    uf = _Union(n)
    known: dict[int, KnownActor] = {}

    # 1. Known actors: every listed name of one actor joins it.
    by_known: dict[str, int] = {}
    for i, e in enumerate(ents):
        k = lookup_actor(e.name)
        # A listed name wins over the model's label, a person's too ("Hamas" as PERSON):
        # the lexicon holds only names that mean one actor in the news.
        if k is not None and (
            k.type == e.type or e.type in {"NORP", "GPE", "ORG", "LOC", "PERSON"}
        ):
            known[i] = k
            if k.canonical in by_known:
                uf.union(by_known[k.canonical], i)
            else:
                by_known[k.canonical] = i

    # 2. The same multi-word name in other capitals ("Republican party", "Republican Party").
    by_fold: dict[str, int] = {}
    for i, e in enumerate(ents):
        if len(e.name.split()) > 1 and not e.name.isupper():
            key = f"{e.type}:{e.name.casefold()}"
            if key in by_fold:
                uf.union(by_fold[key], i)
            else:
                by_fold[key] = i

    join_short_forms(ents, uf.union, known)

    # 2b. People: misspelled full names with the same first name join.
    full = [i for i, e in enumerate(ents) if _is_full_person(e) and i not in known]
    names = _FullNames(ents, full)
    same_first: dict[tuple[str, int], list[int]] = {}
    for n in range(len(full)):
        same_first.setdefault((names.first[n], len(names.tokens[n])), []).append(n)
    for group in same_first.values():
        keys = [names.surname[n] for n in group]
        for g in range(len(group) - 1):
            check_time("aliases (misspelled names)")
            for _, _, h in process.extract(
                keys[g], keys[g + 1 :], scorer=JaroWinkler.similarity, score_cutoff=0.92, limit=None
            ):
                uf.union(full[group[g]], full[group[g + 1 + h]])

    # 3. A bare surname (or first name) joins the one full name it fits.
    for i, e in enumerate(ents):
        if i in known or len(e.name.split()) != 1 or e.type not in _NAME_LABELS:
            continue
        key = strip_particle(e.name)
        if not key[:1].isalpha() or e.name.isupper():
            continue
        check_time("aliases (surnames)")
        target = _surname_target(names, uf, key, first_mention=e.mentions[0].start)
        if target is not None:
            uf.union(target, i)

    # 3b. The last words of one longer name ("Suu Kyi" of "Aung San Suu Kyi") join it.
    people = [i for i, e in enumerate(ents) if e.type == "PERSON" and i not in known]
    by_tail: dict[str, set[int]] = {}
    for j in people:
        words = ents[j].name.split()
        for cut in range(1, len(words) - 1):
            by_tail.setdefault(" ".join(words[cut:]), set()).add(j)
    for i in people:
        longer = {uf.find(j) for j in by_tail.get(ents[i].name, ())}
        if len(longer) == 1:
            uf.union(longer.pop(), i)

    # 4. Organisations: acronyms, "aka" names and "X" for "X Organization".
    orgs = [i for i, e in enumerate(ents) if e.type == "ORG" and i not in known]
    by_initials: dict[str, list[int]] = {}
    by_core: dict[str, list[int]] = {}
    for j in orgs:
        if len(ents[j].name.split()) > 1:
            by_initials.setdefault(initials(ents[j].name), []).append(j)
            by_core.setdefault(_core(ents[j].name), []).append(j)
    for i in orgs:
        name = ents[i].name
        if _ACRONYM.match(name):
            targets = by_initials.get(name.replace(".", ""), [])
        elif len(name.split()) == 1:
            targets = by_core.get(name.lower(), [])
        else:
            continue
        for j in targets:
            if j != i:
                uf.union(j, i)
    _link_aka(parsed.text, ents, uf)

    # 5. Demonyms join their country when the lexicon does not know them.
    # (the first country whose name is the stem and at most three more letters)
    country_of_stem: dict[str, int] = {}
    for j, e in enumerate(ents):
        if e.type == "GPE":
            gname = e.name.lower()
            for extra in range(min(3, len(gname)) + 1):
                country_of_stem.setdefault(gname[: len(gname) - extra], j)
    for i, e in enumerate(ents):
        if e.type != "NORP" or i in known:
            continue
        stem = _demonym_stem(e.name)
        if len(stem) >= 4 and stem in country_of_stem:
            uf.union(country_of_stem[stem], i)

    merged = _build(parsed, ents, uf, known)
    return EntityResult(_anaphora.attach_anaphors(parsed, merged))


_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


class _FullNames:
    """The full-name people of a document, indexed by surname, first name and initial."""

    def __init__(self, ents: list[Entity], full: list[int]) -> None:
        self.ids = full  # index into the entity list
        self.tokens = [name_tokens(ents[j].name) for j in full]
        self.first = [t[0].lower() for t in self.tokens]
        self.surname = [strip_particle(t[-1]) for t in self.tokens]
        self.starts = [sorted(m.start for m in ents[j].mentions) for j in full]
        self.by_surname: dict[str, list[int]] = {}
        self.by_first: dict[str, list[int]] = {}
        self.by_initial: dict[str, list[int]] = {}  # surnames by their first letter
        for k, (first, sk) in enumerate(zip(self.first, self.surname, strict=True)):
            self.by_surname.setdefault(sk, []).append(k)
            self.by_first.setdefault(first, []).append(k)
            self.by_initial.setdefault(sk[:1], []).append(k)

    def last_before(self, k: int, char: int) -> int:
        """Return the start of full name k's latest mention before ``char``, or -1."""
        i = bisect.bisect_left(self.starts[k], char)
        return self.starts[k][i - 1] if i else -1

    def near_surnames(self, key: str) -> list[int]:
        """Return the full names whose surname is not ``key`` but within 0.95 Jaro-Winkler."""
        ks = self.by_initial.get(key[:1], [])
        found = process.extract(
            key,
            [self.surname[k] for k in ks],
            scorer=JaroWinkler.similarity,
            score_cutoff=0.95,
            limit=None,
        )
        return [ks[h] for sk, _, h in found if sk != key]


def _surname_target(names: _FullNames, uf: _Union, key: str, *, first_mention: int) -> int | None:
    """Return the full-name person a bare name refers to: exact surname, then first name."""
    for pick in ("surname", "near", "first"):
        if pick == "surname":
            ks = names.by_surname.get(key, [])
        elif pick == "near":
            ks = names.near_surnames(key)
        else:
            ks = names.by_first.get(key, [])
        table: dict[int, int] = {}  # root -> latest mention start before first_mention (or -1)
        for k in ks:
            r = uf.find(names.ids[k])
            table[r] = max(table.get(r, -2), names.last_before(k, first_mention))
        if pick == "near":  # a misspelling only of a name already given ("Barire" is a town)
            table = {r: v for r, v in table.items() if v >= 0}
        if len(table) == 1:
            return next(iter(table))
        if len(table) > 1:  # several people share it: the one named most recently before
            best = max(table.items(), key=lambda kv: kv[1])
            if best[1] >= 0 and sum(1 for v in table.values() if v == best[1]) == 1:
                return best[0]
            return None
    return None


def _link_aka(text: str, ents: list[Entity], uf: _Union) -> None:
    """Join `X, aka the "Y"`, `X (Y)`, `X, also known as Y`: adjacent mentions of two names."""
    spans = sorted((m.start, m.end, i) for i, e in enumerate(ents) for m in e.mentions)
    for (_s1, e1, i), (s2, _e2, j) in itertools.pairwise(spans):
        if i == j or s2 - e1 > 40 or ents[i].type not in {"ORG", "PERSON"}:
            continue
        if _AKA.match(text[e1:s2]) and ents[j].type in {"ORG", "PERSON", "GPE", "NORP"}:
            if text[e1:s2].strip(" ,").lower() == "or" and ents[i].type != ents[j].type:
                continue
            uf.union(i, j)


def _demonym_stem(name: str) -> str:
    low = name.lower()
    for suffix in ("ians", "ian", "ans", "an", "is", "i", "ese", "ish", "s"):
        if low.endswith(suffix) and len(low) - len(suffix) >= 4:
            return low[: -len(suffix)]
    return ""


def _build(
    parsed: ParsedDoc, ents: list[Entity], uf: _Union, known: dict[int, KnownActor]
) -> list[Entity]:
    members: dict[int, list[int]] = {}
    for i in range(len(ents)):
        members.setdefault(uf.find(i), []).append(i)
    out: list[Entity] = []
    for group in members.values():
        mentions = sorted((m for i in group for m in ents[i].mentions), key=lambda m: m.start)
        k = next((known[i] for i in group if i in known), None)
        typ = _settle_type(ents, group, k, layout(parsed.text))
        name = k.canonical if k is not None else _canonical(ents, group, typ)
        aliases = list(dict.fromkeys(" ".join(m.text.split()) for m in mentions))
        if name not in aliases:
            aliases.insert(0, name)
        kind = None
        if typ == "ORG":
            kind = (k.kind if k else None) or branch_kind(name)
            kind = kind or kind_from_context(parsed, name, mentions)
        votes = Counter(m.label for m in mentions)
        out.append(
            Entity(
                id="",
                name=name,
                type=typ,
                kind=kind,
                mentions=tuple(mentions),
                aliases=tuple(aliases),
                confidence=round(votes.get(typ, 0) / len(mentions), 3) if k is None else 1.0,
                stage=STAGE,
            )
        )
    out.sort(key=lambda e: e.mentions[0].start)
    return [replace(e, id=f"E{i}") for i, e in enumerate(out, 1)]


def _settle_type(ents: list[Entity], group: list[int], k: KnownActor | None, page: Layout) -> str:
    if k is not None:
        return k.type
    if any(page.in_dateline(m.start, m.end) for i in group for m in ents[i].mentions):
        return "GPE"  # a dateline names the place the story was filed from
    if any(_is_full_person(ents[i]) for i in group):
        return "PERSON"
    if any(place_name(ents[i].name) for i in group):
        return "GPE"  # "Nangarhar province" says what "Nangarhar" is
    votes: Counter[str] = Counter()
    for i in group:
        weight = len(ents[i].mentions) * (2 if len(ents[i].name.split()) > 1 else 1)
        votes[ents[i].type] += weight
    return min(votes, key=lambda t: (-votes[t], _TYPE_RANK.get(t, 9)))


def _canonical(ents: list[Entity], group: list[int], typ: str) -> str:
    """The fullest name: most tokens, then the spelling its other mentions agree with."""
    counts: Counter[str] = Counter()
    for i in group:
        counts[ents[i].name] += len(ents[i].mentions)
    names = list(counts)
    if typ == "PERSON":
        surnames = Counter(
            strip_particle(n) for n in names for _ in range(counts[n]) if len(n.split()) == 1
        )
        return max(
            names,
            key=lambda n: (
                len(name_tokens(n)) - (len(n.split()) - len(name_tokens(n))),
                surnames.get(surname_key(n), 0),
                counts[n],
            ),
        )
    first: dict[str, int] = {}
    for i in group:
        start = min(m.start for m in ents[i].mentions)
        first[ents[i].name] = min(first.get(ents[i].name, start), start)
    full = [n for n in names if not _ACRONYM.match(n)] or names
    longest = max(len(n.split()) for n in full)
    # the earliest of the fullest non-acronym names
    return min((n for n in full if len(n.split()) >= min(longest, 2)), key=lambda n: first[n])
