"""Date detection and normalisation on TempEval-3 TimeML (TBAQ-cleaned: TimeBank + AQUAINT).

Each ``.tml`` document's TEXT element is flattened to plain text (tags stripped, offsets
of the gold TIMEX3 kept) and run through the dates stage with the document creation time
(DCT) as the reference date.

- Detection is by span overlap. Recall is over gold DATE timexes; precision counts one of
  our expressions as right when it overlaps a gold DATE or TIME timex (our dates include
  "Monday morning", which TimeML types TIME).
- Gold values are compared after dropping unspecified parts ("1952-XX" -> "1952",
  "199X" -> "199") and a time of day ("2000-04-04T09:00" -> "2000-04-04"). Values that are
  then an ISO prefix (century, decade, year, month, day) form the headline category;
  the rest (weeks "1998-W04", quarters "1989-Q3", seasons, "PRESENT_REF", ...) are reported
  separately. A gold week counts as right when our interval is exactly that ISO week.
- ``value_accuracy`` = gold ISO-prefix DATE timexes we found with an equal value / all of
  them (found or not).
"""

from __future__ import annotations

import collections
import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from actorgraph.model import DateRef, Document
from actorgraph.pipeline.dates import extract_dates
from actorgraph.pipeline.nlp import ParsedDoc, load

DEFAULT_DATA = Path("../shared/datasets/temporal/tempeval3/TBAQ-cleaned")

_ISO = re.compile(r"\d{2,4}(?:-\d\d(?:-\d\d)?)?")
_WEEK = re.compile(r"(\d{4})-W(\d\d)")


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass(frozen=True)
class TmlDoc:
    name: str
    text: str
    dct: dt.date
    timexes: tuple[Timex, ...]


def read_tml(path: Path) -> TmlDoc:
    """Flatten the TEXT element and collect its TIMEX3 tags with character offsets."""
    root = ET.parse(path).getroot()
    dct_el = root.find("DCT/TIMEX3")
    if dct_el is None:
        raise ValueError(f"{path}: no DCT")
    dct = dt.date.fromisoformat(dct_el.attrib["value"][:10])
    text_el = root.find("TEXT")
    if text_el is None:
        raise ValueError(f"{path}: no TEXT")
    parts: list[str] = []
    timexes: list[Timex] = []
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            start = pos
            walk(child)
            if child.tag == "TIMEX3":
                a = child.attrib
                if a.get("functionInDocument") != "CREATION_TIME":
                    t = "".join(parts)[start:pos]
                    timexes.append(Timex(start, pos, a.get("type", ""), a.get("value", ""), t))
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)

    walk(text_el)
    return TmlDoc(path.name, "".join(parts), dct, tuple(timexes))


def gold_value(value: str) -> str:
    """Drop unspecified parts and the time of day from a TIMEX3 value."""
    value = value.split("T", 1)[0] if re.match(r"\d{4}-\d\d-\d\dT", value) else value
    value = re.sub(r"(?:-XX)+$", "", value)
    return value.rstrip("X")


def _week_matches(gold: str, ours: DateRef) -> bool:
    m = _WEEK.fullmatch(gold)
    if not m or ours.start_date is None or ours.end_date is None:
        return False
    monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
    sunday = monday + dt.timedelta(days=6)
    return (ours.start_date, ours.end_date) == (monday.isoformat(), sunday.isoformat())


def run(data: Path, *, limit: int | None, limit_errors: int = 20) -> tuple[str, float]:
    paths = sorted(p for p in data.rglob("*.tml") if p.parent.name != "testpipeline")
    docs = [read_tml(p) for p in paths][:limit]
    nlp = load("auto")
    c: collections.Counter[str] = collections.Counter()
    errors: list[str] = []
    for tml, spacy_doc in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        parsed = ParsedDoc(Document.from_text(tml.text), spacy_doc, tml.dct)
        ours = extract_dates(parsed).dates
        gold_dates = [t for t in tml.timexes if t.type == "DATE"]
        dated = [t for t in tml.timexes if t.type in ("DATE", "TIME")]
        c["pred"] += len(ours)
        c["pred_ok"] += sum(any(o.start < t.end and t.start < o.end for t in dated) for o in ours)
        for t in gold_dates:
            gv = gold_value(t.value)
            kind = "iso" if _ISO.fullmatch(gv) else "other"
            c["gold"] += 1
            c[f"gold_{kind}"] += 1
            hit = [o for o in ours if o.start < t.end and t.start < o.end]
            if not hit:
                errors.append(f"MISS  {tml.dct} {t.text!r} gold={t.value}")
                continue
            c["found"] += 1
            c[f"found_{kind}"] += 1
            o = hit[0]
            ok = o.value == gv if kind == "iso" else _week_matches(t.value, o)
            c[f"right_{kind}"] += ok
            if kind == "iso" and not ok:
                errors.append(f"VALUE {tml.dct} {t.text!r}->{o.text!r} gold={gv} ours={o.value}")
    precision = c["pred_ok"] / max(c["pred"], 1)
    recall = c["found"] / max(c["gold"], 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    acc_iso = c["right_iso"] / max(c["gold_iso"], 1)
    acc_all = (c["right_iso"] + c["right_other"]) / max(c["gold"], 1)
    print(f"   documents {len(docs)}, gold DATE timexes {c['gold']} ({c['gold_iso']} ISO-prefix)")
    print(f"   detection (overlap): P={precision:.3f} R={recall:.3f} F1={f1:.3f}")
    print(
        f"   value accuracy: ISO-prefix {acc_iso:.3f} ({c['right_iso']}/{c['gold_iso']}; "
        f"{c['right_iso'] / max(c['found_iso'], 1):.3f} of found), all DATEs {acc_all:.3f}, "
        f"other values {c['right_other']}/{c['gold_other']}"
    )
    for line in errors[:limit_errors]:
        print("   " + line)
    return "value_accuracy", acc_iso
