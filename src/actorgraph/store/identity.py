"""Actor identity and fact ids: content hashes of normalised fields.

Cross-document identity lives in :func:`actor_id` alone, so a smarter resolver can
replace it in one place. For now an actor is its normalised (name, type).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata

_APOSTROPHES = re.compile("['\u2018\u2019\u02bc\u02bb\u02be\u02bf`\u00b4]")
_NON_WORD = re.compile(r"[\W_]+")
_ARTICLES = frozenset({"al", "el", "ul"})


def normalize_name(name: str) -> str:
    """Return a name folded for identity: no accents, case, punctuation or leading "the"."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    folded = _NON_WORD.sub(" ", _APOSTROPHES.sub("", plain.casefold())).strip()
    if folded.startswith("the "):
        folded = folded[4:]
    return folded


def search_key(name: str) -> str:
    """Return a looser key for fuzzy search that evens out common transliterations.

    Drops Arabic articles ("al-", "el-"), writes q as k and collapses doubled letters,
    so "Qais al-Khazaali" and "Kais Khazali" meet.
    """
    tokens = [t for t in normalize_name(name).split() if t not in _ARTICLES]
    joined = " ".join(tokens).replace("q", "k")
    return re.sub(r"(\w)\1+", r"\1", joined)


def actor_id(name: str, type_: str) -> str:
    """Return the cross-document id of the actor named ``name`` with entity type ``type_``."""
    return _digest("actor", type_.upper(), normalize_name(name))


def fact_id(kind: str, *fields: object) -> str:
    """Return the id of a quote, relation, event or evidence row from its fields."""
    return _digest(kind, *fields)


def _digest(*fields: object) -> str:
    payload = json.dumps(fields, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()[:24]
