package nl.waarborg.requests.service;

import java.time.Instant;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.retention.service.RecordKeeping;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A request's answer is personal data kept for one purpose, the person's download: every retention sweep deletes the
 * answers whose 14 days have passed (with their wrapped key and chunks, so no copy of them, a backup's included, can be
 * read again), and those a process died while writing. One audit event per sweep that deleted any
 * ({@code request-answers-erased}, the count).
 */
@Component
class ExpiredAnswers implements RecordKeeping {

    private final AnswerStore answers;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    ExpiredAnswers(AnswerStore answers, JdbcClient jdbc, AuditLog audit, TransactionTemplate tx) {
        this.answers = answers;
        this.jdbc = jdbc;
        this.audit = audit;
        this.tx = tx;
    }

    @Override
    public String records() {
        return "request-answers";
    }

    @Override
    public long sweep(Instant now, boolean dryRun) {
        if (dryRun) {
            return jdbc.sql("SELECT count(*) FROM request_answer WHERE expires_at <= ?")
                    .param(java.sql.Timestamp.from(now)).query(Long.class).single();
        }
        Integer deleted = tx.execute(s -> {
            int n = answers.deleteExpired(now);
            if (n > 0) {
                audit.append(AuditEvent.draft("system:retention", "system", "request-answers-erased")
                        .outcome(Outcome.ALLOWED, "answers:" + n));
            }
            return n;
        });
        return deleted == null ? 0 : deleted;
    }
}
