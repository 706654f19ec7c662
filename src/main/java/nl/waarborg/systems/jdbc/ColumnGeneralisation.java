package nl.waarborg.systems.jdbc;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code erase: anonymise} leaves in a column of the organisation's own table: a coarser value that identifies no
 * one on its own, after what retention keeps of a vault item (retention.Generalisation: a year of birth, the first two
 * digits of a Dutch postcode). By the column's type: a date or time becomes the first moment of its year (a birth date
 * keeps its year); text of an address or postcode category becomes the postcode's area (two digits) when it holds a
 * Dutch postcode; any other value becomes NULL, or, in a column that may not be NULL, {@code ''} or {@code 0}.
 * Generalising a generalised value gives it again, so a second sweep changes and counts nothing.
 */
final class ColumnGeneralisation {

    private static final Pattern POSTCODE = Pattern.compile("\\b([1-9]\\d)\\d{2}\\s?[A-Za-z]{2}\\b");
    private static final Pattern AREA = Pattern.compile("[1-9]\\d");

    private ColumnGeneralisation() {
    }

    /** The generalised value of {@code value} (as {@link ColumnType#exported} reads it) in a column of {@code type}. */
    static Object of(Object value, String category, ColumnType type) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case LocalDate d -> d.withDayOfYear(1);
            case LocalDateTime t -> t.toLocalDate().withDayOfYear(1).atStartOfDay();
            case java.time.Instant i -> OffsetDateTime.ofInstant(i, java.time.ZoneOffset.UTC).toLocalDate().withDayOfYear(1)
                    .atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
            case String s when category.contains("address") || category.contains("postcode") -> {
                if (AREA.matcher(s).matches()) {
                    yield s;
                }
                Matcher m = POSTCODE.matcher(s);
                yield m.find() ? m.group(1) : empty(type);
            }
            default -> empty(type);
        };
    }

    private static Object empty(ColumnType type) {
        if (type.nullable()) {
            return null;
        }
        return type.kind() == ColumnType.Kind.NUMBER ? Integer.valueOf(0) : "";
    }

    /** Whether generalising changes the value (a value already generalised is left alone, and not counted). */
    static boolean changes(Object value, Object generalised) {
        if (value instanceof Number a && generalised instanceof Number b) {
            return new java.math.BigDecimal(a.toString()).compareTo(new java.math.BigDecimal(b.toString())) != 0;
        }
        return !Objects.equals(value, generalised);
    }
}
