package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import nl.waarborg.audit.AuditEvent;
import nl.waarborg.audit.service.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A flood of anonymous calls (issue 12: twenty seconds added 133,262 permanent events, one per refused call) is
 * counted into one event per minute, reason and client network, and limited per network with a 429 problem that
 * says when to retry; an authenticated caller from the same address goes on. Its own context and limits, so the
 * buckets it empties are no other test's.
 */
@TestPropertySource(properties = {
        "waarborg.data-dir=${waarborg.test.data-root}/flood",
        "waarborg.rate-limit.anonymous-per-second=5",
        "waarborg.rate-limit.anonymous-burst=40",
        "waarborg.rate-limit.hold=10ms"}) // held back, so the asynchronous answer is what is checked
class RefusedCallFloodTest extends ServiceTestBase {

    static final int CALLS = 300;

    @Autowired
    AuditLog log;

    @Autowired
    RefusedCallAudit refused;

    @Test
    void aFloodAddsOneEventPerMinuteReasonAndNetworkAndIsLimitedPerNetwork() {
        refused.flushAll();
        long before = log.head().lastSeq();
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            answers.add(http.get("/api/v1/audit/events?after=" + i, i % 2 == 0 ? null : "not-a-key-" + i));
        }
        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isIn(401, 429));
        assertThat(answers.subList(0, 40)).as("the burst").allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(401));
        HttpResponse<String> limited = answers.get(40);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/problem+json"));
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(s ->
                assertThat(Long.parseLong(s)).isBetween(1L, 60L));
        assertThat(limited.body()).contains("\"status\":429").contains("Too many requests");
        assertThat(answers.stream().filter(r -> r.statusCode() == 401).count())
                .as("the burst and what the rate refilled meanwhile").isBetween(40L, 40L + 5L * 60);

        HttpResponse<String> staff = http.get("/api/v1/audit/verify", staffToken());
        assertThat(staff.statusCode()).as("an authenticated caller on the flooding address is not limited").isEqualTo(200);

        refused.flushAll();
        List<AuditEvent> events = log.events(before, 1000).stream().filter(e -> e.action().equals("http-refused")).toList();
        assertThat(log.head().lastSeq() - before).as("every event the flood added").isLessThanOrEqualTo(4);
        assertThat(events).hasSizeBetween(2, 4); // unauthenticated and rate-limited, in one minute or two
        long counted = 0;
        for (AuditEvent e : events) {
            assertThat(e.actor()).isEqualTo("anonymous");
            assertThat(e.reasons().getFirst()).isIn("unauthenticated", "rate-limited");
            assertThat(e.reasons()).contains("network:127.0.0.0/24").anySatisfy(r -> assertThat(r).startsWith("minute:"));
            counted += Long.parseLong(e.reasons().stream().filter(r -> r.startsWith("calls:")).findFirst().orElseThrow()
                    .substring(6));
        }
        assertThat(counted).as("every refused call is counted").isEqualTo(CALLS);
        assertThat(events.toString()).doesNotContain("127.0.0.1").doesNotContain("not-a-key").doesNotContain("after=");
    }

    @Test
    void healthIsNeverLimited() {
        for (int i = 0; i < 100; i++) {
            assertThat(http.get("/actuator/health", null).statusCode()).isEqualTo(200);
        }
    }

    @Autowired
    nl.waarborg.audit.service.AuditRecorder recorder;

    @Autowired
    nl.waarborg.policy.service.ActivePolicy policy;

    /** A clock the test moves by hand. */
    static final class MovableClock extends java.time.Clock {
        java.time.Instant now;

        MovableClock(String at) {
            now = java.time.Instant.parse(at);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    private static org.springframework.mock.web.MockHttpServletRequest from(String address) {
        org.springframework.mock.web.MockHttpServletRequest r = new org.springframework.mock.web.MockHttpServletRequest("GET", "/api/v1/policy");
        r.setRemoteAddr(address);
        return r;
    }

    private List<AuditEvent> refusedSince(long seq) {
        return log.events(seq, 10_000).stream().filter(e -> e.action().equals("http-refused")).toList();
    }

    @Test
    void aMinutesCountsAreWrittenOnceThatMinuteHasEndedAndNotBefore() {
        MovableClock clock = new MovableClock("2026-12-04T10:00:30Z");
        RefusedCallAudit counts = new RefusedCallAudit(recorder, policy, clock);
        long before = log.head().lastSeq();
        for (int i = 0; i < 3; i++) {
            counts.unauthenticated(from("203.0.113.7"));
        }
        counts.unauthenticated(from("2001:db8:0:1::99"));
        assertThat(counts.flushEnded()).as("the minute is still running").isZero();
        clock.now = java.time.Instant.parse("2026-12-04T10:01:10Z");
        counts.unauthenticated(from("203.0.113.200"));
        counts.unauthenticated(from("203.0.113.201"));
        assertThat(counts.flushEnded()).isEqualTo(2);
        assertThat(refusedSince(before)).extracting(AuditEvent::reasons).containsExactlyInAnyOrder(
                List.of("unauthenticated", "calls:3", "network:203.0.113.0/24", "minute:2026-12-04T10:00:00Z"),
                List.of("unauthenticated", "calls:1", "network:2001:db8:0:1::/64", "minute:2026-12-04T10:00:00Z"));
        assertThat(counts.flushEnded()).as("nothing more has ended").isZero();
        clock.now = java.time.Instant.parse("2026-12-04T10:02:00Z");
        assertThat(counts.flushEnded()).isEqualTo(1);
        assertThat(refusedSince(before).getLast().reasons()).containsExactly("unauthenticated", "calls:2",
                "network:203.0.113.0/24", "minute:2026-12-04T10:01:00Z");
    }

    @Test
    void beyondTheMostGroupsAMinuteKeepsCallsAreCountedAsOther() {
        RefusedCallAudit counts = new RefusedCallAudit(recorder, policy, new MovableClock("2026-12-04T11:00:00Z"));
        long before = log.head().lastSeq();
        for (int i = 0; i < RefusedCallAudit.MAX_GROUPS + 5; i++) {
            counts.unauthenticated(from(network(i)));
        }
        assertThat(counts.flushAll()).isEqualTo(RefusedCallAudit.MAX_GROUPS + 1);
        assertThat(refusedSince(before)).filteredOn(e -> e.reasons().contains("network:other")).singleElement()
                .satisfies(e -> assertThat(e.reasons()).contains("calls:5"));
    }

    // a distinct /24 for each i (documentation and private ranges only as text: nothing is sent anywhere)
    private static String network(int i) {
        return (10 + (i >> 16)) + "." + (i >> 8 & 255) + "." + (i & 255) + ".1";
    }
}
