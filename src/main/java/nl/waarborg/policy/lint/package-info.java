/**
 * The compliance rules of {@code waarborg lint}, each a small named check with its article (docs/lint-rules.md, which a
 * test keeps complete). Rules see a loaded policy and report at source-map paths; they never change it.
 */
package nl.waarborg.policy.lint;
