package nl.waarborg.accounts.web;

import java.util.List;
import nl.waarborg.accounts.StaffAccount;

/** What the console's account pages show (templates accounts/account, accounts/totp, accounts/list, accounts/created). */
public final class AccountPages {

    private AccountPages() {
    }

    /** My account: the account as stored now, and a notice key after an action (or null). */
    public record Mine(StaffAccount account, String notice) {
    }

    /**
     * TOTP enrolment: the otpauth URI and its secret in groups of four for typing; shown once, after the enrolment
     * started, and never stored anywhere but sealed in the account's row.
     *
     * @param problem a message key when the code given was not right, else null
     */
    public record Totp(String uri, String secretGroups, String problem) {
    }

    /** A role to choose for a new account, with its name as shown. */
    public record Role(String id, String name) {
    }

    public record Form(String username, String displayName, List<String> roles) {
    }

    public record Problem(String field, String key) {
    }

    /** The accounts page: one page of accounts by username, the link to the next one, the form to make one. */
    public record Listing(List<StaffAccount> accounts, String nextHref, List<Role> roles, Form form,
                          List<Problem> problems, String notice) {
    }

    /** A new account and its temporary password, shown once. */
    public record Created(StaffAccount account, String password) {
    }
}
