/**
 * Checking a jdbc system's mapping against its live database (issue 15): {@link nl.waarborg.systems.check.SchemaCheck}
 * reads the schema through JDBC {@code DatabaseMetaData} (PostgreSQL and MariaDB/MySQL) and reports, as lint does, at
 * the mapping's place in the policy file; {@link nl.waarborg.systems.check.MappingCheck} connects to every jdbc system
 * of a policy and runs it, for {@code waarborg systems check} and the service's start. A system that cannot be reached
 * is an outcome of its own, whose cause names the system and never a password.
 */
package nl.waarborg.systems.check;
