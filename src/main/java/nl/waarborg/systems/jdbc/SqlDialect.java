package nl.waarborg.systems.jdbc;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What differs between PostgreSQL and MariaDB/MySQL in the few statements a jdbc system needs: how a name is quoted,
 * how a column's digits are taken (for phone links), and the driver's timeout settings. Every statement is written
 * with bind parameters; names come only from the policy's mapping (the binder admits letters, digits, {@code _} and
 * {@code $}) and are quoted here all the same. Lists of values are placeholder lists of bounded size
 * ({@link #MAX_LIST}) on both databases: MariaDB has no arrays, and one shape for both keeps the SQL easy to check.
 */
public sealed interface SqlDialect {

    /** The most values one placeholder list binds; longer lists are split into several statements. */
    int MAX_LIST = 500;

    /** The name, quoted. */
    String quote(String name);

    /** An expression giving the digits of a text column only (a phone number in any spelling). */
    String digitsOf(String column);

    /** The driver's connection properties for a connect timeout and a socket (read) timeout. */
    Map<String, String> timeouts(Duration connect, Duration socket);

    /**
     * What a sweep runs in its transaction just before it reads one keyset page (one round trip; empty: nothing), and
     * {@link #afterKeysetPage} just after: settings that make the database walk the key's index in key order and stop
     * after the page, instead of finding every candidate and sorting them for each page. Nothing by default.
     */
    default String beforeKeysetPage() {
        return "";
    }

    /** What undoes {@link #beforeKeysetPage} for the rest of the transaction (the page's deletes and updates). */
    default String afterKeysetPage() {
        return "";
    }

    /** The URL as the driver accepts it. */
    default String driverUrl(String url) {
        return url;
    }

    /** The dialect of a JDBC URL; the binder admits only these three schemes. */
    static SqlDialect of(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return new Postgres();
        }
        if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            return new MariaDb();
        }
        throw new IllegalArgumentException("not a PostgreSQL, MariaDB or MySQL JDBC URL");
    }

    /**
     * The dialect of the database a connection reached, by the product name its driver reports ("PostgreSQL",
     * "MariaDB", "MySQL"); the URL may come from a secret that is read only when connecting.
     */
    static SqlDialect ofProduct(String product) throws java.sql.SQLException {
        String p = product == null ? "" : product.toLowerCase(java.util.Locale.ROOT);
        if (p.contains("postgresql")) {
            return new Postgres();
        }
        if (p.contains("mariadb") || p.contains("mysql")) {
            return new MariaDb();
        }
        throw new java.sql.SQLFeatureNotSupportedException("not PostgreSQL, MariaDB or MySQL", "0A000");
    }

    /** {@code "t"."c"} for an alias and a column. */
    default String col(String alias, String column) {
        return alias + "." + quote(column);
    }

    /** {@code a = ? AND b = ?} over the columns (with an alias, or none when null). */
    default String equalsAll(String alias, List<String> columns) {
        return columns.stream().map(c -> (alias == null ? quote(c) : col(alias, c)) + " = ?")
                .collect(Collectors.joining(" AND "));
    }

    /**
     * The keyset condition "key after the last one": {@code a > ?} for one column; for several the expanded form
     * {@code a > ? OR (a = ? AND b > ?)}, which both databases plan as a range on the key.
     */
    default String after(String alias, List<String> key) {
        StringBuilder sql = new StringBuilder("(");
        for (int i = 0; i < key.size(); i++) {
            if (i > 0) {
                sql.append(" OR ");
            }
            sql.append("(");
            for (int j = 0; j < i; j++) {
                sql.append(col(alias, key.get(j))).append(" = ? AND ");
            }
            sql.append(col(alias, key.get(i))).append(" > ?)");
        }
        return sql.append(")").toString();
    }

    /** The parameters of {@link #after} for the last key seen. */
    static List<Object> afterParameters(Object[] last) {
        List<Object> out = new java.util.ArrayList<>();
        for (int i = 0; i < last.length; i++) {
            for (int j = 0; j <= i; j++) {
                out.add(last[j]);
            }
        }
        return out;
    }

    /** {@code col IN (?, ?, …)} for {@code n} values; for several columns {@code (a = ? AND b = ?) OR …}. */
    default String in(String alias, List<String> columns, int n) {
        if (columns.size() == 1) {
            String c = alias == null ? quote(columns.getFirst()) : col(alias, columns.getFirst());
            return c + " IN (" + String.join(", ", java.util.Collections.nCopies(n, "?")) + ")";
        }
        String one = "(" + equalsAll(alias, columns) + ")";
        return "(" + String.join(" OR ", java.util.Collections.nCopies(n, one)) + ")";
    }

    /** PostgreSQL: names in double quotes; timeouts in seconds. */
    record Postgres() implements SqlDialect {

        @Override
        public String quote(String name) {
            return "\"" + name.replace("\"", "\"\"") + "\"";
        }

        @Override
        public String digitsOf(String column) {
            return "regexp_replace(" + column + ", '[^0-9]', '', 'g')";
        }

        /**
         * PostgreSQL may plan a page ({@code … WHERE key > ? AND <due> ORDER BY key LIMIT ?}) as "find every due row,
         * sort them, keep the first page" when it expects few rows to qualify: for a parent table it expects the
         * {@code NOT EXISTS} of the children to leave almost none (its statistics predate the children's deletion in
         * this very sweep), so each page read and sorted all due parents again, and the sweep grew with the square of
         * the rows due (100,000 due customers among 1,000,000: about 0.17 s a page, against under 15 ms without sorts;
         * docs/benchmarks.md, "Systems (issue 15)"). Without sorts it walks the primary key's index from the last key
         * and stops after the page: one pass over the table for the whole sweep. And no parallel workers for a page:
         * starting two took about as long as the page's own work (the sweep up to 29 % slower with them), and a
         * background sweep should not take them from the organisation's own queries. Transaction-local, and set back
         * after the page.
         */
        @Override
        public String beforeKeysetPage() {
            return "SET LOCAL enable_sort = off; SET LOCAL max_parallel_workers_per_gather = 0";
        }

        @Override
        public String afterKeysetPage() {
            return "SET LOCAL enable_sort TO DEFAULT; SET LOCAL max_parallel_workers_per_gather TO DEFAULT";
        }

        @Override
        public Map<String, String> timeouts(Duration connect, Duration socket) {
            return Map.of("connectTimeout", Long.toString(Math.max(1, connect.toSeconds())),
                    "loginTimeout", Long.toString(Math.max(1, connect.toSeconds())),
                    "socketTimeout", Long.toString(Math.max(1, socket.toSeconds())));
        }
    }

    /** MariaDB and MySQL: names in backticks; timeouts in milliseconds; {@code jdbc:mysql:} through MariaDB's driver. */
    record MariaDb() implements SqlDialect {

        @Override
        public String quote(String name) {
            return "`" + name.replace("`", "``") + "`";
        }

        @Override
        public String digitsOf(String column) {
            return "REGEXP_REPLACE(" + column + ", '[^0-9]', '')";
        }

        @Override
        public Map<String, String> timeouts(Duration connect, Duration socket) {
            return Map.of("connectTimeout", Long.toString(connect.toMillis()),
                    "socketTimeout", Long.toString(socket.toMillis()));
        }

        @Override
        public String driverUrl(String url) {
            if (url.startsWith("jdbc:mysql:") && !url.contains("permitMysqlScheme")) {
                return url + (url.contains("?") ? "&" : "?") + "permitMysqlScheme";
            }
            return url;
        }
    }
}
