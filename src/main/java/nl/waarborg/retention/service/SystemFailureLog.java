package nl.waarborg.retention.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.systems.SystemOperations.SystemSweep;

/**
 * Which lines the scheduled sweeps log about the organisation's systems: a failing system once per cause, and once
 * more when it recovers, so that a system that stays down (a webhook without its secret, a CRM that is off) does not
 * fill the log at every sweep. Every attempt is in {@code system_operation} and the audit log anyway. A cause names
 * the system and what failed, never a value (docs/systems.md).
 */
final class SystemFailureLog {

    /** One line to log: a warning (a new failure) or not (a recovery). */
    record Line(boolean warning, String text) {}

    private final Map<String, String> logged = new HashMap<>();

    /** The lines for the systems of one sweep's report; called by one sweep at a time. */
    List<Line> after(List<SystemSweep> systems) {
        List<Line> lines = new ArrayList<>();
        for (SystemSweep s : systems) {
            boolean failing = "failed".equals(s.status()) || "partial".equals(s.status());
            String cause = failing ? s.status() + " (" + s.cause() + ")" : null;
            String before = cause == null ? logged.remove(s.system()) : logged.put(s.system(), cause);
            if (cause != null && !cause.equals(before)) {
                lines.add(new Line(true, "retention sweep of system " + s.system() + ": " + cause
                        + "; not repeated while it stays so"));
            } else if (cause == null && before != null) {
                lines.add(new Line(false, "retention sweep of system " + s.system() + ": " + s.status() + " again"));
            }
        }
        return lines;
    }
}
