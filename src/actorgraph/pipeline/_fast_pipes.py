"""Faster drop-ins for two of spaCy's rule components, with the same output.

In the English pipelines the ``attribute_ruler`` (tag → POS/morph map and a few word
exceptions) and the rule ``lemmatizer`` cost about a fifth of the parse, as much as the
parser itself: the ruler runs a ``Matcher`` and builds a ``Span`` for every token, the
lemmatizer reads four token properties per token before its cache lookup.

- :class:`CompiledAttributeRuler` turns the ruler's patterns into dictionary lookups
  keyed on a token's tag, lower-case form or dependency label and applies the rules in
  the ruler's own order (a later rule wins), so each token ends with the same attributes.
  Patterns it cannot compile (operators, other attributes) make it decline, and the
  original ruler stays.
- :class:`CachedLemmatizer` keys lemmas on (orth, POS, morph), which is everything the
  English rule lemmatizer reads, and asks the original component only on a miss.

``install`` swaps them in when a pipeline has both components in the expected form;
``tests/pipeline/test_fast_pipes.py`` checks token-for-token equality with the originals.
"""

from __future__ import annotations

from typing import Any

_KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_EQ, _IN, _NOT_IN, _REGEX = range(4)

# One token constraint: (column in the feature array, kind, wanted value(s)).
Constraint = tuple[int, int, Any]
Rule = tuple[int, tuple[tuple[Constraint, ...], ...], int, dict[int, int]]


class CompiledAttributeRuler:
    """An ``AttributeRuler`` whose patterns are dictionary lookups and set tests."""

    def __init__(self, rules: list[Rule], strings: Any, set_attrs: Any) -> None:
        # rules: (order, token constraints per position, index of the target, attrs)
        self._rules = rules
        self._strings = strings
        self._set_attrs = set_attrs
        self._by_key: dict[tuple[int, int], list[int]] = {}
        self._always: list[int] = []  # rules whose first token has no value to index on
        for r, (_, pattern, _, _) in enumerate(rules):
            keyed = [c for c in pattern[0] if c[1] in (_EQ, _IN)]
            if not keyed:
                self._always.append(r)
                continue
            # Index each rule under its most selective first-token constraint.
            column, kind, want = min(keyed, key=lambda c: _SELECTIVITY[c[0]])
            for value in (want,) if kind == _EQ else sorted(want):
                self._by_key.setdefault((column, value), []).append(r)

    @classmethod
    def compile(cls, ruler: Any) -> CompiledAttributeRuler | None:
        """Compile ``ruler``'s patterns, or return None when one uses what we do not know."""
        from spacy.tokens._retokenize import set_token_attrs

        strings = ruler.vocab.strings
        rules: list[Rule] = []
        for order, (attrs, index) in enumerate(zip(ruler.attrs, ruler.indices, strict=True)):
            for pattern in ruler.matcher.get(str(order))[1]:
                compiled = []
                for token in pattern:
                    constraints = [_constraint(key, value, strings) for key, value in token.items()]
                    if not constraints or None in constraints:
                        return None
                    compiled.append(tuple(c for c in constraints if c is not None))
                if not compiled or not -len(compiled) <= index < len(compiled):
                    return None
                rules.append((order, tuple(compiled), index % len(compiled), dict(attrs)))
        return cls(rules, strings, set_token_attrs)

    def __call__(self, doc: Any) -> Any:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        n = len(doc)
        if not n:
            return doc
        features = [tuple(row) for row in doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()]
        hits: list[tuple[int, int, int]] = []  # (order, rule, token)
        by_key, rules, always = self._by_key, self._rules, self._always
        for i, row in enumerate(features):
            candidates = [*always]
            for column in (0, 1, 2, 3):
                candidates.extend(by_key.get((column, row[column]), ()))
            for r in candidates:
                order, pattern, index, _ = rules[r]
                if i + len(pattern) <= n and all(
                    self._ok(features[i + k], constraints) for k, constraints in enumerate(pattern)
                ):
                    hits.append((order, r, i + index))
        if not hits:
            return doc
        hits.sort()
        final: dict[int, dict[int, int]] = {}
        for _, r, target in hits:
            final.setdefault(target, {}).update(rules[r][3])
        for target, attrs in final.items():
            self._set_attrs(doc[target], attrs)
        return doc

    def _ok(self, row: tuple[int, ...], constraints: tuple[Constraint, ...]) -> bool:
        for column, kind, want in constraints:
            value = row[column]
            if kind == _EQ:
                if value != want:
                    return False
            elif kind == _IN:
                if value not in want:
                    return False
            elif kind == _NOT_IN:
                if value in want:
                    return False
            elif not want.search(self._strings[value] if value else ""):
                return False
        return True


def _constraint(key: Any, value: Any, strings: Any) -> Constraint | None:
    """Compile one ``{ATTR: value}`` of a Matcher token pattern, or None if unsupported."""
    import re

    name = key.upper() if isinstance(key, str) else ""
    if name not in _KEYS:
        return None
    column = _KEYS.index(name)

    def hashed(v: Any) -> int | None:
        if isinstance(v, bool):
            return int(v)
        if isinstance(v, str):
            return strings.add(v) if v else 0
        return None

    if not isinstance(value, dict):
        h = hashed(value)
        return None if h is None else (column, _EQ, h)
    if len(value) != 1:
        return None
    ((op, arg),) = value.items()
    if op in ("IN", "NOT_IN") and isinstance(arg, list):
        hashes = [hashed(v) for v in arg]
        if None in hashes:
            return None
        return (column, _IN if op == "IN" else _NOT_IN, frozenset(hashes))
    if op == "REGEX" and isinstance(arg, str) and name in ("TAG", "LOWER", "DEP"):
        return (column, _REGEX, re.compile(arg))
    return None


# Lower is better: a LOWER key names one word, a TAG key one of ~50 tags.
_SELECTIVITY = {1: 0, 2: 1, 0: 2, 3: 3}


class CachedLemmatizer:
    """The rule lemmatizer with a (orth, POS, morph) → lemma cache in front of it."""

    def __init__(self, original: Any) -> None:
        self._original = original
        self._cache: dict[tuple[int, int, int], int] = {}
        self._strings = original.vocab.strings

    def __call__(self, doc: Any) -> Any:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        cache, changed = self._cache, False
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma == 0:  # the ruler's exceptions are kept, as the original does
                key = (orth, pos, morph)
                lemma = cache.get(key, 0)
                if not lemma:
                    lemma = self._strings.add(self._original.lemmatize(doc[i])[0])
                    cache[key] = lemma
                changed = True
            lemmas.append(lemma)
        if changed:
            import numpy

            doc.from_array([LEMMA], numpy.asarray(lemmas, dtype="uint64").reshape(-1, 1))
        return doc


FAST_RULER = "actorgraph_attribute_ruler"
FAST_LEMMATIZER = "actorgraph_lemmatizer"


def _register() -> None:
    from spacy.language import Language

    if FAST_RULER in Language.factories:
        return

    @Language.factory(FAST_RULER)
    def make_ruler(nlp: Any, name: str) -> Any:
        compiled = CompiledAttributeRuler.compile(nlp.get_pipe("attribute_ruler"))
        assert compiled is not None, "install() checks compile() first"
        return compiled

    @Language.factory(FAST_LEMMATIZER)
    def make_lemmatizer(nlp: Any, name: str) -> Any:
        return CachedLemmatizer(nlp.get_pipe("lemmatizer"))


def install(nlp: Any) -> list[str]:
    """Swap the fast components into ``nlp`` where they apply; return what was swapped."""
    _register()
    swapped = []
    names = nlp.pipe_names
    if "attribute_ruler" in names and CompiledAttributeRuler.compile(
        nlp.get_pipe("attribute_ruler")
    ):
        nlp.add_pipe(FAST_RULER, after="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")
        swapped.append("attribute_ruler")
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in names else None
    rule = getattr(lemmatizer, "mode", "") == "rule"
    if lemmatizer is not None and rule and not getattr(lemmatizer, "overwrite", False):
        nlp.add_pipe(FAST_LEMMATIZER, after="lemmatizer")
        nlp.remove_pipe("lemmatizer")
        swapped.append("lemmatizer")
    return swapped
