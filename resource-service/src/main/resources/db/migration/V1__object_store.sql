-- The object store. Objects live in "objects"; every committed change also appends one row to
-- "object_events", in the same transaction. That log is at once the watch history and the
-- transactional outbox that the relay publishes to Kafka.

-- One cluster-wide resourceVersion counter. A writer takes its row lock (UPDATE ... RETURNING)
-- as the last step before commit, so commits happen in resourceVersion order and a reader that
-- has seen version N can never later find a committed version below N.
CREATE TABLE revision_counter (
    id       smallint PRIMARY KEY CHECK (id = 1),
    revision bigint   NOT NULL
);
INSERT INTO revision_counter (id, revision) VALUES (1, 1);

CREATE TABLE objects (
    api_group        text   NOT NULL,
    resource         text   NOT NULL,
    namespace        text   NOT NULL DEFAULT '',
    name             text   NOT NULL,
    uid              uuid   NOT NULL UNIQUE,
    resource_version bigint NOT NULL,
    generation       bigint NOT NULL DEFAULT 1,
    body             jsonb  NOT NULL,
    PRIMARY KEY (api_group, resource, namespace, name)
);
CREATE INDEX objects_by_resource_version ON objects (api_group, resource, resource_version);
CREATE INDEX objects_labels ON objects USING gin ((body -> 'metadata' -> 'labels'));

CREATE TABLE object_events (
    revision     bigint      PRIMARY KEY,
    api_group    text        NOT NULL,
    resource     text        NOT NULL,
    namespace    text        NOT NULL DEFAULT '',
    name         text        NOT NULL,
    event_type   text        NOT NULL CHECK (event_type IN ('ADDED', 'MODIFIED', 'DELETED')),
    body         jsonb       NOT NULL,
    committed_at timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);
-- the outbox relay reads only what it has not published yet
CREATE INDEX object_events_unpublished ON object_events (revision) WHERE published_at IS NULL;
CREATE INDEX object_events_by_resource ON object_events (api_group, resource, revision);

-- Watch history older than this revision has been compacted away: a watch from below it gets 410 Gone.
CREATE TABLE compaction (
    id                 smallint PRIMARY KEY CHECK (id = 1),
    compacted_revision bigint   NOT NULL
);
INSERT INTO compaction (id, compacted_revision) VALUES (1, 0);
