package nl.waarborg.web.console;

import java.util.List;
import nl.waarborg.documents.LineDiff;
import nl.waarborg.policy.Finding;
import nl.waarborg.policy.service.PolicyVersion;

/** What the console's policy pages show (templates under src/main/jte/policy). */
public final class PolicyPages {

    private PolicyPages() {
    }

    /** The policy page: the version in force, the lint findings, and whether there is a processor's register. */
    public record Overview(PolicyVersion version, List<Finding> findings, long errors, long warnings,
                           boolean processorRegister) {
    }

    /** The statement or the register laid out in the console: its title and its body as HTML without style. */
    public record Document(String html, String kind) {
    }

    /** The versions page: every stored version, newest first, and the two proposed for the comparison form. */
    public record Versions(List<PolicyVersion> versions, long from, long to, String problem) {
    }

    /**
     * The difference between two versions: the statement's text (in the page's language) and the policy file.
     *
     * @param available false when the text could not be made (an old version this release can no longer read)
     */
    public record Section(String key, boolean available, List<List<LineDiff.Line>> hunks, int added, int removed) {
    }

    public record Diff(PolicyVersion from, PolicyVersion to, List<Section> sections) {
    }
}
