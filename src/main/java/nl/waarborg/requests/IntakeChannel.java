package nl.waarborg.requests;

import java.util.Arrays;
import java.util.Optional;

/** How a request reached the organisation: a request needs no form, any channel counts (Art. 12(2) GDPR). */
public enum IntakeChannel {
    API("api"), EMAIL("email"), POST("post"), PHONE("phone"), DESK("desk"), PORTAL("portal");

    private final String term;

    IntakeChannel(String term) {
        this.term = term;
    }

    public String term() {
        return term;
    }

    public static Optional<IntakeChannel> of(String term) {
        return Arrays.stream(values()).filter(c -> c.term.equals(term)).findFirst();
    }
}
