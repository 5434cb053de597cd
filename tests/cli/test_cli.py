"""The CLI through click's runner: analyze, ingest (with bad input), the query commands."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from actorgraph.cli.main import cli
from actorgraph.store import open_store

ARTICLE = (
    "Colonel Samir Haddad, the commander of the Northern Shield Brigades, said on Monday "
    'that his men had retaken the bridge. "We will hold this line," Haddad said. '
    "Last March, the brigades withdrew from the town of Tel Hamra.\n"
)


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def test_cli_analyze_json_is_grounded(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = _run("analyze", str(f), "--published", "2016-05-10", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["schema"] == "actorgraph.analysis/1"
    assert data["document"]["published"] == "2016-05-10"
    text = ARTICLE
    haddad = [e for e in data["entities"] if e["name"] == "Samir Haddad"]
    assert haddad and "Haddad" in haddad[0]["aliases"]
    for e in data["entities"]:
        for start, end in e["mentions"]:
            assert 0 <= start < end <= len(text)
    quote = next(q for q in data["quotes"] if q["kind"] == "direct")
    assert text[quote["start"] : quote["end"]] == quote["text"]
    assert quote["speaker"] == haddad[0]["id"]
    last_march = next(d for d in data["dates"] if d["text"] == "Last March")
    assert last_march["value"] == "2016-03"


def test_cli_analyze_without_date_says_so(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["analyze", str(f), "--format", "text"])
    assert result.exit_code == 0
    assert "publication date unknown" in result.stderr
    assert "published: unknown" in result.stdout
    assert "'Last March'" in result.stdout and "unresolved" in result.stdout


@pytest.mark.shared
def test_cli_analyze_validates_against_shared_schema(tmp_path: Path, shared: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")  # a dev dependency: always installed
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    _, out, _ = _run("analyze", str(f), "--published", "2016-05-10")
    schema = json.loads((shared / "eval" / "analysis.schema.json").read_text("utf-8"))
    jsonschema.validate(json.loads(out), schema)


def test_cli_ingest_bad_input_reports_and_goes_on(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (corpus / "latin1.txt").write_bytes("Caf\xe9 in Mosul.".encode("latin-1"))
    (corpus / "big.txt").write_bytes(b"word " * 4_200_000)  # 21 MB
    (corpus / "nav.html").write_text("<html><body><nav>Home</nav></body></html>", "utf-8")
    lines = [
        json.dumps({"text": "The Red Cross said the camp was full.", "title": "one"}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": "Amnesty International said it was worried.", "title": "two"}),
    ]
    (corpus / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "s.db"
    code, out, err = _run("--db", str(db), "ingest", "-q", str(corpus))
    assert code == 1
    assert "documents: 3 added, 0 unchanged, 0 updated, 7 failed" in out
    for name in ("empty.txt", "binary.txt", "latin1.txt", "big.txt", "nav.html"):
        assert name in err
    assert "feed.jsonl:2" in err and "feed.jsonl:3" in err
    assert _count(db, "documents") == 3
    # a second run changes nothing and still reports the failures
    code, out, _ = _run("--db", str(db), "ingest", "-q", str(corpus))
    assert code == 1
    assert "0 added, 3 unchanged" in out
    assert _count(db, "documents") == 3


def test_cli_ingest_is_idempotent_and_queries_work(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "s.db"
    code, out, _ = _run("--db", str(db), "ingest", "-q", str(f), "--published", "2016-05-10")
    assert code == 0 and "1 added" in out
    counts = {t: _count(db, t) for t in ("mentions", "quotes", "dates", "actors")}
    code, out, _ = _run("--db", str(db), "ingest", "-q", str(f), "--published", "2016-05-10")
    assert "0 added, 1 unchanged" in out
    assert counts == {t: _count(db, t) for t in counts}

    code, out, _ = _run("--db", str(db), "actors", "--type", "person")
    assert code == 0 and "Samir Haddad" in out
    code, out, _ = _run("--db", str(db), "show", "haddad")
    assert code == 0
    assert out.startswith("Samir Haddad  (PERSON)")
    assert "We will hold this line" in out
    code, out, _ = _run("--db", str(db), "quotes", "--speaker", "Haddad")
    assert "Samir Haddad [direct]" in out
    code, out, _ = _run("--db", str(db), "summary")
    assert code == 0 and "PERSON" in out
    code, out, _ = _run("--db", str(db), "check")
    assert code == 0 and "0 problems" in out


def test_cli_show_unknown_actor_fails_clearly(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    open_store(db).close()
    result = CliRunner().invoke(cli, ["--db", str(db), "show", "Nobody"])
    assert result.exit_code == 1
    assert "no actor matches 'Nobody'" in result.stderr


def test_cli_bad_published_flag_is_one_clear_error(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["analyze", str(f), "--published", "soon"])
    assert result.exit_code != 0
    assert "not a date" in str(result.exception) + result.stderr
