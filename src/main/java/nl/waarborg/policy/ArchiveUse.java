package nl.waarborg.policy;

/**
 * What data kept for an archive purpose may still be used for (R2.7): data no longer needed for the
 * purpose it was collected for may stay in an archive only for these uses, and for nothing else.
 */
public enum ArchiveUse implements PolicyTerm {
    LEGAL_CLAIMS("legal-claims"),
    STATISTICS("statistics"),
    HISTORICAL("historical");

    private final String term;

    ArchiveUse(String term) {
        this.term = term;
    }

    @Override
    public String term() {
        return term;
    }
}
