package nl.waarborg.policy.service;

import nl.waarborg.policy.LoadedPolicy;
import nl.waarborg.policy.Policy;

/** The policy the service enforces right now, and its stored version. Other capabilities read it from here. */
public interface ActivePolicy {

    LoadedPolicy loaded();

    PolicyVersion version();

    default Policy policy() {
        return loaded().policy();
    }
}
