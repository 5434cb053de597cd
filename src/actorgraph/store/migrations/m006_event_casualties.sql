-- m006: the casualty counts of events (killed, injured, abducted, arrested), as the text
-- gives them and with who gives them: several counts of one kind are different sources'.
--
-- One row per count and evidence span (span_seq 0 for the first; the events stage gives
-- one). seq is the count's place among its event's counts, so "the first source's" count
-- of a kind is the row of lowest seq. The rows belong to the events stage: they are
-- replaced with their event, and deleted with it.

CREATE TABLE event_casualties (
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    span_seq INTEGER NOT NULL,
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    value INTEGER NOT NULL,
    qualifier TEXT,
    modality TEXT NOT NULL,
    attributed_local_id TEXT,
    attributed_actor_id TEXT REFERENCES actors (id),
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    stage TEXT NOT NULL,
    confidence DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (event_id, seq, span_seq),
    FOREIGN KEY (document_id, attributed_local_id) REFERENCES entities (document_id, local_id),
    CHECK (kind IN ('killed', 'injured', 'abducted', 'arrested')),
    CHECK (value >= 0),
    CHECK (start_char >= 0 AND end_char >= start_char)
);

CREATE INDEX event_casualties_document ON event_casualties (document_id);
CREATE INDEX event_casualties_actor ON event_casualties (attributed_actor_id);
