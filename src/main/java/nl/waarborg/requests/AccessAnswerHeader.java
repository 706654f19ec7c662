package nl.waarborg.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import nl.waarborg.policy.Lang;

/**
 * What the access answer and the portability archive say about the request itself: its reference, the language of the
 * answer, the day it was received (in the organisation's zone) and when it was answered, and who answers.
 */
public record AccessAnswerHeader(String reference, Lang lang, LocalDate received, Instant answeredAt,
                                 String controllerName) {

    public AccessAnswerHeader {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(answeredAt, "answeredAt");
    }
}
