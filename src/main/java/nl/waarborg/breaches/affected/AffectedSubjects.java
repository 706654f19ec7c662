package nl.waarborg.breaches.affected;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import nl.waarborg.audit.service.AuditLog;
import nl.waarborg.input.InvalidInputException;
import nl.waarborg.policy.Connector;
import nl.waarborg.policy.Policy.DataSystem;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.systems.SubjectCount;
import nl.waarborg.systems.SystemConnectors;
import nl.waarborg.vault.CategoryHolders;
import org.springframework.stereotype.Service;

/**
 * Finds the people a breach affects (issue 17, Art. 33(3)(a) and 34): in the vault, every subject holding an item of
 * the breached categories collected before the window ended (when the vault is among the systems); in the audit log,
 * every subject whose items in those categories one of the accounts read in the window; in a jdbc system, every row
 * of a root table holding them. Webhook and manual systems cannot be read here: they are named in the causes.
 *
 * <p>The vault's and the audit log's subjects are Waarborg's ids and are counted once; the list of them comes in
 * keyset pages and is never stored: it is personal data itself (docs/breaches.md).
 */
@Service
public class AffectedSubjects {

    /** The most ids one page may hold. */
    public static final int MAX_PAGE = 10_000;

    /**
     * PostgreSQL orders uuid by its bytes, unsigned; {@link UUID#compareTo} compares signed halves. Merging the
     * database's pages needs the database's order.
     */
    static final Comparator<UUID> DATABASE_ORDER = Comparator.comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    private final CategoryHolders holders;
    private final AuditLog audit;
    private final SystemConnectors systems;
    private final ActivePolicy policy;

    AffectedSubjects(CategoryHolders holders, AuditLog audit, SystemConnectors systems, ActivePolicy policy) {
        this.holders = holders;
        this.audit = audit;
        this.systems = systems;
        this.policy = policy;
    }

    /** How many people the breach affects, per source, and which systems could not be counted. */
    public Affected count(Scope scope) {
        boolean vault = vaultIn(scope);
        Map<String, Long> bySource = new LinkedHashMap<>();
        long vaultCount = vault ? holders.count(scope.dataCategories(), scope.until()) : 0;
        if (vault) {
            bySource.put("vault", vaultCount);
        }
        long auditCount = audit.countReadSubjects(scope.accounts(), scope.dataCategories(), scope.from(), scope.until());
        if (!scope.accounts().isEmpty()) {
            bySource.put("audit", auditCount);
        }
        // the union: when both have subjects, walk both in id order and count each id once
        long count = vaultCount == 0 || auditCount == 0 ? vaultCount + auditCount : unionCount(scope);
        List<String> causes = new ArrayList<>();
        for (String id : new TreeSet<>(scope.systems())) {
            Optional<SystemConnectors.Entry> entry = systems.find(id);
            if (entry.isEmpty()) {
                continue; // the vault (checked in vaultIn, as every id)
            }
            SubjectCount counted = Connector.JDBC.term().equals(entry.get().kind())
                    ? entry.get().connector().countSubjects(scope.dataCategories())
                    : new SubjectCount.NotCounted(SubjectCount.NotCounted.NOT_COUNTABLE);
            switch (counted) {
                case SubjectCount.Counted c -> {
                    bySource.put(id, c.subjects());
                    count += c.subjects();
                }
                case SubjectCount.NotCounted n -> causes.add(n.code() + ":" + id);
            }
        }
        return new Affected(count, bySource, causes);
    }

    /**
     * Up to {@code limit} of Waarborg's subjects the breach affects (the vault's and the audit log's), after
     * {@code after} (null: from the first), in the database's id order: the next page starts after the last id of
     * this one. A jdbc system's people are not in it: they are the system's rows, which the organisation reaches there.
     */
    public List<UUID> vaultSubjects(Scope scope, int limit, UUID after) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit", "limit must be between 1 and " + MAX_PAGE + ", not " + limit);
        }
        boolean vault = vaultIn(scope);
        TreeSet<UUID> merged = new TreeSet<>(DATABASE_ORDER);
        if (vault) {
            merged.addAll(holders.page(scope.dataCategories(), scope.until(), after, limit));
        }
        merged.addAll(audit.readSubjects(scope.accounts(), scope.dataCategories(), scope.from(), scope.until(), after,
                limit));
        // the first `limit` of the union are among the first `limit` of each source
        return merged.stream().limit(limit).toList();
    }

    private long unionCount(Scope scope) {
        long n = 0;
        UUID after = null;
        while (true) {
            List<UUID> page = vaultSubjects(scope, MAX_PAGE, after);
            n += page.size();
            if (page.size() < MAX_PAGE) {
                return n;
            }
            after = page.getLast();
        }
    }

    /** Whether the vault is among the scope's systems; every id must be a system the policy in force declares. */
    private boolean vaultIn(Scope scope) {
        boolean vault = false;
        for (String id : scope.systems()) {
            DataSystem s = policy.policy().systems().stream().filter(d -> d.id().equals(id)).findFirst()
                    .orElseThrow(() -> new InvalidInputException("systems", "system `" + id
                            + "` is not declared in the policy in force"));
            vault |= s.connector() == Connector.VAULT;
        }
        return vault;
    }
}
