package nl.waarborg.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The mail waiting to go out (table mail_outbox, V27; docs/mail.md): a row names what a mail is about (its kind, the
 * request, a step or task, the language), never an address or a text, and is written in the transaction of the change
 * that calls for the mail. {@link OutboxSender} takes the rows that are due, one at a time, and marks them
 * {@code sending} for a while before the SMTP server is asked, {@code sent} after: a row is sent once unless the
 * process dies between the two, and then again under the same Message-ID.
 */
@Repository
public class MailOutbox {

    /** How long a row stays claimed while it is being sent; a row still {@code sending} after that is sent again. */
    static final Duration CLAIM = Duration.ofMinutes(10);

    private final JdbcClient jdbc;

    MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row: {@code attempts} counts this one once claimed. */
    public record Entry(long id, String kind, UUID request, String item, String language, String status, int attempts,
                        String cause, Instant createdAt, Instant sentAt) {}

    /**
     * Queues a mail of {@code kind} about {@code request} and {@code item} (either may be null), in {@code language}
     * (null: the mail chooses), due at once. In the caller's transaction; the same mail queued again is ignored.
     * Returns whether it was new.
     */
    public boolean queue(String kind, UUID request, String item, String language, Instant now) {
        return jdbc.sql("INSERT INTO mail_outbox (kind, request_id, item, language, next_attempt_at, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(kind, request, item, language, Timestamp.from(now), Timestamp.from(now)).update() == 1;
    }

    /** The rows about a request, oldest first (for staff and tests). */
    public List<Entry> ofRequest(UUID request) {
        return jdbc.sql(SELECT + " WHERE request_id = ? ORDER BY id").param(request).query(MailOutbox::entry).list();
    }

    /** The rows of a kind, oldest first. */
    public List<Entry> ofKind(String kind) {
        return jdbc.sql(SELECT + " WHERE kind = ? ORDER BY id").param(kind).query(MailOutbox::entry).list();
    }

    /**
     * Claims the oldest due row, pending or left {@code sending} by a process that died, for {@link #CLAIM}: counts the
     * attempt. Rows another sender holds are skipped. Commits in the caller's transaction.
     */
    Optional<Entry> claim(Instant now) {
        return jdbc.sql("UPDATE mail_outbox SET status = 'sending', attempts = attempts + 1, next_attempt_at = ? "
                        + "WHERE id = (SELECT id FROM mail_outbox WHERE status IN ('pending', 'sending') "
                        + "AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED) "
                        + "RETURNING " + COLUMNS)
                .params(Timestamp.from(now.plus(CLAIM)), Timestamp.from(now))
                .query(MailOutbox::entry).optional();
    }

    void sent(long id, Instant at) {
        jdbc.sql("UPDATE mail_outbox SET status = 'sent', sent_at = ?, next_attempt_at = NULL, cause = NULL WHERE id = ?")
                .params(Timestamp.from(at), id).update();
    }

    void retry(long id, Instant next, String cause) {
        jdbc.sql("UPDATE mail_outbox SET status = 'pending', next_attempt_at = ?, cause = ? WHERE id = ?")
                .params(Timestamp.from(next), cause, id).update();
    }

    void giveUp(long id, String cause) {
        jdbc.sql("UPDATE mail_outbox SET status = 'given-up', next_attempt_at = NULL, cause = ? WHERE id = ?")
                .params(cause, id).update();
    }

    private static final String COLUMNS = "id, kind, request_id, item, language, status, attempts, cause, created_at, "
            + "sent_at";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM mail_outbox";

    private static Entry entry(ResultSet rs, int n) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        return new Entry(rs.getLong("id"), rs.getString("kind"), rs.getObject("request_id", UUID.class),
                rs.getString("item"), rs.getString("language"), rs.getString("status"), rs.getInt("attempts"),
                rs.getString("cause"), rs.getTimestamp("created_at").toInstant(), sent == null ? null : sent.toInstant());
    }
}
