-- m004: sort keys copied onto fact rows, so a profile's "newest first, first 100" lists
-- are index range scans with no join to documents and no sort of a hub's tens of
-- thousands of rows.
--
-- published_key is COALESCE(documents.published, '') of the row's document, and
-- date_key is COALESCE(events.date_start, '') of the row's event: '' sorts last under
-- DESC on both engines, as NULLS LAST does (SQLite indexes cannot say NULLS LAST).
-- The write path fills them, and rewrites published_key when a document's date changes;
-- Store.check() reports rows whose key differs from its source.

ALTER TABLE mentions ADD COLUMN published_key TEXT NOT NULL DEFAULT '';
ALTER TABLE quotes ADD COLUMN published_key TEXT NOT NULL DEFAULT '';
ALTER TABLE relations ADD COLUMN published_key TEXT NOT NULL DEFAULT '';
ALTER TABLE event_actors ADD COLUMN date_key TEXT NOT NULL DEFAULT '';
ALTER TABLE event_actors ADD COLUMN start_char INTEGER NOT NULL DEFAULT 0;

UPDATE mentions SET published_key = COALESCE(
    (SELECT d.published FROM documents d WHERE d.id = mentions.document_id), '');
UPDATE quotes SET published_key = COALESCE(
    (SELECT d.published FROM documents d WHERE d.id = quotes.document_id), '');
UPDATE relations SET published_key = COALESCE(
    (SELECT d.published FROM documents d WHERE d.id = relations.document_id), '');
UPDATE event_actors SET
    date_key = COALESCE((SELECT e.date_start FROM events e WHERE e.id = event_actors.event_id), ''),
    start_char = (SELECT e.start_char FROM events e WHERE e.id = event_actors.event_id);

-- A profile's documents: an actor's mentions grouped per document, with its date, read
-- from the index alone. It starts like mentions_actor, which it replaces.
CREATE INDEX mentions_actor_published ON mentions (actor_id, document_id, published_key);
DROP INDEX mentions_actor;

-- A profile's quotes, relations (from either end) and events, newest first.
CREATE INDEX quotes_speaker_newest
    ON quotes (speaker_actor_id, published_key DESC, document_id, start_char, id);
CREATE INDEX relations_subject_newest
    ON relations (subject_actor_id, published_key DESC, document_id, start_char, id);
CREATE INDEX relations_object_newest
    ON relations (object_actor_id, published_key DESC, document_id, start_char, id);
CREATE INDEX event_actors_actor_newest
    ON event_actors (actor_id, date_key DESC, document_id, start_char, event_id, role);

-- Actor search reads (actor, alias) pairs by a range of alias_norm from the index alone.
CREATE INDEX actor_aliases_norm_alias ON actor_aliases (alias_norm, actor_id, alias);
DROP INDEX actor_aliases_norm;
