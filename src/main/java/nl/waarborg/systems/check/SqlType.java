package nl.waarborg.systems.check;

import java.sql.Types;

/**
 * What a column's type can hold, coarsely, as {@code DatabaseMetaData.getColumns} reports it ({@code DATA_TYPE}). A
 * type the drivers report as {@code OTHER} (PostgreSQL's citext, uuid, json; MariaDB's specials) is {@link #OTHER}:
 * not judged, as a check must not fail a mapping it cannot read.
 */
enum SqlType {
    TEXT, NUMBER, MOMENT, TIME_OF_DAY, BOOLEAN, BINARY, OTHER;

    static SqlType of(int jdbcType, String typeName) {
        return switch (jdbcType) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                 Types.CLOB, Types.NCLOB -> TEXT;
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.NUMERIC, Types.REAL,
                 Types.FLOAT, Types.DOUBLE -> NUMBER;
            case Types.DATE, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> MOMENT;
            case Types.TIME, Types.TIME_WITH_TIMEZONE -> TIME_OF_DAY;
            case Types.BIT, Types.BOOLEAN -> BOOLEAN;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BINARY;
            default -> OTHER;
        };
    }
}
