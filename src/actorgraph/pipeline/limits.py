"""Per-document limits: a cheap check before parsing, and a deadline for the stages.

spaCy's parse of a document cannot be interrupted from Python, so what makes it slow is
refused before it starts: too many tokens, or a long run of punctuation with no space,
letter or digit (the tokenizer peels such a run one mark at a time, in time that grows
with the square of its length). The stages then run under a deadline: ``analyze_parsed``
opens it and the stages call :func:`check_time` between steps and in their loops, so a
document that takes too long fails with a ``LimitError`` naming the setting to raise,
while the rest of a batch goes on. Stages called outside a deadline (tests, tools) never
time out.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from typing import Any

from actorgraph.errors import InputError, LimitError
from actorgraph.settings import Settings

# A token as the estimate counts it: a word, or one mark of punctuation.
_TOKEN = re.compile(r"\w+|[^\w\s]")
# Punctuation and symbols with no space, letter or digit ("_" is \w: it is replaced first).
_SYMBOLS = re.compile(r"[^\w\s]+")
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Limits:
    """How much one document may hold and take; defaults and help live in ``Settings``."""

    max_chars: int = Settings.max_chars
    max_tokens: int = Settings.max_tokens
    max_symbol_run: int = Settings.max_symbol_run
    max_seconds: float = Settings.max_seconds

    @classmethod
    def from_settings(cls, settings: Settings) -> Limits:
        return cls(
            max_chars=settings.max_chars,
            max_tokens=settings.max_tokens,
            max_symbol_run=settings.max_symbol_run,
            max_seconds=settings.max_seconds,
        )

    @classmethod
    def from_env(cls, **overrides: Any) -> Limits:
        """Read the limits from ACTORGRAPH_* variables, then ``overrides`` (None = unset)."""
        limits = cls.from_settings(Settings.from_env())
        return replace(limits, **{k: v for k, v in overrides.items() if v is not None})


def _raise_it(setting: str) -> str:
    return f"raise it with ACTORGRAPH_{setting.upper()}"


def check_text(text: str, limits: Limits) -> None:
    """Raise ``LimitError`` if ``text`` is too long or too slow to parse (see below)."""
    if len(text) > limits.max_chars:
        raise LimitError(
            "max_chars",
            f"text has {len(text):,} characters, over the limit of {limits.max_chars:,} "
            f"(max_chars); split the document, or {_raise_it('max_chars')}",
        )
    check_parse(text, limits)


def check_parse(text: str, limits: Limits) -> None:
    """Raise ``LimitError`` if parsing ``text`` would take too long: linear in its length.

    The caller checks the length itself (batch ingest does, with its own ``max_chars``).
    A lone surrogate (half a UTF-16 pair: not a character) is an ``InputError``.
    """
    if not text.isascii() and (bad := _SURROGATE.search(text)) is not None:
        raise InputError(
            "text",
            f"has an unpaired surrogate ({text[bad.start()].encode('unicode_escape').decode()}) "
            f"at character {bad.start():,}, which is not a character and cannot be parsed; "
            "replace it, e.g. with U+FFFD (the JSON Lines reader does)",
        )
    symbols = text.replace("_", "!")
    # findall and len run in C: a tenth of a second for two million characters
    if max(map(len, _SYMBOLS.findall(symbols)), default=0) > limits.max_symbol_run:
        m = next(m for m in _SYMBOLS.finditer(symbols) if len(m[0]) > limits.max_symbol_run)
        raise LimitError(
            "max_symbol_run",
            f"text has a run of {len(m[0]):,} punctuation marks or symbols with no space, "
            f"letter or digit at character {m.start():,}, over the limit of "
            f"{limits.max_symbol_run:,} (max_symbol_run; the tokenizer's time grows with the "
            f"square of it); remove the run, or {_raise_it('max_symbol_run')}",
        )
    if len(text) <= limits.max_tokens:
        return  # every token has at least one character
    tokens = _TOKEN.subn("", text)[1]  # counted in C
    if tokens > limits.max_tokens:
        raise LimitError(
            "max_tokens",
            f"text has about {tokens:,} tokens, over the limit of {limits.max_tokens:,} "
            f"(max_tokens); split the document, or {_raise_it('max_tokens')}",
        )


@dataclass(frozen=True)
class Deadline:
    """When the stages working on the current document must stop."""

    seconds: float
    at: float  # time.monotonic() value

    def check(self, where: str) -> None:
        if time.monotonic() > self.at:
            raise LimitError(
                "max_seconds",
                f"analysis took longer than {self.seconds:g} s (max_seconds) and was stopped "
                f"in {where}; split the document, or {_raise_it('max_seconds')}",
            )


_current: ContextVar[Deadline | None] = ContextVar("actorgraph_deadline", default=None)


@contextmanager
def deadline(seconds: float) -> Iterator[Deadline]:
    """Run the block under a deadline ``seconds`` from now; :func:`check_time` enforces it."""
    d = Deadline(seconds, time.monotonic() + seconds)
    token = _current.set(d)
    try:
        yield d
    finally:
        _current.reset(token)


def check_time(where: str) -> None:
    """Raise ``LimitError`` if the current document's deadline has passed (else nothing)."""
    d = _current.get()
    if d is not None:
        d.check(where)
