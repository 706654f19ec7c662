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

    /** The point of Art. 9(2) the condition is: 'a' for explicit consent … 'j' for archiving and research. */
    public char letter() {
        return switch (this) {
            case EXPLICIT_CONSENT -> 'a';
            case EMPLOYMENT -> 'b';
            case VITAL_INTERESTS -> 'c';
            case NON_PROFIT -> 'd';
            case MADE_PUBLIC -> 'e';
            case LEGAL_CLAIMS -> 'f';
            case SUBSTANTIAL_PUBLIC_INTEREST -> 'g';
            case HEALTH_CARE -> 'h';
            case PUBLIC_HEALTH -> 'i';
            case ARCHIVING_RESEARCH -> 'j';
        };
    }
}
