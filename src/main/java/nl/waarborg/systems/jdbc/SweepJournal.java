package nl.waarborg.systems.jdbc;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.policy.TableErase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@link BatchJournal} in Waarborg's own database ({@code system_sweep_batch}, V16) and audit log. */
@Repository
public class SweepJournal implements BatchJournal {

    private static final TypeReference<List<List<String>>> LISTS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public SweepJournal(JdbcClient jdbc, AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public UUID intend(Batch b, Committed previous) {
        UUID id = UUID.randomUUID();
        // committed before the organisation's database commits the batch; with the previous batch's proof
        tx.executeWithoutResult(status -> {
            if (previous != null) {
                prove(previous.id(), previous.proof());
            }
            insert(id, b);
        });
        return id;
    }

    private void insert(UUID id, Batch b) {
        jdbc.sql("INSERT INTO system_sweep_batch (id, system, table_name, action, keys, columns, categories, reasons, "
                        + "created_at) VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?)")
                .params(id, b.system(), b.table(), b.action().term(), JSON.writeValueAsString(b.keys()),
                        JSON.writeValueAsString(b.columns()), b.proof().categories().toArray(String[]::new),
                        b.proof().reasons().toArray(String[]::new), java.sql.Timestamp.from(clock.instant()))
                .update();
    }

    @Override
    public void proven(UUID id, AuditEvent.Draft proof) {
        tx.executeWithoutResult(status -> prove(id, proof));
    }

    // the record goes with the proof: a second sweep finding neither cannot prove the batch twice
    private void prove(UUID id, AuditEvent.Draft proof) {
        if (jdbc.sql("DELETE FROM system_sweep_batch WHERE id = ?").param(id).update() == 1) {
            audit.append(proof);
        }
    }

    @Override
    public void abandoned(UUID id) {
        jdbc.sql("DELETE FROM system_sweep_batch WHERE id = ?").param(id).update();
    }

    @Override
    public List<Batch> pending(String system) {
        return jdbc.sql("SELECT id, system, table_name, action, keys::text, columns::text, categories, reasons "
                        + "FROM system_sweep_batch WHERE system = ? ORDER BY created_at, id")
                .param(system).query((rs, n) -> batch(rs)).list();
    }

    private static Batch batch(java.sql.ResultSet rs) throws SQLException {
        String action = rs.getString(4);
        TableErase erase = Arrays.stream(TableErase.values()).filter(a -> a.term().equals(action)).findFirst()
                .orElseThrow();
        AuditEvent.Draft proof = AuditEvent.draft(JdbcConnector.ACTOR, "system", "retention-erased")
                .categories(strings(rs.getArray(7))).outcome(Outcome.ALLOWED, strings(rs.getArray(8)));
        return new Batch(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), erase,
                JSON.readValue(rs.getString(5), LISTS), JSON.readValue(rs.getString(6), LISTS), proof);
    }

    private static String[] strings(Array a) throws SQLException {
        Object[] values = (Object[]) a.getArray();
        return Arrays.copyOf(values, values.length, String[].class);
    }
}
