package nl.waarborg.breaches;

/**
 * The severity of a breach by the ENISA method ("Recommendations for a methodology of the assessment of severity of
 * personal data breaches", ENISA, December 2013): {@code SE = DPC × EI + CB}. Staff choose the inputs; this only does
 * the arithmetic and names the level.
 *
 * @param dataProcessingContext DPC, 1 to 4: the base score of the type of data (simple, behavioural, financial,
 *                              sensitive) with the adjustments the method gives for the context
 * @param easeOfIdentification  EI: 0.25 (negligible), 0.5 (limited), 0.75 (significant), 1 (maximum)
 * @param confidentiality       CB part: loss of confidentiality, 0, 0.25 or 0.5
 * @param integrity             CB part: loss of integrity, 0, 0.25 or 0.5
 * @param availability          CB part: loss of availability, 0, 0.25 or 0.5
 * @param maliciousIntent       CB part: malicious intent, adds 0.5
 */
public record EnisaSeverity(double dataProcessingContext, double easeOfIdentification, double confidentiality,
                            double integrity, double availability, boolean maliciousIntent) {

    public EnisaSeverity {
        if (!(dataProcessingContext >= 1 && dataProcessingContext <= 4)) {
            throw new BreachInputException("severity/dataProcessingContext", "DPC is from 1 to 4 (ENISA 2013)");
        }
        if (!quarter(easeOfIdentification) || easeOfIdentification < 0.25 || easeOfIdentification > 1) {
            throw new BreachInputException("severity/easeOfIdentification", "EI is 0.25, 0.5, 0.75 or 1 (ENISA 2013)");
        }
        circumstance("confidentiality", confidentiality);
        circumstance("integrity", integrity);
        circumstance("availability", availability);
    }

    private static void circumstance(String name, double value) {
        if (value != 0 && value != 0.25 && value != 0.5) {
            throw new BreachInputException("severity/" + name, "a circumstance of the breach is 0, 0.25 or 0.5 (ENISA 2013)");
        }
    }

    private static boolean quarter(double v) {
        return v * 4 == Math.rint(v * 4);
    }

    /** CB: the circumstances of the breach, summed. */
    public double circumstances() {
        return confidentiality + integrity + availability + (maliciousIntent ? 0.5 : 0);
    }

    /** SE = DPC × EI + CB. */
    public double score() {
        return dataProcessingContext * easeOfIdentification + circumstances();
    }

    public Level level() {
        double se = score();
        return se < 2 ? Level.LOW : se < 3 ? Level.MEDIUM : se < 4 ? Level.HIGH : Level.VERY_HIGH;
    }

    /** Low below 2, medium from 2 to below 3, high from 3 to below 4, very high from 4 (ENISA 2013, section 3). */
    public enum Level {
        LOW, MEDIUM, HIGH, VERY_HIGH;

        public String term() {
            return Term.of(this);
        }
    }
}
