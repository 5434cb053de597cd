"""The store: documents, analyses and actors in SQLite (PostgreSQL later, same migrations)."""

from __future__ import annotations

from actorgraph.store.rows import (
    ActorRow,
    DocumentMentions,
    EventRow,
    Profile,
    QuoteRow,
    RelationRow,
)
from actorgraph.store.sqlite import Store, open_store

__all__ = [
    "ActorRow",
    "DocumentMentions",
    "EventRow",
    "Profile",
    "QuoteRow",
    "RelationRow",
    "Store",
    "open_store",
]
