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

    static String cause(String system, String doing, SQLException e) {
        return "system `" + system + "`: " + doing + ": " + kind(e);
    }

    /** The kind of fault, from the first SQLSTATE in the chain of causes. */
    static String kind(Throwable e) {
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
                return "the database refused the connection or cannot be reached (is it running, is the address right?)";
            }
        }
        if (state == null) {
            return timeout ? "the database did not answer in time (timeout)"
                    : "the database cannot be reached (no answer before the connect timeout)";
        }
        return switch (state) {
            case "28000", "28P01" -> "the database refused the user or password (SQLSTATE " + state + ")";
            case "3D000", "42000" -> state.equals("3D000") ? "the database named in the URL does not exist (SQLSTATE 3D000)"
                    : "the database refused the statement: access denied or a syntax it does not accept (SQLSTATE 42000)";
            case "42P01", "42S02" -> "a mapped table does not exist (SQLSTATE " + state + ")";
            case "42703", "42S22" -> "a mapped column does not exist (SQLSTATE " + state + ")";
            case "42804" -> "a mapped start column (collected-at or an event) is not a date or time (SQLSTATE 42804)";
            case "42501" -> "the user may not do this (SQLSTATE 42501)";
            case "57014", "70100" -> "the statement took longer than the query timeout and was cancelled (SQLSTATE " + state + ")";
            case "23503", "23000" -> "a foreign key or other constraint refused the change (SQLSTATE " + state + ")";
            case "23502" -> "a column that may not be NULL refused it (SQLSTATE 23502)";
            case "40001", "40P01" -> "the database rolled back the transaction (a deadlock or conflict; SQLSTATE " + state + ")";
            default -> state.startsWith("08") ? "the connection failed (SQLSTATE " + state + ")"
                    : timeout ? "the database did not answer in time (timeout; SQLSTATE " + state + ")"
                    : "the database answered with an error (SQLSTATE " + state + ")";
        };
    }
}
