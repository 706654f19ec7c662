package nl.waarborg.access;

import java.util.UUID;

/** No subject with this id: never created, or erased (the API answers 404). */
public final class SubjectNotFoundException extends RuntimeException {

    private final UUID subject;

    public SubjectNotFoundException(UUID subject) {
        super("no subject " + subject);
        this.subject = subject;
    }

    public UUID subject() {
        return subject;
    }
}
