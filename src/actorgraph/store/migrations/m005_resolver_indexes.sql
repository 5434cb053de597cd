-- m005: covering indexes for the resolver, which runs inside every save.
--
-- Resolving a document counts, for each candidate actor, the documents it is named in
-- and the context actors it shares a document with. For an actor named in thousands of
-- documents both read every one of its entity rows; with (actor_id, document_id) and
-- (document_id, actor_id) they are read from the indexes alone, never from the table.
CREATE INDEX IF NOT EXISTS entities_actor_document ON entities (actor_id, document_id);
CREATE INDEX IF NOT EXISTS entities_document_actor ON entities (document_id, actor_id);
DROP INDEX IF EXISTS entities_actor;

-- The distinct aliases of a candidate, from the index alone.
CREATE INDEX IF NOT EXISTS actor_aliases_actor_alias ON actor_aliases (actor_id, alias);
DROP INDEX IF EXISTS actor_aliases_actor;
