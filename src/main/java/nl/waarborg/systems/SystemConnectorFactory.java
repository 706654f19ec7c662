package nl.waarborg.systems;

import nl.waarborg.policy.Policy;
import nl.waarborg.policy.Policy.DataSystem;

/**
 * Makes the connector of one kind of system ({@code jdbc}, {@code webhook}, {@code manual}) for the policy in force;
 * one Spring bean per kind. The registry of connectors asks each factory in turn.
 */
public interface SystemConnectorFactory {

    /** Whether this factory makes the connector of {@code system}. */
    boolean handles(DataSystem system);

    /** The connector of {@code system} under {@code policy} (its retention rules, categories and events). */
    SystemConnector create(Policy policy, DataSystem system);
}
