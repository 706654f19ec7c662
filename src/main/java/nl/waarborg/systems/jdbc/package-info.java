/**
 * The {@code jdbc} connector (issue 15): retention and rights in the organisation's own PostgreSQL or MariaDB/MySQL
 * tables, as the policy maps them. {@link nl.waarborg.systems.jdbc.JdbcConnectorFactory} makes one
 * {@link nl.waarborg.systems.jdbc.JdbcConnector} per mapped system, with its own small connection pool; the
 * {@link nl.waarborg.systems.jdbc.SqlDialect} quotes the mapping's names and writes the few statements, every value
 * bound. The semantics (when a row or column is due, children before parents, holds, the proof per batch) are in
 * docs/systems.md, section "JDBC".
 */
package nl.waarborg.systems.jdbc;
