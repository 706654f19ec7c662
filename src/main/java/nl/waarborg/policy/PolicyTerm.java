package nl.waarborg.policy;

/** An enumerated word of the policy format: its spelling in YAML. */
public interface PolicyTerm {
    String term();
}
