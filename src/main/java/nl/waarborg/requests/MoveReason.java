package nl.waarborg.requests;

import java.util.Locale;

/**
 * Why a deadline passed over a day (art. 1 Algemene termijnenwet: a period that ends on a Saturday, Sunday or generally
 * recognised holiday runs until the next day that is none of these). A day that is both a holiday and a Saturday or
 * Sunday (Christmas on a Saturday) is named by its holiday.
 */
public enum MoveReason {
    WEEKEND("art. 1 Atw", "a Saturday or Sunday"),
    HOLIDAY("art. 1, 3(1) Atw", "a generally recognised holiday"),
    /** Good Friday (art. 3(2)) or a day a royal decree equates with a holiday (art. 3(3)). */
    EQUATED_DAY("art. 1, 3(2)-(3) Atw", "a day equated with a generally recognised holiday");

    private final String article;
    private final String message;

    MoveReason(String article, String message) {
        this.article = article;
        this.message = message;
    }

    /** Stable machine-readable code for APIs and the audit log: {@code weekend}, {@code holiday}, {@code equated-day}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The articles of the Algemene termijnenwet (Atw) the move follows. */
    public String article() {
        return article;
    }

    public String message() {
        return message;
    }
}
