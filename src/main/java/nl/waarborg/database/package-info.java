/**
 * Where Waarborg's state lives: the data folder (held with a lock, owner-only), the embedded PostgreSQL cluster in
 * it (a private Unix socket, a role per database, none of them the superuser; durable; restarted when it dies) or
 * an external server, the key database's address, and cache invalidation between nodes (LISTEN/NOTIFY).
 * docs/database.md.
 */
package nl.waarborg.database;
