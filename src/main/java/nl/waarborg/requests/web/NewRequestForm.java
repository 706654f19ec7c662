package nl.waarborg.requests.web;

import java.util.List;

/**
 * The form for a request that came by phone, letter, e-mail or at the desk, as typed (shown back after a problem).
 * {@code problem}: the bundle key of what is wrong, {@code field}: the field it is about (for the link to it).
 */
public record NewRequestForm(List<String> kinds, String channel, String language, String subject, String receivedOn,
                             List<String> purposes, String restrictionGround, String problem, String field) {

    public NewRequestForm {
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        purposes = purposes == null ? List.of() : List.copyOf(purposes);
    }

    static NewRequestForm empty() {
        return new NewRequestForm(List.of(), "phone", "nl", "", "", List.of(), "", null, null);
    }

    public boolean hasKind(String kind) {
        return kinds.contains(kind);
    }

    public boolean hasPurpose(String purpose) {
        return purposes.contains(purpose);
    }
}
