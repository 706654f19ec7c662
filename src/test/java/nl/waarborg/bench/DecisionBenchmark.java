package nl.waarborg.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import nl.waarborg.access.Action;
import nl.waarborg.access.Decision;
import nl.waarborg.access.DecisionEngine;
import nl.waarborg.access.SubjectState;
import nl.waarborg.access.SubjectStateCache;
import nl.waarborg.policy.CompiledPolicy;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.PolicyLoader;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The decision hot path (issue 3) against jCasbin enforcing an equivalent RBAC-with-attributes model generated
 * from the same policy (examples/self-storage.yaml), single-threaded, in one JMH run. Throughput gives
 * decisions per second, SampleTime the median and p99 of single decisions. Run with scripts/bench-decisions;
 * docs/benchmarks.md has the figures.
 *
 * <p>Equivalent for what both check: role allowed for the purpose, data category declared for the purpose,
 * and consent (given, not withdrawn) for a consent purpose. Waarborg checks more on every decision (subject
 * category, objection, restriction, retention, recipient); jCasbin's model has no such terms. {@link #setup()}
 * asserts that both answer every (role, purpose, category) of the policy alike, for a subject with and one
 * without consent.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class DecisionBenchmark {

    /**
     * jCasbin model: request (subject, role, purpose, category, action); p lines role→purpose with whether the
     * purpose needs consent; g lines category→purpose; consent as a g2 line subject→purpose. Categories and
     * purposes are prefixed ("category:name", "purpose:cookies") so the one role graph cannot confuse them.
     */
    static final String CASBIN_MODEL = """
            [request_definition]
            r = sub, role, pur, cat, act

            [policy_definition]
            p = role, pur, act, consent

            [role_definition]
            g = _, _
            g2 = _, _

            [policy_effect]
            e = some(where (p.eft == allow))

            [matchers]
            m = r.role == p.role && r.pur == p.pur && (p.act == "*" || r.act == p.act) && g(r.cat, r.pur) \
            && (p.consent == "no" || g2(r.sub, r.pur))
            """;

    CompiledPolicy policy;
    SubjectStateCache cache;
    UUID subject;
    SubjectState consenting;

    // allow: marketing reads cookie data for the consent purpose `cookies`, the subject consented
    int marketing;
    int cookies;
    long[] cookieData;
    // deny: customer service reads camera footage (only management may: R6.1)
    int customerService;
    int cameraSurveillance;
    long[] cameraFootage;
    // five categories: customer service reads five of the contract's categories
    int customerContract;
    long[] fiveCategories;
    static final List<String> FIVE = List.of("name", "email", "phone", "billing-address", "payment-details");

    Enforcer enforcer;
    String casbinSubject;

    @Setup
    public void setup() throws IOException {
        Policy source = PolicyLoader.load(Path.of("examples/self-storage.yaml")).orThrow().policy();
        policy = CompiledPolicy.compile(source);
        subject = UUID.randomUUID();
        // the consenting subject consented to every consent purpose (`cookies`, `talent-pool`), as its jCasbin g2 lines say
        List<String> consentPurposes = source.purposes().stream()
                .filter(x -> x.basis() == nl.waarborg.policy.LegalBasis.CONSENT).map(Policy.Purpose::id).toList();
        cache = new SubjectStateCache(10_000, (id, compiled) -> {
            SubjectState.Builder b = everyone(compiled, id);
            consentPurposes.forEach(b::consentGiven);
            return b.build();
        });
        consenting = cache.get(subject, policy);

        marketing = policy.roleId("marketing");
        cookies = policy.purposeId("cookies");
        cookieData = policy.categoryMask("cookie-data");
        customerService = policy.roleId("customer-service");
        cameraSurveillance = policy.purposeId("camera-surveillance");
        cameraFootage = policy.categoryMask("camera-footage");
        customerContract = policy.purposeId("customer-contract");
        fiveCategories = policy.categoryMask(FIVE);

        casbinSubject = subject.toString();
        enforcer = casbin(source, List.of(casbinSubject));
        assertEquivalent(source, policy, consenting, enforcer, casbinSubject);
        assertEquivalent(source, policy, everyone(policy, UUID.randomUUID()).build(), enforcer, "no-consent-subject");
        if (!waarborgAllow().allowed() || waarborgDeny().allowed() || !waarborgFiveCategories().allowed()
                || !casbinAllow() || casbinDeny() || !casbinFiveCategories()) {
            throw new IllegalStateException("the benchmarked requests must allow, deny, allow in both engines");
        }
    }

    private static SubjectState.Builder everyone(CompiledPolicy policy, UUID id) {
        SubjectState.Builder b = SubjectState.builder(policy).subject(id);
        for (int s = 0; s < policy.subjectCategoryCount(); s++) {
            b.memberOf(policy.subjectCategory(s));
        }
        return b;
    }

    /** The jCasbin enforcer for the policy: role→purpose and purpose→category lines, consent per subject. */
    static Enforcer casbin(Policy policy, List<String> consentingSubjects) {
        Enforcer e = new Enforcer(Model.newModelFromString(CASBIN_MODEL));
        e.enableLog(false);
        for (Policy.Purpose purpose : policy.purposes()) {
            String consent = purpose.basis() == nl.waarborg.policy.LegalBasis.CONSENT ? "yes" : "no";
            for (String role : purpose.roles()) {
                e.addPolicy(role, pur(purpose.id()), "*", consent);
            }
            for (String category : purpose.data()) {
                e.addNamedGroupingPolicy("g", cat(category), pur(purpose.id()));
            }
            if (consent.equals("yes")) {
                for (String subject : consentingSubjects) {
                    e.addNamedGroupingPolicy("g2", subject, pur(purpose.id()));
                }
            }
        }
        return e;
    }

    static String pur(String purpose) {
        return "purpose:" + purpose;
    }

    static String cat(String category) {
        return "category:" + category;
    }

    /** Both engines answer every (role, purpose, category) of the policy alike; throws on the first difference. */
    static int assertEquivalent(Policy source, CompiledPolicy policy, SubjectState state, Enforcer e, String casbinSubject) {
        List<String> differences = new ArrayList<>();
        int checked = 0;
        for (Policy.Role role : source.roles()) {
            for (Policy.Purpose purpose : source.purposes()) {
                for (Policy.DataCategory category : source.dataCategories()) {
                    boolean waarborg = DecisionEngine.decide(policy, state, policy.roleId(role.id()),
                            policy.purposeId(purpose.id()), policy.categoryId(category.id()), Action.READ,
                            DecisionEngine.NO_RECIPIENT).allowed();
                    boolean casbin = e.enforce(casbinSubject, role.id(), pur(purpose.id()), cat(category.id()), "read");
                    checked++;
                    if (waarborg != casbin) {
                        differences.add(role.id() + "/" + purpose.id() + "/" + category.id() + ": waarborg " + waarborg
                                + ", jcasbin " + casbin);
                    }
                }
            }
        }
        if (!differences.isEmpty()) {
            throw new IllegalStateException("the engines disagree on " + differences.size() + " of " + checked
                    + " requests: " + differences.subList(0, Math.min(10, differences.size())));
        }
        return checked;
    }

    // Each Waarborg benchmark includes the subject-state cache lookup: "a decision for a cached subject".

    @Benchmark
    public Decision waarborgAllow() {
        return DecisionEngine.decide(policy, cache.get(subject, policy), marketing, cookies, cookieData, Action.READ,
                DecisionEngine.NO_RECIPIENT);
    }

    @Benchmark
    public Decision waarborgDeny() {
        return DecisionEngine.decide(policy, cache.get(subject, policy), customerService, cameraSurveillance,
                cameraFootage, Action.READ, DecisionEngine.NO_RECIPIENT);
    }

    @Benchmark
    public Decision waarborgFiveCategories() {
        return DecisionEngine.decide(policy, cache.get(subject, policy), customerService, customerContract,
                fiveCategories, Action.READ, DecisionEngine.NO_RECIPIENT);
    }

    @Benchmark
    public boolean casbinAllow() {
        return enforcer.enforce(casbinSubject, "marketing", "purpose:cookies", "category:cookie-data", "read");
    }

    @Benchmark
    public boolean casbinDeny() {
        return enforcer.enforce(casbinSubject, "customer-service", "purpose:camera-surveillance",
                "category:camera-footage", "read");
    }

    /** jCasbin decides one category per call: five calls, all must allow. */
    @Benchmark
    public boolean casbinFiveCategories() {
        for (String category : FIVE_REQUESTS) {
            if (!enforcer.enforce(casbinSubject, "customer-service", "purpose:customer-contract", category, "read")) {
                return false;
            }
        }
        return true;
    }

    private static final String[] FIVE_REQUESTS = FIVE.stream().map(DecisionBenchmark::cat).toArray(String[]::new);
}
