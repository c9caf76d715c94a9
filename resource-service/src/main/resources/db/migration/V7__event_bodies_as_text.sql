-- An event's bodies are only ever read whole, as JSON text, by the outbox and by watches: stored
-- as jsonb, each read rendered them to text again (two renderings per change). Stored as the
-- text they are read as, each change is rendered once, when it is written.
ALTER TABLE object_events
    ALTER COLUMN body TYPE text USING body::text,
    ALTER COLUMN prev_body TYPE text USING prev_body::text;
