package nl.waarborg.policy.service;

import java.time.Instant;
import java.time.LocalDate;

/** A stored policy version and the load that made it current. */
public record PolicyVersion(long id, String contentHash, String statementVersion, LocalDate effectiveDate,
                            Instant firstLoadedAt, Instant loadedAt, String source) {
}
