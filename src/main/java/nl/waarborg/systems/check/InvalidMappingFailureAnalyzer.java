package nl.waarborg.systems.check;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A mapping with errors stops the start with its findings, one per line, and no stack trace; as a policy's do. */
class InvalidMappingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidMappingException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, InvalidMappingException cause) {
        return new FailureAnalysis(cause.getMessage(), "Fix the mapping or the database (`waarborg systems check "
                + "--policy FILE` shows every finding), then start again.", cause);
    }
}
