package nl.waarborg.policy;

/** How a direct-marketing purpose reaches people: e-mail, SMS and phone fall under art. 11.7 Telecommunicatiewet, post does not. */
public enum MarketingChannel implements PolicyTerm {
    EMAIL("email"),
    SMS("sms"),
    PHONE("phone"),
    POST("post"),
    OTHER("other");

    private final String term;

    MarketingChannel(String term) {
        this.term = term;
    }

    @Override
    public String term() {
        return term;
    }
}
