package nl.waarborg.systems.check;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import nl.waarborg.policy.Finding;
import nl.waarborg.policy.LoadedPolicy;
import nl.waarborg.policy.service.ActivePolicy;
import nl.waarborg.systems.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At start, every jdbc system's mapping is checked against its live schema, as `waarborg systems check` does. A
 * mapping with errors stops the start, as a policy with errors does: a missing column must fail now, not in the
 * night's sweep. A system that cannot be reached is only a warning naming it: a CRM that is down must not stop
 * Waarborg (the vault, consent and requests go on; that system's sweep fails and is retried), and its mapping is
 * checked at the next start or by `waarborg systems check`. One-shot commands start lazily and skip this.
 */
@Component
class MappingStartCheck {

    private static final Logger log = LoggerFactory.getLogger(MappingStartCheck.class);

    /** How long a system may take to answer at start before it counts as unreachable. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    MappingStartCheck(ActivePolicy active, @Value("${waarborg.data-dir:data}") Path dataDir,
                      @Value("${waarborg.systems.check-at-start:true}") boolean enabled,
                      @Value("${waarborg.systems.settings-file:}") String settingsFile) {
        if (enabled) {
            run(active.loaded(), new MappingCheck(new Secrets(dataDir, Secrets.environment(settingsFile)), TIMEOUT));
        }
    }

    /** Logs warnings and unreachable systems; throws {@link InvalidMappingException} listing the errors. */
    static void run(LoadedPolicy policy, MappingCheck check) {
        List<MappingCheck.Outcome> outcomes = check.checkAll(policy);
        List<Finding> errors = new java.util.ArrayList<>();
        for (MappingCheck.Outcome o : outcomes) {
            switch (o) {
                case MappingCheck.Unreachable u -> log.warn("Cannot check the mapping of {}; Waarborg starts without it, "
                        + "and the system's sweeps fail until it can be reached: {}", u.system(), u.cause());
                case MappingCheck.Checked c -> {
                    for (Finding f : c.findings()) {
                        if (f.isError()) {
                            errors.add(f);
                        } else {
                            log.warn("{}", f.format());
                        }
                    }
                    if (c.findings().isEmpty()) {
                        log.info("The mapping of system {} fits its database", c.system());
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidMappingException(errors);
        }
    }
}
