"""Actor identity and fact ids: content hashes of normalised fields.

:func:`actor_id` names the actor a (name, type) founds; which actor a document's entity
joins is decided at save time by the resolver from the name keys below (:func:`fold_key`,
:func:`skeleton`), so the id of an existing actor never changes. Pure functions: the
store hashes its rows' ids with them too.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import unicodedata

_APOSTROPHES = re.compile("['\u2018\u2019\u02bc\u02bb\u02be\u02bf`\u00b4]")
_NON_WORD = re.compile(r"[\W_]+")
_ARTICLES = frozenset({"al", "el", "ul"})
_INNER_Y = re.compile(r"(?<=[a-z])y(?=[a-z])")
_VOWELS = re.compile(r"[aeiouy]")


@functools.lru_cache(maxsize=1 << 16)
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
    return norm_search_key(normalize_name(name))


def norm_search_key(norm: str) -> str:
    """Return :func:`search_key` of a name already passed through :func:`normalize_name`."""
    tokens = [t for t in norm.split() if t not in _ARTICLES]
    joined = " ".join(tokens).replace("q", "k")
    return re.sub(r"(\w)\1+", r"\1", joined)


@functools.lru_cache(maxsize=1 << 16)
def fold_key(name: str) -> str:
    """Return the identity key of a name: :func:`search_key` with "y" between letters as "i".

    "Qais al-Khazaali", "Qays al-Khazali" and "Kais Khazali" share one key.
    """
    return _INNER_Y.sub("i", search_key(name))


@functools.lru_cache(maxsize=1 << 16)
def skeleton(name: str) -> str:
    """Return the consonants of :func:`fold_key`, each token's: a blocking key for variants.

    "Kataib Hezbollah" and "Kata'ib Hizballah" share "ktb hzblh".
    """
    tokens = (_VOWELS.sub("", t) or t for t in fold_key(name).split())
    return " ".join(re.sub(r"(\w)\1+", r"\1", t) for t in tokens)


def actor_id(name: str, type_: str, *, salt: str | None = None) -> str:
    """Return the id of the actor named ``name`` with entity type ``type_``.

    ``salt`` (a document id, say) gives a second actor of the same name its own id.
    """
    if salt is None:
        return _digest("actor", type_.upper(), normalize_name(name))
    return _digest("actor", type_.upper(), normalize_name(name), salt)


def fact_id(kind: str, *fields: object) -> str:
    """Return the id of a quote, relation, event or evidence row from its fields."""
    return _digest(kind, *fields)


def _digest(*fields: object) -> str:
    payload = json.dumps(fields, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()[:24]
