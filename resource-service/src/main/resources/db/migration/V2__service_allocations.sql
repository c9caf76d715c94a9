-- ClusterIPs and NodePorts handed out to Services, as upstream's API server allocates them at
-- create time. The primary key makes a double allocation impossible even under concurrent creates.
CREATE TABLE service_allocations (
    kind      text NOT NULL CHECK (kind IN ('clusterIP', 'nodePort')),
    value     text NOT NULL,
    owner_uid uuid NOT NULL,
    PRIMARY KEY (kind, value)
);
CREATE INDEX service_allocations_by_owner ON service_allocations (owner_uid);
