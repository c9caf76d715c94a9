-- Indexes no query reads: every write paid for them (two more index entries per change).
-- Lists scan objects by (api_group, resource, namespace, name), the primary key; watches and the
-- outbox read object_events by revision, its primary key.
DROP INDEX objects_by_resource_version;
DROP INDEX object_events_by_resource;
