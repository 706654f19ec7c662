package nl.waarborg.retention;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import nl.waarborg.policy.EndAction;

/**
 * What a sweep batch erased, in a form fit for the audit log: counts per action, data category and rule, and a
 * SHA-256 over the erased item ids in ascending order (16 bytes each, big-endian). Whoever holds a list of ids
 * (an earlier export, a backup) can check whether exactly those were erased; the log itself holds no item id and no
 * value. It also names every lifecycle event whose recording made erased items due at once ({@link #addDueAtOnce}).
 */
public final class ErasureProof {

    private final Map<String, Integer> counts = new TreeMap<>();
    private final List<UUID> ids = new ArrayList<>();
    private final java.util.SortedSet<String> dueAtOnce = new java.util.TreeSet<>();

    public void add(UUID item, EndAction action, String category, String rule) {
        ids.add(item);
        counts.merge(action.term() + ":" + category + ":" + (rule == null ? "-" : rule), 1, Integer::sum);
    }

    /**
     * A lifecycle event whose recording made erased items due at once (a back-dated event): named by its id, its
     * kind and its subject's id, never a value, so the DPO can see which recording caused an erasure.
     */
    public void addDueAtOnce(long eventId, String event, UUID subject) {
        dueAtOnce.add("due-at-once:event:" + eventId + ":" + event + ":subject:" + subject);
    }

    /** "due-at-once:event:ID:KIND:subject:UUID", one per such event, sorted; audit terms. */
    public List<String> dueAtOnce() {
        return List.copyOf(dueAtOnce);
    }

    public int size() {
        return ids.size();
    }

    /** "delete:camera-footage:camera-footage:120" (action, category, rule, count), one per action, category and rule, sorted; audit terms. */
    public List<String> counts() {
        List<String> out = new ArrayList<>(counts.size());
        counts.forEach((k, v) -> out.add(k + ":" + v));
        return out;
    }

    /** The counts by "action:category:rule", sorted. */
    public Map<String, Integer> countsByKey() {
        return java.util.Collections.unmodifiableMap(counts);
    }

    public String idsSha256() {
        return hash(ids);
    }

    /** The hash an auditor recomputes from a list of item ids (any order). */
    public static String hash(List<UUID> items) {
        List<UUID> sorted = new ArrayList<>(items);
        sorted.sort(ErasureProof::compareUnsigned);
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ByteBuffer buf = ByteBuffer.allocate(16);
        for (UUID id : sorted) {
            buf.clear();
            buf.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
            digest.update(buf.array());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    // the order of the bytes, as PostgreSQL sorts uuids (UUID.compareTo compares signed longs)
    private static int compareUnsigned(UUID a, UUID b) {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
