package nl.waarborg.policy.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import nl.waarborg.policy.CompiledPolicy;
import nl.waarborg.policy.Finding;
import nl.waarborg.policy.LoadedPolicy;
import nl.waarborg.policy.PolicyLint;
import nl.waarborg.policy.PolicyLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Loads the configured policy at start-up, refuses to start on lint errors (a service must never enforce a
 * policy it knows to be wrong), and records the version it activates.
 */
@Component
class PolicyActivation implements ActivePolicy {

    private static final Logger log = LoggerFactory.getLogger(PolicyActivation.class);

    private final LoadedPolicy loaded;
    private final PolicyVersion version;
    private volatile CompiledPolicy compiled;

    PolicyActivation(@Value("${waarborg.policy}") String location,
                     @Value("${waarborg.policy-from-database:false}") boolean fromDatabase,
                     ResourceLoader resources, PolicyVersions versions) {
        java.util.Optional<PolicyVersion> enforced = fromDatabase ? versions.latest() : java.util.Optional.empty();
        if (enforced.isPresent()) {
            // a one-shot command beside a running service works with the policy that service enforces
            PolicyVersion v = enforced.get();
            byte[] content = versions.content(v.id()).orElseThrow().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            this.loaded = PolicyLoader.load(v.source(), content).orThrow();
            this.version = v;
            return;
        }
        this.loaded = load(location, resources);
        this.version = versions.recordLoad(loaded);
        log.info("Enforcing policy {} (statement version {}, sha256 {}), stored as version {}", loaded.source(),
                loaded.policy().statement().version(), loaded.contentHash(), version.id());
    }

    static LoadedPolicy load(String location, ResourceLoader resources) {
        Resource resource = resources.getResource(location.contains(":") ? location : "file:" + location);
        byte[] bytes;
        try (InputStream in = resource.getInputStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UnreadablePolicyException(location, e);
        }
        PolicyLoader.Result result = PolicyLoader.load(location, bytes);
        List<Finding> findings = PolicyLint.lint(result);
        List<Finding> errors = findings.stream().filter(Finding::isError).toList();
        if (!errors.isEmpty()) {
            throw new PolicyLoader.InvalidPolicyException(errors);
        }
        findings.forEach(f -> log.warn("{}", f.format()));
        return result.loaded();
    }

    /** The configured policy could not be read at all. */
    static final class UnreadablePolicyException extends UncheckedIOException {
        UnreadablePolicyException(String location, IOException cause) {
            super("cannot read the policy " + location + ": " + cause.getMessage(), cause);
        }
    }

    @Override
    public LoadedPolicy loaded() {
        return loaded;
    }

    @Override
    public PolicyVersion version() {
        return version;
    }

    @Override
    public CompiledPolicy compiled() {
        CompiledPolicy c = compiled;
        if (c == null) { // compiled on first use: one-shot commands that never decide do not pay for it
            synchronized (this) {
                c = compiled;
                if (c == null) {
                    c = CompiledPolicy.compile(loaded.policy());
                    compiled = c;
                }
            }
        }
        return c;
    }
}
