package nl.waarborg.systems.jdbc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * A column's type as the live database reports it, read once per table: how its moments compare with a cut-off, how
 * a value given as text is bound (rectification), and how it is generalised (anonymisation). Timestamps without a
 * zone (PostgreSQL {@code timestamp}, MariaDB {@code DATETIME}, {@code TIMESTAMP}) and dates are read as the
 * organisation's local time; {@code timestamptz} is a moment.
 */
record ColumnType(int sqlType, String typeName, boolean nullable) {

    enum Kind { DATE, LOCAL_TIMESTAMP, INSTANT, NUMBER, TEXT, OTHER }

    Kind kind() {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        if (name.startsWith("timestamptz") || sqlType == Types.TIMESTAMP_WITH_TIMEZONE) {
            return Kind.INSTANT;
        }
        return switch (sqlType) {
            case Types.DATE -> Kind.DATE;
            case Types.TIMESTAMP -> Kind.LOCAL_TIMESTAMP;
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.NUMERIC, Types.REAL,
                 Types.FLOAT, Types.DOUBLE -> Kind.NUMBER;
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                 Types.CLOB -> Kind.TEXT;
            default -> Kind.OTHER;
        };
    }

    /** Whether the column holds whole numbers only (an integer type). */
    boolean integral() {
        return switch (sqlType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> true;
            default -> false;
        };
    }

    boolean temporal() {
        Kind k = kind();
        return k == Kind.DATE || k == Kind.LOCAL_TIMESTAMP || k == Kind.INSTANT;
    }

    /** The cut-off as this column's type holds it. */
    Object bound(Instant cutoff, ZoneId zone) {
        return switch (kind()) {
            case DATE -> LocalDate.ofInstant(cutoff, zone);
            case LOCAL_TIMESTAMP -> LocalDateTime.ofInstant(cutoff, zone);
            default -> OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC);
        };
    }

    /** The moment a temporal column holds (a date: its first moment), or null. */
    Instant moment(ResultSet rs, int index, ZoneId zone) throws SQLException {
        return switch (kind()) {
            case DATE -> {
                LocalDate d = rs.getObject(index, LocalDate.class);
                yield d == null ? null : d.atStartOfDay(zone).toInstant();
            }
            case LOCAL_TIMESTAMP -> {
                LocalDateTime t = rs.getObject(index, LocalDateTime.class);
                yield t == null ? null : t.atZone(zone).toInstant();
            }
            default -> {
                OffsetDateTime t = rs.getObject(index, OffsetDateTime.class);
                yield t == null ? null : t.toInstant();
            }
        };
    }

    /** A value as the export gives it: dates and times as java.time values, other values as the driver reads them. */
    Object exported(ResultSet rs, int index) throws SQLException {
        return switch (kind()) {
            case DATE -> rs.getObject(index, LocalDate.class);
            case LOCAL_TIMESTAMP -> rs.getObject(index, LocalDateTime.class);
            case INSTANT -> {
                OffsetDateTime t = rs.getObject(index, OffsetDateTime.class);
                yield t == null ? null : t.toInstant();
            }
            case NUMBER, TEXT -> rs.getObject(index);
            case OTHER -> rs.getString(index);
        };
    }

    /**
     * A value given as text (a rectification, a subject's reference) in this column's type, to bind; an
     * IllegalArgumentException that does not repeat the value when it is not one.
     */
    Object fromText(String value) {
        try {
            return switch (kind()) {
                case DATE -> LocalDate.parse(value.strip());
                case LOCAL_TIMESTAMP -> LocalDateTime.parse(value.strip());
                case INSTANT -> OffsetDateTime.parse(value.strip());
                // a whole-number column takes a long: PostgreSQL compares an int8 parameter through the column's index,
                // a numeric one only by casting every row (a full scan per subject)
                case NUMBER -> integral() ? Long.valueOf(value.strip()) : new BigDecimal(value.strip());
                // a uuid column (PostgreSQL) compares only with a uuid, not with text
                default -> "uuid".equalsIgnoreCase(typeName) ? java.util.UUID.fromString(value.strip()) : value;
            };
        } catch (java.time.DateTimeException | IllegalArgumentException e) {
            String expected = kind() == Kind.OTHER ? String.valueOf(typeName) : kind().name().toLowerCase(Locale.ROOT)
                    .replace('_', ' ');
            throw new IllegalArgumentException("the value is not a " + expected + " (ISO-8601 for dates and times)");
        }
    }
}
