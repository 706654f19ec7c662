/**
 * Decisions: whether one use of personal data is allowed now, and if not, why (design.md principle 2).
 *
 * <p>The core is plain Java with no Spring and no SQL: {@link nl.waarborg.access.DecisionEngine} over a
 * {@link nl.waarborg.policy.CompiledPolicy} and a {@link nl.waarborg.access.SubjectState}, with
 * {@link nl.waarborg.access.SubjectStateCache} keeping subject states in memory. How decisions are made,
 * every deny reason and the order of the checks: docs/decisions.md.
 */
package nl.waarborg.access;
