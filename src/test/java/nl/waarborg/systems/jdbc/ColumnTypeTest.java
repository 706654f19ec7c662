package nl.waarborg.systems.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** How a value given as text (a subject's reference, a rectification) is bound for a column of each type. */
class ColumnTypeTest {

    @Test
    void aReferenceToAWholeNumberColumnIsBoundAsALongSoThatPostgresUsesTheKeysIndex() {
        // bound as numeric, PostgreSQL casts every bigint of the column to numeric and scans the whole table
        assertThat(new ColumnType(Types.BIGINT, "int8", false).fromText(" 42 ")).isEqualTo(42L);
        assertThat(new ColumnType(Types.INTEGER, "int4", false).fromText("7")).isEqualTo(7L);
        assertThat(new ColumnType(Types.NUMERIC, "numeric", true).fromText("7.50")).isEqualTo(new BigDecimal("7.50"));
    }

    @Test
    void aValueThatIsNotOfTheColumnsTypeIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> new ColumnType(Types.BIGINT, "int8", false).fromText("AB-12345"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("AB-12345");
        assertThatThrownBy(() -> new ColumnType(Types.INTEGER, "int4", false).fromText("1.5"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new ColumnType(Types.DATE, "date", true).fromText("2026-12-07")).isEqualTo(LocalDate.of(2026, 12, 7));
    }

    @Test
    void aUuidColumnTakesAUuid() {
        assertThat(new ColumnType(Types.OTHER, "uuid", false).fromText("01a25080-64a4-7a67-99c7-e1c16fb9e700"))
                .isEqualTo(java.util.UUID.fromString("01a25080-64a4-7a67-99c7-e1c16fb9e700"));
        assertThatThrownBy(() -> new ColumnType(Types.OTHER, "uuid", false).fromText("not-a-uuid"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("not-a-uuid");
    }
}
