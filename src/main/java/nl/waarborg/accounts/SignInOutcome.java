package nl.waarborg.accounts;

import java.time.Instant;

/**
 * How a sign-in ended. A refusal's reason never says whether the username exists: a wrong username and a wrong
 * password are both {@link Reason#CREDENTIALS}, and the throttle locks unknown names as it locks accounts.
 */
public sealed interface SignInOutcome {

    /** Signed in; when {@code mustChangePassword}, the account may only change its password. */
    record SignedIn(StaffAccount account, boolean mustChangePassword) implements SignInOutcome {
    }

    /** Username and password were right; the account has TOTP and no code was given. Nothing is counted. */
    record NeedsSecondFactor() implements SignInOutcome {
    }

    /** Refused; {@code retryAfter} is set when the reason is {@link Reason#THROTTLED}. */
    record Refused(Reason reason, Instant retryAfter) implements SignInOutcome {
    }

    enum Reason {
        /** Unknown username or wrong password: one answer for both. */
        CREDENTIALS("credentials"),
        /** Right password, wrong or replayed second-factor code (said only to someone who knew the password). */
        SECOND_FACTOR("second-factor"),
        /** The account is disabled (said only to someone who knew the password). */
        DISABLED("disabled"),
        /** Too many failures for this name or from this network: try again after {@code retryAfter}. */
        THROTTLED("throttled");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        /** The term for answers and audit reasons. */
        public String code() {
            return code;
        }
    }
}
