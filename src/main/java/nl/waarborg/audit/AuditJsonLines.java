package nl.waarborg.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * The export format: JSON lines, one event per line, fields in chain order, hashes as hex, time as
 * ISO-8601 UTC with microseconds. An export holds everything needed to re-compute the chain (docs/audit.md).
 *
 * <pre>
 * {"seq":1,"occurredAt":"2026-11-22T10:15:30.123456Z","actor":"staff","role":"DPO","action":"read",
 *  "purpose":"contract","subjectId":"…","categories":["name"],"outcome":"allowed","reasons":[],
 *  "policyVersion":1,"prevHash":"0000…","hash":"9f2c…"}
 * </pre>
 */
public final class AuditJsonLines {

    public static final String MEDIA_TYPE = "application/x-ndjson";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AuditJsonLines() {
    }

    /** The fields of one line, in this order. */
    record Line(long seq, String occurredAt, String actor, String role, String action, String purpose, UUID subjectId,
                List<String> categories, String outcome, List<String> reasons, Long policyVersion, String prevHash,
                String hash) {
    }

    /** One event as one line of JSON, without the line end. */
    public static String line(AuditEvent e) {
        return JSON.writeValueAsString(new Line(e.seq(), e.occurredAt().toString(), e.actor(), e.role(), e.action(),
                e.purpose(), e.subjectId(), e.categories(), e.outcome().word(), e.reasons(), e.policyVersion(),
                e.prevHash().hex(), e.hash().hex()));
    }

    /** The event on one line of an export; IllegalArgumentException when it is not one. */
    public static AuditEvent parse(String line) {
        Line l;
        try {
            l = JSON.readValue(line, Line.class);
        } catch (tools.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("not an audit event line: " + e.getOriginalMessage(), e);
        }
        return new AuditEvent(l.seq(), Instant.parse(l.occurredAt()), l.actor(), l.role(), l.action(), l.purpose(),
                l.subjectId(), l.categories() == null ? List.of() : l.categories(), Outcome.parse(l.outcome()),
                l.reasons() == null ? List.of() : l.reasons(), l.policyVersion(), AuditHash.ofHex(l.prevHash()),
                AuditHash.ofHex(l.hash()));
    }
}
