-- m007: ingest runs, and the run that first wrote each actor, document and fact row, so
-- "what changed" (`actorgraph changes`, GET /api/changes) is a query.
--
-- A run is one `actorgraph ingest` or `load` (or a library call of batch.local.ingest,
-- batch.dask.ingest, batch.shards.load_shards on a store). id is the run's number, 1 for
-- the first; the store assigns MAX(id) + 1 under its write lock. inputs is a JSON list of
-- the paths given. The counts are the run's documents and the rows it added: a document
-- re-analysed (a stage version changed) keeps the run of the rows that were already there.
--
-- run_id/first_run are NULL for rows written outside a run (before m007, or by a direct
-- Store.save): they count as older than every run. Evidence rows are written with their
-- fact and never without it, so a fact's run_id is also its evidence's.

CREATE TABLE ingest_runs (
    id INTEGER PRIMARY KEY,
    command TEXT NOT NULL,
    status TEXT NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT,
    inputs TEXT NOT NULL DEFAULT '[]',
    documents_added INTEGER NOT NULL DEFAULT 0,
    documents_updated INTEGER NOT NULL DEFAULT 0,
    documents_unchanged INTEGER NOT NULL DEFAULT 0,
    documents_failed INTEGER NOT NULL DEFAULT 0,
    actors_added INTEGER NOT NULL DEFAULT 0,
    relations_added INTEGER NOT NULL DEFAULT 0,
    events_added INTEGER NOT NULL DEFAULT 0,
    quotes_added INTEGER NOT NULL DEFAULT 0,
    CHECK (status IN ('running', 'done', 'interrupted', 'failed'))
);

CREATE INDEX ingest_runs_started ON ingest_runs (started_at);

ALTER TABLE documents ADD COLUMN first_run INTEGER;
ALTER TABLE documents ADD COLUMN last_run INTEGER;
ALTER TABLE actors ADD COLUMN first_run INTEGER;
ALTER TABLE relations ADD COLUMN run_id INTEGER;
ALTER TABLE events ADD COLUMN run_id INTEGER;
ALTER TABLE quotes ADD COLUMN run_id INTEGER;

CREATE INDEX documents_last_run ON documents (last_run);
CREATE INDEX actors_first_run ON actors (first_run);
CREATE INDEX relations_run ON relations (run_id);
CREATE INDEX events_run ON events (run_id);
CREATE INDEX quotes_run ON quotes (run_id);
