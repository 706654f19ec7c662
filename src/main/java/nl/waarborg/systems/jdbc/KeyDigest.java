package nl.waarborg.systems.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The SHA-256 of the primary keys an operation erased, as the vault's erasure proof does for item ids: over the lines
 * {@code table:value[,value…]\n} (each key's columns in the mapping's order, as text), sorted. Whoever holds a list of
 * keys (an earlier export, a backup) recomputes it; the audit log holds the digest, never a key or a value.
 */
final class KeyDigest {

    private final List<String> lines = new ArrayList<>();

    void add(String table, Object[] key) {
        StringBuilder line = new StringBuilder(table).append(':');
        for (int i = 0; i < key.length; i++) {
            line.append(i == 0 ? "" : ",").append(key[i]);
        }
        lines.add(line.append('\n').toString());
    }

    void addAll(KeyDigest other) {
        lines.addAll(other.lines);
    }

    int size() {
        return lines.size();
    }

    String sha256() {
        List<String> sorted = new ArrayList<>(lines);
        sorted.sort(null);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String line : sorted) {
                digest.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
