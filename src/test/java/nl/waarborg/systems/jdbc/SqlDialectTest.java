package nl.waarborg.systems.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The statements' pieces: names quoted per database, keyset conditions, bounded lists, and the key digest. */
class SqlDialectTest {

    @Test
    void eachDatabaseQuotesNamesItsOwnWay() {
        assertThat(SqlDialect.of("jdbc:postgresql://db/crm").quote("call_logs")).isEqualTo("\"call_logs\"");
        assertThat(SqlDialect.of("jdbc:mariadb://db/crm").quote("call_logs")).isEqualTo("`call_logs`");
        assertThat(SqlDialect.of("jdbc:mysql://db/crm").quote("a`b")).isEqualTo("`a``b`");
        assertThatThrownBy(() -> SqlDialect.of("jdbc:sqlserver://db")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mysqlUrlsGoThroughMariaDbsDriver() {
        assertThat(SqlDialect.of("jdbc:mysql://db/crm").driverUrl("jdbc:mysql://db/crm"))
                .isEqualTo("jdbc:mysql://db/crm?permitMysqlScheme");
    }

    @Test
    void aCompositeKeyPagesOnItsColumnsInOrder() {
        SqlDialect pg = new SqlDialect.Postgres();

        assertThat(pg.after("t0", List.of("a", "b")))
                .isEqualTo("((t0.\"a\" > ?) OR (t0.\"a\" = ? AND t0.\"b\" > ?))");
        assertThat(SqlDialect.afterParameters(new Object[] {1, 2})).containsExactly(1, 1, 2);
        assertThat(pg.in(null, List.of("id"), 3)).isEqualTo("\"id\" IN (?, ?, ?)");
        assertThat(pg.in("t0", List.of("a", "b"), 2))
                .isEqualTo("((t0.\"a\" = ? AND t0.\"b\" = ?) OR (t0.\"a\" = ? AND t0.\"b\" = ?))");
    }

    @Test
    void postgresReadsAKeysetPageWithoutSortsOrParallelWorkersAndSetsThemBackAfterIt() {
        SqlDialect pg = new SqlDialect.Postgres();

        assertThat(pg.beforeKeysetPage()).isEqualTo("SET LOCAL enable_sort = off; SET LOCAL max_parallel_workers_per_gather = 0");
        assertThat(pg.afterKeysetPage())
                .isEqualTo("SET LOCAL enable_sort TO DEFAULT; SET LOCAL max_parallel_workers_per_gather TO DEFAULT");
        assertThat(new SqlDialect.MariaDb().beforeKeysetPage()).isEmpty();
        assertThat(new SqlDialect.MariaDb().afterKeysetPage()).isEmpty();
    }

    @Test
    void theKeyDigestIsTheSha256OfTheSortedKeyLines() throws Exception {
        KeyDigest d = new KeyDigest();
        d.add("rentals", new Object[] {12});
        d.add("customers", new Object[] {1});
        d.add("rentals", new Object[] {11});

        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        String expected = HexFormat.of().formatHex(sha.digest("customers:1\nrentals:11\nrentals:12\n"
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(d.sha256()).isEqualTo(expected);
    }

    @Test
    void phoneNumbersAreLookedForInTheirCommonSpellings() {
        assertThat(JdbcConnector.phoneDigits("+31612345678"))
                .containsExactlyInAnyOrder("31612345678", "0031612345678", "0612345678", "310612345678");
    }
}
