package nl.waarborg.requests.service;

import com.google.crypto.tink.StreamingAead;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.waarborg.vault.crypto.MasterKey;
import nl.waarborg.vault.crypto.StreamKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The answers to access and portability requests (tables request_answer and request_answer_chunk, V22): written
 * encrypted in 1 MiB chunks as they are made, read back the same way, so that an answer of any size costs bounded
 * memory. An answer is served only once it is complete (a process killed while writing leaves one that never is, and
 * that the expiry deletes), and only until it expires: 14 days, the life of its download link.
 */
@Repository
class AnswerStore {

    static final Duration LIFE = Duration.ofDays(14);
    private static final int CHUNK = 1 << 20;

    /** One answer as stored (without its chunks). */
    record Stored(UUID id, UUID request, List<String> formats, boolean complete, boolean partial, Instant createdAt,
                  Instant expiresAt, int downloads, byte[] wrappedKey, byte[] wrappedToken) {

        boolean servable(Instant now) {
            return complete && now.isBefore(expiresAt);
        }
    }

    private final JdbcClient jdbc;
    private final StreamKeys keys;

    AnswerStore(JdbcClient jdbc, MasterKey master) {
        this.jdbc = jdbc;
        this.keys = new StreamKeys(master);
    }

    /** An answer being written: one encrypted stream per format, then {@link #finish}. */
    final class Writing {
        private final UUID id;
        private final StreamingAead aead;
        private final String token;

        private Writing(UUID id, StreamingAead aead, String token) {
            this.id = id;
            this.aead = aead;
            this.token = token;
        }

        UUID id() {
            return id;
        }

        /** The download link's token: shown to staff for the person, never stored in clear. */
        String token() {
            return token;
        }

        /** The stream to write one format's bytes to; closing it stores the last chunk and the authentication tag. */
        OutputStream open(String format) {
            try {
                return aead.newEncryptingStream(new ChunkOutput(id, format), aad(id, format));
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("could not start the encryption of an answer", e);
            }
        }

        /** Marks the answer complete: from now on its link serves it. */
        void finish(List<String> formats, boolean partial) {
            jdbc.sql("UPDATE request_answer SET complete = true, partial = ?, formats = ? WHERE id = ?")
                    .params(partial, formats.toArray(String[]::new), id).update();
        }
    }

    /** Starts a new answer to request {@code request}, with a fresh key and link token. */
    Writing begin(UUID request, Instant now) {
        UUID id = UUID.randomUUID();
        String token = LinkTokens.next();
        byte[] wrappedKey = keys.newWrappedKey(id);
        jdbc.sql("""
                INSERT INTO request_answer (id, request_id, token_hash, wrapped_token, wrapped_key, formats, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, '{}', ?, ?)""")
                .params(id, request, LinkTokens.hash(token), keys.wrap(id, token.getBytes(StandardCharsets.US_ASCII)), wrappedKey,
                        Timestamp.from(now), Timestamp.from(now.plus(LIFE)))
                .update();
        return new Writing(id, keys.open(id, wrappedKey), token);
    }

    /** The answer a link's token opens, whatever its state (the caller checks {@link Stored#servable}). */
    Optional<Stored> byToken(String token) {
        if (!LinkTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " WHERE token_hash = ?").param(LinkTokens.hash(token)).query((rs, n) -> stored(rs)).optional();
    }

    /** The request's newest complete answer. */
    Optional<Stored> latest(UUID request) {
        return jdbc.sql(SELECT + " WHERE request_id = ? AND complete ORDER BY created_at DESC LIMIT 1").param(request)
                .query((rs, n) -> stored(rs)).optional();
    }

    /** The link's token of a stored answer (for the completion letter). */
    String token(Stored s) {
        return new String(keys.unwrap(s.id(), s.wrappedToken()), StandardCharsets.US_ASCII);
    }

    /** Counts one download. */
    void downloaded(UUID id) {
        jdbc.sql("UPDATE request_answer SET downloads = downloads + 1 WHERE id = ?").param(id).update();
    }

    /** Decrypts one format of the answer into {@code out}, chunk by chunk. */
    void read(Stored s, String format, OutputStream out) throws IOException {
        StreamingAead aead = keys.open(s.id(), s.wrappedKey());
        try (InputStream in = aead.newDecryptingStream(new ChunkInput(s.id(), format), aad(s.id(), format))) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = read(in, buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (GeneralSecurityException e) {
            throw new AnswerDamagedException();
        }
    }

    // Tink reports a segment whose tag does not verify as an IOException of its own making: one that is not about the
    // stream it writes to, so it is told apart from a client that went away
    private static int read(InputStream in, byte[] buffer) {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            throw new AnswerDamagedException();
        }
    }

    /** Deletes the answers that expired (and their chunks and keys with them): how many. */
    int deleteExpired(Instant now) {
        return jdbc.sql("DELETE FROM request_answer WHERE expires_at <= ?").param(Timestamp.from(now)).update();
    }

    /** Deletes every answer of the request but {@code keep} (a new answer replaces the old). */
    void deleteOthers(UUID request, UUID keep) {
        jdbc.sql("DELETE FROM request_answer WHERE request_id = ? AND id <> ?").params(request, keep).update();
    }

    private static final String SELECT = "SELECT id, request_id, formats, complete, partial, created_at, expires_at, "
            + "downloads, wrapped_key, wrapped_token FROM request_answer";

    private static Stored stored(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Stored(rs.getObject("id", UUID.class), rs.getObject("request_id", UUID.class),
                List.of((String[]) rs.getArray("formats").getArray()), rs.getBoolean("complete"), rs.getBoolean("partial"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                rs.getInt("downloads"), rs.getBytes("wrapped_key"), rs.getBytes("wrapped_token"));
    }

    private static byte[] aad(UUID id, String format) {
        return ("waarborg answer " + id + " " + format).getBytes(StandardCharsets.UTF_8);
    }

    /** Stores what is written in chunks of 1 MiB, each in its own statement (no transaction spans the writing). */
    private final class ChunkOutput extends OutputStream {
        private final UUID id;
        private final String format;
        private final byte[] buffer = new byte[CHUNK];
        private int used;
        private int seq;

        ChunkOutput(UUID id, String format) {
            this.id = id;
            this.format = format;
        }

        @Override
        public void write(int b) {
            if (used == CHUNK) {
                store();
            }
            buffer[used++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            while (len > 0) {
                if (used == CHUNK) {
                    store();
                }
                int n = Math.min(len, CHUNK - used);
                System.arraycopy(b, off, buffer, used, n);
                used += n;
                off += n;
                len -= n;
            }
        }

        private void store() {
            jdbc.sql("INSERT INTO request_answer_chunk (answer_id, format, seq, bytes) VALUES (?, ?, ?, ?)")
                    .params(id, format, seq++, Arrays.copyOf(buffer, used)).update();
            used = 0;
        }

        @Override
        public void close() {
            if (used > 0 || seq == 0) {
                store();
            }
        }
    }

    /** Reads the chunks back one at a time. */
    private final class ChunkInput extends InputStream {
        private final UUID id;
        private final String format;
        private int seq;
        private InputStream current = InputStream.nullInputStream();
        private boolean done;

        ChunkInput(UUID id, String format) {
            this.id = id;
            this.format = format;
        }

        private boolean next() {
            if (done) {
                return false;
            }
            Optional<byte[]> bytes = jdbc.sql("SELECT bytes FROM request_answer_chunk WHERE answer_id = ? AND format = ? "
                    + "AND seq = ?").params(id, format, seq++).query(byte[].class).optional();
            if (bytes.isEmpty()) {
                done = true;
                return false;
            }
            current = new ByteArrayInputStream(bytes.get());
            return true;
        }

        @Override
        public int read() throws IOException {
            int b;
            while ((b = current.read()) < 0) {
                if (!next()) {
                    return -1;
                }
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int n;
            while ((n = current.read(b, off, len)) <= 0) {
                if (!next()) {
                    return -1;
                }
            }
            return n;
        }
    }

    /** A stored answer does not decrypt: changed (or broken) behind the service's back. Nothing of it is served. */
    static final class AnswerDamagedException extends nl.waarborg.input.ApiException {
        AnswerDamagedException() {
            super(org.springframework.http.HttpStatus.INTERNAL_SERVER_ERROR, "Answer damaged", "the stored answer is "
                    + "damaged: it does not decrypt as it was written (changed behind the service's back?); nothing of it "
                    + "is served; fulfil the request again to make a new answer");
        }
    }
}
