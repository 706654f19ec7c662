package nl.waarborg.breaches;

/**
 * What kind of breach it is, in the three classes of the EDPB's Guidelines 9/2022 on personal data breach
 * notification: loss of confidentiality (disclosure), of integrity (alteration), of availability (loss of access).
 */
public enum Nature {
    CONFIDENTIALITY, INTEGRITY, AVAILABILITY;

    public String term() {
        return Term.of(this);
    }

    public static Nature of(String field, String term) {
        return Term.required(Nature.class, field, term);
    }
}
