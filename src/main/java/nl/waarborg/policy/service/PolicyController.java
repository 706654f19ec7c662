package nl.waarborg.policy.service;

import io.swagger.v3.oas.annotations.Operation;
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
    @Operation(summary = "The policy in force, as JSON", description = "Role: staff.")
    CurrentPolicy current() {
        return new CurrentPolicy(active.version(), active.policy());
    }

    @GetMapping(path = "/versions", produces = "application/json")
    @Operation(summary = "Every policy version activated, with its statement version and content hash", description = "Role: staff.")
    List<PolicyVersion> versions() {
        return versions.history();
    }
}
