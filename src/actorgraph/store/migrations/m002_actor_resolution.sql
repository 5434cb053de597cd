-- m002: cross-document actor resolution: the name keys actors are found by, and the
-- merge/split/alias decisions users make, which every later save applies again.
--
-- actor_keys rows belong to one document's entity (deleted with it); decisions belong to
-- no document, so they survive re-ingest. Keys are prefixed by kind (see resolve/keys.py).

CREATE TABLE actor_keys (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    key TEXT NOT NULL,
    actor_id TEXT NOT NULL REFERENCES actors (id),
    PRIMARY KEY (document_id, local_id, key),
    FOREIGN KEY (document_id, local_id) REFERENCES entities (document_id, local_id)
        ON DELETE CASCADE
);

CREATE INDEX actor_keys_key ON actor_keys (key, actor_id);
CREATE INDEX actor_keys_actor ON actor_keys (actor_id);

-- kind: 'merge' (other_id's mentions became actor_id's), 'split' (the entities of
-- document_id, or those named alias, moved from actor_id to other_id) or 'alias' (alias
-- names actor_id). No foreign keys: an actor may vanish and come back on re-ingest.
CREATE TABLE actor_decisions (
    seq INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    other_id TEXT,
    document_id TEXT,
    alias TEXT,
    alias_key TEXT,
    made_at TEXT NOT NULL,
    CHECK (kind IN ('merge', 'split', 'alias'))
);

-- The keys a decision points at its actor_id: an alias's keys, or a merged actor's keys.
CREATE TABLE actor_decision_keys (
    decision_seq INTEGER NOT NULL REFERENCES actor_decisions (seq) ON DELETE CASCADE,
    key TEXT NOT NULL,
    PRIMARY KEY (decision_seq, key)
);

CREATE INDEX actor_decision_keys_key ON actor_decision_keys (key);
