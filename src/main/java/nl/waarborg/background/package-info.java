/**
 * The service's own background work at a fixed delay ({@link nl.waarborg.background.FixedDelayLoop}): each capability
 * that runs something by itself (the retention sweep, system retries, consent expiries, moving fulfilments on) extends
 * it with its one round of work.
 */
package nl.waarborg.background;
