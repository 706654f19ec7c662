package nl.waarborg.policy;

/**
 * Why retention may be extended while a hold is active (R2.4): an incident (camera footage of a break-in), a legal
 * claim (Art. 17(3)(e) GDPR: data needed for the establishment, exercise or defence of legal claims), or a complaint
 * being handled (the subject's own, or one to the authority about them, Art. 77 GDPR). A policy declares which
 * kinds it uses and the longest each may keep data (top-level {@code holds:}).
 */
public enum HoldKind implements PolicyTerm {
    INCIDENT("incident"),
    LEGAL_CLAIM("legal-claim"),
    COMPLAINT("complaint");

    private final String term;

    HoldKind(String term) {
        this.term = term;
    }

    @Override
    public String term() {
        return term;
    }
}
