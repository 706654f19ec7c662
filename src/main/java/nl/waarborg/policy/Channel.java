package nl.waarborg.policy;

/** Ways a subject can file a request (R3.9). */
public enum Channel implements PolicyTerm {
    EMAIL("email"),
    WEB("web"),
    POST("post"),
    IN_PERSON("in-person"),
    PHONE("phone");

    private final String term;

    Channel(String term) {
        this.term = term;
    }

    @Override
    public String term() {
        return term;
    }
}
