package nl.waarborg.policy;

/** Art. 6(1) GDPR legal bases (R1.6). */
public enum LegalBasis implements PolicyTerm {
    CONSENT("consent"),
    CONTRACT("contract"),
    LEGAL_OBLIGATION("legal-obligation"),
    VITAL_INTEREST("vital-interest"),
    PUBLIC_TASK("public-task"),
    LEGITIMATE_INTEREST("legitimate-interest");

    private final String term;

    LegalBasis(String term) {
        this.term = term;
    }

    @Override
    public String term() {
        return term;
    }
}
