package nl.waarborg.policy.service;

import java.util.List;
import nl.waarborg.policy.Policy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The policy in force, as JSON, and the versions the service has enforced. Staff only (see web security). */
@RestController
@RequestMapping("/api/v1/policy")
class PolicyController {

    private final ActivePolicy active;
    private final PolicyVersions versions;

    PolicyController(ActivePolicy active, PolicyVersions versions) {
        this.active = active;
        this.versions = versions;
    }

    record CurrentPolicy(PolicyVersion version, Policy policy) {}

    @GetMapping(produces = "application/json")
    CurrentPolicy current() {
        return new CurrentPolicy(active.version(), active.policy());
    }

    @GetMapping(path = "/versions", produces = "application/json")
    List<PolicyVersion> versions() {
        return versions.history();
    }
}
