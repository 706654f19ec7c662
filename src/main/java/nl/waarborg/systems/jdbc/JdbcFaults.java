package nl.waarborg.systems.jdbc;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;

/**
 * The cause of a failed operation on a jdbc system, from the database's SQLSTATE alone: it names the system, what was
 * being done and the kind of fault, never the driver's message (which may quote a row's values, a key, a user name or
 * a URL) and never a password.
 */
final class JdbcFaults {

    private JdbcFaults() {
    }

    /**
     * {@code code: system `ID`: doing: what}: the code first (lower case, as a webhook system's causes), so that the
     * audit log names the kind of fault ({@code cause:connection-refused}) without the rest.
     */
    static String cause(String system, String doing, SQLException e) {
        Fault f = fault(e);
        return f.code() + ": system `" + system + "`: " + doing + ": " + f.text();
    }

    /** A kind of fault: a code for the audit log and a sentence for people. */
    record Fault(String code, String text) {}

    /** The kind of fault, from the first SQLSTATE in the chain of causes. */
    static Fault fault(Throwable e) {
        String state = null;
        boolean timeout = false;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLTimeoutException || t instanceof java.net.SocketTimeoutException) {
                timeout = true;
            }
            if (state == null && t instanceof SQLException s && s.getSQLState() != null) {
                state = s.getSQLState();
            }
            if (t instanceof java.net.ConnectException) {
                return new Fault("connection-refused", "the database refused the connection or cannot be reached (is it "
                        + "running, is the address right?)");
            }
        }
        if (state == null) {
            return timeout ? new Fault("timeout", "the database did not answer in time (timeout)")
                    : new Fault("unreachable", "the database cannot be reached (no answer before the connect timeout)");
        }
        return switch (state) {
            case "28000", "28P01" -> new Fault("credentials-refused", "the database refused the user or password "
                    + "(SQLSTATE " + state + ")");
            case "3D000" -> new Fault("database-missing", "the database named in the URL does not exist (SQLSTATE 3D000)");
            case "42000" -> new Fault("statement-refused", "the database refused the statement: access denied or a syntax "
                    + "it does not accept (SQLSTATE 42000)");
            case "42P01", "42S02" -> new Fault("table-missing", "a mapped table does not exist (SQLSTATE " + state + ")");
            case "42703", "42S22" -> new Fault("column-missing", "a mapped column does not exist (SQLSTATE " + state + ")");
            case "42804" -> new Fault("wrong-type", "a mapped start column (collected-at, an event or an item date) is not "
                    + "a date or time (SQLSTATE 42804)");
            case "42501" -> new Fault("not-permitted", "the user may not do this (SQLSTATE 42501)");
            case "57014", "70100" -> new Fault("timeout", "the statement took longer than the query timeout and was "
                    + "cancelled (SQLSTATE " + state + ")");
            case "23503", "23000" -> new Fault("constraint", "a foreign key or other constraint refused the change "
                    + "(SQLSTATE " + state + ")");
            case "23502" -> new Fault("constraint", "a column that may not be NULL refused it (SQLSTATE 23502)");
            case "40001", "40P01" -> new Fault("rolled-back", "the database rolled back the transaction (a deadlock or "
                    + "conflict; SQLSTATE " + state + ")");
            default -> state.startsWith("08") ? new Fault("connection-failed", "the connection failed (SQLSTATE " + state + ")")
                    : timeout ? new Fault("timeout", "the database did not answer in time (timeout; SQLSTATE " + state + ")")
                    : new Fault("database-error", "the database answered with an error (SQLSTATE " + state + ")");
        };
    }
}
