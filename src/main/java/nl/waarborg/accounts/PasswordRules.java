package nl.waarborg.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be (NIST SP 800-63B section 3.1.1.2, OWASP Authentication Cheat Sheet): at least
 * {@value #MIN_LENGTH} characters, no composition rules (they make passwords harder to remember, not to guess), not
 * one of the commonly used passwords in {@code common-passwords.txt} (compared in lower case), not the username. At
 * most {@value #MAX_LENGTH} characters, so nobody makes the server hash a megabyte.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;

    private static final Set<String> COMMON = load();

    private PasswordRules() {
    }

    /** Empty when {@code password} may be used by {@code username}; else the term naming what is wrong. */
    public static Optional<String> problem(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("password-too-short");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("password-too-long");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            return Optional.of("password-too-common");
        }
        if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("password-contains-username");
        }
        return Optional.empty();
    }

    /** How many common passwords are refused (the docs quote it). */
    public static int commonCount() {
        return COMMON.size();
    }

    private static Set<String> load() {
        Set<String> set = new HashSet<>();
        try (InputStream in = PasswordRules.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String p = line.strip();
                if (!p.isEmpty() && !p.startsWith("#")) {
                    set.add(p.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(set);
    }
}
