package nl.waarborg.policy;

/** Whether a person must provide the data of a purpose, and why (Art. 13(2)(e) GDPR). */
public enum ProvisionRequirement implements PolicyTerm {
    STATUTORY("statutory"),
    CONTRACTUAL("contractual"),
    CONTRACT_ENTRY("contract-entry"),
    VOLUNTARY("voluntary");

    private final String term;

    ProvisionRequirement(String term) {
        this.term = term;
    }

    @Override
    public String term() {
        return term;
    }
}
