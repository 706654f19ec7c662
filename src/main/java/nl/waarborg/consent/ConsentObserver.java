package nl.waarborg.consent;

import java.util.UUID;

/**
 * Told when a subject's consent for a purpose is given or withdrawn, inside the transaction that records it and
 * after the subject's row is locked (retention moves due dates with it: a {@code while-consent} rule keeps a CV for
 * the talent pool only while that consent stands). Only for purposes a retention rule depends on; an expiry needs
 * no call, as a schedule counts the consent's own end already.
 */
public interface ConsentObserver {

    /** The subject's consent for the purpose changed; its records are written, the transaction has not committed. */
    void consentChanged(UUID subject, String purpose);
}
