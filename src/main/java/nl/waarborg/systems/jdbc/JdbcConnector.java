package nl.waarborg.systems.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.policy.LinkKind;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.Policy.DataSystem;
import nl.waarborg.policy.Policy.MappedTable;
import nl.waarborg.policy.Policy.SubjectLink;
import nl.waarborg.policy.TableErase;
import nl.waarborg.systems.Secrets.SecretUnavailableException;
import nl.waarborg.systems.LinkedSubjects;
import nl.waarborg.systems.SubjectCount;
import nl.waarborg.systems.SubjectLinks;
import nl.waarborg.systems.SweepRequest;
import nl.waarborg.systems.SystemConnector;
import nl.waarborg.systems.SystemResult;
import nl.waarborg.systems.jdbc.DuePlan.ColumnDue;
import nl.waarborg.systems.jdbc.DuePlan.Condition;
import nl.waarborg.systems.jdbc.TableNode.ColumnRef;
import nl.waarborg.vault.crypto.BlindIndex;

/**
 * The connector of one {@code jdbc} system: a PostgreSQL or MariaDB/MySQL database the organisation already has,
 * mapped in the policy (docs/systems.md, "JDBC"). Every statement binds its values; table and column names come from
 * the mapping only and are quoted by the {@link SqlDialect}. A fault of the database (down, refused, timed out, a
 * missing table) becomes {@link SystemResult.Failed} (or {@link SystemResult.Partial} after committed batches) with a
 * cause that names the system and the kind of fault, never a value or a password.
 *
 * <p>Counts are keyed {@code action:table:category} ({@code delete:customers:name}: rows deleted that held a name;
 * {@code nullify:…}, {@code anonymise:…}: values changed; {@code rectify:…}: rows set; {@code export:…}: values found).
 */
public final class JdbcConnector implements SystemConnector {

    static final String ACTOR = "system:retention";

    private final Policy policy;
    private final DataSystem system;
    private final Connections connections;
    private final BatchJournal journal;
    private final ZoneId zone;
    private final int batch;
    private final int queryTimeoutSeconds;
    private final List<TableNode> nodes;
    private final Map<String, Map<String, ColumnType>> types = new ConcurrentHashMap<>();
    /** Known from the first connection (the URL may be a secret read only then); statements are written after it. */
    private volatile SqlDialect dialect;

    public JdbcConnector(Policy policy, DataSystem system, Connections connections, BatchJournal journal, ZoneId zone, int batch,
                         Duration queryTimeout) {
        if (system.jdbc() == null) {
            throw new IllegalArgumentException("system `" + system.id() + "` has no jdbc mapping");
        }
        if (batch < 1) {
            throw new IllegalArgumentException("the batch size must be positive, was " + batch);
        }
        this.policy = policy;
        this.system = system;
        this.connections = connections;
        this.journal = journal;
        this.zone = zone;
        this.batch = batch;
        this.queryTimeoutSeconds = (int) Math.max(1, queryTimeout.toSeconds());
        this.nodes = TableNode.of(system.jdbc());
    }

    @Override
    public String systemId() {
        return system.id();
    }

    private Connection open() throws SQLException {
        Connection c = connections.open();
        if (dialect == null) {
            try {
                dialect = SqlDialect.ofProduct(c.getMetaData().getDatabaseProductName());
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        }
        return c;
    }

    // ---- subject operations ----

    @Override
    public SystemResult export(SubjectLinks subject) {
        String doing = "exporting a subject's data";
        try (Connection c = open()) {
            c.setReadOnly(true);
            Map<TableNode, List<Row>> rows = subjectRows(c, subject, n -> true);
            Map<String, Long> counts = new TreeMap<>();
            List<SystemResult.ExportedValue> values = new ArrayList<>();
            for (TableNode n : TableNode.parentsFirst(nodes)) {
                for (Row r : rows.getOrDefault(n, List.of())) {
                    for (String column : n.table.personalColumns()) {
                        Object v = r.values.get(column);
                        if (v != null) {
                            String category = n.table.columns().get(column);
                            values.add(new SystemResult.ExportedValue(n.name(), column, category, v));
                            counts.merge("export:" + n.name() + ":" + category, 1L, Long::sum);
                        }
                    }
                }
            }
            return new SystemResult.Done(system.id(), counts, null, List.copyOf(values));
        } catch (SQLException e) {
            return failed(doing, e);
        } catch (SecretUnavailableException e) {
            return new SystemResult.Failed(system.id(), e.getMessage());
        }
    }

    @Override
    public SystemResult erase(SubjectLinks subject, String operationId) {
        // a caller that tells neither the moment nor the holds: now, and no subject held (SystemOperations tells both)
        return erase(subject, operationId, Instant.now(), LinkedSubjects.NONE);
    }

    /**
     * Erases the subject's rows as the mapping says, except what Art. 17(3) keeps ({@link ErasureKeeps}; a hold keeps
     * the subject's rows whole). A row that stays (a value of it is kept, or a kept child row needs it through its
     * foreign key) loses its other personal values: set NULL, or generalised when its column takes no NULL; the
     * counts say {@code kept:CATEGORY:GROUND:UNTIL} per row and category kept, beside the usual delete/nullify counts.
     */
    @Override
    public SystemResult erase(SubjectLinks subject, String operationId, Instant now, LinkedSubjects subjects) {
        String doing = "erasing a subject's data";
        try (Connection c = open()) {
            c.setAutoCommit(false);
            try {
                Map<TableNode, List<Row>> rows = subjectRows(c, subject, n -> true);
                Map<TableNode, Map<List<String>, RowKeep>> keeps = new HashMap<>();
                for (TableNode n : nodes) {
                    doing = "reading what an erasure keeps in table `" + n.name() + "`";
                    keeps.put(n, keeps(c, n, rows.getOrDefault(n, List.of()), now, subjects));
                }
                Map<String, Long> counts = new TreeMap<>();
                KeyDigest digest = new KeyDigest();
                // per table, the rows that stay and why: their parent rows stay with them (the foreign key needs them)
                Map<TableNode, Map<List<String>, ErasureKeeps.Ground>> staying = new HashMap<>();
                for (TableNode n : TableNode.childrenFirst(nodes)) { // children before parents: foreign keys hold
                    List<Row> found = rows.getOrDefault(n, List.of());
                    if (found.isEmpty()) {
                        continue;
                    }
                    doing = "erasing a subject's rows in table `" + n.name() + "`";
                    Map<List<String>, ErasureKeeps.Ground> childStays = new HashMap<>();
                    for (TableNode child : n.children) {
                        staying.getOrDefault(child, Map.of()).forEach((key, ground) -> childStays.merge(
                                keeps.get(child).get(key).parentKey(), ground, ErasureKeeps.Ground::stronger));
                    }
                    Map<List<String>, ErasureKeeps.Ground> stays = new HashMap<>();
                    List<Object[]> deletes = new ArrayList<>();
                    for (Row r : found) {
                        RowKeep k = keeps.get(n).get(keyOf(r.key));
                        ErasureKeeps.Ground why = ErasureKeeps.Ground.stronger(k.strongest(), childStays.get(keyOf(r.key)));
                        if (why == null && n.table.erase() == TableErase.DELETE) {
                            deletes.add(r.key);
                            continue;
                        }
                        if (why != null) {
                            stays.put(keyOf(r.key), why);
                        }
                        Map<String, Object> changes = new LinkedHashMap<>();
                        Set<String> kept = new TreeSet<>();
                        for (String column : n.table.personalColumns()) {
                            Object v = r.values.get(column);
                            if (v == null) {
                                continue;
                            }
                            String category = n.table.columns().get(column);
                            ErasureKeeps.Ground own = k.columns().get(column);
                            if (own != null) {
                                kept.add(own.countKey(category));
                                continue;
                            }
                            Object to = cleared(c, n, column, v);
                            if (ColumnGeneralisation.changes(v, to)) {
                                changes.put(column, to);
                            } else if (why != null) { // a column that takes no NULL, already coarse: it stays with its row
                                kept.add(why.countKey(category));
                            }
                        }
                        kept.forEach(key -> counts.merge(key, 1L, Long::sum));
                        if (update(c, n, r.key, changes) > 0) {
                            digest.add(n.name(), r.key);
                            changes.forEach((col, to) -> counts.merge((to == null ? TableErase.NULLIFY
                                    : TableErase.ANONYMISE).term() + ":" + n.name() + ":" + n.table.columns().get(col),
                                    1L, Long::sum));
                        }
                    }
                    List<Object[]> gone = delete(c, n, deletes, false);
                    gone.forEach(key -> digest.add(n.name(), key));
                    countRows(counts, "delete", n, gone.size());
                    staying.put(n, stays);
                }
                c.commit();
                return new SystemResult.Done(system.id(), counts, digest.size() == 0 ? null : digest.sha256(), List.of());
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException e) {
            return failed(doing, e);
        } catch (SecretUnavailableException e) {
            return new SystemResult.Failed(system.id(), e.getMessage());
        }
    }

    /**
     * What an erasure makes of a value that goes from a row that stays: as the mapping says for {@code nullify} and
     * {@code anonymise}; for a row the mapping would delete, NULL, or the generalised value when the column takes no NULL.
     */
    private Object cleared(Connection c, TableNode n, String column, Object value) throws SQLException {
        ColumnType type = type(c, n, column);
        return switch (n.table.erase()) {
            case NULLIFY -> null;
            case ANONYMISE -> ColumnGeneralisation.of(value, n.table.columns().get(column), type);
            case DELETE -> type.nullable() ? null : ColumnGeneralisation.of(value, n.table.columns().get(column), type);
        };
    }

    /**
     * What an erasure keeps of a row: per personal column, the ground that keeps it (absent: it goes); the key of its
     * parent row (null for a root), which stays with it.
     */
    private record RowKeep(Map<String, ErasureKeeps.Ground> columns, List<String> parentKey) {

        ErasureKeeps.Ground strongest() {
            return columns.values().stream().reduce(null, ErasureKeeps.Ground::stronger);
        }
    }

    /**
     * Per row of the subject in table {@code n} (by key), what an erasure keeps of it at {@code now}: the rules of
     * the row's subject category (its {@code subject-category} column, as the sweep segments them) read its start
     * columns; a subject under a hold keeps every personal column.
     */
    private Map<List<String>, RowKeep> keeps(Connection c, TableNode n, List<Row> found, Instant now,
                                             LinkedSubjects subjects) throws SQLException {
        if (found.isEmpty()) {
            return Map.of();
        }
        List<String> declared = n.chain().stream().map(t -> t.table.subjectCategories()).filter(l -> !l.isEmpty())
                .findFirst().orElse(null);
        Optional<ColumnRef> categoryColumn = n.subjectCategoryColumn();
        Map<String, String> valueToCategory = new HashMap<>(); // the column's value as read, to its subject category
        if (categoryColumn.isPresent()) {
            TableNode holder = n.chain().get(categoryColumn.get().level());
            Policy.SubjectCategoryColumn cc = holder.table.subjectCategory();
            Map<String, String> mapped = new LinkedHashMap<>(cc.values());
            if (mapped.isEmpty()) { // the column holds the categories' ids
                (declared != null ? declared : policy.subjectCategories().stream().map(Policy.SubjectCategory::id).toList())
                        .forEach(id -> mapped.put(id, id));
            }
            ColumnType type = type(c, holder, cc.column());
            for (Map.Entry<String, String> v : mapped.entrySet()) {
                try {
                    valueToCategory.put(String.valueOf(type.fromText(v.getKey())), v.getValue());
                } catch (IllegalArgumentException notOfItsType) {
                    // a value the column cannot hold matches no row
                }
            }
        }
        Map<String, ErasureKeeps> byCategory = new HashMap<>();
        for (String category : new TreeSet<>(valueToCategory.values())) {
            byCategory.put(category, ErasureKeeps.of(policy, system.id(), n, zone, now, List.of(category)));
        }
        ErasureKeeps others = ErasureKeeps.of(policy, system.id(), n, zone, now, declared);
        java.util.LinkedHashSet<ColumnRef> startSet = new java.util.LinkedHashSet<>(others.startColumns());
        byCategory.values().forEach(p -> startSet.addAll(p.startColumns()));
        List<ColumnRef> starts = List.copyOf(startSet);
        Map<ColumnRef, ColumnType> startTypes = new HashMap<>();
        for (ColumnRef s : starts) {
            ColumnType t = type(c, n.chain().get(s.level()), s.column());
            if (!t.temporal()) {
                throw new SQLException("not a date or time", "42804"); // reported as a wrong column type
            }
            startTypes.put(s, t);
        }
        List<String> key = n.table.key();
        List<String> parentKey = n.parent == null ? List.of() : n.parent.table.key();
        List<String> select = new ArrayList<>();
        key.forEach(k -> select.add(dialect.col("t0", k)));
        parentKey.forEach(k -> select.add(dialect.col("t1", k)));
        select.add(n.link().sql(dialect));
        categoryColumn.ifPresent(cc -> select.add(dialect.col("t" + cc.level(),
                n.chain().get(cc.level()).table.subjectCategory().column())));
        starts.forEach(s -> select.add(s.sql(dialect)));
        record Facts(List<String> key, List<String> parentKey, String link, ErasureKeeps keeps, Map<ColumnRef, Instant> starts) {}
        List<Facts> facts = new ArrayList<>();
        SubjectLink link = n.root().table.subject();
        for (List<Row> chunk : chunks(found, SqlDialect.MAX_LIST)) {
            String sql = "SELECT " + String.join(", ", select) + " FROM " + n.fromWithParents(dialect) + " WHERE "
                    + dialect.in("t0", key, chunk.size());
            List<Object> params = new ArrayList<>();
            chunk.forEach(r -> params.addAll(List.of(r.key)));
            try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int i = 1;
                    Object[] k = new Object[key.size()];
                    for (int j = 0; j < k.length; j++) {
                        k[j] = rs.getObject(i++);
                    }
                    Object[] pk = new Object[parentKey.size()];
                    for (int j = 0; j < pk.length; j++) {
                        pk[j] = rs.getObject(i++);
                    }
                    String held = rs.getString(i++);
                    if (held != null && link.kind() != LinkKind.REFERENCE) {
                        held = normalised(link.kind(), held).orElse(held);
                    }
                    ErasureKeeps plan = others;
                    if (categoryColumn.isPresent()) {
                        String category = valueToCategory.get(rs.getString(i++));
                        plan = category == null ? others : byCategory.get(category);
                    }
                    Map<ColumnRef, Instant> values = new HashMap<>();
                    for (ColumnRef s : starts) {
                        values.put(s, startTypes.get(s).moment(rs, i++, zone));
                    }
                    facts.add(new Facts(keyOf(k), n.parent == null ? null : keyOf(pk), held, plan, values));
                }
            }
        }
        List<String> links = facts.stream().map(Facts::link).filter(java.util.Objects::nonNull).distinct().toList();
        Map<String, Set<nl.waarborg.policy.HoldKind>> holds = links.isEmpty() ? Map.of()
                : subjects.holds(link.kind(), link.scheme(), links);
        Map<List<String>, RowKeep> out = new HashMap<>();
        for (Facts f : facts) {
            Set<nl.waarborg.policy.HoldKind> kinds = f.link() == null ? null : holds.get(f.link());
            ErasureKeeps.Ground hold = kinds == null ? null : new ErasureKeeps.Ground(kinds.contains(
                    nl.waarborg.policy.HoldKind.LEGAL_CLAIM) ? ErasureKeeps.Ground.LEGAL_CLAIM : ErasureKeeps.Ground.HOLD, null);
            Map<String, ErasureKeeps.Ground> columns = new HashMap<>();
            for (ErasureKeeps.ColumnKeeps col : f.keeps().columns()) {
                ErasureKeeps.Ground g = ErasureKeeps.Ground.stronger(hold, col.ground(f.starts(), zone, now));
                if (g != null) {
                    columns.put(col.column(), g);
                }
            }
            out.put(f.key(), new RowKeep(columns, f.parentKey()));
        }
        return out;
    }

    @Override
    public SystemResult rectify(SubjectLinks subject, String category, String value, String operationId) {
        Map<TableNode, List<String>> columns = new LinkedHashMap<>();
        for (TableNode n : nodes) {
            List<String> of = n.table.columns().entrySet().stream().filter(e -> e.getValue().equals(category))
                    .map(Map.Entry::getKey).toList();
            if (!of.isEmpty()) {
                columns.put(n, of);
            }
        }
        if (columns.isEmpty()) {
            return new SystemResult.Failed(system.id(), "system `" + system.id() + "` holds no data of category `"
                    + category + "`: no column of its mapping has that category, so there is nothing to rectify there");
        }
        String doing = "rectifying a subject's data";
        try (Connection c = open()) {
            c.setAutoCommit(false);
            try {
                Map<TableNode, List<Row>> rows = subjectRows(c, subject, n -> false);
                Map<String, Long> counts = new TreeMap<>();
                for (Map.Entry<TableNode, List<String>> e : columns.entrySet()) {
                    TableNode n = e.getKey();
                    doing = "rectifying a subject's rows in table `" + n.name() + "`";
                    Map<String, Object> set = new LinkedHashMap<>();
                    for (String column : e.getValue()) {
                        try {
                            set.put(column, type(c, n, column).fromText(value));
                        } catch (IllegalArgumentException bad) {
                            rollbackQuietly(c);
                            return new SystemResult.Failed(system.id(), "system `" + system.id() + "`: column `"
                                    + column + "` of table `" + n.name() + "`: " + bad.getMessage());
                        }
                    }
                    for (Row r : rows.getOrDefault(n, List.of())) {
                        if (update(c, n, r.key, set) > 0) {
                            counts.merge("rectify:" + n.name() + ":" + category, 1L, Long::sum);
                        }
                    }
                }
                c.commit();
                return new SystemResult.Done(system.id(), counts, null, List.of());
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException e) {
            return failed(doing, e);
        } catch (SecretUnavailableException e) {
            return new SystemResult.Failed(system.id(), e.getMessage());
        }
    }

    /** A row of a subject: its key, and the personal columns' values when they were asked for. */
    private record Row(Object[] key, Map<String, Object> values) {}

    /** The subject's rows in every table: roots by the subject link, children by their parents' keys. */
    private Map<TableNode, List<Row>> subjectRows(Connection c, SubjectLinks subject,
                                                  java.util.function.Predicate<TableNode> withValues) throws SQLException {
        Map<TableNode, List<Row>> out = new HashMap<>();
        for (TableNode n : TableNode.parentsFirst(nodes)) {
            List<Row> rows = n.parent == null ? rootRows(c, n, subject, withValues.test(n))
                    : childRows(c, n, out.getOrDefault(n.parent, List.of()), withValues.test(n));
            out.put(n, rows);
        }
        return out;
    }

    private List<Row> rootRows(Connection c, TableNode n, SubjectLinks subject, boolean withValues) throws SQLException {
        SubjectLink link = n.table.subject();
        List<String> given = subject.values(link.kind(), link.kind() == LinkKind.REFERENCE ? link.scheme() : null);
        if (given.isEmpty()) {
            return List.of();
        }
        String col = dialect.col("t0", link.column());
        String matched;
        List<Object> values = new ArrayList<>();
        Set<String> wanted = new java.util.HashSet<>();
        switch (link.kind()) {
            case REFERENCE -> {
                ColumnType t = type(c, n, link.column());
                for (String v : given) {
                    try {
                        values.add(t.fromText(v));
                    } catch (IllegalArgumentException notOfItsType) {
                        // a reference that cannot be in this column (a number column, a reference with letters)
                    }
                }
                matched = col;
            }
            case EMAIL -> {
                for (String v : given) {
                    normalised(LinkKind.EMAIL, v).ifPresent(e -> {
                        wanted.add(e);
                        values.add(e);
                    });
                }
                matched = "LOWER(TRIM(" + col + "))";
            }
            case PHONE -> {
                for (String v : given) {
                    normalised(LinkKind.PHONE, v).ifPresent(p -> {
                        wanted.add(p);
                        values.addAll(phoneDigits(p));
                    });
                }
                matched = dialect.digitsOf(col);
            }
            default -> throw new IllegalStateException();
        }
        List<Row> rows = new ArrayList<>();
        for (List<Object> chunk : chunks(values, SqlDialect.MAX_LIST)) {
            String sql = "SELECT " + selectList(n, withValues) + ", " + col + " FROM " + dialect.quote(n.name()) + " t0 WHERE "
                    + matched + " IN (" + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")";
            try (PreparedStatement ps = prepare(c, sql, chunk); ResultSet rs = ps.executeQuery()) {
                int linkIndex = n.table.key().size() + (withValues ? n.table.personalColumns().size() : 0) + 1;
                while (rs.next()) {
                    // an identifier matches as the vault normalises it; the statement only narrowed the rows down
                    if (link.kind() != LinkKind.REFERENCE) {
                        String held = rs.getString(linkIndex);
                        if (held == null || normalised(link.kind(), held).filter(wanted::contains).isEmpty()) {
                            continue;
                        }
                    }
                    rows.add(row(c, n, rs, withValues));
                }
            }
        }
        return rows;
    }

    private List<Row> childRows(Connection c, TableNode n, List<Row> parents, boolean withValues) throws SQLException {
        List<Row> rows = new ArrayList<>();
        List<String> fk = n.table.parent().columns();
        for (List<Row> chunk : chunks(parents, SqlDialect.MAX_LIST)) {
            String sql = "SELECT " + selectList(n, withValues) + " FROM " + dialect.quote(n.name()) + " t0 WHERE "
                    + dialect.in("t0", fk, chunk.size());
            List<Object> params = new ArrayList<>();
            chunk.forEach(p -> params.addAll(List.of(p.key)));
            try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(c, n, rs, withValues));
                }
            }
        }
        return rows;
    }

    private String selectList(TableNode n, boolean withValues) {
        List<String> cols = new ArrayList<>();
        n.table.key().forEach(k -> cols.add(dialect.col("t0", k)));
        if (withValues) {
            n.table.personalColumns().forEach(p -> cols.add(dialect.col("t0", p)));
        }
        return String.join(", ", cols);
    }

    private Row row(Connection c, TableNode n, ResultSet rs, boolean withValues) throws SQLException {
        int keys = n.table.key().size();
        Object[] key = new Object[keys];
        for (int i = 0; i < keys; i++) {
            key[i] = rs.getObject(i + 1);
        }
        Map<String, Object> values = new HashMap<>();
        if (withValues) {
            List<String> personal = n.table.personalColumns();
            for (int i = 0; i < personal.size(); i++) {
                values.put(personal.get(i), type(c, n, personal.get(i)).exported(rs, keys + 1 + i));
            }
        }
        return new Row(key, values);
    }

    // ---- breaches ----

    /**
     * The distinct rows of each root table (a customer) that hold, themselves or in a table below them (a rental), a
     * non-empty mapped column of one of {@code categories}: one statement per root table, a UNION of its tables'
     * distinct root keys (DISTINCT too: a single table is no UNION). Root tables are counted each on their own (a
     * person in two of them counts twice: the system's subjects are matched neither with each other nor with
     * Waarborg's).
     */
    @Override
    public SubjectCount countSubjects(Set<String> categories) {
        try (Connection c = open()) {
            c.setReadOnly(true);
            Map<TableNode, List<String>> selects = new LinkedHashMap<>();
            for (TableNode n : nodes) {
                List<String> held = new ArrayList<>();
                n.table.columns().forEach((column, category) -> {
                    if (categories.contains(category)) {
                        held.add(dialect.col("t0", column) + " IS NOT NULL");
                    }
                });
                if (held.isEmpty()) {
                    continue;
                }
                String root = "t" + (n.chain().size() - 1);
                List<String> key = n.root().table.key().stream().map(k -> dialect.col(root, k)).toList();
                selects.computeIfAbsent(n.root(), r -> new ArrayList<>()).add("SELECT DISTINCT " + String.join(", ", key)
                        + " FROM " + n.fromWithParents(dialect) + " WHERE " + String.join(" OR ", held));
            }
            long total = 0;
            for (List<String> union : selects.values()) {
                String sql = "SELECT COUNT(*) FROM (" + String.join(" UNION ", union) + ") u";
                try (PreparedStatement ps = prepare(c, sql, List.of()); ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total += rs.getLong(1);
                }
            }
            return new SubjectCount.Counted(total);
        } catch (SQLException e) {
            return new SubjectCount.NotCounted(JdbcFaults.fault(e).code());
        } catch (SecretUnavailableException e) {
            return new SubjectCount.NotCounted("secret-unavailable");
        }
    }

    // ---- retention ----

    @Override
    public SystemResult sweep(SweepRequest request) {
        Totals totals = new Totals();
        SystemResult result = sweep(request, totals);
        if (totals.unproven == null) {
            return result;
        }
        try {
            journal.proven(totals.unproven.id(), totals.unproven.proof());
            return result;
        } catch (RuntimeException e) {
            String cause = "proof-pending: system `" + system.id() + "`: the audit log did not take the proof of the last "
                    + "committed batch; its record stays, and the next sweep writes its proof";
            return switch (result) {
                case SystemResult.Done d -> new SystemResult.Partial(system.id(), d.counts(), d.digest(), cause);
                default -> result;
            };
        }
    }

    private SystemResult sweep(SweepRequest request, Totals totals) {
        String doing = "sweeping";
        try (Connection c = open()) {
            c.setAutoCommit(false);
            try {
                if (!request.dryRun()) {
                    doing = "settling the batches of an interrupted sweep";
                    settle(c);
                }
                for (TableNode n : TableNode.childrenFirst(nodes)) { // children first: their parents may follow
                    doing = "sweeping table `" + n.name() + "`";
                    sweepTable(c, n, request, totals);
                }
                c.rollback(); // ends the last read; every batch that changed something committed itself
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException e) {
            String cause = JdbcFaults.cause(system.id(), doing, e);
            return totals.rows == 0 ? new SystemResult.Failed(system.id(), cause)
                    : new SystemResult.Partial(system.id(), totals.counts, totals.digest.sha256(), cause);
        } catch (SecretUnavailableException e) {
            return new SystemResult.Failed(system.id(), e.getMessage());
        } catch (ProofUnwritten e) {
            String cause = "proof-unwritten: system `" + system.id() + "`: " + doing + ": " + e.getMessage();
            return totals.rows == 0 ? new SystemResult.Failed(system.id(), cause)
                    : new SystemResult.Partial(system.id(), totals.counts, totals.digest.sha256(), cause);
        }
        return new SystemResult.Done(system.id(), totals.counts,
                request.dryRun() || totals.rows == 0 ? null : totals.digest.sha256(), List.of());
    }

    /** What the batches of one sweep erased (or, dry, would erase). */
    private static final class Totals {
        final Map<String, Long> counts = new TreeMap<>();
        /** A dry run's rows counted for deletion, per table (their keys), so that their parents can count too. */
        final Map<String, Set<List<String>>> counted = new HashMap<>();
        final KeyDigest digest = new KeyDigest();
        long rows;
        /** Per table with a subject-category column, the values it holds (read once per sweep). */
        final Map<String, Set<String>> categoryValues = new HashMap<>();
        /** The last batch committed in the system, whose proof goes with the next batch's record or at the end. */
        BatchJournal.Committed unproven;
    }

    /** Waarborg's database refused a batch's record or proof; the message says what became of the batch. */
    private static final class ProofUnwritten extends RuntimeException {
        ProofUnwritten(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    // ---- batches of an interrupted sweep ----

    /**
     * Settles the batches a sweep recorded but did not prove (the process died between the system's commit and the
     * proof): a batch whose rows show it committed (every row deleted; every changed column NULL or generalised) is
     * proven now, with the reason {@code recovered-after-interruption}; one whose rows do not is abandoned, and its rows,
     * still due, are swept again below. A batch of a table the mapping no longer names stays recorded.
     */
    private void settle(Connection c) throws SQLException {
        for (BatchJournal.Batch b : journal.pending(system.id())) {
            TableNode n = nodes.stream().filter(t -> t.name().equals(b.table())).findFirst().orElse(null);
            if (n == null) {
                continue;
            }
            boolean committed = committed(c, n, b);
            c.rollback(); // ends the read before Waarborg's transaction
            if (committed) {
                List<String> reasons = new ArrayList<>(b.proof().reasons());
                reasons.add("recovered-after-interruption");
                journal.proven(b.id(), b.proof().outcome(Outcome.ALLOWED, reasons.toArray(String[]::new)));
            } else {
                journal.abandoned(b.id());
            }
        }
    }

    /** Whether the batch's changes are in the table: a batch commits whole or not at all, so its rows tell. */
    private boolean committed(Connection c, TableNode n, BatchJournal.Batch b) throws SQLException {
        List<String> key = n.table.key();
        List<ColumnType> keyTypes = new ArrayList<>();
        for (String k : key) {
            keyTypes.add(type(c, n, k));
        }
        for (int i = 0; i < b.keys().size(); i++) {
            List<String> text = b.keys().get(i);
            Object[] k = new Object[key.size()];
            for (int j = 0; j < k.length; j++) {
                k[j] = keyTypes.get(j).fromText(text.get(j));
            }
            List<String> columns = b.action() == TableErase.DELETE ? List.of() : b.columns().get(i);
            String sql = "SELECT 1" + columns.stream().map(col -> ", " + dialect.quote(col)).reduce("", String::concat)
                    + " FROM " + dialect.quote(n.name()) + " WHERE " + dialect.equalsAll(null, key);
            try (PreparedStatement ps = prepare(c, sql, List.of(k)); ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    continue; // gone: deleted by the batch (or, for a change, since)
                }
                if (b.action() == TableErase.DELETE) {
                    return false;
                }
                for (int j = 0; j < columns.size(); j++) {
                    Object v = type(c, n, columns.get(j)).exported(rs, j + 2);
                    if (v == null) {
                        continue;
                    }
                    if (b.action() == TableErase.NULLIFY || ColumnGeneralisation.changes(v,
                            ColumnGeneralisation.of(v, n.table.columns().get(columns.get(j)), type(c, n, columns.get(j))))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private void sweepTable(Connection c, TableNode n, SweepRequest request, Totals totals) throws SQLException {
        for (Segment segment : segments(c, n, totals)) {
            sweepSegment(c, n, segment, request, totals);
        }
    }

    /**
     * The rows of a table that one plan sweeps: those whose {@code subject-category} column holds one of
     * {@code values} (the category's), or, with {@code values} null, any other value or NULL ({@code others}), swept
     * by the rules of {@code subjects} (null: any subject category).
     */
    private record Segment(List<String> subjects, ColumnRef column, List<Object> values, List<Object> others) {

        /** The whole table, without a subject-category column. */
        static Segment whole(List<String> subjects) {
            return new Segment(subjects, null, null, null);
        }
    }

    /**
     * One segment per subject category that the table's (or its nearest parent's) {@code subject-category} column
     * names, and one for the rows with another value or NULL, swept by the rules of all the table's categories.
     */
    private List<Segment> segments(Connection c, TableNode n, Totals totals) throws SQLException {
        List<String> declared = n.chain().stream().map(t -> t.table.subjectCategories()).filter(l -> !l.isEmpty())
                .findFirst().orElse(null);
        Optional<ColumnRef> column = n.subjectCategoryColumn();
        if (column.isEmpty()) {
            return List.of(Segment.whole(declared));
        }
        TableNode holder = n.chain().get(column.get().level());
        Policy.SubjectCategoryColumn cc = holder.table.subjectCategory();
        Map<String, String> valueToCategory = new LinkedHashMap<>(cc.values());
        if (valueToCategory.isEmpty()) { // the column holds the categories' ids
            (declared != null ? declared : policy.subjectCategories().stream().map(Policy.SubjectCategory::id).toList())
                    .forEach(id -> valueToCategory.put(id, id));
        }
        ColumnType type = type(c, holder, cc.column());
        // the values the column holds now, read once per sweep: a segment without rows would cost a pass of its own
        Set<String> present = totals.categoryValues.get(holder.name());
        if (present == null) {
            present = new HashSet<>();
            try (PreparedStatement ps = prepare(c, "SELECT DISTINCT " + dialect.quote(cc.column()) + " FROM "
                    + dialect.quote(holder.name()), List.of()); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    present.add(rs.getString(1)); // NULL as null
                }
            }
            c.rollback(); // ends the read
            totals.categoryValues.put(holder.name(), present);
        }
        Map<String, List<Object>> byCategory = new LinkedHashMap<>();
        List<Object> all = new ArrayList<>();
        for (Map.Entry<String, String> v : valueToCategory.entrySet()) {
            try {
                Object bound = type.fromText(v.getKey());
                all.add(bound);
                if (present.contains(String.valueOf(bound))) {
                    byCategory.computeIfAbsent(v.getValue(), k -> new ArrayList<>()).add(bound);
                }
            } catch (IllegalArgumentException notOfItsType) {
                // a value the column cannot hold matches no row
            }
        }
        List<Segment> out = new ArrayList<>();
        byCategory.forEach((category, values) -> out.add(new Segment(List.of(category), column.get(), values, all)));
        Set<String> mapped = all.stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet());
        if (present.stream().anyMatch(v -> v == null || !mapped.contains(v))) {
            out.add(new Segment(declared, column.get(), null, all));
        }
        return out;
    }

    /** {@code "status" IN (?, ?)}, or for the other rows {@code ("status" IS NULL OR "status" NOT IN (?, ?))}. */
    private String segmentSql(Segment s, List<Object> params) {
        if (s.column() == null) {
            return null;
        }
        String col = s.column().sql(dialect);
        List<Object> values = s.values() != null ? s.values() : s.others();
        if (values.isEmpty()) {
            return s.values() != null ? "1 = 0" : null;
        }
        params.addAll(values);
        String list = "(" + String.join(", ", java.util.Collections.nCopies(values.size(), "?")) + ")";
        return s.values() != null ? col + " IN " + list : "(" + col + " IS NULL OR " + col + " NOT IN " + list + ")";
    }

    private void sweepSegment(Connection c, TableNode n, Segment segment, SweepRequest request, Totals totals)
            throws SQLException {
        Instant now = request.now();
        DuePlan plan = DuePlan.of(policy, system.id(), n, zone, now, segment.subjects());
        TableErase action = n.table.erase();
        List<ColumnDue> due = plan.sweepable();
        if (action == TableErase.DELETE ? !plan.rowsSweepable() : due.isEmpty()) {
            return; // no row (or no column) of these rows can become due under the policy
        }
        List<ColumnRef> starts = plan.startColumns();
        Map<ColumnRef, ColumnType> startTypes = new HashMap<>();
        for (ColumnRef s : starts) {
            ColumnType t = type(c, n.chain().get(s.level()), s.column());
            if (!t.temporal()) {
                throw new SQLException("not a date or time", "42804"); // reported as a wrong column type below
            }
            startTypes.put(s, t);
        }
        List<String> key = n.table.key();
        List<String> select = new ArrayList<>();
        key.forEach(k -> select.add(dialect.col("t0", k)));
        select.add(n.link().sql(dialect));
        starts.forEach(s -> select.add(s.sql(dialect)));
        if (action == TableErase.NULLIFY) {
            due.forEach(d -> select.add("CASE WHEN " + dialect.col("t0", d.column()) + " IS NULL THEN 0 ELSE 1 END"));
        } else if (action == TableErase.ANONYMISE) {
            due.forEach(d -> select.add(dialect.col("t0", d.column())));
        }
        List<Object> whereParams = new ArrayList<>();
        String where = prefilter(plan, action, startTypes, whereParams);
        String inSegment = segmentSql(segment, whereParams);
        if (inSegment != null) {
            where = "(" + where + ") AND " + inSegment;
        }
        if (action == TableErase.DELETE && !request.dryRun()) {
            where += childrenGone(n, "t0");
        }
        String orderBy = " ORDER BY " + String.join(", ", key.stream().map(k -> dialect.col("t0", k)).toList());
        SubjectLink link = n.root().table.subject();
        boolean askConsent = plan.consentBound();
        Object[] last = null;
        while (true) {
            List<Object> params = new ArrayList<>();
            String sql = "SELECT " + String.join(", ", select) + " FROM " + n.fromWithParents(dialect) + " WHERE ";
            if (last != null) {
                sql += dialect.after("t0", key) + " AND ";
                params.addAll(SqlDialect.afterParameters(last));
            }
            sql += "(" + where + ")" + orderBy + " LIMIT ?";
            params.addAll(whereParams);
            params.add(batch);
            List<PageRow> page = new ArrayList<>();
            run(c, dialect.beforeKeysetPage());
            try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    page.add(pageRow(c, n, rs, starts, startTypes, due, action));
                }
            }
            run(c, dialect.afterKeysetPage());
            if (page.isEmpty()) {
                break;
            }
            last = page.getLast().key;
            List<String> links = page.stream().map(r -> r.link).filter(java.util.Objects::nonNull).distinct().toList();
            Set<String> held = request.subjects().held(link.kind(), link.scheme(), links);
            Map<String, Set<String>> consents = askConsent
                    ? request.subjects().consenting(link.kind(), link.scheme(), links, now) : Map.of();
            Batch b = new Batch();
            for (PageRow r : page) {
                if (r.link != null && held.contains(r.link)) {
                    continue; // the subject is under a hold: its rows stay
                }
                Set<String> consented = r.link == null ? Set.of() : consents.getOrDefault(r.link, Set.of());
                List<ColumnDue> dueNow = due.stream().filter(d -> d.due(r.starts, consented)).toList();
                switch (action) {
                    case DELETE -> {
                        if (dueNow.size() == plan.columns().size()) {
                            b.deletes.add(r.key);
                        }
                    }
                    case NULLIFY -> {
                        Map<String, Object> set = new LinkedHashMap<>();
                        dueNow.stream().filter(d -> Boolean.TRUE.equals(r.state.get(d.column())))
                                .forEach(d -> set.put(d.column(), null));
                        if (!set.isEmpty()) {
                            b.updates.put(r.key, set);
                        }
                    }
                    case ANONYMISE -> {
                        Map<String, Object> set = new LinkedHashMap<>();
                        for (ColumnDue d : dueNow) {
                            Object v = r.state.get(d.column());
                            Object to = ColumnGeneralisation.of(v, d.category(), type(c, n, d.column()));
                            if (v != null && ColumnGeneralisation.changes(v, to)) {
                                set.put(d.column(), to);
                            }
                        }
                        if (!set.isEmpty()) {
                            b.updates.put(r.key, set);
                        }
                    }
                }
            }
            if (request.dryRun() && action == TableErase.DELETE && !n.children.isEmpty() && !b.deletes.isEmpty()) {
                // a dry run deletes nothing, so the children are still there: a parent counts when this dry run
                // counted every child row it has, as the sweep deletes them first and then the parent
                List<Object[]> parents = childrenCounted(c, n, b.deletes, totals);
                b.deletes.clear();
                b.deletes.addAll(parents);
            }
            apply(c, n, b, request.dryRun(), totals);
            if (page.size() < batch) {
                break;
            }
        }
    }

    /** One page's work: the keys of rows to delete, or the columns to set per row. */
    private static final class Batch {
        final List<Object[]> deletes = new ArrayList<>();
        final Map<Object[], Map<String, Object>> updates = new LinkedHashMap<>();
    }

    private record PageRow(Object[] key, String link, Map<ColumnRef, Instant> starts, Map<String, Object> state) {}

    private PageRow pageRow(Connection c, TableNode n, ResultSet rs, List<ColumnRef> starts,
                            Map<ColumnRef, ColumnType> startTypes, List<ColumnDue> due, TableErase action)
            throws SQLException {
        int i = 1;
        Object[] key = new Object[n.table.key().size()];
        for (int k = 0; k < key.length; k++) {
            key[k] = rs.getObject(i++);
        }
        String link = rs.getString(i++);
        SubjectLink sl = n.root().table.subject();
        if (link != null && sl.kind() != LinkKind.REFERENCE) {
            link = normalised(sl.kind(), link).orElse(link);
        }
        Map<ColumnRef, Instant> values = new HashMap<>();
        for (ColumnRef s : starts) {
            values.put(s, startTypes.get(s).moment(rs, i++, zone));
        }
        Map<String, Object> state = new HashMap<>();
        if (action == TableErase.NULLIFY) {
            for (ColumnDue d : due) {
                state.put(d.column(), rs.getInt(i++) == 1);
            }
        } else if (action == TableErase.ANONYMISE) {
            for (ColumnDue d : due) {
                state.put(d.column(), type(c, n, d.column()).exported(rs, i++));
            }
        }
        return new PageRow(key, link, values, state);
    }

    /**
     * The statement's half of the due condition (Java checks each row again with the same cut-offs): for
     * {@code delete}, every rule of every personal column has ended; otherwise some due column is not NULL yet.
     */
    private String prefilter(DuePlan plan, TableErase action, Map<ColumnRef, ColumnType> types, List<Object> params) {
        if (action == TableErase.DELETE) {
            Map<String, Condition> rules = new LinkedHashMap<>();
            plan.sweepable().forEach(d -> d.necessary().forEach(k -> rules.putIfAbsent(k.rule(), k)));
            List<String> parts = new ArrayList<>();
            rules.values().forEach(k -> parts.add(conditionSql(k, types, params)));
            return String.join(" AND ", parts);
        }
        List<String> any = new ArrayList<>();
        for (ColumnDue d : plan.sweepable()) {
            List<String> parts = new ArrayList<>();
            parts.add(dialect.col("t0", d.column()) + " IS NOT NULL");
            d.necessary().forEach(k -> parts.add(conditionSql(k, types, params)));
            any.add("(" + String.join(" AND ", parts) + ")");
        }
        return String.join(" OR ", any);
    }

    /**
     * {@code s <= ?}; for the latest of several starts, at least one set and none after the cut-off; for alternatives
     * (an item date, else collection), the first that is set not after the cut-off.
     */
    private String conditionSql(Condition k, Map<ColumnRef, ColumnType> types, List<Object> params) {
        if (k.firstSet() && k.starts().size() > 1) {
            List<String> alternatives = new ArrayList<>();
            List<String> nullBefore = new ArrayList<>();
            for (ColumnRef s : k.starts()) {
                List<String> parts = new ArrayList<>(nullBefore);
                parts.add(s.sql(dialect) + " <= ?");
                params.add(types.get(s).bound(k.cutoff(), zone));
                alternatives.add("(" + String.join(" AND ", parts) + ")");
                nullBefore.add(s.sql(dialect) + " IS NULL");
            }
            return "(" + String.join(" OR ", alternatives) + ")";
        }
        if (k.starts().size() == 1) {
            ColumnRef s = k.starts().getFirst();
            params.add(types.get(s).bound(k.cutoff(), zone));
            return s.sql(dialect) + " <= ?";
        }
        List<String> set = new ArrayList<>();
        List<String> notAfter = new ArrayList<>();
        for (ColumnRef s : k.starts()) {
            set.add(s.sql(dialect) + " IS NOT NULL");
            notAfter.add("(" + s.sql(dialect) + " IS NULL OR " + s.sql(dialect) + " <= ?)");
            params.add(types.get(s).bound(k.cutoff(), zone));
        }
        return "(" + String.join(" OR ", set) + ") AND " + String.join(" AND ", notAfter);
    }

    /**
     * {@code AND NOT EXISTS (SELECT 1 FROM "child" c WHERE c."fk" = t0."id")} for every mapped child table; with a null
     * alias, {@code … = "parent"."id"}.
     */
    private String childrenGone(TableNode n, String alias) {
        StringBuilder sql = new StringBuilder();
        for (TableNode child : n.children) {
            List<String> fk = child.table.parent().columns();
            sql.append(" AND NOT EXISTS (SELECT 1 FROM ").append(dialect.quote(child.name())).append(" c WHERE ");
            for (int i = 0; i < fk.size(); i++) {
                sql.append(i == 0 ? "" : " AND ").append(dialect.col("c", fk.get(i))).append(" = ")
                        // without an alias (a DELETE), the table's own name: a bare "id" would be the child's
                        .append(alias == null ? dialect.quote(n.name()) + "." + dialect.quote(n.table.key().get(i))
                                : dialect.col(alias, n.table.key().get(i)));
            }
            sql.append(")");
        }
        return sql.toString();
    }

    /** Carries out (or, dry, counts) one page's work, with its proof, in one transaction of the system's database. */
    private void apply(Connection c, TableNode n, Batch b, boolean dryRun, Totals totals) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        KeyDigest digest = new KeyDigest();
        TreeSet<String> categories = new TreeSet<>();
        if (!b.deletes.isEmpty()) {
            List<Object[]> gone = dryRun ? b.deletes : delete(c, n, b.deletes, true);
            if (dryRun) {
                gone.forEach(k -> totals.counted.computeIfAbsent(n.name(), t -> new HashSet<>()).add(keyOf(k)));
            }
            gone.forEach(k -> digest.add(n.name(), k));
            countRows(counts, "delete", n, gone.size());
            if (!gone.isEmpty()) {
                categories.addAll(n.table.columns().values());
            }
        }
        for (Map.Entry<Object[], Map<String, Object>> u : b.updates.entrySet()) {
            if (dryRun || update(c, n, u.getKey(), u.getValue()) > 0) {
                digest.add(n.name(), u.getKey());
                for (String column : u.getValue().keySet()) {
                    String category = n.table.columns().get(column);
                    counts.merge(n.table.erase().term() + ":" + n.name() + ":" + category, 1L, Long::sum);
                    categories.add(category);
                }
            }
        }
        categories.remove(MappedTable.NOT_PERSONAL);
        if (digest.size() == 0) {
            c.rollback();
            return;
        }
        if (!dryRun) {
            List<String> reasons = new ArrayList<>();
            reasons.add("system:" + term(system.id()));
            reasons.add("table:" + term(n.name()));
            counts.forEach((k, v) -> reasons.add(term(k) + ":" + v));
            reasons.add("rows:" + digest.size());
            reasons.add("keys-sha256:" + digest.sha256());
            AuditEvent.Draft proof = AuditEvent.draft(ACTOR, "system", "retention-erased")
                    .categories(categories.stream().map(JdbcConnector::term).toArray(String[]::new))
                    .outcome(Outcome.ALLOWED, reasons.toArray(String[]::new));
            // recorded first, proven after the commit: a kill -9 in between leaves a record the next sweep settles
            List<List<String>> keys = new ArrayList<>();
            List<List<String>> changed = new ArrayList<>();
            b.deletes.forEach(k -> keys.add(keyOf(k)));
            b.updates.forEach((k, set) -> {
                keys.add(keyOf(k));
                changed.add(List.copyOf(set.keySet()));
            });
            java.util.UUID intent;
            try {
                // with the previous batch's proof: one commit of Waarborg's database per batch
                intent = journal.intend(new BatchJournal.Batch(null, system.id(), n.name(), n.table.erase(),
                        keys, changed, proof), totals.unproven);
                totals.unproven = null;
            } catch (RuntimeException e) {
                rollbackQuietly(c);
                throw new ProofUnwritten("Waarborg's database did not take the batch's record, so the batch was rolled "
                        + "back; the next sweep does it again", e);
            }
            c.commit(); // should this fail, the record stays, and the next sweep finds out whether it committed
            totals.unproven = new BatchJournal.Committed(intent, proof);
            totals.digest.addAll(digest);
        }
        counts.forEach((k, v) -> totals.counts.merge(k, v, Long::sum));
        totals.rows += digest.size();
    }

    /**
     * For a dry run: those of the parent rows {@code keys} whose every child row (in each mapped child table) this dry
     * run counted for deletion, in lists of bounded size.
     */
    private List<Object[]> childrenCounted(Connection c, TableNode n, List<Object[]> keys, Totals totals)
            throws SQLException {
        Set<List<String>> stay = new HashSet<>();
        for (TableNode child : n.children) {
            List<String> fk = child.table.parent().columns();
            List<String> childKey = child.table.key();
            Set<List<String>> counted = totals.counted.getOrDefault(child.name(), Set.of());
            List<String> select = new ArrayList<>();
            childKey.forEach(k -> select.add(dialect.quote(k)));
            fk.forEach(k -> select.add(dialect.quote(k)));
            for (List<Object[]> chunk : chunks(keys, SqlDialect.MAX_LIST)) {
                String sql = "SELECT " + String.join(", ", select) + " FROM " + dialect.quote(child.name()) + " WHERE "
                        + dialect.in(null, fk, chunk.size());
                List<Object> params = new ArrayList<>();
                chunk.forEach(k -> params.addAll(List.of(k)));
                try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Object[] ck = new Object[childKey.size()];
                        Object[] pk = new Object[fk.size()];
                        for (int i = 0; i < ck.length; i++) {
                            ck[i] = rs.getObject(i + 1);
                        }
                        for (int i = 0; i < pk.length; i++) {
                            pk[i] = rs.getObject(ck.length + i + 1);
                        }
                        if (!counted.contains(keyOf(ck))) {
                            stay.add(keyOf(pk));
                        }
                    }
                }
            }
        }
        return keys.stream().filter(k -> !stay.contains(keyOf(k))).toList();
    }

    /** A key as text, to compare keys read from different tables (a bigint and an int of the same value match). */
    private static List<String> keyOf(Object[] key) {
        return java.util.Arrays.stream(key).map(String::valueOf).toList();
    }

    // ---- statements ----

    /**
     * Deletes the rows of these keys, in lists of bounded size; returns the keys deleted. With {@code childrenGone},
     * a row that still has child rows in a mapped table stays. When a list deletes fewer rows than it names (another
     * writer was quicker), its keys are deleted one by one, so that the proof names exactly the rows deleted.
     */
    private List<Object[]> delete(Connection c, TableNode n, List<Object[]> keys, boolean childrenGone) throws SQLException {
        List<Object[]> gone = new ArrayList<>();
        String guard = childrenGone ? childrenGone(n, null) : "";
        for (List<Object[]> chunk : chunks(keys, SqlDialect.MAX_LIST)) {
            String sql = "DELETE FROM " + dialect.quote(n.name()) + " WHERE " + dialect.in(null, n.table.key(), chunk.size()) + guard;
            List<Object> params = new ArrayList<>();
            chunk.forEach(k -> params.addAll(List.of(k)));
            int deleted;
            try (PreparedStatement ps = prepare(c, sql, params)) {
                deleted = ps.executeUpdate();
            }
            if (deleted == chunk.size()) {
                gone.addAll(chunk);
                continue;
            }
            // fewer than named: only possible for keys already gone or kept by a child; the rest went. Ask which stay.
            String stays = "SELECT 1 FROM " + dialect.quote(n.name()) + " WHERE " + dialect.equalsAll(null, n.table.key());
            for (Object[] k : chunk) {
                try (PreparedStatement ps = prepare(c, stays, List.of(k)); ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        gone.add(k);
                    }
                }
            }
        }
        return gone;
    }

    /** {@code UPDATE "t" SET "a" = ?, "b" = ? WHERE "k" = ?}; returns the rows changed (0 or 1). */
    private int update(Connection c, TableNode n, Object[] key, Map<String, Object> set) throws SQLException {
        if (set.isEmpty()) {
            return 0;
        }
        List<String> assignments = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        set.forEach((column, value) -> {
            assignments.add(dialect.quote(column) + " = ?");
            params.add(value);
        });
        params.addAll(List.of(key));
        String sql = "UPDATE " + dialect.quote(n.name()) + " SET " + String.join(", ", assignments) + " WHERE "
                + dialect.equalsAll(null, n.table.key());
        try (PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        }
    }

    /** The dialect's settings for a page: fixed text without parameters or results, in one round trip. */
    private void run(Connection c, String settings) throws SQLException {
        if (settings.isEmpty()) {
            return;
        }
        try (java.sql.Statement s = c.createStatement()) {
            s.setQueryTimeout(queryTimeoutSeconds);
            s.execute(settings);
        }
    }

    private PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            ps.setQueryTimeout(queryTimeoutSeconds);
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p == null) {
                    ps.setNull(i + 1, java.sql.Types.NULL);
                } else if (p instanceof Instant instant) {
                    ps.setObject(i + 1, java.time.OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC));
                } else {
                    ps.setObject(i + 1, p);
                }
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    /** A column's type as the live database reports it (read once per table). */
    private ColumnType type(Connection c, TableNode n, String column) throws SQLException {
        Map<String, ColumnType> of = types.get(n.name());
        if (of == null) {
            of = new HashMap<>();
            try (PreparedStatement ps = prepare(c, "SELECT * FROM " + dialect.quote(n.name()) + " WHERE 1 = 0", List.of());
                 ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    of.put(md.getColumnName(i).toLowerCase(Locale.ROOT), new ColumnType(md.getColumnType(i),
                            md.getColumnTypeName(i), md.isNullable(i) != ResultSetMetaData.columnNoNulls));
                }
            }
            types.put(n.name(), of);
        }
        ColumnType t = of.get(column.toLowerCase(Locale.ROOT));
        if (t == null) {
            throw new SQLException("no such column", "42703");
        }
        return t;
    }

    // ---- helpers ----

    private static void countRows(Map<String, Long> counts, String action, TableNode n, long rows) {
        if (rows == 0) {
            return;
        }
        new TreeSet<>(n.table.columns().values()).stream().filter(k -> !MappedTable.NOT_PERSONAL.equals(k))
                .forEach(k -> counts.merge(action + ":" + n.name() + ":" + k, rows, Long::sum));
    }

    /** The vault's spelling of an identifier (BlindIndex), or empty when the value is not one of its kind. */
    private static java.util.Optional<String> normalised(LinkKind kind, String value) {
        BlindIndex.Kind k = kind == LinkKind.EMAIL ? BlindIndex.Kind.EMAIL : BlindIndex.Kind.PHONE;
        try {
            return java.util.Optional.of(k.normalise(value));
        } catch (BlindIndex.MalformedIdentifierException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The digit strings a stored spelling of a normalised number ({@code +31612345678}) can reduce to: {@code
     * 31612345678}, {@code 0031612345678}, and for Dutch numbers {@code 0612345678} and {@code 310612345678} (+31 (0)6…).
     */
    static List<String> phoneDigits(String normalised) {
        String digits = normalised.substring(1);
        List<String> out = new ArrayList<>(List.of(digits, "00" + digits));
        if (digits.startsWith("31")) {
            out.add("0" + digits.substring(2));
            out.add("310" + digits.substring(2));
        }
        return out;
    }

    private static <T> List<List<T>> chunks(Collection<T> all, int size) {
        List<List<T>> out = new ArrayList<>();
        List<T> current = new ArrayList<>();
        for (T t : all) {
            current.add(t);
            if (current.size() == size) {
                out.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    /** An audit term: the mapping's names hold letters, digits, {@code _} and {@code $}; {@code $} is no term character. */
    private static String term(String s) {
        return s.replace('$', '-');
    }

    private SystemResult.Failed failed(String doing, SQLException e) {
        return new SystemResult.Failed(system.id(), JdbcFaults.cause(system.id(), doing, e));
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; closing it ends the transaction anyway
        }
    }
}
