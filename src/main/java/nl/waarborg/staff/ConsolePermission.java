package nl.waarborg.staff;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a signed-in person may do in the console, derived from the account's roles. The built-in roles split the work
 * as the people do: the privacy officer handles everything about people's data, support logs requests and
 * places holds, the auditor reads, the administrator manages accounts and sees no personal data. A role from the
 * policy (a manager who may view camera footage) may search subjects and sees only the items of the purposes that
 * role may use ({@link ConsoleUser#caller()}); which item is shown is then decided per call as for an API key.
 */
public enum ConsolePermission {
    /** The dashboard: counts, deadlines, clocks; no personal values. */
    DASHBOARD_VIEW,
    /** The list of requests and one request's page. */
    REQUESTS_VIEW,
    /** Log a request (by phone, letter) and record the identity step. */
    REQUESTS_HANDLE,
    /** Extend, refuse, fulfil, complete, assign; download the answer. */
    REQUESTS_DECIDE,
    /** Search subjects by reference or identifier (each search audited with its purpose) and see their page. */
    SUBJECTS_SEARCH,
    /** Place and release holds (an incident hold on camera footage). */
    HOLDS_MANAGE,
    /** Restrictions, objections' decisions, consent withdrawal at a person's request. */
    RESTRAINTS_MANAGE,
    /** The breach register and one breach's page and documents. */
    BREACHES_VIEW,
    /** Record, assess, decide, notify, close breaches. */
    BREACHES_MANAGE,
    /** The statement, the register, policy versions and their differences, lint findings. */
    POLICY_VIEW,
    /** The audit log: browse, verify, export. */
    AUDIT_VIEW,
    /** Create and disable staff accounts. */
    ACCOUNTS_MANAGE,
    /** The retention page: the forecast, attestation tasks, sweep results and the released statistics. */
    RETENTION_VIEW,
    /** Start a sweep (dry or real) and confirm attestation tasks on behalf of a system's owner. */
    RETENTION_MANAGE;

    /** The Spring Security authority of this permission. */
    public String authority() {
        return "PERM_" + name();
    }

    /** Every permission the roles give together; roles of the policy give {@link #SUBJECTS_SEARCH} and the dashboard. */
    public static Set<ConsolePermission> forRoles(Collection<String> roles) {
        Set<ConsolePermission> out = EnumSet.noneOf(ConsolePermission.class);
        for (String role : roles) {
            switch (role) {
                case Roles.ADMINISTRATOR -> out.addAll(EnumSet.of(DASHBOARD_VIEW, POLICY_VIEW, AUDIT_VIEW, ACCOUNTS_MANAGE));
                case Roles.PRIVACY_OFFICER -> out.addAll(EnumSet.complementOf(EnumSet.of(ACCOUNTS_MANAGE)));
                case Roles.SUPPORT -> out.addAll(EnumSet.of(DASHBOARD_VIEW, REQUESTS_VIEW, REQUESTS_HANDLE,
                        SUBJECTS_SEARCH, HOLDS_MANAGE, POLICY_VIEW));
                case Roles.AUDITOR -> out.addAll(EnumSet.of(DASHBOARD_VIEW, REQUESTS_VIEW, BREACHES_VIEW, POLICY_VIEW,
                        AUDIT_VIEW, RETENTION_VIEW));
                default -> out.addAll(EnumSet.of(DASHBOARD_VIEW, SUBJECTS_SEARCH, POLICY_VIEW));
            }
        }
        return out;
    }
}
