-- m003: indexes for the read queries at scale (1M facts, actors with tens of thousands).
--
-- Profiles, timelines and neighbourhoods pick their page from narrow keys first and join
-- only that page to the wide rows, so each index below covers what that first step reads
-- (an index-only scan on PostgreSQL once vacuumed, no table lookups on SQLite).

-- Relations of an actor from either end, with the other end (neighbourhood) and the keys
-- that order a profile's relations (document, offset, id).
CREATE INDEX IF NOT EXISTS relations_subject_keys
    ON relations (subject_actor_id, object_actor_id, document_id, start_char, id);
CREATE INDEX IF NOT EXISTS relations_object_keys
    ON relations (object_actor_id, subject_actor_id, document_id, start_char, id);

-- The events of an actor, then the keys that order them (date, document, offset).
CREATE INDEX IF NOT EXISTS event_actors_actor_event ON event_actors (actor_id, event_id, role);
CREATE INDEX IF NOT EXISTS events_keys ON events (id, date_start, document_id, start_char);

-- The quotes of a speaker, with the keys that order them.
CREATE INDEX IF NOT EXISTS quotes_speaker_keys
    ON quotes (speaker_actor_id, document_id, start_char, id);

-- A document's date without reading its text (lists are ordered by publication).
CREATE INDEX IF NOT EXISTS documents_id_published ON documents (id, published);
