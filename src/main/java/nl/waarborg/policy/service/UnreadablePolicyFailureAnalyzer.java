package nl.waarborg.policy.service;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A policy file that cannot be read stops the start with its location, not a stack trace. */
class UnreadablePolicyFailureAnalyzer extends AbstractFailureAnalyzer<PolicyActivation.UnreadablePolicyException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, PolicyActivation.UnreadablePolicyException cause) {
        return new FailureAnalysis(cause.getMessage(), "Check the path given to `waarborg serve --policy FILE`.", cause);
    }
}
