package nl.waarborg.requests.service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZonedDateTime;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.policy.RetentionPeriod;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.retention.service.RecordKeeping;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record of a handled request is kept for the policy's {@code rights.request-records} after it was closed (the
 * statement says so), then deleted by the retention sweep, with one audit event per sweep that deleted any
 * ({@code request-records-erased}, the count; the requests' own events stay, naming no personal value). Open requests
 * are never deleted; without the setting nothing is (lint warns: request-records-period-missing).
 */
@Component
class RequestRecords implements RecordKeeping {

    private final JdbcClient jdbc;
    private final ActivePolicy policy;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final RequestsProperties properties;

    RequestRecords(JdbcClient jdbc, ActivePolicy policy, AuditLog audit, TransactionTemplate tx,
                   RequestsProperties properties) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.audit = audit;
        this.tx = tx;
        this.properties = properties;
    }

    @Override
    public String records() {
        return "request-records";
    }

    @Override
    public long sweep(Instant now, boolean dryRun) {
        var rights = policy.policy().rights();
        RetentionPeriod keep = rights == null ? null : rights.requestRecords();
        if (keep == null || !keep.isConcrete()) {
            return 0;
        }
        // closed at or before this moment: its period, counted in calendar terms in the organisation's zone, has ended
        Timestamp closedBy = Timestamp.from(ZonedDateTime.ofInstant(now, properties.zone()).minus(keep.value()).toInstant());
        if (dryRun) {
            return jdbc.sql("SELECT count(*) FROM request WHERE status <> 'open' AND closed_at <= ?").param(closedBy)
                    .query(Long.class).single();
        }
        Integer deleted = tx.execute(s -> {
            int n = jdbc.sql("DELETE FROM request WHERE status <> 'open' AND closed_at <= ?").param(closedBy).update();
            if (n > 0) {
                audit.append(AuditEvent.draft("system:retention", "system", "request-records-erased")
                        .outcome(Outcome.ALLOWED, "records:" + n, "kept:" + keep.raw()));
            }
            return n;
        });
        return deleted == null ? 0 : deleted;
    }
}
