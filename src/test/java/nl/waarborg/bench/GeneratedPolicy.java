package nl.waarborg.bench;

/**
 * A large, valid policy for lint benchmarks: {@code purposes} purposes and {@code rules} retention rules
 * over 200 data categories and 20 subject categories, every collected combination covered.
 */
public final class GeneratedPolicy {

    private GeneratedPolicy() {
    }

    public static String yaml(int purposes, int rules) {
        int dataCategories = 200;
        int subjects = 20;
        StringBuilder y = new StringBuilder(1 << 20);
        y.append("""
                waarborg: 1
                statement: {version: "1", effective: 2026-01-01}
                controller:
                  name: Groot B.V.
                  kvk: "12345678"
                  address: {street: Straat 1, postcode: 1234 AB, city: Utrecht}
                  contact: {email: privacy@groot.example, phone: "+31 30 000 0000"}
                roles:
                  - {id: staff, name: {nl: Medewerkers, en: Staff}}
                sources:
                  - {id: subject, name: {nl: Betrokkene, en: Subject}}
                lifecycle-events:
                  - {id: contract-ended, name: {nl: Einde contract, en: Contract ended}}
                systems:
                  - {id: vault, name: {nl: Kluis, en: Vault}, owner: DPO, connector: vault}
                recipients:
                  - {id: hosting, name: {nl: Hosting, en: Hosting}, role: processor, countries: [NL], processing-agreement: 2025-01-01}
                rights: {response-time: P4W, extension: P2M, identity-verification: [email-link], channels: [email], request-records: P2Y}
                subject-categories:
                """);
        for (int s = 0; s < subjects; s++) {
            y.append("  - {id: subject-").append(s).append(", name: {nl: Groep ").append(s).append(", en: Group ").append(s).append("}}\n");
        }
        y.append("data-categories:\n");
        for (int d = 0; d < dataCategories; d++) {
            y.append("  - {id: data-").append(d).append(", name: {nl: Gegeven ").append(d).append(", en: Datum ").append(d).append("}}\n");
        }
        y.append("purposes:\n");
        for (int p = 0; p < purposes; p++) {
            y.append("  - id: purpose-").append(p).append("\n")
                    .append("    name: {nl: Doel ").append(p).append(", en: Purpose ").append(p).append("}\n")
                    .append("    legal-basis: contract\n    provision: {requirement: contractual}\n")
                    .append("    roles: [staff]\n    sources: [subject]\n    systems: [vault]\n")
                    .append("    recipients: [hosting]\n")
                    .append("    subjects: [subject-").append(p % subjects).append(", subject-").append((p + 1) % subjects).append("]\n")
                    .append("    data: [");
            for (int k = 0; k < 5; k++) {
                y.append(k == 0 ? "" : ", ").append("data-").append((p * 5 + k) % dataCategories);
            }
            y.append("]\n");
        }
        y.append("retention:\n");
        for (int r = 0; r < rules; r++) {
            // the first rules cover every category for any subject; the rest are narrower, per purpose
            if (r < dataCategories) {
                y.append("  - {id: rule-").append(r).append(", data: [data-").append(r).append("], period: P2Y, start: contract-ended}\n");
            } else {
                int p = r % purposes;
                y.append("  - {id: rule-").append(r).append(", data: [data-").append((p * 5 + r % 5) % dataCategories)
                        .append("], purposes: [purpose-").append(p).append("], period: P").append(1 + r % 12).append("M}\n");
            }
        }
        return y.toString();
    }
}
