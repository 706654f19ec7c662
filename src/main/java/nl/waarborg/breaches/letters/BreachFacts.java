package nl.waarborg.breaches.letters;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the documents about one breach say, as the register knows it; the input of {@link ApNotificationDraft} and
 * {@link AffectedPersonLetter}. Kept here, not in the register, so the documents depend on nothing but this record.
 * Terms are the register's: {@code governingLaw} {@code avg|telecommunicatiewet}; {@code nature}
 * {@code confidentiality|integrity|availability}; {@code actions} {@code reading|copying|altering|deleting|loss|theft};
 * {@code subjectsInformed} {@code yes|no|planned|public-notice}; {@code phase}
 * {@code initial|supplement|amendment|withdrawal}. Numbers are approximate: a null bound is unknown. Instants are UTC;
 * the documents show them in the organisation's zone. Nullable: {@code occurredAt}, {@code occurredUntil},
 * {@code processorToldAt}, {@code awarenessDelayReason}, {@code notifiedAt} (not yet notified: the draft),
 * {@code delayReason}, {@code otherOrganisations}, {@code apNumber}, the counts, and any free text (then not shown).
 * Validation failures name the field, never its value.
 */
public record BreachFacts(String reference, String controllerName, String contactName, String contactEmail,
        String contactPhone, String dpoName, String dpoEmail, String governingLaw, Instant occurredAt,
        Instant occurredUntil, Instant detectedAt, Instant awareAt, Instant processorToldAt,
        String awarenessDelayReason, Instant notifiedAt, String delayReason, Set<String> nature,
        Set<String> actions, String summary, List<String> dataCategories, boolean specialCategories,
        Long peopleMin, Long peopleMax, Long recordsMin, Long recordsMax, List<String> subjectCategories,
        String otherOrganisations, List<String> countries, String measuresBefore, boolean encrypted,
        String consequences, String measuresTaken, String measuresPlanned, boolean ongoing,
        String subjectsInformed, String subjectsInformedReason, String phase, String apNumber) {

    public static final Set<String> LAWS = Set.of("avg", "telecommunicatiewet");
    public static final Set<String> NATURES = Set.of("confidentiality", "integrity", "availability");
    public static final Set<String> ACTIONS = Set.of("reading", "copying", "altering", "deleting", "loss", "theft");
    public static final Set<String> INFORMED = Set.of("yes", "no", "planned", "public-notice");
    public static final Set<String> PHASES = Set.of("initial", "supplement", "amendment", "withdrawal");

    public BreachFacts {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(controllerName, "controllerName");
        Objects.requireNonNull(detectedAt, "detectedAt");
        Objects.requireNonNull(awareAt, "awareAt");
        governingLaw = term("governingLaw", governingLaw == null ? "avg" : governingLaw, LAWS);
        subjectsInformed = term("subjectsInformed", subjectsInformed == null ? "no" : subjectsInformed, INFORMED);
        phase = term("phase", phase == null ? "initial" : phase, PHASES);
        // the documents list these in the order given, so keep it, and keep out what no sentence exists for
        nature = terms("nature", nature, NATURES);
        actions = terms("actions", actions, ACTIONS);
        dataCategories = dataCategories == null ? List.of() : List.copyOf(dataCategories);
        subjectCategories = subjectCategories == null ? List.of() : List.copyOf(subjectCategories);
        countries = countries == null ? List.of() : List.copyOf(countries);
        bounds("people", peopleMin, peopleMax);
        bounds("records", recordsMin, recordsMax);
    }

    /** True for a breach under the Telecommunicatiewet (a provider of public electronic communication services). */
    public boolean telecom() {
        return "telecommunicatiewet".equals(governingLaw);
    }

    private static String term(String field, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(field + ": not one of " + new java.util.TreeSet<>(allowed));
        }
        return value;
    }

    private static Set<String> terms(String field, Set<String> values, Set<String> allowed) {
        if (values == null) {
            return Set.of();
        }
        Set<String> kept = new LinkedHashSet<>();
        for (String v : values) {
            kept.add(term(field, v, allowed));
        }
        return java.util.Collections.unmodifiableSet(kept);
    }

    private static void bounds(String field, Long min, Long max) {
        if ((min != null && min < 0) || (max != null && max < 0) || (min != null && max != null && min > max)) {
            throw new IllegalArgumentException(field + ": the bounds must be zero or more, the lower not above the upper");
        }
    }
}
