package nl.waarborg.requests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import nl.waarborg.documents.Phrases;
import nl.waarborg.documents.RetentionWording;
import nl.waarborg.documents.TransferWording;
import nl.waarborg.documents.Words;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.LegalBasis;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.Text;

/**
 * What Art. 15(1)(a)-(h) and 15(2) GDPR oblige the controller to tell ONE person besides the copy of their data,
 * derived from the policy and what the person has: only the purposes that process a category the person holds (and
 * concern a subject category they are in), only those purposes' recipients, sources and transfers, and the retention
 * rules that govern their categories. In the answer's language; the statement's own words where it has them
 * ({@link RetentionWording}, {@link TransferWording}, {@link Phrases}). Nothing is invented: what the policy does not
 * say is left out and named in {@link #notDerived} (terms, for staff and the report; never shown to the person).
 *
 * @param lang          the language of every text here
 * @param controller    the controller's name
 * @param categories    the categories the person holds, with their retention (Art. 15(1)(b), (d))
 * @param purposes      the purposes, with their legal basis (Art. 15(1)(a))
 * @param recipients    the recipients of those purposes, by name (Art. 15(1)(c))
 * @param sources       where data came from when not from the person (Art. 15(1)(g))
 * @param automated     sentences on automated decisions and profiling (Art. 15(1)(h)); empty when the policy says nothing
 * @param transfers     the transfers outside the EEA, grouped by safeguard (Art. 15(2)); empty: none
 * @param transfersNone whether the policy says none of those recipients and systems is outside the EEA
 * @param rights        the rights of Art. 16, 17, 18 and 21 (Art. 15(1)(e))
 * @param complaint     the supervisory authority (Art. 15(1)(f), 77); null when the policy names none
 * @param names         names of the policy's data categories, systems and sources by id ({@code category:}, {@code
 *                      system:}, {@code source:} prefixes), to name items
 * @param kept          what was kept after an erasure, and why (Art. 17(3)); empty when nothing was erased
 * @param notDerived    what could not be derived from the policy, as terms ({@code legal-basis-missing:PURPOSE}, …)
 */
public record AccessContext(Lang lang, String controller, List<Category> categories, List<PurposeUse> purposes,
                            List<RecipientShare> recipients, List<Origin> sources, List<String> automated,
                            List<TransferWording.Group> transfers, boolean transfersNone, List<Right> rights,
                            Complaint complaint, Map<String, String> names, List<KeptData> kept,
                            List<String> notDerived) {

    /**
     * The source ids that stand for the person themself: the policy format has no flag for it, and every example and
     * docs/policy-format.md spell it {@code from-subject} or {@code subject} (docs/requests.md, "The answer").
     */
    public static final Set<String> PERSON_SOURCES = Set.of("from-subject", "subject");

    /** A data category the person holds, with the retention rules that govern it for them. */
    public record Category(String id, String name, List<RetentionWording.Row> retention) {
        public Category {
            retention = List.copyOf(retention);
        }
    }

    /**
     * A purpose that uses the person's data: its legal basis as a term, its name and article, what it means, the
     * organisation's interest (legitimate interest) and the law in the policy's words as the statement puts them, the held
     * categories it uses and the recipients it shares with (ids). Basis fields are null when the policy names none.
     */
    public record PurposeUse(String id, String name, String basis, String basisName, String basisArticle,
                             String basisExplained, String interest, String law, List<String> categories,
                             List<String> recipients) {
        public PurposeUse {
            categories = List.copyOf(categories);
            recipients = List.copyOf(recipients);
        }
    }

    /** A recipient by name, with its role as the statement words it and the countries (by name) it is in. */
    public record RecipientShare(String id, String name, String role, List<String> countries, boolean outsideEea) {
        public RecipientShare {
            countries = List.copyOf(countries);
        }
    }

    /** A source other than the person, by name. */
    public record Origin(String id, String name) {}

    /** A right: its term, its article, its name and what it means (the statement's words). */
    public record Right(String right, String article, String name, String text) {}

    /** The supervisory authority a complaint goes to; all but the name may be null. */
    public record Complaint(String authority, String url, String phone, String address) {}

    public AccessContext {
        Objects.requireNonNull(lang, "lang");
        categories = List.copyOf(categories);
        purposes = List.copyOf(purposes);
        recipients = List.copyOf(recipients);
        sources = List.copyOf(sources);
        automated = List.copyOf(automated);
        transfers = List.copyOf(transfers);
        rights = List.copyOf(rights);
        names = Map.copyOf(names);
        kept = List.copyOf(kept);
        notDerived = List.copyOf(notDerived);
    }

    /** The same context with what was kept after an erasure (Art. 17(3)), to show in the answer. */
    public AccessContext withKept(List<KeptData> kept) {
        return new AccessContext(lang, controller, categories, purposes, recipients, sources, automated, transfers,
                transfersNone, rights, complaint, names, kept, notDerived);
    }

    /** A data category's name in the answer's language; the id when the policy does not declare it. */
    public String categoryName(String id) {
        return names.getOrDefault("category:" + id, id);
    }

    /** A system's name; {@code vault} is Waarborg's own unless the policy declares a system of that id. */
    public String systemName(String id) {
        return names.getOrDefault("system:" + id, id);
    }

    /** A source's name; null for null. */
    public String sourceName(String id) {
        return id == null ? null : names.getOrDefault("source:" + id, id);
    }

    /**
     * The context for one person: {@code categoriesHeld}, the data categories of their items; {@code
     * subjectCategories}, the subject categories they are in (empty: not known, then no purpose is left out for its
     * subject categories: leaving out a purpose that applies would hide it, Art. 15(1)(a)).
     */
    public static AccessContext of(Policy policy, Lang lang, Set<String> categoriesHeld, Set<String> subjectCategories) {
        return new Builder(policy, lang, categoriesHeld, subjectCategories).build();
    }

    /** Derives the context; one per call. */
    private static final class Builder {
        private final Policy policy;
        private final Lang lang;
        private final Phrases p;
        private final Set<String> held;
        private final Set<String> subjects;
        private final List<String> notDerived = new ArrayList<>();

        Builder(Policy policy, Lang lang, Set<String> held, Set<String> subjects) {
            this.policy = Objects.requireNonNull(policy, "policy");
            this.lang = Objects.requireNonNull(lang, "lang");
            this.p = Phrases.of(lang);
            this.held = held == null ? Set.of() : held;
            this.subjects = subjects == null ? Set.of() : subjects;
        }

        AccessContext build() {
            List<Policy.Purpose> used = policy.purposes().stream().filter(this::uses).toList();
            Map<String, String> names = new LinkedHashMap<>();
            policy.dataCategories().forEach(d -> names.put("category:" + d.id(), name(d.name(), d.id())));
            names.put("system:vault", AnswerWords.of(lang).text("source.vault"));
            policy.systems().forEach(s -> names.put("system:" + s.id(), name(s.name(), s.id())));
            policy.sources().forEach(s -> names.put("source:" + s.id(), name(s.name(), s.id())));
            String controller = policy.controller() == null ? null : policy.controller().name();
            return new AccessContext(lang, controller, categories(), purposes(used), recipients(used), sources(used),
                    automated(used), transfers(used), transfersNone(used), rights(used), complaint(), names, List.of(),
                    notDerived);
        }

        /** A purpose uses the person's data: it processes a category they hold, for a subject category they are in. */
        private boolean uses(Policy.Purpose x) {
            boolean data = x.data().stream().anyMatch(held::contains);
            boolean subject = subjects.isEmpty() || x.subjects().isEmpty() || x.subjects().stream().anyMatch(subjects::contains);
            return data && subject;
        }

        private List<Category> categories() {
            RetentionWording wording = new RetentionWording(policy, lang);
            List<String> ids = new ArrayList<>();
            policy.dataCategories().stream().map(Policy.DataCategory::id).filter(held::contains).forEach(ids::add);
            new TreeSet<>(held).stream().filter(id -> !ids.contains(id)).forEach(id -> {
                ids.add(id);
                notDerived.add("category-not-declared:" + id);
            });
            List<Category> out = new ArrayList<>();
            for (String id : ids) {
                String name = policy.dataCategory(id).map(d -> name(d.name(), id)).orElse(id);
                List<RetentionWording.Row> rows = wording.covering(id, subjects);
                if (rows.isEmpty()) {
                    notDerived.add("retention-not-declared:" + id);
                }
                out.add(new Category(id, name, rows));
            }
            return out;
        }

        private List<PurposeUse> purposes(List<Policy.Purpose> used) {
            List<PurposeUse> out = new ArrayList<>();
            for (Policy.Purpose x : used) {
                LegalBasis b = x.basis();
                if (b == null) {
                    notDerived.add("legal-basis-missing:" + x.id());
                }
                // the policy's own words, introduced as the statement introduces them
                String interest = b == LegalBasis.LEGITIMATE_INTEREST && !t(x.interest()).isEmpty()
                        ? Words.sentence(p.ourInterest(t(x.interest()))) : null;
                String law = t(x.law()).isEmpty() ? null : Words.sentence(p.law(t(x.law())));
                out.add(new PurposeUse(x.id(), name(x.name(), x.id()), b == null ? null : b.term(),
                        b == null ? null : p.basisName(b), b == null ? null : p.basisArticle(b),
                        b == null ? null : p.basisExplained(b), interest, law,
                        x.data().stream().filter(held::contains).toList(), x.recipients()));
            }
            return out;
        }

        private List<RecipientShare> recipients(List<Policy.Purpose> used) {
            Set<String> ids = new LinkedHashSet<>();
            used.forEach(x -> ids.addAll(x.recipients()));
            List<RecipientShare> out = new ArrayList<>();
            for (Policy.Recipient r : policy.recipients()) {
                if (ids.contains(r.id())) {
                    if (r.countries().isEmpty()) {
                        notDerived.add("recipient-countries-missing:" + r.id());
                    }
                    out.add(new RecipientShare(r.id(), name(r.name(), r.id()),
                            r.role() == null ? null : p.roleInStatement(r.role()),
                            r.countries().stream().map(p::country).toList(), r.outsideEea()));
                }
            }
            return out;
        }

        /** Art. 15(1)(g): the declared sources other than the person; a purpose that declares none is reported. */
        private List<Origin> sources(List<Policy.Purpose> used) {
            Set<String> ids = new LinkedHashSet<>();
            for (Policy.Purpose x : used) {
                if (x.sources().isEmpty()) {
                    notDerived.add("sources-not-declared:" + x.id());
                }
                x.sources().stream().filter(s -> !PERSON_SOURCES.contains(s)).forEach(ids::add);
            }
            return policy.sources().stream().filter(s -> ids.contains(s.id()))
                    .map(s -> new Origin(s.id(), name(s.name(), s.id()))).toList();
        }

        /**
         * Art. 15(1)(h): the purposes that declare an automated decision or profiling, with the logic and significance
         * in the policy's words. The format declares both per purpose (default: none), and the statement says "none"
         * from the same flags; so does this, for the person's purposes.
         */
        private List<String> automated(List<Policy.Purpose> used) {
            List<String> out = new ArrayList<>();
            List<Policy.Purpose> decisions = used.stream().filter(Policy.Purpose::automatedDecision).toList();
            List<Policy.Purpose> profiling = used.stream().filter(Policy.Purpose::profiling).toList();
            AnswerWords words = AnswerWords.of(lang);
            if (decisions.isEmpty()) {
                out.add(words.text("automated.none"));
            }
            if (profiling.isEmpty()) {
                out.add(words.text("profiling.none"));
            }
            for (Policy.Purpose x : decisions) {
                String significance = t(x.automatedSignificance());
                if (t(x.automatedLogic()).isEmpty()) {
                    notDerived.add("automated-logic-missing:" + x.id());
                }
                out.add(p.automatedDecision(name(x.name(), x.id())) + logic(x)
                        + (significance.isEmpty() ? "" : " " + Words.sentence(p.automatedSignificance(significance)))
                        + " " + p.automatedDecisionRights());
            }
            for (Policy.Purpose x : profiling) {
                out.add(p.profiling(name(x.name(), x.id())) + (x.automatedDecision() ? "" : logic(x)));
            }
            return out;
        }

        private String logic(Policy.Purpose x) {
            String l = t(x.automatedLogic());
            return l.isEmpty() ? "" : " " + Words.sentence(l);
        }

        /** Art. 15(2): the recipients of the person's purposes and the systems their data is kept in. */
        private List<TransferWording.Group> transfers(List<Policy.Purpose> used) {
            TransferWording wording = new TransferWording(policy, lang);
            return wording.groups(wording.outside(recipientsOf(used), systemsOf(used)));
        }

        /** None outside the EEA, said only when every recipient and system concerned names its countries. */
        private boolean transfersNone(List<Policy.Purpose> used) {
            List<Policy.Recipient> rs = recipientsOf(used);
            List<Policy.DataSystem> ss = systemsOf(used);
            ss.stream().filter(s -> s.countries().isEmpty()).forEach(s -> notDerived.add("system-countries-missing:" + s.id()));
            return rs.stream().noneMatch(r -> r.countries().isEmpty() || r.outsideEea())
                    && ss.stream().noneMatch(s -> s.countries().isEmpty() || s.outsideEea());
        }

        private List<Policy.Recipient> recipientsOf(List<Policy.Purpose> used) {
            Set<String> ids = new LinkedHashSet<>();
            used.forEach(x -> ids.addAll(x.recipients()));
            return policy.recipients().stream().filter(r -> ids.contains(r.id())).toList();
        }

        private List<Policy.DataSystem> systemsOf(List<Policy.Purpose> used) {
            Set<String> ids = new LinkedHashSet<>();
            used.forEach(x -> ids.addAll(x.systems()));
            return policy.systems().stream().filter(s -> ids.contains(s.id())).toList();
        }

        /**
         * Art. 15(1)(e): rectification (16), erasure (17), restriction (18), objection (21), in the statement's words;
         * objection with the person's purposes it applies to.
         */
        private List<Right> rights(List<Policy.Purpose> used) {
            AnswerWords words = AnswerWords.of(lang);
            List<String> objectable = used.stream().filter(x -> x.objectable() || x.directMarketing())
                    .map(x -> name(x.name(), x.id())).toList();
            return List.of(
                    new Right("rectification", words.text("article.rectification"), p.rRectification(), p.rRectificationText()),
                    new Right("erasure", words.text("article.erasure"), p.rErasure(), p.rErasureText()),
                    new Right("restriction", words.text("article.restriction"), p.rRestriction(), p.rRestrictionText()),
                    new Right("objection", words.text("article.objection"), p.rObjection(), p.rObjectionText() + " "
                            + (objectable.isEmpty() ? p.objectionAppliesToNothing() : p.appliesTo(p.list(objectable)))));
        }

        private Complaint complaint() {
            Policy.Authority a = policy.controller() == null ? null : policy.controller().authority();
            if (a == null || a.name() == null || a.name().isBlank()) {
                notDerived.add("authority-missing");
                return null;
            }
            return new Complaint(a.name().strip(), blankToNull(a.url()), blankToNull(a.phone()), blankToNull(a.address()));
        }

        private String t(Text text) {
            return text == null ? "" : text.in(lang).strip();
        }

        private String name(Text text, String id) {
            String n = t(text);
            return n.isEmpty() ? id : n;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
