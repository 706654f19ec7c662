package nl.waarborg.policy.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.Policy.Purpose;
import nl.waarborg.policy.Policy.RetentionRule;

/**
 * Which retention rules cover which collected (purpose, data category, subject category) combination,
 * before and after a subject converts. Rules are indexed by data category, so a policy with thousands of
 * rules is checked in time proportional to its combinations, not combinations × rules.
 */
final class RetentionCoverage {

    /**
     * A combination no rule covers; {@code convertedTo} is set when the gap opens only after conversion;
     * {@code onlyOnConsent} when a {@code while-consent} rule covers it, which stops when the consent is withdrawn.
     */
    record Gap(Purpose purpose, String data, String subject, String convertedTo, boolean onlyOnConsent) {}

    final List<Gap> gaps = new ArrayList<>();
    final Set<String> usedRules = new HashSet<>();

    private final Map<String, List<RetentionRule>> byData = new HashMap<>();
    private final List<RetentionRule> anyData = new ArrayList<>();

    RetentionCoverage(Policy policy) {
        for (RetentionRule rule : policy.retention()) {
            if (rule.data().isEmpty()) {
                anyData.add(rule);
            } else {
                rule.data().forEach(d -> byData.computeIfAbsent(d, k -> new ArrayList<>()).add(rule));
            }
        }
        for (Purpose purpose : policy.purposes()) {
            for (String data : purpose.data()) {
                for (String subject : RetentionRules.subjectsOf(purpose)) {
                    check(purpose, data, subject);
                }
            }
        }
    }

    private void check(Purpose purpose, String data, String subject) {
        List<RetentionRule> covering = new ArrayList<>();
        boolean onConsent = false;
        for (RetentionRule rule : candidates(data)) {
            if (rule.covers(data, subject, purpose.id())) {
                usedRules.add(rule.id());
                if (!rule.consentBound()) { // it may stop governing (consent withdrawn): another rule must cover too
                    covering.add(rule);
                } else {
                    onConsent = true;
                }
            }
        }
        if (covering.isEmpty()) {
            gaps.add(new Gap(purpose, data, subject, null, onConsent));
            return;
        }
        Set<String> convertedTo = new HashSet<>();
        covering.forEach(r -> convertedTo.addAll(r.supersededBy()));
        for (String to : convertedTo) {
            boolean governed = false;
            for (RetentionRule rule : candidates(data)) {
                if (governsAfterConversion(rule, subject, to, purpose.id())) {
                    governed |= !rule.consentBound();
                    usedRules.add(rule.id());
                }
            }
            if (!governed) {
                gaps.add(new Gap(purpose, data, subject, to, false));
            }
        }
    }

    private Iterable<RetentionRule> candidates(String data) {
        List<RetentionRule> specific = byData.getOrDefault(data, List.of());
        if (anyData.isEmpty()) {
            return specific;
        }
        List<RetentionRule> all = new ArrayList<>(specific);
        all.addAll(anyData);
        return all;
    }

    /** Whether {@code rule} governs the data once a subject of {@code from} has also joined {@code to}. */
    private static boolean governsAfterConversion(RetentionRule rule, String from, String to, String purpose) {
        boolean scope = (rule.purposes().isEmpty() || rule.purposes().contains(purpose))
                && (rule.subjects().isEmpty() || from == null || rule.subjects().contains(from) || rule.subjects().contains(to));
        return scope && !rule.supersededBy().contains(to) && (from == null || !rule.supersededBy().contains(from));
    }
}
