package nl.waarborg.breaches;

/**
 * The assessment of the risk the breach poses to people (Art. 33(1), 34(1) GDPR), with the reasoning the register
 * must hold (Art. 33(5)).
 *
 * @param level             {@code none} (unlikely to result in a risk: the AP need not be notified, Art. 33(1)),
 *                          {@code risk}, or {@code high} (the people affected are told, Art. 34(1))
 * @param reasoning         why, in staff's words (required)
 * @param severity          the ENISA score, when staff computed one (null: not computed)
 * @param encryptedAtRest   staff's statement that the data in the breached systems other than the vault was
 *                          encrypted at rest (the vault's items always are)
 * @param keysCompromised   whether the keys were compromised too (a breach of the vault together with its key store)
 */
public record RiskAssessment(Level level, String reasoning, EnisaSeverity severity, boolean encryptedAtRest,
                             boolean keysCompromised) {

    public RiskAssessment {
        if (level == null) {
            throw new BreachInputException("level", "one of " + Term.known(Level.class));
        }
        if (reasoning == null || reasoning.isBlank()) {
            throw new BreachInputException("reasoning", "the reasoning of the assessment is required (Art. 33(5) GDPR)");
        }
    }

    public enum Level {
        NONE, RISK, HIGH;

        public String term() {
            return Term.of(this);
        }

        public static Level of(String field, String term) {
            return Term.required(Level.class, field, term);
        }
    }
}
