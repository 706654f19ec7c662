package nl.waarborg.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.waarborg.policy.CompiledPolicy;
import org.junit.jupiter.api.Test;

/** The subject-state cache: hits, invalidation, the epoch, the bound, and loads racing invalidations. */
class SubjectStateCacheTest {

    private final CompiledPolicy policy = DecisionFixtures.SELF_STORAGE;

    /** A stand-in for the stored facts: per subject whether consent for cookies is given, and how often loaded. */
    private final Map<UUID, Boolean> consent = new ConcurrentHashMap<>();
    private final AtomicInteger loads = new AtomicInteger();

    private SubjectState load(UUID subject, CompiledPolicy compiled) {
        loads.incrementAndGet();
        SubjectState.Builder b = SubjectState.builder(compiled).subject(subject).memberOf("website-visitor");
        if (consent.getOrDefault(subject, false)) {
            b.consentGiven("cookies");
        }
        return b.build();
    }

    private boolean consents(SubjectState s) {
        return s.consentGiven(s.policy().purposeId("cookies"));
    }

    @Test
    void aHitCostsNoLoad() {
        SubjectStateCache cache = new SubjectStateCache(100, this::load);
        UUID id = UUID.randomUUID();
        SubjectState first = cache.get(id, policy);
        assertThat(cache.get(id, policy)).isSameAs(first);
        assertThat(cache.getIfPresent(id, policy)).isSameAs(first);
        assertThat(loads).hasValue(1);
        assertThat(cache.loads()).isEqualTo(1);
    }

    @Test
    void invalidateAfterAChangeGivesTheNewState() {
        SubjectStateCache cache = new SubjectStateCache(100, this::load);
        UUID id = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        assertThat(consents(cache.get(id, policy))).isFalse();
        SubjectState otherState = cache.get(other, policy);
        consent.put(id, true);
        assertThat(consents(cache.get(id, policy))).as("not yet invalidated").isFalse();
        cache.invalidate(id);
        assertThat(cache.getIfPresent(id, policy)).isNull();
        assertThat(consents(cache.get(id, policy))).isTrue();
        assertThat(cache.get(other, policy)).as("other subjects stay").isSameAs(otherState);
    }

    @Test
    void invalidateAllStepsTheEpochAndDropsEverything() {
        SubjectStateCache cache = new SubjectStateCache(100, this::load);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        SubjectState stateA = cache.get(a, policy);
        cache.get(b, policy);
        assertThat(cache.epoch()).isZero();
        assertThat(cache.invalidateAll()).isEqualTo(1);
        assertThat(cache.epoch()).isEqualTo(1);
        assertThat(cache.size()).isZero();
        assertThat(cache.get(a, policy)).isNotSameAs(stateA);
        assertThat(loads).hasValue(3);
    }

    @Test
    void aStateOfAnotherCompiledPolicyIsNeverReturned() {
        SubjectStateCache cache = new SubjectStateCache(100, this::load);
        UUID id = UUID.randomUUID();
        cache.get(id, policy);
        CompiledPolicy next = CompiledPolicy.compile(policy.policy());
        assertThat(cache.getIfPresent(id, next)).isNull();
        assertThat(cache.get(id, next).policy()).isSameAs(next);
    }

    @Test
    void aLoaderMustBuildAgainstTheGivenPolicy() {
        CompiledPolicy other = CompiledPolicy.compile(policy.policy());
        SubjectStateCache cache = new SubjectStateCache(10, (subject, compiled) -> SubjectState.empty(other, subject));
        assertThatThrownBy(() -> cache.get(UUID.randomUUID(), policy)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void boundedWithSecondChanceForRecentlyUsedEntries() {
        SubjectStateCache cache = new SubjectStateCache(50, this::load);
        UUID hot = UUID.randomUUID();
        SubjectState hotState = cache.get(hot, policy);
        for (int i = 0; i < 1_000; i++) {
            cache.get(UUID.randomUUID(), policy);
            cache.get(hot, policy); // used all the time: keeps its second chance
            assertThat(cache.size()).isLessThanOrEqualTo(50);
        }
        assertThat(cache.evictions()).isGreaterThanOrEqualTo(1_000 + 1 - 50);
        assertThat(cache.getIfPresent(hot, policy)).isSameAs(hotState);
    }

    @Test
    void aLoadOverlappingAnInvalidationIsReturnedButNotKept() {
        UUID id = UUID.randomUUID();
        SubjectStateCache[] holder = new SubjectStateCache[1];
        SubjectStateCache cache = new SubjectStateCache(10, (subject, compiled) -> {
            SubjectState read = load(subject, compiled); // the facts as they were read
            if (loads.get() == 1) {
                consent.put(subject, true); // another transaction changes them and announces it mid-load
                holder[0].invalidate(subject);
            }
            return read;
        });
        holder[0] = cache;
        assertThat(consents(cache.get(id, policy))).isFalse();
        assertThat(cache.getIfPresent(id, policy)).isNull();
        assertThat(consents(cache.get(id, policy))).isTrue();
    }

    @Test
    void concurrentReadersAndWritersEndWithEveryChangeVisible() throws Exception {
        SubjectStateCache cache = new SubjectStateCache(64, this::load);
        List<UUID> subjects = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            subjects.add(UUID.randomUUID());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            boolean writer = t == 0;
            futures.add(pool.submit(() -> {
                start.await();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < 20_000; i++) {
                    UUID id = subjects.get(random.nextInt(subjects.size()));
                    if (writer) {
                        consent.merge(id, true, (old, x) -> !old); // commit the change, then announce it
                        cache.invalidate(id);
                    } else {
                        cache.get(id, policy);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        for (UUID id : subjects) {
            assertThat(consents(cache.get(id, policy))).as("%s", id).isEqualTo(consent.getOrDefault(id, false));
        }
        assertThat(cache.size()).as("at rest, never over capacity").isLessThanOrEqualTo(64);
    }
}
