"""Read a file's bytes within a size limit and decode them as UTF-8 text.

Every problem is raised as ``InputError`` with a message that says what to do; the
readers turn it into a ``Failure``.
"""

from __future__ import annotations

import codecs
import os
import re
import shlex
from pathlib import Path

from actorgraph.errors import InputError

# Leading bytes of formats people are likely to feed us by mistake, and what to do.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF file; extract its text first, e.g. with `pdftotext`"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.odt file); extract or convert it to text"),
    (b"\x1f\x8b", "gzip-compressed; decompress it first with `gunzip`"),
    (b"BZh", "bzip2-compressed; decompress it first with `bunzip2`"),
    (b"\xfd7zXZ\x00", "xz-compressed; decompress it first with `unxz`"),
    (b"\x89PNG", "a PNG image, not text; give a text, Markdown, HTML or JSON Lines file"),
    (b"\xff\xd8\xff", "a JPEG image, not text; give a text, Markdown, HTML or JSON Lines file"),
    (b"GIF8", "a GIF image, not text; give a text, Markdown, HTML or JSON Lines file"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file; save it as text (.txt) first"),
)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NEWLINES = re.compile(r"\r\n?")
_SURROGATE = re.compile("[\ud800-\udfff]")


def size_error(source: str, size: int, max_bytes: int) -> InputError:
    return InputError(
        source,
        f"is {size:,} bytes, larger than the limit of {max_bytes:,} bytes; split it, or "
        "raise the limit with --max-bytes or the ACTORGRAPH_MAX_BYTES environment variable",
    )


def os_error(source: str, error: OSError) -> InputError:
    """Describe an OSError met while opening or reading ``source``."""
    if isinstance(error, FileNotFoundError):
        return InputError(source, "does not exist (or vanished while reading); check the path")
    if isinstance(error, PermissionError):
        return InputError(
            source, "cannot be read (permission denied); check its permissions, e.g. `chmod +r`"
        )
    if isinstance(error, IsADirectoryError):
        return InputError(source, "is a directory where a file was expected; name the directory")
    reason = error.strerror or type(error).__name__
    return InputError(source, f"cannot be read ({reason}); check the file and try again")


def read_bytes(path: Path, *, max_bytes: int, source: str | None = None) -> bytes:
    """Return the bytes of ``path``, checking its size before reading it."""
    source = source or str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise size_error(source, size, max_bytes)
        with path.open("rb") as f:
            # Read one byte more than allowed: a file may grow, or stat may not know its size.
            data = f.read(max_bytes + 1)
    except OSError as e:
        raise os_error(source, e) from e
    if len(data) > max_bytes:
        raise size_error(source, len(data), max_bytes)
    return data


def decode(data: bytes, source: str, *, encoding: str = "utf-8") -> str:
    """Decode ``data``, strip a byte order mark and turn every newline into "\\n".

    Nothing else in the text is changed, so offsets into the result are stable.
    """
    check_binary(data, source)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as e:
        raise encoding_error(source, data, e.start, encoding=encoding) from e
    sample = text[:4096]
    if sample and len(_CONTROL.findall(sample)) > 0.1 * len(sample):
        raise InputError(
            source,
            "looks like a binary file (mostly control characters), not text; "
            "give a text, Markdown, HTML or JSON Lines file",
        )
    return normalize_newlines(text)


def nesting_error(source: str) -> InputError:
    """A JSON or YAML value nested deeper than the parser's recursion can follow."""
    return InputError(
        source,
        "nests arrays or objects too deeply to be read (deeper than Python's recursion "
        "limit); flatten it",
    )


def replace_surrogates(text: str) -> tuple[str, int]:
    """Return ``text`` with each lone surrogate as U+FFFD, and how many there were.

    JSON and YAML escapes ("\\ud800") can name half of a UTF-16 pair on its own: not a
    character, so the text could not be encoded, tokenized or stored.
    """
    if text.isascii():
        return text, 0
    return _SURROGATE.subn("\ufffd", text)


def surrogate_problem(where: str, count: int) -> str:
    return (
        f"{where} has {count} unpaired surrogate escape{'s' if count > 1 else ''} (such as "
        "\\ud800), which are not characters; read as U+FFFD (\ufffd)"
    )


def normalize_newlines(text: str) -> str:
    return _NEWLINES.sub("\n", text) if "\r" in text else text


def check_binary(data: bytes, source: str) -> None:
    """Raise if ``data`` is not text: a known binary format, UTF-16 or NUL bytes."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(source, f"is {what}")
    if data.startswith(_UTF16_BOMS):
        raise InputError(
            source,
            "is UTF-16 text; convert it to UTF-8, e.g. "
            f"`iconv -f UTF-16 -t UTF-8 {_quote(source)} > {_quote(_utf8_name(source))}`",
        )
    if b"\x00" in data:
        raise InputError(
            source,
            f"is a binary file (it contains NUL bytes, the first at byte {data.index(0)}), "
            "not text; give a text, Markdown, HTML or JSON Lines file",
        )


def encoding_error(
    source: str,
    data: bytes,
    offset: int,
    *,
    encoding: str = "utf-8",
    file: str | None = None,
    file_offset: int | None = None,
) -> InputError:
    """Say which byte cannot be decoded and how to convert the file (``file``, if not
    ``source``; ``file_offset`` is where the byte is in it, if ``data`` is one line)."""
    byte = data[offset] if offset < len(data) else 0
    where = f"byte {offset}" if file_offset is None else f"byte {offset} of the line"
    target = file or source
    suggestion = f"`iconv -f WINDOWS-1252 -t UTF-8 {_quote(target)} > {_quote(_utf8_name(target))}`"
    return InputError(
        source,
        f"is not valid {encoding.upper()} ({where} is 0x{byte:02X}); it is probably in a "
        f"legacy encoding such as Latin-1 or Windows-1252: convert it, e.g. {suggestion}",
    )


def _quote(name: str) -> str:
    return shlex.quote(name)


def _utf8_name(source: str) -> str:
    root, ext = os.path.splitext(source)
    return f"{root}.utf8{ext}"
