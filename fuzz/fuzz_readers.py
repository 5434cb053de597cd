"""Fuzz the readers: text, Markdown with front matter, HTML, JSON Lines, JSON, sidecars.

    python fuzz/fuzz_readers.py [CORPUS_DIR] -max_total_time=300

Each input becomes a file (and maybe a sidecar) of the kind it picks; reading it must
yield Documents the pipeline can take and Failures with a message, and never raise.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import atheris
from _common import news_text

with atheris.instrument_imports(include=["actorgraph"]):
    from fuzz_checks import check_read

    from actorgraph.ingest import read_file

SUFFIXES = (".txt", ".md", ".html", ".jsonl", ".json", ".text", ".xyz")
WORK = Path(tempfile.mkdtemp(prefix="actorgraph-fuzz-"))
META_KEYS = ("title", "published", "date", "publisher", "author", "authors", "url", "link")


def _content(fdp: atheris.FuzzedDataProvider, suffix: str) -> bytes:
    """Raw bytes, or text shaped like the format (front matter, tags, JSON records)."""
    shape = fdp.ConsumeIntInRange(0, 3)
    if shape == 0:
        return fdp.ConsumeBytes(fdp.ConsumeIntInRange(0, 4096))
    text = news_text(fdp, 60)
    if suffix == ".md" and shape == 1:
        meta = "\n".join(
            f"{META_KEYS[fdp.ConsumeIntInRange(0, len(META_KEYS) - 1)]}: "
            f"{fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, 20))}"
            for _ in range(fdp.ConsumeIntInRange(0, 4))
        )
        text = f"---\n{meta}\n---\n{text}"
    elif suffix == ".html" and shape == 1:
        depth = fdp.ConsumeIntInRange(0, 300)
        text = f"<html><head><title>{text[:30]}</title></head><body>{'<div>' * depth}"
        text += f"<article><p>{text}</p></article>{'</div>' * depth}</body></html>"
    elif suffix in (".jsonl", ".json") and shape >= 1:
        records = []
        for _ in range(fdp.ConsumeIntInRange(1, 3)):
            record: dict[str, object] = {"text": news_text(fdp, 40)}
            for key in META_KEYS[: fdp.ConsumeIntInRange(0, len(META_KEYS))]:
                record[key] = fdp.ConsumeUnicode(fdp.ConsumeIntInRange(0, 16))
            records.append(json.dumps(record, ensure_ascii=fdp.ConsumeBool()))
        text = "\n".join(records)
    encoding = ("utf-8", "utf-8", "utf-16", "latin-1")[fdp.ConsumeIntInRange(0, 3)]
    return text.encode(encoding, "surrogatepass" if encoding == "utf-8" else "replace")


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    suffix = SUFFIXES[fdp.ConsumeIntInRange(0, len(SUFFIXES) - 1)]
    path = WORK / f"doc{suffix}"
    sidecar = WORK / "doc.meta.json"
    path.write_bytes(_content(fdp, suffix))
    if fdp.ConsumeBool():
        sidecar.write_bytes(_content(fdp, ".json"))
    else:
        sidecar.unlink(missing_ok=True)
    check_read(list(read_file(path)), str(path))


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
