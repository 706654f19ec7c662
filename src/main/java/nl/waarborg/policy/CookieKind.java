package nl.waarborg.policy;

/** What cookies or similar techniques a purpose places or reads (art. 11.7a Telecommunicatiewet). */
public enum CookieKind implements PolicyTerm {
    FUNCTIONAL("functional"),
    ANALYTICS("analytics"),
    TRACKING("tracking");

    private final String term;

    CookieKind(String term) {
        this.term = term;
    }

    @Override
    public String term() {
        return term;
    }
}
