package nl.waarborg.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.waarborg.access.Caller;
import nl.waarborg.vault.Reference;
import nl.waarborg.vault.Vault;

/**
 * The demo CRM's customers as Waarborg subjects, created once: each with its reference (scheme {@value #SCHEME}, the
 * customer's id) and its subject category ({@code lead} without a rental, else {@code customer}), and nothing else:
 * no identifier, no value. Staff find a customer's subject by the reference, and a hold placed on it keeps the
 * customer's rows in the CRM (the sweep asks the vault which references are held).
 */
public final class DemoSubjects {

    /** The reference scheme the example's mapping names for the CRM's customers. */
    public static final String SCHEME = "crm";
    private static final Caller DEMO = new Caller("system:demo", "dpo", List.of(), true);

    private DemoSubjects() {}

    /** Creates the subjects unless the first customer left in the CRM has one already; returns how many it created. */
    public static int createOnce(Vault vault, Map<String, String> settings) throws SQLException {
        return createOnce(vault, settings, SCHEME);
    }

    /** As {@link #createOnce(Vault, Map)}, with the references in {@code scheme} (tests share one vault). */
    static int createOnce(Vault vault, Map<String, String> settings, String scheme) throws SQLException {
        List<Vault.NewSubject> subjects = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(settings.get("CRM_JDBC_URL"), settings.get("CRM_DB_USER"),
                settings.get("CRM_DB_PASSWORD"));
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT c.id, c.status <> 'prospect' FROM customers c ORDER BY c.id")) {
            while (r.next()) {
                subjects.add(new Vault.NewSubject(List.of(new Reference(scheme, Long.toString(r.getLong(1)))), List.of(),
                        List.of(r.getBoolean(2) ? "customer" : "lead")));
            }
        }
        // the first customer left (a sweep may have deleted earlier ones) marks whether this ran before
        if (subjects.isEmpty() || vault.find(DEMO, subjects.getFirst().references().getFirst()).isPresent()) {
            return 0;
        }
        int created = 0;
        for (int from = 0; from < subjects.size(); from += 1000) {
            created += vault.createSubjects(DEMO, subjects.subList(from, Math.min(subjects.size(), from + 1000))).size();
        }
        return created;
    }
}
