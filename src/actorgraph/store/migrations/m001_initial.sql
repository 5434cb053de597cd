-- m001: documents, the per-document rows of each stage, and cross-document actors.
--
-- Portable SQL (SQLite and PostgreSQL): TEXT, INTEGER and DOUBLE PRECISION (REAL is
-- 4 bytes in PostgreSQL; SQLite gives DOUBLE PRECISION the same REAL affinity), explicit
-- primary keys, no AUTOINCREMENT. Offsets are character offsets into documents.text;
-- the columns are named start_char/end_char because END is reserved in PostgreSQL.
-- Every fact row carries NOT NULL document_id/start_char/end_char with a foreign key
-- to documents: the store refuses a fact without evidence.

CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    title TEXT,
    published TEXT,
    publisher TEXT,
    author TEXT,
    url TEXT,
    source TEXT,
    language TEXT NOT NULL DEFAULT 'en',
    notes TEXT NOT NULL DEFAULT '[]',
    added_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE INDEX documents_published ON documents (published);

CREATE TABLE stage_runs (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    stage TEXT NOT NULL,
    version TEXT NOT NULL,
    run_at TEXT NOT NULL,
    PRIMARY KEY (document_id, stage)
);

CREATE TABLE actors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    kind TEXT,
    name_norm TEXT NOT NULL
);

CREATE INDEX actors_type ON actors (type);
CREATE INDEX actors_name_norm ON actors (name_norm);

CREATE TABLE entities (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    actor_id TEXT NOT NULL REFERENCES actors (id),
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    kind TEXT,
    confidence DOUBLE PRECISION NOT NULL,
    place_lat DOUBLE PRECISION,
    place_lon DOUBLE PRECISION,
    place_country TEXT,
    place_admin1 TEXT,
    place_precision TEXT,
    place_gazetteer_id TEXT,
    stage TEXT NOT NULL,
    PRIMARY KEY (document_id, local_id)
);

CREATE INDEX entities_actor ON entities (actor_id);

CREATE TABLE mentions (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    label TEXT NOT NULL,
    actor_id TEXT NOT NULL REFERENCES actors (id),
    confidence DOUBLE PRECISION NOT NULL,
    stage TEXT NOT NULL,
    PRIMARY KEY (document_id, local_id, start_char, end_char),
    FOREIGN KEY (document_id, local_id) REFERENCES entities (document_id, local_id)
        ON DELETE CASCADE,
    CHECK (start_char >= 0 AND end_char >= start_char)
);

CREATE INDEX mentions_actor ON mentions (actor_id, document_id);
CREATE INDEX mentions_span ON mentions (document_id, start_char);

CREATE TABLE actor_aliases (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    alias TEXT NOT NULL,
    alias_norm TEXT NOT NULL,
    actor_id TEXT NOT NULL REFERENCES actors (id),
    stage TEXT NOT NULL,
    PRIMARY KEY (document_id, local_id, alias),
    FOREIGN KEY (document_id, local_id) REFERENCES entities (document_id, local_id)
        ON DELETE CASCADE
);

CREATE INDEX actor_aliases_actor ON actor_aliases (actor_id);
CREATE INDEX actor_aliases_norm ON actor_aliases (alias_norm);

CREATE TABLE dates (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    value TEXT,
    date_precision TEXT,
    start_date TEXT,
    end_date TEXT,
    relative INTEGER NOT NULL DEFAULT 0,
    stage TEXT NOT NULL,
    PRIMARY KEY (document_id, start_char, end_char),
    CHECK (start_char >= 0 AND end_char >= start_char)
);

CREATE INDEX dates_interval ON dates (start_date, end_date);

CREATE TABLE quotes (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker_local_id TEXT,
    speaker_actor_id TEXT REFERENCES actors (id),
    speaker_start INTEGER,
    speaker_end INTEGER,
    speaker_text TEXT,
    cue TEXT,
    cue_start INTEGER,
    cue_end INTEGER,
    confidence DOUBLE PRECISION NOT NULL,
    stage TEXT NOT NULL,
    FOREIGN KEY (document_id, speaker_local_id) REFERENCES entities (document_id, local_id),
    CHECK (start_char >= 0 AND end_char >= start_char)
);

CREATE INDEX quotes_speaker ON quotes (speaker_actor_id);
CREATE INDEX quotes_document ON quotes (document_id, start_char);

CREATE TABLE relations (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    subject_local_id TEXT NOT NULL,
    subject_actor_id TEXT NOT NULL REFERENCES actors (id),
    predicate TEXT NOT NULL,
    object_local_id TEXT NOT NULL,
    object_actor_id TEXT NOT NULL REFERENCES actors (id),
    role TEXT,
    mode TEXT NOT NULL DEFAULT '[]',
    valid_start TEXT,
    valid_end TEXT,
    modality TEXT NOT NULL,
    attributed_local_id TEXT,
    attributed_actor_id TEXT REFERENCES actors (id),
    confidence DOUBLE PRECISION NOT NULL,
    stage TEXT NOT NULL,
    FOREIGN KEY (document_id, subject_local_id) REFERENCES entities (document_id, local_id),
    FOREIGN KEY (document_id, object_local_id) REFERENCES entities (document_id, local_id),
    FOREIGN KEY (document_id, attributed_local_id) REFERENCES entities (document_id, local_id),
    CHECK (start_char >= 0 AND end_char >= start_char)
);

CREATE INDEX relations_subject ON relations (subject_actor_id, predicate);
CREATE INDEX relations_object ON relations (object_actor_id, predicate);
CREATE INDEX relations_document ON relations (document_id);

CREATE TABLE events (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    type TEXT NOT NULL,
    mode TEXT,
    modality TEXT NOT NULL,
    attributed_local_id TEXT,
    attributed_actor_id TEXT REFERENCES actors (id),
    date_text TEXT,
    date_value TEXT,
    date_start TEXT,
    date_end TEXT,
    confidence DOUBLE PRECISION NOT NULL,
    stage TEXT NOT NULL,
    FOREIGN KEY (document_id, attributed_local_id) REFERENCES entities (document_id, local_id),
    CHECK (start_char >= 0 AND end_char >= start_char)
);

CREATE INDEX events_document ON events (document_id);
CREATE INDEX events_type ON events (type, date_start);

-- The participants of an event: role is 'actor', 'target' or 'location'.
CREATE TABLE event_actors (
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    document_id TEXT NOT NULL,
    local_id TEXT NOT NULL,
    actor_id TEXT NOT NULL REFERENCES actors (id),
    PRIMARY KEY (event_id, role, local_id),
    FOREIGN KEY (document_id, local_id) REFERENCES entities (document_id, local_id)
);

CREATE INDEX event_actors_actor ON event_actors (actor_id, role);

-- Every evidence span of a quote, relation or event (exactly one of the three ids is set).
CREATE TABLE evidence (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    stage TEXT NOT NULL,
    confidence DOUBLE PRECISION NOT NULL,
    quote_id TEXT REFERENCES quotes (id) ON DELETE CASCADE,
    relation_id TEXT REFERENCES relations (id) ON DELETE CASCADE,
    event_id TEXT REFERENCES events (id) ON DELETE CASCADE,
    CHECK (start_char >= 0 AND end_char >= start_char),
    CHECK (
        (CASE WHEN quote_id IS NULL THEN 0 ELSE 1 END)
        + (CASE WHEN relation_id IS NULL THEN 0 ELSE 1 END)
        + (CASE WHEN event_id IS NULL THEN 0 ELSE 1 END) = 1
    )
);

CREATE INDEX evidence_document ON evidence (document_id, start_char);
CREATE INDEX evidence_quote ON evidence (quote_id);
CREATE INDEX evidence_relation ON evidence (relation_id);
CREATE INDEX evidence_event ON evidence (event_id);
