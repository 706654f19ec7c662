package nl.waarborg.policy;

/** Proportionate ways to establish a requester's identity (R4.1). */
public enum IdentityMethod implements PolicyTerm {
    EMAIL_LINK("email-link"),
    ACCOUNT_LOGIN("account-login"),
    IN_PERSON_ID("in-person-id"),
    ID_COPY_MASKED("id-copy-masked"),
    COOKIE("cookie");

    private final String term;

    IdentityMethod(String term) {
        this.term = term;
    }

    @Override
    public String term() {
        return term;
    }
}
