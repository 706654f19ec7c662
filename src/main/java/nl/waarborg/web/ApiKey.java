package nl.waarborg.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An application's key as stored: never the secret itself. */
public record ApiKey(UUID id, String prefix, String role, List<String> purposes, String label, Instant createdAt,
                     Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
