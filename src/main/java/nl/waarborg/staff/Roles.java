package nl.waarborg.staff;

import java.util.List;

/**
 * The roles every installation has, whatever its policy says; an account may also hold roles the policy defines
 * (a manager who may view camera footage). Only an administrator manages accounts.
 */
public final class Roles {

    public static final String ADMINISTRATOR = "administrator";
    public static final String PRIVACY_OFFICER = "privacy-officer";
    public static final String SUPPORT = "support";
    public static final String AUDITOR = "auditor";

    public static final List<String> BUILT_IN = List.of(ADMINISTRATOR, PRIVACY_OFFICER, SUPPORT, AUDITOR);

    private Roles() {
    }

    public static boolean builtIn(String role) {
        return BUILT_IN.contains(role);
    }
}
