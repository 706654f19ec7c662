package nl.waarborg.requests.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import nl.waarborg.access.Caller;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.audit.service.AuditRecorder;
import nl.waarborg.database.OwnerOnly;
import nl.waarborg.input.ApiException;
import nl.waarborg.input.InvalidInputException;
import nl.waarborg.input.TooLargeException;
import nl.waarborg.policy.IdentityMethod;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.requests.Request;
import nl.waarborg.retention.service.RecordKeeping;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Masked ID copies for the identity check (method {@code id-copy-masked}, only where the policy allows it): uploaded by
 * staff, viewed by staff, and deleted at the identity decision (docs/requests.md, "Identity"). A copy is encrypted with
 * AES-256-GCM under a fresh key per copy; the ciphertext is a file under the data folder ({@code id-copies/ID},
 * owner-only), the key is in its database row ({@code request_id_copy}, V24), so that neither a copy of the folder nor
 * a dump of the database alone reveals it. At the decision (or a refusal) the row goes in the decision's transaction and
 * the file right after the commit; what a crash leaves behind (a file without a row, a row of a decided request) is
 * removed at start and by every retention sweep ({@link RecordKeeping} {@code id-copies}). Nothing the uploader wrote
 * (a file name) is kept, and the audit events name the request only.
 */
@Service
public class IdCopies implements RecordKeeping {

    /** What an ID copy may be. */
    static final Set<String> TYPES = Set.of("image/jpeg", "image/png", "application/pdf");
    private static final String FOLDER = "id-copies";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    /** A file younger than this without a row may be an upload whose row is not yet committed: the sweep leaves it. */
    private static final Duration ORPHAN_AGE = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final RequestStore store;
    private final ActivePolicy policy;
    private final AuditLog audit;
    private final AuditRecorder recorder;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Path folder;
    private final long maxSize;

    IdCopies(JdbcClient jdbc, RequestStore store, ActivePolicy policy, AuditLog audit, AuditRecorder recorder,
             TransactionTemplate tx, Clock clock,
             @Value("${waarborg.data-dir:data}") Path dataDir,
             @Value("${waarborg.requests.max-id-copy:10MB}") DataSize maxSize) {
        this.jdbc = jdbc;
        this.store = store;
        this.policy = policy;
        this.audit = audit;
        this.recorder = recorder;
        this.tx = tx;
        this.clock = clock;
        this.folder = dataDir.resolve(FOLDER);
        this.maxSize = maxSize.toBytes();
        if (this.maxSize <= 0) {
            throw new IllegalArgumentException("waarborg.requests.max-id-copy must be positive, was " + maxSize);
        }
    }

    /** What staff see of a stored copy. */
    public record Received(String reference, String mediaType, long size, Instant receivedAt) {}

    /** A decrypted copy, for staff to look at. */
    public record Copy(String mediaType, byte[] content) {}

    /**
     * Stores the copy for the request's identity check, replacing an earlier one: only where the policy allows ID
     * copies, while the request is open and its identity pending; {@code mediaType} one of image/jpeg, image/png,
     * application/pdf and the content what it says; at most {@code waarborg.requests.max-id-copy} (413 beyond).
     */
    public Received receive(Caller caller, String reference, String mediaType, InputStream body) {
        List<IdentityMethod> allowed = policy.policy().rights() == null ? List.of()
                : policy.policy().rights().identityVerification();
        if (!allowed.contains(IdentityMethod.ID_COPY_MASKED)) {
            throw new InvalidInputException("method", "the policy does not allow ID copies (rights.identity-verification "
                    + "lists no id-copy-masked): ask for the identity another way");
        }
        String type = mediaType == null ? "" : mediaType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw new InvalidInputException("Content-Type", "an ID copy is sent as image/jpeg, image/png or application/pdf");
        }
        byte[] content = read(body);
        if (!looksLike(type, content)) {
            throw new InvalidInputException("Content-Type", "the content is not a " + type + " file");
        }
        Request found = store.find(reference).orElseThrow(() -> new Requests.NoSuchRequestException(reference));
        requireOpenAndPending(found);
        UUID id = UUID.randomUUID();
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        Path file = write(id, encrypt(key, id, content));
        Instant now = clock.instant();
        try {
            tx.executeWithoutResult(s -> {
                Request r = store.lock(reference).orElseThrow(() -> new Requests.NoSuchRequestException(reference));
                requireOpenAndPending(r);
                List<UUID> replaced = jdbc.sql("DELETE FROM request_id_copy WHERE request_id = ? RETURNING id")
                        .param(r.id()).query(UUID.class).list();
                jdbc.sql("INSERT INTO request_id_copy (id, request_id, media_type, size, key, received_at, received_by) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                        .params(id, r.id(), type, content.length, key, Timestamp.from(now), caller.actor()).update();
                if (!replaced.isEmpty()) {
                    audit.append(event(caller, "request-id-copy-deleted", r).outcome(Outcome.ALLOWED,
                            "request:" + r.reference(), "replaced"));
                    afterCommit(replaced);
                }
                audit.append(event(caller, "request-id-copy-received", r).outcome(Outcome.ALLOWED,
                        "request:" + r.reference(), "type:" + type));
            });
        } catch (RuntimeException e) {
            deleteFile(id);
            throw e;
        }
        return new Received(reference, type, content.length, now);
    }

    /** The request's copy, decrypted, for staff to check the identity against; the viewing is audited. */
    public Copy read(Caller caller, String reference) {
        Request r = store.find(reference).orElseThrow(() -> new Requests.NoSuchRequestException(reference));
        record Row(UUID id, String mediaType, byte[] key) {}
        Row row = jdbc.sql("SELECT id, media_type, key FROM request_id_copy WHERE request_id = ?").param(r.id())
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getBytes(3))).optional()
                .orElseThrow(NoCopyException::new);
        byte[] sealed;
        try {
            sealed = Files.readAllBytes(file(row.id()));
        } catch (java.nio.file.NoSuchFileException gone) {
            throw new NoCopyException();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an ID copy", e);
        }
        byte[] content = decrypt(row.key(), row.id(), sealed);
        // a use that changes nothing: on record (committed) before the copy is handed out
        recorder.record(event(caller, "request-id-copy-viewed", r).outcome(Outcome.ALLOWED, "request:" + r.reference()));
        return new Copy(row.mediaType(), content);
    }

    /**
     * Deletes the request's copy, if any, within the caller's transaction (the identity decision's, a refusal's): the
     * row and its key now, the file once that transaction has committed.
     */
    void discard(Caller caller, Request r) {
        List<UUID> gone = jdbc.sql("DELETE FROM request_id_copy WHERE request_id = ? RETURNING id").param(r.id())
                .query(UUID.class).list();
        if (!gone.isEmpty()) {
            audit.append(event(caller, "request-id-copy-deleted", r).outcome(Outcome.ALLOWED, "request:" + r.reference()));
            afterCommit(gone);
        }
    }

    /**
     * On {@code id-copy-masked}, staff confirm that the copy they checked had its BSN and photo masked ({@code masked:
     * true}); without that the decision is refused, naming the field.
     */
    void requireMasked(String method, Boolean masked) {
        List<IdentityMethod> allowed = policy.policy().rights() == null ? List.of()
                : policy.policy().rights().identityVerification();
        // a method the policy does not allow is refused by the decision itself, listing the allowed ones
        if (IdentityMethod.ID_COPY_MASKED.term().equals(method) && allowed.contains(IdentityMethod.ID_COPY_MASKED)
                && !Boolean.TRUE.equals(masked)) {
            throw new InvalidInputException("masked", "with id-copy-masked, confirm that the copy's BSN (citizen service "
                    + "number) and photo were masked: \"masked\": true (art. 46 UAVG; Art. 5(1)(c) GDPR)");
        }
    }

    @Override
    public String records() {
        return "id-copies";
    }

    /**
     * Removes what a crash left: rows (with their files) of requests whose identity was decided or that were closed, and
     * files without a row that are older than an hour (younger ones may be uploads whose row is not yet committed).
     */
    @Override
    public long sweep(Instant now, boolean dryRun) {
        return cleanUp(now.minus(ORPHAN_AGE), dryRun);
    }

    /**
     * At start too (the sweep may be minutes away). Still only files older than an hour: a one-shot command beside a
     * running service starts a context as well, while that service may be storing an upload. A younger file left by a
     * crash cannot be read meanwhile: its key was in the row that never committed.
     */
    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        try {
            sweep(clock.instant(), false);
        } catch (RuntimeException e) {
            // the next retention sweep tries again; starting matters more
            org.slf4j.LoggerFactory.getLogger(IdCopies.class).warn("cleaning up ID copies at start failed: {}",
                    e.getClass().getSimpleName());
        }
    }

    private long cleanUp(Instant orphanedBefore, boolean dryRun) {
        String stale = "r.id = c.request_id AND (r.status <> 'open' OR r.identity <> 'pending')";
        long count;
        if (dryRun) {
            count = jdbc.sql("SELECT count(*) FROM request_id_copy c JOIN request r ON " + stale).query(Long.class).single();
        } else {
            List<UUID> deleted = tx.execute(s -> {
                List<UUID> ids = jdbc.sql("DELETE FROM request_id_copy c USING request r WHERE " + stale
                        + " RETURNING c.id").query(UUID.class).list();
                if (!ids.isEmpty()) {
                    audit.append(AuditEvent.draft("system:retention", "system", "request-id-copy-deleted")
                            .outcome(Outcome.ALLOWED, "copies:" + ids.size(), "after-decision"));
                    afterCommit(ids);
                }
                return ids;
            });
            count = deleted == null ? 0 : deleted.size();
        }
        if (!Files.isDirectory(folder)) {
            return count;
        }
        Set<String> kept = new HashSet<>(jdbc.sql("SELECT id::text FROM request_id_copy").query(String.class).list());
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (kept.contains(name) || Files.getLastModifiedTime(f).toInstant().isAfter(orphanedBefore)) {
                    continue;
                }
                count++;
                if (!dryRun) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up " + folder, e);
        }
        return count;
    }

    private void requireOpenAndPending(Request r) {
        if (r.status() != Request.Status.OPEN) {
            throw new Requests.RequestConflictException("closed", "the request is closed");
        }
        if (r.identity() != Request.Identity.PENDING) {
            throw new Requests.RequestConflictException("identity-decided", "the identity check was decided already");
        }
    }

    private byte[] read(InputStream body) {
        try {
            byte[] content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxSize + 1));
            if (content.length > maxSize) {
                throw new TooLargeException(null, "an ID copy is at most " + maxSize + " bytes (waarborg.requests.max-id-copy)",
                        maxSize);
            }
            if (content.length == 0) {
                throw new InvalidInputException("the body is the ID copy; it is empty");
            }
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the content starts as its type's files do (JPEG FF D8 FF, PNG's signature, %PDF-). */
    static boolean looksLike(String type, byte[] c) {
        byte[] magic = switch (type) {
            case "image/jpeg" -> new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
            case "image/png" -> new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
            case "application/pdf" -> "%PDF-".getBytes(StandardCharsets.US_ASCII);
            default -> null;
        };
        return magic != null && c.length >= magic.length && Arrays.equals(c, 0, magic.length, magic, 0, magic.length);
    }

    private Path file(UUID id) {
        return folder.resolve(id.toString());
    }

    private Path write(UUID id, byte[] sealed) {
        try {
            OwnerOnly.directory(folder);
            Path temp = Files.createTempFile(folder, ".upload-", ".tmp", OwnerOnly.fileAttribute());
            try {
                Files.write(temp, sealed);
                Files.move(temp, file(id), StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            return file(id);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store an ID copy under " + folder, e);
        }
    }

    private void afterCommit(List<UUID> ids) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                ids.forEach(IdCopies.this::deleteFile);
            }
        });
    }

    private void deleteFile(UUID id) {
        try {
            Files.deleteIfExists(file(id));
        } catch (IOException e) {
            // the sweep removes it: a file without its row (and key) cannot be read
        }
    }

    private static byte[] encrypt(byte[] key, UUID id, byte[] content) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(id.toString().getBytes(StandardCharsets.US_ASCII)); // a file moved to another row does not open
            byte[] sealed = c.doFinal(content);
            byte[] out = new byte[NONCE + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE);
            System.arraycopy(sealed, 0, out, NONCE, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static byte[] decrypt(byte[] key, UUID id, byte[] sealed) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
            c.updateAAD(id.toString().getBytes(StandardCharsets.US_ASCII));
            return c.doFinal(sealed, NONCE, sealed.length - NONCE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an ID copy does not decrypt under its key", e);
        }
    }

    private static AuditEvent.Draft event(Caller caller, String action, Request r) {
        AuditEvent.Draft d = AuditEvent.draft(caller.actor(), caller.role(), action);
        return r.subject() == null ? d : d.subject(r.subject());
    }

    /** The request has no ID copy (none was sent, or it was deleted at the decision). */
    public static final class NoCopyException extends ApiException {
        NoCopyException() {
            super(HttpStatus.NOT_FOUND, "No ID copy", "the request has no ID copy: none was sent, or it was deleted at "
                    + "the identity decision");
        }
    }
}
