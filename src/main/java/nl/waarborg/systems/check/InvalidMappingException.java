package nl.waarborg.systems.check;

import java.util.List;
import nl.waarborg.policy.Finding;

/** A jdbc mapping does not fit its live database; the message lists every error in lint's format. */
public final class InvalidMappingException extends RuntimeException {

    private final transient List<Finding> findings;

    public InvalidMappingException(List<Finding> findings) {
        super("a system's mapping does not fit its database:\n"
                + String.join("\n", findings.stream().map(Finding::format).toList()));
        this.findings = List.copyOf(findings);
    }

    public List<Finding> findings() {
        return findings;
    }
}
