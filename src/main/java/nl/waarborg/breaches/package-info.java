/**
 * The breach register's core (issue 17, docs/breaches.md): a breach as the privacy officer records it, the 72-hour
 * clock of Art. 33(1) GDPR (or the processor's own period, Art. 33(2)), the risk assessment with the ENISA severity
 * score, the Art. 34(3)(a) exemption for unintelligible data, and the notification decisions a breach needs before it
 * can be closed. Plain Java: no Spring, no SQL (ArchitectureTest); storage and the API are in {@code service}.
 */
package nl.waarborg.breaches;
