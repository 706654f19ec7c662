package nl.waarborg.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.UUID;
import nl.waarborg.policy.CompiledPolicy;
import nl.waarborg.policy.PolicyLoader;

/** The compiled policies the access tests decide against, and a subject every purpose applies to. */
final class DecisionFixtures {

    /** examples/self-storage.yaml */
    static final CompiledPolicy SELF_STORAGE = compile(Path.of("examples/self-storage.yaml"));
    /** The clean test policy plus a recipient outside the EEA without safeguard and a purpose without basis. */
    static final CompiledPolicy TEST_POLICY = compile(Path.of("src/test/resources/policies/decisions.yaml"));

    private DecisionFixtures() {
    }

    static CompiledPolicy compile(Path file) {
        try {
            return CompiledPolicy.compile(PolicyLoader.load(file).orThrow().policy());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A subject of every subject category, with nothing else recorded. */
    static SubjectState.Builder everyone(CompiledPolicy policy) {
        SubjectState.Builder b = SubjectState.builder(policy).subject(UUID.randomUUID());
        for (int s = 0; s < policy.subjectCategoryCount(); s++) {
            b.memberOf(policy.subjectCategory(s));
        }
        return b;
    }
}
