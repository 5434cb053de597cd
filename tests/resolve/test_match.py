"""Name keys and scores on hand-made names (no store)."""

from __future__ import annotations

from actorgraph.resolve.keys import names_of, person_name
from actorgraph.resolve.match import THRESHOLD, name_score


def _score(a: str, b: str, type_: str = "PERSON", other: str | None = None) -> float:
    return name_score(names_of(a, [], type_), names_of(b, [], other or type_))[0]


def test_match_keys_drop_titles_and_fold_transliterations() -> None:
    donald = person_name("President Donald J. Trump")
    assert donald is not None and (donald.first, donald.middle, donald.last) == (
        "donald",
        ("j",),
        "trump",
    )
    assert person_name("Mr. Trump") is None
    keys = names_of("Qays al-Khazaali", ("Khazaali", "the group"), "PERSON")
    assert keys.names == ("Qays al-Khazaali", "Khazaali")
    assert "n:kais khazali" in keys.exact
    assert keys.bare == frozenset({"n:khazali"})  # looked up, never indexed
    assert "n:khazali" not in keys.index_keys
    assert "a:aah" in names_of("AAH", (), "ORG").exact


def test_match_full_names_must_agree() -> None:
    assert _score("Hillary Clinton", "Hillary Rodham Clinton") >= THRESHOLD
    assert _score("Qais al-Khazali", "Qays al-Khazaali") >= THRESHOLD
    assert _score("Hillary Clinton", "Bill Clinton") == 0.0
    assert _score("Clinton", "Hillary Clinton") == 0.0
    assert _score("Abu Bakr al-Baghdadi", "Abu Omar al-Baghdadi") == 0.0
    assert _score("Donald Trump", "Donald Trump", "ORG", "PERSON") >= THRESHOLD
    assert _score("Donald Trump", "Donald Trump", "PERSON", "ORG") == 0.0


def test_match_org_variants_and_acronyms() -> None:
    assert _score("Kataib Hezbollah", "Kata'ib Hizballah", "ORG") >= THRESHOLD
    assert _score("Badr Organization", "Dawa Party", "ORG") == 0.0
    assert _score("Baghdad", "Baghdad", "GPE", "LOC") >= THRESHOLD
