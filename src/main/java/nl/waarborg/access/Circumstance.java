package nl.waarborg.access;

/**
 * Facts about one use that only the caller can know, asserted by it for that one decision (and recorded in
 * its audit event). Passed to the engine as a bit mask ({@link #mask(Circumstance...)}) so the hot path does
 * not allocate.
 */
public enum Circumstance {
    /** The data handed to the recipient is pseudonymised (R6.5: some recipients may receive nothing else). */
    PSEUDONYMISED,
    /** Art. 18(2): the subject consents to this use of restricted data. */
    RESTRICTION_SUBJECT_CONSENT,
    /** Art. 18(2): the use is for the establishment, exercise or defence of legal claims. */
    RESTRICTION_LEGAL_CLAIMS,
    /** Art. 18(2): the use protects the rights of another natural or legal person. */
    RESTRICTION_PROTECTION_OF_OTHERS,
    /** Art. 18(2): the use is for reasons of important public interest of the Union or a member state. */
    RESTRICTION_PUBLIC_INTEREST;

    /** The circumstances that lift a restriction (Art. 18(2)). */
    public static final int RESTRICTION_EXCEPTIONS = mask(RESTRICTION_SUBJECT_CONSENT, RESTRICTION_LEGAL_CLAIMS,
            RESTRICTION_PROTECTION_OF_OTHERS, RESTRICTION_PUBLIC_INTEREST);

    public int bit() {
        return 1 << ordinal();
    }

    public static int mask(Circumstance... circumstances) {
        int mask = 0;
        for (Circumstance c : circumstances) {
            mask |= c.bit();
        }
        return mask;
    }

    public static int mask(Iterable<Circumstance> circumstances) {
        int mask = 0;
        for (Circumstance c : circumstances) {
            mask |= c.bit();
        }
        return mask;
    }
}
