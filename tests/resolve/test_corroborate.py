"""Facts across documents: evidence grouped, distinct sources counted, conflicts flagged."""

from __future__ import annotations

from resolve_samples import Ent, Rel, analysis

from actorgraph.model import Analysis, Interval
from actorgraph.resolve.corroborate import WIRE_WORDS, wire_credit
from actorgraph.store import Store

KH, IRAN = Ent("Kataib Hezbollah", "ORG"), Ent("Iran", "GPE")
BACKED = "Kataib Hezbollah is backed by Iran."


def _backed(text: str, sentence: str = BACKED, **meta: str | None) -> Analysis:
    return analysis(text, KH, IRAN, relations=(Rel(1, "supported_by", 2, sentence),), **meta)


def test_corroborate_counts_distinct_publishers(store: Store) -> None:
    said = [
        "Kataib Hezbollah is backed by Iran, a US official said.",
        "Kataib Hezbollah, long backed by Iran, fired rockets at the base.",
        "Kataib Hezbollah is backed by Iran and answers to Tehran.",
        "Analysts agree Kataib Hezbollah is backed by Iran's Quds Force.",
        "Kataib Hezbollah is, as everyone in Baghdad knows, backed by Iran.",
    ]
    docs = [
        _backed(f"Monday. {said[0]}", said[0], publisher="Reuters"),
        _backed(f"Tuesday. {said[1]}", said[1], publisher="Reuters"),
        _backed(f"Opinion. {said[2]}", said[2], publisher="The Guardian"),
        _backed(f"Analysis. {said[3]}", said[3], publisher="the guardian"),
        _backed(f"Dispatch. {said[4]}", said[4], publisher="Al-Monitor"),
    ]
    for d in docs:
        store.save(d)
    (fact,) = store.corroborated_relations()
    assert (fact.subject, fact.predicate, fact.object) == (
        "Kataib Hezbollah",
        "supported_by",
        "Iran",
    )
    assert fact.documents == len(fact.evidence) == 5
    assert fact.publishers == 3  # Reuters, the Guardian, Al-Monitor
    assert fact.conflicts == ()
    assert store.corroborated_relations("Iran")[0].documents == 5
    assert store.corroborated_relations("Nobody At All") == []


def test_corroborate_collapses_a_reprinted_wire_story(store: Store) -> None:
    wire = "Kataib Hezbollah, the militia, is backed by Iran, officials said."
    own = "Iran backs Kataib Hezbollah with money and arms."
    docs = [
        _backed(f"BAGHDAD (AP) — {wire}", wire, publisher="Associated Press"),
        _backed(f"BAGHDAD (AP) — {wire} Copyright.", wire, publisher="Fox News"),
        _backed(f"By The Associated Press\n\n{wire} More.", wire, publisher="ABC News"),
        _backed(f"Our correspondent writes. {own}", own, publisher="BBC"),
        _backed(f"From our desk: {own} Also...", own, publisher="NPR"),
    ]
    for d in docs:
        store.save(d)
    (fact,) = store.corroborated_relations()
    assert fact.documents == 5
    assert fact.publishers == 2  # the AP story three times, and BBC/NPR's shared sentence


def test_corroborate_wire_credit_ignores_agency_as_quoted_source() -> None:
    assert wire_credit("BAGHDAD (Reuters) - Fighting.") == "Reuters"
    assert wire_credit("WASHINGTON (AP) — The Senate.") == "Associated Press"
    assert wire_credit("The minister told Reuters on Monday that...") is None
    assert wire_credit("Text.", "Reporting by Ahmed Rasheed; Reuters") == "Reuters"
    assert wire_credit("A quiet day in Basra.") is None


LEADS = Ent("Asaib Ahl al-Haq", "ORG")


def _leader(name: str, sentence: str, published: str, valid: Interval | None = None) -> Analysis:
    return analysis(
        sentence,
        Ent(name, "PERSON"),
        LEADS,
        relations=(Rel(1, "leader_of", 2, sentence, valid=valid or Interval()),),
        published=published,
        publisher=f"Outlet {name}",
    )


def test_corroborate_flags_two_leaders_at_once(store: Store) -> None:
    store.save(_leader("Qais al-Khazali", "Qais al-Khazali leads Asaib Ahl al-Haq.", "2015-02-04"))
    store.save(
        _leader(
            "Akram al-Kaabi",
            "Akram al-Kaabi has led Asaib Ahl al-Haq since 2014.",
            "2015-03-01",
            Interval("2014", None),
        )
    )
    facts = {f.subject: f for f in store.corroborated_relations(predicate="leader_of")}
    for name, other in (
        ("Qais al-Khazali", "Akram al-Kaabi"),
        ("Akram al-Kaabi", "Qais al-Khazali"),
    ):
        (conflict,) = facts[name].conflicts
        assert conflict.kind == "rival" and other in conflict.detail
    # Asked about one leader, the rival still shows.
    (fact,) = store.corroborated_relations("Qais al-Khazali")
    assert [c.kind for c in fact.conflicts] == ["rival"]


def test_corroborate_former_leader_is_no_rival(store: Store) -> None:
    store.save(
        _leader(
            "Qais al-Khazali",
            "Qais al-Khazali has led Asaib Ahl al-Haq since 2014.",
            "2015-02-04",
            Interval("2014", None),
        )
    )
    store.save(
        _leader(
            "Akram al-Kaabi",
            "Akram al-Kaabi, a former leader of Asaib Ahl al-Haq, spoke.",
            "2015-03-01",
            Interval(None, "2015-03-01"),
        )
    )
    store.save(
        _leader(
            "Abu Mahdi al-Muhandis",
            "Abu Mahdi al-Muhandis led Asaib Ahl al-Haq in 2009.",
            "2015-03-01",
            Interval("2009", "2009"),
        )
    )
    assert all(f.conflicts == () for f in store.corroborated_relations())


def test_corroborate_flags_asserted_and_denied(store: Store) -> None:
    store.save(_backed(f"{BACKED} Officials agreed.", publisher="Reuters"))
    denied = "Iran denied that it backs Kataib Hezbollah."
    store.save(
        analysis(
            f"Tehran. {denied}",
            KH,
            IRAN,
            relations=(Rel(1, "supported_by", 2, denied, modality="denied"),),
            publisher="Press TV",
        )
    )
    (fact,) = store.corroborated_relations()
    assert fact.documents == 2 and fact.publishers == 2
    (conflict,) = fact.conflicts
    assert conflict.kind == "disputed"
    assert len(conflict.relation_ids) == 2


def test_corroborate_wire_credit_words_cover_every_agency() -> None:
    # wire_credit skips a text without any of WIRE_WORDS: each agency's forms need one.
    credits = {
        "BAGHDAD (Reuters) - Fighting.": "Reuters",
        "Fighting. (Associated Press)": "Associated Press",
        "KABUL (AP) - Fighting.": "Associated Press",
        "Fighting. AP Photo/Rahmat Gul": "Associated Press",
        "Fighting, Agence France-Presse reports.": "AFP",
        "Fighting, Agence France Presse reports.": "AFP",
        "GAZA (AFP) - Fighting.": "AFP",
        "Fighting. AFP Photo": "AFP",
        "BEIJING, May 3 (Xinhua) -- Fighting.": "Xinhua",
        "By United Press International. Fighting.": "UPI",
        "LAGOS (UPI) - Fighting.": "UPI",
        "BERLIN (dpa) - Fighting.": "dpa",
        "Fighting, the Deutsche Presse-Agentur reports.": "dpa",
        "ANKARA, the Anadolu Agency reports. Fighting.": "Anadolu",
    }
    for text, agency in credits.items():
        assert wire_credit(text) == agency, text
        assert any(word in text for word in WIRE_WORDS), text
