/**
 * The policy: the single source of truth (design.md principle 1). The model ({@link nl.waarborg.policy.Policy}, records
 * and the words of the format), loading YAML with positions ({@link nl.waarborg.policy.PolicyLoader}), lint
 * ({@link nl.waarborg.policy.PolicyLint}), compilation to lookup tables ({@link nl.waarborg.policy.CompiledPolicy}) and
 * the retention semantics ({@link nl.waarborg.policy.RetentionCalculator}). Plain Java: no Spring, no SQL. What the
 * GDPR leaves to each country is a table ({@link nl.waarborg.policy.MemberStates}), not code. The format:
 * docs/policy-format.md.
 */
package nl.waarborg.policy;
