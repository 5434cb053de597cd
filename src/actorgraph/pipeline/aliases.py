"""Within-document alias resolution: one entity per actor, every spelling an alias.

Surface groups from `entities.py` are merged by general rules, each evidenced by the text:
a known actor's names (lexicon), a bare surname or first name joining the one full name it
fits, a misspelled full name joining its closest spelling, acronyms (initials or a
parenthesis), "aka"/"also known as" names, demonyms joining their country, and "the group"
/ "the militia" / "the army" referring back to the organisation the text last named.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import replace

from rapidfuzz.distance import JaroWinkler

from actorgraph.model import Entity, Mention
from actorgraph.pipeline import anaphora
from actorgraph.pipeline.entities import EntityResult
from actorgraph.pipeline.lexicon import (
    NAME_PARTICLES,
    ORG_HEADS,
    PERSON_TITLES,
    KnownActor,
    kind_of_words,
    lookup_actor,
)
from actorgraph.pipeline.nlp import ParsedDoc

STAGE = "aliases.v1"
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
        if k is not None and (k.type == e.type or e.type in {"NORP", "GPE", "ORG", "LOC"}):
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

    # 2b. People: misspelled full names with the same first name join.
    full = [i for i, e in enumerate(ents) if _is_full_person(e) and i not in known]
    for a_i, a in enumerate(full):
        ta = name_tokens(ents[a].name)
        for b in full[a_i + 1 :]:
            tb = name_tokens(ents[b].name)
            if ta[0].lower() != tb[0].lower() or len(ta) != len(tb):
                continue
            sim = JaroWinkler.similarity(surname_key(ents[a].name), surname_key(ents[b].name))
            if sim >= 0.92:
                uf.union(a, b)

    # 3. A bare surname (or first name) joins the one full name it fits.
    for i, e in enumerate(ents):
        if i in known or len(e.name.split()) != 1 or e.type not in _NAME_LABELS:
            continue
        key = strip_particle(e.name)
        if not key[:1].isalpha() or e.name.isupper():
            continue
        target = _surname_target(ents, uf, full, key, first_mention=e.mentions[0].start)
        if target is not None:
            uf.union(target, i)

    # 4. Organisations: acronyms, "aka" names and "X" for "X Organization".
    orgs = [i for i, e in enumerate(ents) if e.type == "ORG" and i not in known]
    for i in orgs:
        e = ents[i]
        for j in orgs:
            if i == j or uf.find(i) == uf.find(j):
                continue
            other = ents[j]
            if _ACRONYM.match(e.name) and len(other.name.split()) > 1:
                if initials(other.name) == e.name.replace(".", ""):
                    uf.union(j, i)
            elif (
                len(e.name.split()) == 1
                and len(other.name.split()) > 1
                and _core(other.name) == e.name.lower()
            ):
                uf.union(j, i)
    _link_aka(parsed.text, ents, uf)

    # 5. Demonyms join their country when the lexicon does not know them.
    gpes = {i: ents[i].name.lower() for i, e in enumerate(ents) if e.type == "GPE"}
    for i, e in enumerate(ents):
        if e.type != "NORP" or i in known:
            continue
        stem = _demonym_stem(e.name)
        for j, gname in gpes.items():
            if stem and len(stem) >= 4 and gname.startswith(stem) and len(gname) - len(stem) <= 3:
                uf.union(j, i)
                break

    merged = _build(parsed, ents, uf, known)
    return EntityResult(anaphora.attach_anaphors(parsed, merged))


_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


def _surname_target(
    ents: list[Entity], uf: _Union, full: list[int], key: str, *, first_mention: int
) -> int | None:
    """Return the full-name person a bare name refers to: exact surname, then first name."""
    roots: dict[int, int] = {}  # root -> latest mention start before first_mention (or -1)
    fuzzy: dict[int, int] = {}
    firsts: dict[int, int] = {}
    for j in full:
        toks = name_tokens(ents[j].name)
        sk = strip_particle(toks[-1])
        last_before = max(
            (m.start for m in ents[j].mentions if m.start < first_mention), default=-1
        )
        r = uf.find(j)
        if sk == key:
            roots[r] = max(roots.get(r, -2), last_before)
        elif JaroWinkler.similarity(sk, key) >= 0.95 and sk[:1] == key[:1]:
            fuzzy[r] = max(fuzzy.get(r, -2), last_before)
        if toks[0].lower() == key:
            firsts[r] = max(firsts.get(r, -2), last_before)
    for table in (roots, fuzzy, firsts):
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
        typ = _settle_type(ents, group, k)
        name = k.canonical if k is not None else _canonical(ents, group, typ)
        aliases = list(dict.fromkeys(m.text for m in mentions))
        if name not in aliases:
            aliases.insert(0, name)
        kind = None
        if typ == "ORG":
            kind = (k.kind if k else None) or _kind_from_context(parsed, name, mentions)
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


def _settle_type(ents: list[Entity], group: list[int], k: KnownActor | None) -> str:
    if k is not None:
        return k.type
    if any(_is_full_person(ents[i]) for i in group):
        return "PERSON"
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
    first = {n: min(m.start for i in group for m in ents[i].mentions if m.text == n) for n in names}
    full = [n for n in names if not _ACRONYM.match(n)] or names
    longest = max(len(n.split()) for n in full)
    # the earliest of the fullest non-acronym names
    return min((n for n in full if len(n.split()) >= min(longest, 2)), key=lambda n: first[n])


def _kind_from_context(parsed: ParsedDoc, name: str, mentions: list[Mention]) -> str | None:
    """Read an org's kind from its name, then from the words around its mentions."""
    kind = kind_of_words(name.split())
    if kind is not None:
        return kind
    doc, votes = parsed.doc, Counter[str]()
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        window: list[str] = []
        j = span.end
        if j < len(doc) and doc[j].text == ",":  # apposition: "X, the most powerful militia"
            j += 1
            while j < len(doc) and j - span.end < 7 and doc[j].pos_ in {"DET", "ADJ", "ADV"}:
                j += 1
            if j < len(doc) and doc[j].pos_ == "NOUN":
                window.append(doc[j].text)
        elif j < len(doc) and doc[j].pos_ == "NOUN":  # "the X militia"
            window.append(doc[j].text)
        k = kind_of_words(window)
        if k is not None:
            votes[k] += 1
    return votes.most_common(1)[0][0] if votes else None
