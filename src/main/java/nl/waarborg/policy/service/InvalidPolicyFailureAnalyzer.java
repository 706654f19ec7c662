package nl.waarborg.policy.service;

import nl.waarborg.policy.PolicyLoader;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A policy with errors stops the start with its findings, one per line, and no stack trace. */
class InvalidPolicyFailureAnalyzer extends AbstractFailureAnalyzer<PolicyLoader.InvalidPolicyException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, PolicyLoader.InvalidPolicyException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix the findings (`waarborg lint POLICY` shows them all), then start again.", cause);
    }
}
