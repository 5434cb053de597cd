"""Who may reach the server: loopback addresses, and the access token's file and checks.

Free of FastAPI and uvicorn, so the command line checks its options without loading them.
"""

from __future__ import annotations

import ipaddress
import os
import re
import secrets
import stat
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from actorgraph.errors import UsageError

TOKEN_ENV = "ACTORGRAPH_TOKEN"
TOKEN_FILE_ENV = "ACTORGRAPH_TOKEN_FILE"
MIN_TOKEN = 16
# Printable ASCII without spaces: what an HTTP header carries unchanged.
_TOKEN = re.compile(rf"[!-~]{{{MIN_TOKEN},512}}")
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")


class TokenError(ValueError):
    """A configured token is unusable (too short, or not printable ASCII)."""


def check_token(token: str) -> str:
    """Return ``token`` without surrounding whitespace, or raise TokenError saying why not."""
    token = token.strip()
    if not _TOKEN.fullmatch(token):
        raise TokenError(
            f"an access token must be {MIN_TOKEN} to 512 printable ASCII characters without "
            "spaces; make one with `python -c 'import secrets; print(secrets.token_urlsafe(32))'`"
        )
    return token


def new_token() -> str:
    """Return a fresh random token (256 bits, URL-safe)."""
    return secrets.token_urlsafe(32)


def say_on_stderr(message: str) -> None:
    """Print a message for the person running the server."""
    print(message, file=sys.stderr)


def is_loopback(host: str) -> bool:
    """Return whether ``host`` names this machine only (127.0.0.0/8, ::1, localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def read_token(
    token_file: Path | None,
    environ: Mapping[str, str],
    *,
    say: Callable[[str], None] = say_on_stderr,
) -> str | None:
    """Return the token from ``token_file`` (created if missing) or ACTORGRAPH_TOKEN, or None.

    A missing file is created with a new random token, readable by its owner only; the
    token itself is never printed. Raises UsageError for a bad or unreadable token.
    """
    from_env = environ.get(TOKEN_ENV, "").strip() or None
    if token_file is not None and from_env is not None:
        raise UsageError(f"give --token-file or {TOKEN_ENV}, not both")
    try:
        if from_env is not None:
            return check_token(from_env)
        if token_file is None:
            return None
        if not token_file.exists():
            _write_new(token_file, new_token())
            say(
                f"wrote a new access token to {token_file} (readable by you only); "
                "give it to the people who may use this server"
            )
        elif token_file.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            say(f"warning: others can read {token_file}; chmod 600 it")
        return check_token(token_file.read_text(encoding="utf-8"))
    except TokenError as exc:
        where = token_file if from_env is None else TOKEN_ENV
        raise UsageError(f"{where}: {exc}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read the token file {token_file}: {exc}") from exc


def _write_new(path: Path, token: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(token + "\n")


def check_binding(host: str, *, allow_remote: bool, token: bool) -> None:
    """Refuse a non-loopback ``host`` unless ``allow_remote`` is set and a ``token`` is given."""
    if is_loopback(host):
        if allow_remote and not token:
            raise UsageError(f"--allow-remote needs a token: --token-file PATH or {TOKEN_ENV}")
        return
    if not allow_remote:
        raise UsageError(
            f"{host} is not a loopback address: anyone who can reach it could read the store. "
            f"To serve a team, add --allow-remote and a token (--token-file PATH or {TOKEN_ENV})"
        )
    if not token:
        raise UsageError(
            f"--allow-remote needs a token, which every request must then carry: "
            f"--token-file PATH (created if missing) or {TOKEN_ENV}"
        )
