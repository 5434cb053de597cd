"""Markdown: split off YAML front matter and drop the syntax that gets in a reader's way."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from actorgraph.ingest._headline import same_title
from actorgraph.ingest.metadata import Fields, from_mapping

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>(?:.*\n)*?)(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
# Headings and links are matched in time linear in the line: a heading's closing "#"s are
# taken off in Python (a lazy group before them backtracks over every blank), and no
# bracketed part may contain "[" (so a line of "[" is not scanned once per "[").
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t](.*))?$", re.M)
_H1 = re.compile(r"^ {0,3}#[ \t](.+)$", re.M)
# A heading as the first line with text, of any level, and the blank lines after it.
_FIRST_HEADING = re.compile(r"\A\s*^ {0,3}#{1,6}[ \t]+(\S[^\n]*)$\n?\s*", re.M)
_CLOSING = re.compile(r"[ \t]#+$")
_IMAGE = re.compile(r"!\[([^\[\]\n]*)\]\((?:[^()\[\n]|\([^()\[\n]*\))*\)")
_LINK = re.compile(r"\[([^\[\]\n]+)\]\((?:[^()\[\n]|\([^()\[\n]*\))*\)")
_REF_LINK = re.compile(r"\[([^\[\]\n]+)\]\[[^\[\]\n]*\]")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]+\S+.*$", re.M)


@dataclass(frozen=True)
class Markdown:
    text: str
    meta: Fields = field(default_factory=dict)
    problems: tuple[str, ...] = ()  # metadata problems; the text was still read


def parse_markdown(text: str) -> Markdown:
    """Split front matter off ``text`` and return readable text with its metadata.

    Front matter that is not valid YAML, or not a mapping, is left in the text (with a
    problem reported for invalid YAML) rather than dropped unread. A heading that opens the
    text is its title and leaves the body (unless the front matter names another title);
    without either, the first level-1 heading is the title.
    """
    meta: Fields = {}
    problems: list[str] = []
    body = text
    m = _FRONT_MATTER.match(text)
    if m:
        parsed, problem = _load_yaml(m["yaml"])
        if problem:
            problems.append(problem)
        elif isinstance(parsed, dict):
            meta, dropped = from_mapping({str(k): v for k, v in parsed.items()})
            problems.extend(f"front matter {p}" for p in dropped)
            body = text[m.end() :]
        elif parsed is None:  # an empty block
            body = text[m.end() :]
    first = _FIRST_HEADING.match(body)
    if first:
        # The opening heading is the title, not body text (as a plain text's headline):
        # analysed, it would repeat the lead in headline grammar and make actors of
        # title-cased words. One that repeats the front matter's title goes too.
        opening = _clean_inline(_heading_text(first[1], keep_hashes=True)).strip()
        if "title" not in meta or same_title(str(meta["title"]), opening):
            meta.setdefault("title", opening)
            body = body[first.end() :]
    if "title" not in meta:
        heading = _H1.search(body)
        if heading:
            meta["title"] = _clean_inline(_heading_text(heading[1], keep_hashes=True)).strip()
    return Markdown(clean(body), meta, tuple(problems))


def clean(body: str) -> str:
    """Remove heading markers, link and image syntax and link definitions."""
    body = _REF_DEF.sub("", body)
    body = _HEADING.sub(lambda h: _heading_text(h[1], keep_hashes=False), body)
    return _clean_inline(body)


def _heading_text(rest: str | None, *, keep_hashes: bool) -> str:
    """Return a heading's text from what follows its "#"s, without its closing "#"s.

    A heading of nothing but "#"s is empty, or (``keep_hashes``, for a title) those "#"s.
    """
    text = (rest or "").strip(" \t")
    if not text.strip("#"):
        return text if keep_hashes else ""
    closing = _CLOSING.search(text)
    return text[: closing.start()].rstrip(" \t") if closing else text


def _clean_inline(text: str) -> str:
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    return _REF_LINK.sub(r"\1", text)


def _load_yaml(source: str) -> tuple[Any, str | None]:
    # Imported here: only Markdown files with front matter need a YAML parser.
    import yaml

    try:
        return yaml.safe_load(source), None
    except RecursionError:
        return None, (
            "front matter nests too deeply to be read; flatten it — the file was read with "
            "the front matter left in the text"
        )
    except yaml.YAMLError as e:
        where = ""
        mark = getattr(e, "problem_mark", None)
        if mark is not None:
            where = f" at line {mark.line + 2}"  # +1 for 1-based, +1 for the opening ---
        return None, (
            f"front matter is not valid YAML{where}; fix it — the file was read with the "
            "front matter left in the text"
        )
