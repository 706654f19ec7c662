package nl.waarborg.audit.service;

import io.swagger.v3.oas.annotations.Operation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.AuditJsonLines;
import nl.waarborg.audit.Verification;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log over HTTP: export a page of events as JSON lines, and verify the chain. Staff only (see web security). */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    /** Events after seq {@code after}, at most {@code limit}; the next page starts after the last line's seq. */
    @GetMapping(path = "/events", produces = AuditJsonLines.MEDIA_TYPE)
    @Operation(summary = "Audit events after a sequence number, as JSON lines", description = "Role: staff.")
    ResponseEntity<byte[]> events(@RequestParam(defaultValue = "0") long after,
                                  @RequestParam(defaultValue = "1000") int limit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (AuditEvent e : log.events(after, limit)) {
            out.writeBytes(AuditJsonLines.line(e).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(AuditJsonLines.MEDIA_TYPE)).body(out.toByteArray());
    }

    record Intact(boolean ok, long events, long lastSeq, String lastHash) {
    }

    record Broken(boolean ok, long brokenAt, String reason) {
    }

    /** 200 either way: a broken chain is a finding about the log, not a failed request. */
    @GetMapping(path = "/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Verify the hash chain of the audit log", description = "Role: staff.")
    Object verify() {
        return switch (log.verify()) {
            case Verification.Ok ok -> new Intact(true, ok.events(), ok.lastSeq(), ok.lastHash().hex());
            case Verification.Broken b -> new Broken(false, b.seq(), b.reason());
        };
    }
}
