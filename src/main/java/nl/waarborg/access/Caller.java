package nl.waarborg.access;

import java.util.List;

/**
 * Who is calling: an application with an API key (its policy role and the purposes it may use) or the staff
 * token (role DPO, every purpose). Decisions and audit events take actor and role from here.
 */
public record Caller(String actor, String role, List<String> purposes, boolean staff) {

    public boolean mayUse(String purpose) {
        return staff || purposes.contains(purpose);
    }
}
