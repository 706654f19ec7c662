package nl.waarborg.policy.service;

import nl.waarborg.policy.CompiledPolicy;
import nl.waarborg.policy.LoadedPolicy;
import nl.waarborg.policy.Policy;

/** The policy the service enforces right now, and its stored version. Other capabilities read it from here. */
public interface ActivePolicy {

    LoadedPolicy loaded();

    PolicyVersion version();

    /** The policy compiled to the lookup tables decisions use; the same instance for as long as the policy is in force. */
    CompiledPolicy compiled();

    default Policy policy() {
        return loaded().policy();
    }
}
