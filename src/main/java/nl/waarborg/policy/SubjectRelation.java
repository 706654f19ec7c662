package nl.waarborg.policy;

/** What a subject category is to the organisation, where the law treats it differently: customers (soft opt-in, art. 11.7 lid 3 Tw), employees and applicants (consent rarely free, Art. 7(4) GDPR). */
public enum SubjectRelation implements PolicyTerm {
    CUSTOMERS("customers"),
    PROSPECTS("prospects"),
    EMPLOYEES("employees"),
    APPLICANTS("applicants"),
    MEMBERS("members"),
    OTHER("other");

    private final String term;

    SubjectRelation(String term) {
        this.term = term;
    }

    @Override
    public String term() {
        return term;
    }
}
