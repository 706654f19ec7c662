package nl.waarborg.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The bearer token of the staff (DPO) role until per-application API keys exist. Created once, at random,
 * in a file only the owner can read; its value is never logged.
 */
@Component
public class StaffToken {

    private static final Logger log = LoggerFactory.getLogger(StaffToken.class);

    /** The shortest token accepted from a file (a generated one has 43 characters). */
    static final int MIN_LENGTH = 32;

    private final byte[] token;

    public StaffToken(@Value("${waarborg.staff-token-file:${waarborg.data-dir}/staff-token}") Path file) {
        this.token = readOrCreate(file).getBytes(StandardCharsets.UTF_8);
    }

    private static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                String existing = Files.readString(file).trim();
                if (existing.length() < MIN_LENGTH) {
                    // an empty file (a crash while creating it, or made by hand) would let anyone in as staff
                    throw new IllegalStateException("the staff token in " + file + " is shorter than " + MIN_LENGTH
                            + " characters; delete the file to have a new token made, or write a longer random one");
                }
                return existing;
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(file.toAbsolutePath().getParent());
            try {
                // created owner-only, so the token is never readable by others, not even for a moment
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file); // the folder's own access control applies
            }
            Files.writeString(file, value + "\n");
            log.info("Created the staff token in {} (send it as 'Authorization: Bearer <token>')", file.toAbsolutePath());
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the staff token file " + file, e);
        }
    }

    /** Constant-time comparison, so response timing reveals nothing about the token. */
    public boolean matches(String presented) {
        return presented != null && !presented.isEmpty()
                && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }
}
