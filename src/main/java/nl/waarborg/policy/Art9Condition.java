package nl.waarborg.policy;

/** Art. 9(2)(a)-(j) GDPR conditions for special categories. */
public enum Art9Condition implements PolicyTerm {
    EXPLICIT_CONSENT("explicit-consent"),
    EMPLOYMENT("employment"),
    VITAL_INTERESTS("vital-interests"),
    NON_PROFIT("non-profit"),
    MADE_PUBLIC("made-public"),
    LEGAL_CLAIMS("legal-claims"),
    SUBSTANTIAL_PUBLIC_INTEREST("substantial-public-interest"),
    HEALTH_CARE("health-care"),
    PUBLIC_HEALTH("public-health"),
    ARCHIVING_RESEARCH("archiving-research");

    private final String term;

    Art9Condition(String term) {
        this.term = term;
    }

    @Override
    public String term() {
        return term;
    }
}
