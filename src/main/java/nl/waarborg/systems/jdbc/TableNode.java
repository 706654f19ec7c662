package nl.waarborg.systems.jdbc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.waarborg.policy.Policy.JdbcMapping;
import nl.waarborg.policy.Policy.MappedTable;

/**
 * A mapped table in the tree its foreign keys make: a table with a {@code subject} link is a root, a table with a
 * {@code parent} hangs below it. Statements about a table join its chain of parents up to the root (aliases
 * {@code t0} for the table itself, {@code t1} for its parent, …), which names the subject of each row.
 */
final class TableNode {

    final MappedTable table;
    final TableNode parent;
    final List<TableNode> children = new ArrayList<>();

    private TableNode(MappedTable table, TableNode parent) {
        this.table = table;
        this.parent = parent;
    }

    /** Every table of the mapping, each once, its parent linked; tables whose parent chain loops are left out. */
    static List<TableNode> of(JdbcMapping mapping) {
        Map<String, TableNode> nodes = new HashMap<>();
        for (MappedTable t : mapping.tables()) {
            node(t, mapping, nodes, new java.util.HashSet<>());
        }
        return mapping.tables().stream().map(t -> nodes.get(t.table())).filter(java.util.Objects::nonNull).toList();
    }

    private static TableNode node(MappedTable t, JdbcMapping mapping, Map<String, TableNode> nodes,
                                  java.util.Set<String> visiting) {
        TableNode known = nodes.get(t.table());
        if (known != null) {
            return known;
        }
        if (!visiting.add(t.table())) {
            return null; // a loop of parents: no root to name the subject
        }
        TableNode parent = null;
        if (t.parent() != null) {
            Optional<MappedTable> p = mapping.table(t.parent().table());
            parent = p.map(pt -> node(pt, mapping, nodes, visiting)).orElse(null);
            if (parent == null) {
                return null;
            }
        } else if (t.subject() == null) {
            return null;
        }
        TableNode n = new TableNode(t, parent);
        if (parent != null) {
            parent.children.add(n);
        }
        nodes.put(t.table(), n);
        return n;
    }

    /** The tables, children before their parents (deepest first). */
    static List<TableNode> childrenFirst(List<TableNode> nodes) {
        return nodes.stream().sorted(Comparator.comparingInt(TableNode::depth).reversed()).toList();
    }

    /** The tables, parents before their children. */
    static List<TableNode> parentsFirst(List<TableNode> nodes) {
        return nodes.stream().sorted(Comparator.comparingInt(TableNode::depth)).toList();
    }

    int depth() {
        return parent == null ? 0 : parent.depth() + 1;
    }

    String name() {
        return table.table();
    }

    /** This table, its parent, …, the root. */
    List<TableNode> chain() {
        List<TableNode> out = new ArrayList<>();
        for (TableNode n = this; n != null; n = n.parent) {
            out.add(n);
        }
        return out;
    }

    TableNode root() {
        List<TableNode> c = chain();
        return c.getLast();
    }

    /** {@code "child" t0 JOIN "parent" t1 ON t1."id" = t0."customer_id" …}: the table and its parents up to the root. */
    String fromWithParents(SqlDialect d) {
        List<TableNode> chain = chain();
        StringBuilder sql = new StringBuilder(d.quote(name())).append(" t0");
        for (int i = 1; i < chain.size(); i++) {
            TableNode child = chain.get(i - 1);
            TableNode parent = chain.get(i);
            sql.append(" JOIN ").append(d.quote(parent.name())).append(" t").append(i).append(" ON ");
            List<String> fk = child.table.parent().columns();
            for (int k = 0; k < fk.size(); k++) {
                sql.append(k == 0 ? "" : " AND ").append(d.col("t" + i, parent.table.key().get(k))).append(" = ")
                        .append(d.col("t" + (i - 1), fk.get(k)));
            }
        }
        return sql.toString();
    }

    /** The column holding the subject link, in the root table (alias of the root in {@link #fromWithParents}). */
    ColumnRef link() {
        return new ColumnRef(chain().size() - 1, root().table.subject().column());
    }

    /**
     * The column holding when {@code event} happened: this table's own, else the nearest parent's (an invoice ends
     * with its customer's contract); empty when no table of the chain records it.
     */
    Optional<ColumnRef> event(String event) {
        return nearest(t -> t.events().get(event));
    }

    /** The column holding the item date {@code date}: this table's own, else the nearest parent's; empty: none. */
    Optional<ColumnRef> itemDate(String date) {
        return nearest(t -> t.itemDates().get(date));
    }

    /** The column {@code of} names in this table, else in the nearest parent that names one. */
    private Optional<ColumnRef> nearest(java.util.function.Function<MappedTable, String> of) {
        List<TableNode> chain = chain();
        for (int i = 0; i < chain.size(); i++) {
            String column = of.apply(chain.get(i).table);
            if (column != null) {
                return Optional.of(new ColumnRef(i, column));
            }
        }
        return Optional.empty();
    }

    /** The {@code subject-category} column of this table, else of the nearest parent that has one. */
    Optional<ColumnRef> subjectCategoryColumn() {
        return nearest(t -> t.subjectCategory() == null ? null : t.subjectCategory().column());
    }

    /** A column of a table of the chain: {@code level} 0 is this table, 1 its parent, … */
    record ColumnRef(int level, String column) {

        String sql(SqlDialect d) {
            return d.col("t" + level, column);
        }
    }
}
