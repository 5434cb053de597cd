"""Documents as a reader browses them, on both engines: a page of them, one with its spans."""

from __future__ import annotations

import pytest
from store_samples import TEXT, other, seed, span

from actorgraph.errors import NotFoundError
from actorgraph.store import Store


def test_documents_page_newest_first_with_the_total(store: Store) -> None:
    first, second = seed(), other()
    store.save(first)
    store.save(second)
    page, total = store.documents(limit=1, offset=0)
    assert total == 2
    assert [(d.id, d.title, d.published, d.length) for d in page] == [
        (second.document.id, "Khazali in Basra", "2015-03-01", len(second.document.text))
    ]
    rest, _ = store.documents(limit=5, offset=1)
    assert [d.id for d in rest] == [first.document.id]
    assert store.documents(limit=5, offset=2) == ([], 2)


def test_documents_one_with_every_span_in_text_order(store: Store) -> None:
    analysis = seed()
    store.save(analysis)
    found = store.document(analysis.document.id)
    assert found.text == TEXT and found.title == "Militias in Baghdad"
    starts = [m.start for m in found.mentions]
    assert starts == sorted(starts) and len(found.mentions) == 7
    khazali = found.mentions[0]
    assert (khazali.start, khazali.end, khazali.name, khazali.type) == (
        *span(TEXT, "Qais al-Khazali"),
        "Qais al-Khazali",
        "PERSON",
    )
    (quote,) = found.quotes
    assert (quote.kind, quote.speaker_name) == ("direct", "Qais al-Khazali")
    assert (quote.speaker_start, quote.speaker_end) == span(TEXT, "Khazali", 1)
    labels = {(e.fact, e.label, e.modality) for e in found.evidence}
    assert labels == {
        ("relation", "Qais al-Khazali leader of Asaib Ahl al-Haq", "asserted"),
        ("relation", "Hadi al-Amiri leader of Badr Organization", "asserted"),
        ("event", "MOBILIZE (2014-06)", "asserted"),
        ("quote", "quote", None),
    }
    assert [e.start for e in found.evidence] == sorted(e.start for e in found.evidence)
    with pytest.raises(NotFoundError, match="no document with id 'nope'"):
        store.document("nope")
