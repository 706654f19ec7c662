package nl.waarborg.web;

import nl.waarborg.audit.ClientNetwork;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.waarborg.access.Caller;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.Outcome;
import nl.waarborg.audit.service.AuditRecorder;
import nl.waarborg.audit.service.AuditUnavailableException;
import nl.waarborg.policy.service.ActivePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Puts every refused call on record (issue 3: "an unauthenticated or out-of-role call is refused and audited"),
 * counted: one audit event per minute, caller, reason and client network, naming how many calls it stands for
 * (issue 12: one event per refused call let twenty seconds of anonymous requests add 133,262 permanent events).
 * The event is {@code actor role http-refused denied [REASON, calls:N, network:NET, minute:START]}: who (an API
 * key's actor, {@code staff} or {@code anonymous}), in which role, why ({@code unauthenticated},
 * {@code role-not-allowed}, {@code rate-limited}), how many calls, from which network (the /24 or /64,
 * {@link ClientNetwork}; never the address) and in which minute (UTC). Not the path nor the method: a query string
 * may carry a personal value, and the audit log holds none.
 *
 * <p>A refused call changes nothing and hands out nothing, so it is answered at once and its count is written
 * after its minute ends (checked every few seconds, and on shutdown after the web server has stopped). The price:
 * a crash loses the counts of the last minute or so. At most {@link #MAX_GROUPS} groups are kept per minute;
 * beyond that, calls are counted under the network {@code other}.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // commands refuse no calls
public class RefusedCallAudit implements SmartLifecycle {

    /** The most groups (events) one minute keeps apart; more networks than this are counted as {@code other}. */
    static final int MAX_GROUPS = 10_000;

    /** Stops after the web server (stopped at DEFAULT_PHASE - 2048) and before the audit recorder (- 4096). */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 3072;

    private static final long CHECK_SECONDS = 5;

    private static final long SHUTDOWN_WAIT_SECONDS = 2;

    private static final Logger log = LoggerFactory.getLogger(RefusedCallAudit.class);

    /** One event's worth of refused calls. */
    record Group(Instant minute, String actor, String role, String reason, String network) {
    }

    private final AuditRecorder audit;
    private final ActivePolicy policy;
    private final Clock clock;
    private final Map<Group, Long> counts = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService executor;

    RefusedCallAudit(AuditRecorder audit, ActivePolicy policy, Clock clock) {
        this.audit = audit;
        this.policy = policy;
        this.clock = clock;
    }

    void unauthenticated(HttpServletRequest request) {
        count("anonymous", "none", request, "unauthenticated");
    }

    void forbidden(HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Caller caller) {
            count(caller.actor(), caller.role(), request, "role-not-allowed");
        } else {
            count("anonymous", "none", request, "role-not-allowed");
        }
    }

    void rateLimited(HttpServletRequest request, Caller caller) {
        if (caller != null) {
            count(caller.actor(), caller.role(), request, "rate-limited");
        } else {
            count("anonymous", "none", request, "rate-limited");
        }
    }

    private void count(String actor, String role, HttpServletRequest request, String reason) {
        Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Group group = new Group(minute, actor, role, reason, ClientNetwork.of(request.getRemoteAddr()));
        if (counts.size() >= MAX_GROUPS && !counts.containsKey(group)) {
            group = new Group(minute, actor, role, reason, "other");
        }
        counts.merge(group, 1L, Long::sum);
    }

    /** Writes the counts of every minute that has ended by now; returns how many events that made. */
    public int flushEnded() {
        Instant current = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        return write(g -> g.minute().isBefore(current));
    }

    /** Writes every count, also of the minute still running (on shutdown; for tests and benchmarks). */
    public int flushAll() {
        return write(g -> true);
    }

    private synchronized int write(java.util.function.Predicate<Group> which) {
        List<Group> groups = new ArrayList<>();
        List<Long> calls = new ArrayList<>();
        for (Group g : List.copyOf(counts.keySet())) {
            if (which.test(g)) {
                Long n = counts.remove(g); // a call counted after this starts a new group: written next time
                if (n != null) {
                    groups.add(g);
                    calls.add(n);
                }
            }
        }
        if (groups.isEmpty()) {
            return 0;
        }
        long version = policy.version().id();
        List<AuditEvent.Draft> drafts = new ArrayList<>(groups.size());
        for (int i = 0; i < groups.size(); i++) {
            Group g = groups.get(i);
            drafts.add(AuditEvent.draft(g.actor(), g.role(), "http-refused").outcome(Outcome.DENIED, g.reason(),
                    "calls:" + calls.get(i), "network:" + g.network(), "minute:" + g.minute()).policyVersion(version));
        }
        try {
            audit.recordAll(drafts);
        } catch (AuditUnavailableException e) {
            for (int i = 0; i < groups.size(); i++) {
                counts.merge(groups.get(i), calls.get(i), Long::sum); // kept for the next try
            }
            log.warn("refused calls: {} counts not written, kept for the next try: {}", groups.size(), e.getClass().getName());
            return 0;
        }
        return drafts.size();
    }

    private void writeEnded() {
        try {
            flushEnded();
        } catch (RuntimeException e) {
            log.warn("refused calls: writing the counts failed; the next check retries: {}", e.getClass().getName());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService e = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("waarborg-refused-calls").factory());
        e.scheduleWithFixedDelay(this::writeEnded, CHECK_SECONDS, CHECK_SECONDS, TimeUnit.SECONDS);
        executor = e;
    }

    @Override
    public void stop() {
        ScheduledExecutorService e = executor;
        if (e != null) {
            executor = null;
            // the last counts, waited for a few seconds at most (FinalRun says why)
            if (!nl.waarborg.audit.service.FinalRun.thenStop(e, this::flushAll,
                    java.time.Duration.ofSeconds(SHUTDOWN_WAIT_SECONDS))) {
                log.warn("refused calls: the last counts were not written within {} s", SHUTDOWN_WAIT_SECONDS);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
