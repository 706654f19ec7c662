package nl.waarborg.documents;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.waarborg.policy.EndAction;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.Policy.DataCategory;
import nl.waarborg.policy.Policy.Hold;
import nl.waarborg.policy.Policy.Purpose;
import nl.waarborg.policy.Policy.RetentionRule;
import nl.waarborg.policy.RetentionPeriod;
import nl.waarborg.policy.RetentionStart;
import nl.waarborg.policy.Text;

/** Policy facts put into words with a {@link Phrases}; shared by the statement, the register and a request's answer. */
public final class Words {

    private static final Pattern ISO = Pattern.compile("P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)W)?(?:(\\d+)D)?",
            Pattern.CASE_INSENSITIVE);

    final Policy policy;
    final Phrases p;
    final Lang lang;

    Words(Policy policy, Phrases phrases) {
        this.policy = policy;
        this.p = phrases;
        this.lang = phrases.lang();
    }

    /** A policy text in this language (falling back to the other); empty for null. */
    String t(Text text) {
        return text == null ? "" : text.in(lang).strip();
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The text with one final full stop (or other closing punctuation). */
    public static String sentence(String s) {
        String x = s == null ? "" : s.strip();
        if (x.isEmpty()) {
            return x;
        }
        char last = x.charAt(x.length() - 1);
        return last == '.' || last == '!' || last == '?' ? x : x + ".";
    }

    /**
     * A name as it reads inside a sentence: "Einde van de overeenkomst" becomes "einde van de overeenkomst",
     * while names whose first word holds more capitals or digits ("KvK-nummer", "AI-assistent", "IP-adres")
     * are left alone.
     */
    String inSentence(String name) {
        if (name == null || name.length() < 2) {
            return name;
        }
        int space = name.indexOf(' ');
        String word = space < 0 ? name : name.substring(0, space);
        if (!Character.isUpperCase(word.charAt(0)) || word.length() < 2) {
            return name;
        }
        for (int i = 1; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isUpperCase(c) || Character.isDigit(c)) {
                return name;
            }
        }
        return word.substring(0, 1).toLowerCase(p.locale()) + name.substring(1);
    }

    /** A list of names in running text: the first as written, the others as they read inside a sentence. */
    String listInSentence(List<String> names) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            out.add(i == 0 ? names.get(i) : inSentence(names.get(i)));
        }
        return p.list(out);
    }

    /**
     * A list of names after a colon or a label inside a sentence: every name as it reads inside a sentence, the first
     * too ("Dit geldt voor: cameratoezicht en nieuwsbrief"), since no full sentence follows (Taalunie).
     */
    String listAfterColon(List<String> names) {
        return p.list(names.stream().map(this::afterColon).map(Words::withoutColon).toList());
    }

    /**
     * A list item that holds a colon reads as the start of another list ("huurgegevens: nummer, huurstatus en
     * bezoeklogboek: datum"); its explanation goes between brackets instead: "huurgegevens (nummer, huurstatus)".
     */
    static String withoutColon(String item) {
        int at = item.indexOf(": ");
        return at <= 0 ? item : item.substring(0, at) + " (" + item.substring(at + 2).strip() + ")";
    }

    /** {@link #inSentence}, and the English article "A" too ("a third party that…"). */
    private String afterColon(String name) {
        if (lang == Lang.EN && name != null && name.startsWith("A ")) {
            return "a" + name.substring(1);
        }
        return inSentence(name);
    }

    /**
     * Recipients' names after a label or colon, as {@link #listAfterColon}, except names of organisations themselves:
     * "Google (…)", "Belastingdienst" stay as written (see {@link #properName}).
     */
    String recipientsAfterColon(List<String> ids) {
        return p.list(ids.stream().map(id -> policy.recipient(id).map(r -> nameInSentence(r.name(), id)).orElse(id))
                .toList());
    }

    /** A recipient's or system's name inside a sentence: lower-cased unless it is an organisation's own name. */
    String nameInSentence(Text name, String id) {
        String n = t(name);
        return n.isEmpty() ? id : properName(name) ? n : afterColon(n);
    }

    private static final Pattern TITLE_WORD = Pattern.compile("\\s\\p{Lu}\\p{Ll}");

    /**
     * Whether a recipient's name is the name of an organisation, not a description: its first word is the same in
     * Dutch and English ("Google (analytische cookies…)" / "Google (analytics cookies…)"), or one language writes a
     * later word with a capital ("Tax Administration"). Such a name keeps its capital inside a sentence.
     */
    static boolean properName(Text name) {
        if (name == null || blank(name.nl()) || blank(name.en())) {
            return false;
        }
        String nl = name.nl().strip();
        String en = name.en().strip();
        return nl.split("\\s+")[0].equals(en.split("\\s+")[0]) || TITLE_WORD.matcher(nl).find()
                || TITLE_WORD.matcher(en).find();
    }

    /** A period in words: P7D → "7 dagen"/"7 days", P160W → "160 weken", P1Y6M → "1 jaar en 6 maanden". */
    String duration(RetentionPeriod period) {
        if (period == null) {
            return p.notDeclared();
        }
        Matcher m = ISO.matcher(period.raw() == null ? "" : period.raw().strip());
        if (!m.matches() || period.raw().strip().length() < 3) {
            return period.raw();
        }
        List<String> parts = new ArrayList<>();
        char[] units = {'Y', 'M', 'W', 'D'};
        for (int i = 0; i < units.length; i++) {
            if (m.group(i + 1) != null) {
                long n = Long.parseLong(m.group(i + 1));
                if (n != 0) {
                    parts.add(p.duration(n, units[i]));
                }
            }
        }
        return parts.isEmpty() ? period.raw() : p.list(parts);
    }

    /** From when a rule's period counts, in words. */
    String start(RetentionStart start) {
        if (start instanceof RetentionStart.AfterEvents(List<String> events) && !events.isEmpty()) {
            List<String> names = eventNames(events);
            return names.size() == 1 ? p.startEvent(names.get(0)) : p.startLatest(names);
        }
        return p.startCollection();
    }

    /**
     * From when a rule's period counts, in words, with a date of the item itself and a rounding to the calendar:
     * "vanaf 1 januari na het jaar van de factuurdatum".
     */
    String start(RetentionRule rule) {
        if (rule.round() != null) {
            return p.startAt(p.rounded(rule.round(), anchor(rule.start())));
        }
        if (rule.start() instanceof RetentionStart.AtItemDate) {
            return p.startAt(anchor(rule.start()));
        }
        return start(rule.start());
    }

    /** The moment a start names, as a noun phrase: "het einde van het contract", "de factuurdatum". */
    private String anchor(RetentionStart start) {
        return switch (start) {
            case RetentionStart.AtCollection c -> p.anchorCollection();
            case RetentionStart.AfterEvents(List<String> events) -> events.isEmpty() ? p.anchorCollection()
                    : events.size() == 1 ? eventNames(events).get(0) : p.anchorLatest(eventNames(events));
            case RetentionStart.AtItemDate(String date) -> policy.itemDate(date)
                    .map(d -> inSentence(t(d.name()))).filter(x -> !x.isBlank()).orElse(date);
        };
    }

    /**
     * Whether the rule keeps data until a moment and not beyond it (a zero period from a lifecycle event, an item's
     * own date, or a start rounded forward: "until the end of the year of the last visit").
     */
    static boolean untilEvent(RetentionRule rule) {
        return rule.period() != null && rule.period().isZero()
                && (rule.start() instanceof RetentionStart.AfterEvents(List<String> events) && !events.isEmpty()
                    || rule.start() instanceof RetentionStart.AtItemDate
                    || rule.round() != null && rule.round().forward());
    }

    /** How long a rule keeps data: its period, or "until the end of the contract" for a zero period from an event. */
    String howLong(RetentionRule rule) {
        if (untilEvent(rule) && (rule.round() != null || rule.start() instanceof RetentionStart.AtItemDate)) {
            String anchor = anchor(rule.start());
            return p.untilEvent(rule.round() == null ? anchor : p.rounded(rule.round(), anchor));
        }
        if (untilEvent(rule) && rule.start() instanceof RetentionStart.AfterEvents(List<String> events)) {
            List<String> names = eventNames(events);
            return names.size() == 1 ? p.untilEvent(names.get(0)) : p.untilLatest(names);
        }
        return duration(rule.period());
    }

    private List<String> eventNames(List<String> events) {
        return events.stream()
                .map(e -> policy.lifecycleEvent(e).map(x -> inSentence(t(x.name()))).filter(s -> !s.isBlank()).orElse(e))
                .toList();
    }

    /** What an archive purpose's data may still be used for: "bij juridische procedures of voor statistiek". */
    String archiveUses(Purpose purpose) {
        return p.alternatives(purpose.archive().stream().map(p::archiveUse).toList());
    }

    String end(EndAction end) {
        return end == EndAction.ANONYMISE ? p.endAnonymise() : p.endDelete();
    }

    List<String> holds(RetentionRule rule) {
        return rule.holds().stream().map((Hold h) -> p.hold(h.kind(), h.max() == null ? null : duration(h.max()))).toList();
    }

    /** What a rule covers, for a reader: its description, else its data categories (and subject categories). */
    String what(RetentionRule rule) {
        if (rule.description() != null && !t(rule.description()).isEmpty()) {
            return t(rule.description());
        }
        // a rule scoped by purpose covers only the data held for those purposes, never "all data"
        List<String> purposes = purposeNamesOf(rule);
        String data = rule.data().isEmpty()
                ? (purposes.isEmpty() ? p.allData() : p.dataForPurposes(purposes))
                : listInSentence(dataNames(rule.data())) + (purposes.isEmpty() ? "" : " " + p.forPurposes(purposes));
        if (rule.subjects().isEmpty()) {
            return data;
        }
        return data + " (" + listInSentence(subjectNames(rule.subjects())) + ")";
    }

    /** "Gegevens voor het doel ‘Fiscale administratie’": the data a purpose-scoped rule covers. */
    String scopeOfPurposes(RetentionRule rule) {
        return p.dataForPurposes(purposeNamesOf(rule));
    }

    private List<String> purposeNamesOf(RetentionRule rule) {
        return rule.purposes().stream().map(this::purposeName).toList();
    }

    List<String> dataNames(List<String> ids) {
        return names(ids, policy::dataCategory, DataCategory::name);
    }

    List<String> subjectNames(List<String> ids) {
        return names(ids, policy::subjectCategory, Policy.SubjectCategory::name);
    }

    List<String> recipientNames(List<String> ids) {
        return names(ids, policy::recipient, Policy.Recipient::name);
    }

    List<String> sourceNames(List<String> ids) {
        return names(ids, policy::source, Policy.Source::name);
    }

    List<String> systemNames(List<String> ids) {
        return names(ids, policy::system, Policy.DataSystem::name);
    }

    List<String> roleNames(List<String> ids) {
        return names(ids, policy::role, Policy.Role::name);
    }

    List<String> purposeNames(List<Purpose> purposes) {
        return purposes.stream().map(this::name).toList();
    }

    /** A purpose's name by its id (the id where it is not declared). */
    String purposeName(String id) {
        return policy.purpose(id).map(this::name).orElse(id);
    }

    /**
     * Whether a rule that applies no longer than consent stands falls back on an ordinary rule that anonymises: one
     * for the same data (or all data) that ends in anonymising. Then the statement may not say only "deleted".
     */
    boolean ordinaryAnonymises(RetentionRule consentRule) {
        return policy.retention().stream().anyMatch(r -> !r.consentBound() && r.end() == EndAction.ANONYMISE
                && (r.data().isEmpty() || consentRule.data().isEmpty()
                || r.data().stream().anyMatch(consentRule.data()::contains)));
    }

    String name(Purpose purpose) {
        String n = t(purpose.name());
        return n.isEmpty() ? purpose.id() : n;
    }

    private <T> List<String> names(List<String> ids, Function<String, Optional<T>> find, Function<T, Text> name) {
        return ids.stream().map(id -> find.apply(id).map(x -> t(name.apply(x))).filter(s -> !s.isEmpty()).orElse(id))
                .toList();
    }

    /** The subject categories a purpose concerns; empty in the policy means every declared category. */
    List<String> subjectsOf(Purpose purpose) {
        return purpose.subjects().isEmpty()
                ? policy.subjectCategories().stream().map(Policy.SubjectCategory::id).toList()
                : purpose.subjects();
    }

    /**
     * The retention rules that govern some data of a purpose (semantics rule 1), including the rules that
     * take over once a subject converts (rule 2: a lead's quote data falls under the customer rules).
     */
    List<RetentionRule> rulesFor(Purpose purpose) {
        List<RetentionRule> out = new ArrayList<>();
        for (RetentionRule rule : policy.retention()) {
            if (!coveredData(rule, purpose).isEmpty()) {
                out.add(rule);
            }
        }
        return out;
    }

    /** The data categories of a purpose that a rule governs, directly or after a conversion. */
    List<String> coveredData(RetentionRule rule, Purpose purpose) {
        return purpose.data().stream()
                .filter(d -> covers(rule, d, purpose) || !convertedTo(rule, d, purpose).isEmpty())
                .toList();
    }

    /** The subject categories after whose joining (and only then) the rule governs this data of the purpose. */
    List<String> convertedTo(RetentionRule rule, String data, Purpose purpose) {
        if (covers(rule, data, purpose)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (RetentionRule first : policy.retention()) {
            if (first == rule || !covers(first, data, purpose)) {
                continue;
            }
            for (String to : first.supersededBy()) {
                boolean scope = (rule.data().isEmpty() || rule.data().contains(data))
                        && (rule.purposes().isEmpty() || rule.purposes().contains(purpose.id()))
                        && (rule.subjects().isEmpty() || rule.subjects().contains(to));
                if (scope && !rule.supersededBy().contains(to) && !out.contains(to)) {
                    out.add(to);
                }
            }
        }
        return out;
    }

    private boolean covers(RetentionRule rule, String data, Purpose purpose) {
        List<String> subjects = purpose.subjects().isEmpty() ? nullList() : purpose.subjects();
        return subjects.stream().anyMatch(s -> rule.covers(data, s, purpose.id()));
    }

    private static List<String> nullList() {
        List<String> any = new ArrayList<>();
        any.add(null);
        return any;
    }

    /** The flags that make a category extra protected, in words. */
    List<String> flags(DataCategory d) {
        List<String> out = new ArrayList<>();
        if (d.special()) {
            out.add(p.flagSpecial());
        }
        if (d.criminal()) {
            out.add(p.flagCriminal());
        }
        if (d.nationalId()) {
            out.add(p.flagNationalId());
        }
        if (d.children()) {
            out.add(p.flagChildren());
        }
        return out;
    }

    /** The purposes that list a recipient. */
    List<Purpose> purposesSharingWith(String recipient) {
        return policy.purposes().stream().filter(x -> x.recipients().contains(recipient)).toList();
    }

    /** One line of an address: "Havenweg 12, 1234 AB Rijswijk" (plus the country outside the Netherlands). */
    String address() {
        Policy.Address a = policy.controller() == null ? null : policy.controller().address();
        if (a == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (!blank(a.street())) {
            parts.add(a.street().strip());
        }
        String town = ((blank(a.postcode()) ? "" : a.postcode().strip() + " ") + (blank(a.city()) ? "" : a.city().strip())).strip();
        if (!town.isEmpty()) {
            parts.add(town);
        }
        if (!blank(a.country()) && !a.country().equalsIgnoreCase("NL")) {
            parts.add(p.country(a.country().strip()));
        }
        return String.join(", ", parts);
    }

    String controllerName() {
        return policy.controller() == null || blank(policy.controller().name()) ? "?" : policy.controller().name().strip();
    }

    static <T> List<T> distinct(List<T> xs) {
        Set<T> s = new LinkedHashSet<>(xs);
        return List.copyOf(s);
    }
}
