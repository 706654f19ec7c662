package nl.waarborg.requests;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A day on which a legal period does not end (art. 1 Algemene termijnenwet), other than a Saturday or Sunday: a
 * generally recognised holiday (art. 3(1)), Good Friday (equated by art. 3(2)) or a day equated by royal decree
 * (art. 3(3), {@link EquatedDays}).
 *
 * @param equated whether the day is equated with a holiday (Good Friday, a decree's day) rather than one itself
 * @param source  where the day comes from: the article for the days the law names; for a decree's day, the decree as
 *                its list gives it
 */
public record Holiday(LocalDate date, String nameNl, String nameEn, boolean equated, String source) {

    public Holiday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(nameNl, "nameNl");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(source, "source");
    }

    /** Why a deadline that ends on this day moves on. */
    public MoveReason reason() {
        return equated ? MoveReason.EQUATED_DAY : MoveReason.HOLIDAY;
    }
}
