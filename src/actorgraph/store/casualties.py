"""Read the casualty counts of events back (m006), in the order their event gave them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from actorgraph.store._db import Database
from actorgraph.store.filters import marks
from actorgraph.store.rows import CasualtyRec, Party, Span


def casualties(db: Database, event_ids: Sequence[str]) -> dict[str, tuple[CasualtyRec, ...]]:
    """Return the casualty counts of these events, by event id (events without any left out)."""
    spans: dict[tuple[str, int], list[Span]] = {}
    heads: dict[tuple[str, int], tuple[str, int, str | None, str, Party | None]] = {}
    for chunk in _chunks(event_ids):
        for row in db.execute(
            "SELECT c.event_id, c.seq, c.kind, c.value, c.qualifier, c.modality, "
            "c.attributed_actor_id, a.name, a.type, a.kind, c.start_char, c.end_char, "
            "SUBSTR(d.text, c.start_char + 1, c.end_char - c.start_char), c.stage, c.confidence "
            "FROM event_casualties c JOIN documents d ON d.id = c.document_id "
            "LEFT JOIN actors a ON a.id = c.attributed_actor_id "
            f"WHERE c.event_id IN ({marks(chunk)}) ORDER BY c.event_id, c.seq, c.span_seq",
            chunk,
        ):
            key = (row[0], row[1])
            if key not in heads:
                party = None if row[6] is None else Party(row[6], row[7], row[8], row[9], None)
                heads[key] = (row[2], row[3], row[4], row[5], party)
            spans.setdefault(key, []).append(Span(*row[10:15]))
    found: dict[str, list[CasualtyRec]] = {}
    for (event_id, _), (kind, value, qualifier, modality, party) in heads.items():
        found.setdefault(event_id, []).append(
            CasualtyRec(kind, value, qualifier, modality, party, tuple(spans[(event_id, _)]))
        )
    return {k: tuple(v) for k, v in found.items()}


def _chunks(ids: Iterable[str], size: int = 500) -> Iterable[list[str]]:
    ids = list(ids)
    for i in range(0, len(ids), size):
        yield ids[i : i + size]
