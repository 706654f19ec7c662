package nl.waarborg.systems.check;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One table of a live database as JDBC {@link DatabaseMetaData} describes it, the same way for PostgreSQL (the
 * connection's current schema) and MariaDB/MySQL (its current database, which JDBC calls the catalog). Names are
 * compared exactly: the connector quotes them as the mapping spells them.
 */
record LiveSchema(DatabaseMetaData meta, String catalog, String schema) {

    static LiveSchema of(Connection c) throws SQLException {
        return new LiveSchema(c.getMetaData(), c.getCatalog(), c.getSchema());
    }

    record Column(String name, SqlType type, String typeName) {}

    /** A foreign key of {@code table} ({@code columns}, in key order) pointing at the table read. */
    record IncomingKey(String table, String name, List<String> columns) {}

    record Table(String name, Map<String, Column> columns, List<String> primaryKey, List<List<String>> indexes,
                 List<IncomingKey> incoming) {

        /** Whether an index starts with {@code leading} (in any order): a lookup by those columns needs no full scan. */
        boolean indexed(List<String> leading) {
            return indexes.stream().anyMatch(ix -> ix.size() >= leading.size()
                    && new java.util.HashSet<>(ix.subList(0, leading.size())).equals(new java.util.HashSet<>(leading)));
        }
    }

    /** The tables whose name differs from {@code name} only in case: a likely cause of "does not exist". */
    List<String> sameNameOtherCase(String name) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] {"TABLE", "VIEW", "PARTITIONED TABLE"})) {
            while (rs.next()) {
                String n = rs.getString("TABLE_NAME");
                if (!n.equals(name) && n.equalsIgnoreCase(name)) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    Optional<Table> table(String name) throws SQLException {
        boolean found = false;
        try (ResultSet rs = meta.getTables(catalog, schema, pattern(name), null)) {
            while (rs.next()) {
                found |= name.equals(rs.getString("TABLE_NAME"));
            }
        }
        if (!found) {
            return Optional.empty();
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        try (ResultSet rs = meta.getColumns(catalog, schema, pattern(name), "%")) {
            while (rs.next()) {
                if (name.equals(rs.getString("TABLE_NAME"))) {
                    String c = rs.getString("COLUMN_NAME");
                    columns.put(c, new Column(c, SqlType.of(rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME")),
                            rs.getString("TYPE_NAME")));
                }
            }
        }
        TreeMap<Integer, String> pk = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, name)) {
            while (rs.next()) {
                pk.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        Map<String, TreeMap<Integer, String>> indexes = new LinkedHashMap<>();
        try (ResultSet rs = meta.getIndexInfo(catalog, schema, name, false, true)) {
            while (rs.next()) {
                String index = rs.getString("INDEX_NAME");
                String column = rs.getString("COLUMN_NAME");
                if (index != null && column != null) { // statistics rows name no index
                    indexes.computeIfAbsent(index, k -> new TreeMap<>()).put((int) rs.getShort("ORDINAL_POSITION"), column);
                }
            }
        }
        List<List<String>> indexColumns = new ArrayList<>(indexes.values().stream().map(m -> List.copyOf(m.values())).toList());
        if (!pk.isEmpty()) {
            indexColumns.add(List.copyOf(pk.values())); // a primary key is always indexed, whatever a driver lists
        }
        Map<String, TreeMap<Integer, String>> incoming = new LinkedHashMap<>();
        Map<String, String> incomingTable = new LinkedHashMap<>();
        try (ResultSet rs = meta.getExportedKeys(catalog, schema, name)) {
            while (rs.next()) {
                String fkTable = rs.getString("FKTABLE_NAME");
                String fkName = rs.getString("FK_NAME");
                String id = fkTable + "\u0000" + (fkName == null ? "" : fkName);
                incomingTable.put(id, fkTable);
                incoming.computeIfAbsent(id, k -> new TreeMap<>()).put((int) rs.getShort("KEY_SEQ"), rs.getString("FKCOLUMN_NAME"));
            }
        }
        List<IncomingKey> keys = incoming.entrySet().stream()
                .map(e -> new IncomingKey(incomingTable.get(e.getKey()), e.getKey().substring(e.getKey().indexOf('\u0000') + 1),
                        List.copyOf(e.getValue().values())))
                .sorted(Comparator.comparing(IncomingKey::table)).toList();
        return Optional.of(new Table(name, columns, List.copyOf(pk.values()), List.copyOf(indexColumns), keys));
    }

    /** {@code name} as a metadata search pattern that matches only itself ({@code _} is a wildcard there). */
    private String pattern(String name) throws SQLException {
        String escape = meta.getSearchStringEscape();
        if (escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }
}
