package nl.waarborg.consent;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored event of a consent: given, or the withdrawal or expiry of a given one ({@code follows} names it).
 * A withdrawal or expiry record repeats the given record's fields (what was shown, how, when given), so each
 * record is a complete receipt on its own.
 *
 * @param id               the record's id, also its receipt id
 * @param seq              the order of recording; the latest record per subject and purpose counts
 * @param state            the state this record recorded
 * @param follows          for a withdrawal or expiry: the given record it ends; null for a given record
 * @param statementVersion the privacy statement version shown when consent was given (R5.1)
 * @param language         the language it was shown in ({@code nl}, {@code en})
 * @param expiresAt        when the consent lapses by itself; null: it does not
 * @param recordedBy       the actor that recorded this event ({@code key:<prefix>}, {@code staff}, {@code system:consent-expiry})
 * @param policyVersion    the stored policy version in force when it was recorded
 */
public record ConsentRecord(UUID id, long seq, UUID subject, String purpose, ConsentState state, UUID follows,
                            String statementVersion, String language, ConsentMethod method, Instant givenAt,
                            Instant expiresAt, Instant withdrawnAt, ConsentMethod withdrawalMethod,
                            Instant recordedAt, String recordedBy, long policyVersion) {

    /** The state at {@code now}: a given record past its expiry counts as expired, recorded or not yet. */
    public ConsentState stateAt(Instant now) {
        if (state == ConsentState.GIVEN && expiresAt != null && !now.isBefore(expiresAt)) {
            return ConsentState.EXPIRED;
        }
        return state;
    }
}
