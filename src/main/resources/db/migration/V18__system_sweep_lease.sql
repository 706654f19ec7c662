-- Systems (issue 15, docs/systems.md "Several nodes"): while a node sweeps a system it holds that system's lease, so
-- that of several nodes sharing this database one sweeps a system at a time. A lease ends when the sweep ends, or at
-- `until` when the node died (waarborg.systems.sweep-lease after it was taken). No connection is held meanwhile.
CREATE TABLE system_sweep_lease (
    system text        PRIMARY KEY,
    holder text        NOT NULL,   -- the node: a random id per process
    until  timestamptz NOT NULL
);
