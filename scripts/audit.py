"""List known vulnerabilities in the installed (pinned) dependencies: ``make audit``.

    python scripts/audit.py                 # ask pip-audit (needs PyPI's JSON API or OSV)
    python scripts/audit.py --osv DUMP      # offline, from an OSV database dump

pip-audit looks vulnerabilities up online (pypi.org's JSON API or api.osv.dev). On an
air-gapped machine, fetch the OSV dump of the PyPI ecosystem elsewhere
(https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip), carry it over, and
give it with ``--osv`` (the zip itself or a folder of its JSON files): the installed
distributions of this environment are matched against it here, with no network.

Exit status: 0 when nothing is known to be vulnerable, 1 when something is, 2 when no
vulnerability data could be reached.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from packaging.version import InvalidVersion, Version


def canonical(name: str) -> str:
    """PEP 503 name: lower case, runs of -_. as one dash."""
    return re.sub(r"[-_.]+", "-", name).lower()


def installed() -> dict[str, str]:
    """Return {canonical name: version} of the distributions in this environment."""
    found: dict[str, str] = {}
    for dist in metadata.distributions():
        name = dist.metadata.get("Name")
        if name:
            found[canonical(name)] = dist.version
    return found


@dataclass(frozen=True)
class Finding:
    package: str
    version: str
    vuln: str
    aliases: tuple[str, ...]
    fixed: tuple[str, ...]
    summary: str


def _records(source: Path) -> Iterator[dict[str, Any]]:
    if source.is_dir():
        for path in sorted(source.rglob("*.json")):
            yield json.loads(path.read_text("utf-8"))
        return
    with zipfile.ZipFile(source) as archive:
        for info in archive.infolist():
            if info.filename.endswith(".json"):
                yield json.loads(archive.read(info))


def _version(text: str) -> Version | None:
    try:
        return Version(text)
    except InvalidVersion:
        return None


def _in_range(version: Version, events: list[dict[str, str]]) -> bool:
    """OSV ECOSYSTEM range: affected from an 'introduced' up to a 'fixed' (excluded) or a
    'last_affected' (included); events are in order."""
    affected = False
    for event in events:
        if "introduced" in event:
            start = event["introduced"]
            if start == "0" or ((v := _version(start)) is not None and version >= v):
                affected = True
        elif "fixed" in event:
            v = _version(event["fixed"])
            if v is not None and version >= v:
                affected = False
        elif "last_affected" in event:
            v = _version(event["last_affected"])
            if v is not None and version > v:
                affected = False
    return affected


def match_osv(source: Path, packages: dict[str, str]) -> list[Finding]:
    """Return the OSV records under ``source`` that affect an installed package version."""
    findings = []
    for record in _records(source):
        for affected in record.get("affected", []):
            pkg = affected.get("package", {})
            if pkg.get("ecosystem") != "PyPI":
                continue
            name = canonical(pkg.get("name", ""))
            have = packages.get(name)
            if have is None:
                continue
            version = _version(have)
            hit = have in affected.get("versions", [])
            fixed: list[str] = []
            for rng in affected.get("ranges", []):
                if rng.get("type") != "ECOSYSTEM":
                    continue
                events = rng.get("events", [])
                fixed.extend(e["fixed"] for e in events if "fixed" in e)
                if version is not None and _in_range(version, events):
                    hit = True
            if hit:
                findings.append(
                    Finding(
                        name,
                        have,
                        record.get("id", "?"),
                        tuple(record.get("aliases", [])),
                        tuple(fixed),
                        record.get("summary", "")[:100],
                    )
                )
                break
    return sorted(findings, key=lambda f: (f.package, f.vuln))


def _offline(source: Path) -> int:
    packages = installed()
    findings = match_osv(source, packages)
    print(f"audited {len(packages)} installed distributions against {source}")
    for f in findings:
        also = f" ({', '.join(f.aliases)})" if f.aliases else ""
        fix = f"; fixed in {', '.join(f.fixed)}" if f.fixed else "; no fixed version listed"
        print(f"{f.package} {f.version}: {f.vuln}{also}{fix}. {f.summary}")
    print(f"{len(findings)} known vulnerabilities")
    return 1 if findings else 0


def _online() -> int:
    cmd = [sys.executable, "-m", "pip_audit", "--skip-editable", "--progress-spinner", "off"]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    output = done.stdout + done.stderr
    unreachable = "ConnectionError" in done.stderr or (
        "could not be audited" in output and "No known vulnerabilities" not in done.stdout
    )
    if unreachable:
        print(
            "no vulnerability data reachable: pip-audit needs pypi.org's JSON API or "
            "api.osv.dev. Offline, give an OSV dump: make audit OSV=path/to/PyPI-all.zip",
            file=sys.stderr,
        )
        return 2
    sys.stdout.write(done.stdout)
    sys.stderr.write(done.stderr)
    return done.returncode


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--osv", type=Path, help="an OSV PyPI dump (all.zip or a folder of JSON)")
    args = ap.parse_args(argv)
    if args.osv is not None:
        if not args.osv.exists():
            print(f"no OSV data at {args.osv}", file=sys.stderr)
            return 2
        return _offline(args.osv)
    return _online()


if __name__ == "__main__":
    raise SystemExit(main())
