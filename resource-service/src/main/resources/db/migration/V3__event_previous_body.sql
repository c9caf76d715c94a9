-- A MODIFIED event also keeps the object's state before the change, so that a watch with a label
-- or field selector can tell an object that starts matching (ADDED) or stops matching (DELETED)
-- from one that merely changed, as upstream's watch cache does with its events' previous objects.
-- Null for ADDED and DELETED events (a DELETED body already is the last state), and for events
-- written before this column existed.
ALTER TABLE object_events ADD COLUMN prev_body jsonb;
