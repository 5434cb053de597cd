"""The vendored web files: pinned by the lock, listed with their licences, packaged."""

from __future__ import annotations

import fnmatch
import json
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT / "src" / "actorgraph" / "web"
VENDOR = WEB / "vendor"
LOCK = ROOT / "web-vendor" / "package-lock.json"
MAP_PACKAGES = ("d3-array", "d3-geo", "topojson-client", "world-atlas")


def _locked() -> dict[str, str]:
    packages = json.loads(LOCK.read_text("utf-8"))["packages"]
    return {
        path.removeprefix("node_modules/"): entry["version"]
        for path, entry in packages.items()
        if path.startswith("node_modules/")
    }


def test_vendor_map_packages_pinned_exactly() -> None:
    wanted = json.loads((LOCK.parent / "package.json").read_text("utf-8"))["dependencies"]
    locked = _locked()
    for name in MAP_PACKAGES:
        assert re.fullmatch(r"\d+\.\d+\.\d+", wanted[name]), f"{name}: pin an exact version"
        assert locked[name] == wanted[name]
    assert "resolved" not in LOCK.read_text("utf-8")  # no registry address in git


def test_vendor_each_package_has_its_licence_and_readme_row() -> None:
    readme = (VENDOR / "README.md").read_text("utf-8")
    locked = _locked()
    for name in MAP_PACKAGES:
        folder = VENDOR / name
        assert (folder / "LICENSE").is_file(), f"{name}: copy its LICENSE"
        assert len(list(folder.iterdir())) >= 2, f"{name}: nothing vendored besides the licence"
        assert f"| {name} | {locked[name]} |" in readme, f"{name}: list it in vendor/README.md"


def test_vendor_scripts_are_the_locked_versions() -> None:
    locked = _locked()
    for name in ("d3-array", "d3-geo", "topojson-client"):
        head = (VENDOR / name / f"{name}.min.js").read_text("utf-8")[:300]
        assert f"v{locked[name]} " in head, f"{name}: re-run make vendor-web"


def test_vendor_every_web_file_is_packaged() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["actorgraph"]
    package = WEB.parent
    files = [p for p in WEB.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert any(p.parent.parent == VENDOR for p in files)
    for path in files:
        relative = path.relative_to(package).as_posix()
        matched = any(
            fnmatch.fnmatch(relative, pat) and relative.count("/") == pat.count("/")
            for pat in patterns
        )
        assert matched, f"{relative} is not in pyproject's package-data"
