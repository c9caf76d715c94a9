-- The outbox relay's position: every event up to this revision has reached Kafka. Events commit
-- and are published in revision order, so one number says what a published_at on each event
-- said, and the relay no longer rewrites every event row (body and all, with its index entries)
-- a second time once Kafka has it.
CREATE TABLE outbox_position (
    id                 smallint PRIMARY KEY CHECK (id = 1),
    published_revision bigint   NOT NULL
);
INSERT INTO outbox_position (id, published_revision)
SELECT 1, coalesce((SELECT min(revision) - 1 FROM object_events WHERE published_at IS NULL),
                   (SELECT revision FROM revision_counter WHERE id = 1));
DROP INDEX object_events_unpublished;
ALTER TABLE object_events DROP COLUMN published_at;
