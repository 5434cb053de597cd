"""`make audit` offline: installed versions matched against an OSV dump."""

from __future__ import annotations

import importlib.util
import json
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "audit.py"


@pytest.fixture(scope="module")
def audit() -> ModuleType:
    spec = importlib.util.spec_from_file_location("audit_script", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _record(vid: str, name: str, events: list[dict[str, str]], versions: list[str]) -> str:
    return json.dumps(
        {
            "id": vid,
            "aliases": [f"CVE-{vid}"],
            "summary": f"problem {vid}",
            "affected": [
                {
                    "package": {"ecosystem": "PyPI", "name": name},
                    "ranges": [{"type": "ECOSYSTEM", "events": events}],
                    "versions": versions,
                }
            ],
        }
    )


def test_ranges_lists_and_names(audit: ModuleType, tmp_path: Path) -> None:
    dump = tmp_path / "all.zip"
    with zipfile.ZipFile(dump, "w") as z:
        z.writestr("A.json", _record("A", "Some_Pkg", [{"introduced": "0"}, {"fixed": "2.0"}], []))
        z.writestr("B.json", _record("B", "some-pkg", [{"introduced": "0"}, {"fixed": "1.2"}], []))
        z.writestr("C.json", _record("C", "other", [], ["0.9"]))
        z.writestr("D.json", _record("D", "other", [{"introduced": "1.0"}], []))
        z.writestr(
            "E.json",
            _record("E", "some.pkg", [{"introduced": "1.0"}, {"last_affected": "1.5"}], []),
        )
        z.writestr("F.json", _record("F", "absent", [{"introduced": "0"}], []))
    found = audit.match_osv(dump, {"some-pkg": "1.5", "other": "0.9"})
    assert [(f.package, f.vuln) for f in found] == [
        ("other", "C"),
        ("some-pkg", "A"),
        ("some-pkg", "E"),
    ]
    assert found[1].fixed == ("2.0",) and found[1].aliases == ("CVE-A",)


def test_command_exit_status(
    audit: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "osv"
    folder.mkdir()
    (folder / "X.json").write_text(_record("X", "click", [{"introduced": "0"}], []))
    assert audit.main(["--osv", str(folder)]) == 1  # click is installed: every version listed
    out = capsys.readouterr().out
    assert "click" in out and "1 known vulnerabilities" in out
    (folder / "X.json").write_text(
        _record("X", "click", [{"introduced": "0"}, {"fixed": "0.1"}], [])
    )
    assert audit.main(["--osv", str(folder)]) == 0
    assert audit.main(["--osv", str(tmp_path / "missing.zip")]) == 2
