package nl.waarborg.policy;

import java.util.List;
import java.util.Optional;

/**
 * One organisation's declared processing: the single source of truth from which the statement, the
 * register, decisions and due dates are derived. Immutable; built by {@link PolicyLoader}.
 */
public record Policy(
        int format,
        Statement statement,
        Controller controller,
        List<Role> roles,
        List<SubjectCategory> subjectCategories,
        List<DataCategory> dataCategories,
        List<Source> sources,
        List<LifecycleEvent> lifecycleEvents,
        List<Purpose> purposes,
        List<RetentionRule> retention,
        List<Recipient> recipients,
        List<DataSystem> systems,
        Transfers transfers,
        Rights rights,
        Minors minors,
        Security security,
        Recording recording,
        List<ItemDate> itemDates,
        List<HoldDeclaration> holdKinds,
        List<ProcessorActivity> asProcessor) {

    public Optional<ItemDate> itemDate(String id) {
        return itemDates.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public Optional<DataCategory> dataCategory(String id) {
        return dataCategories.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public Optional<SubjectCategory> subjectCategory(String id) {
        return subjectCategories.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public Optional<Purpose> purpose(String id) {
        return purposes.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public Optional<Recipient> recipient(String id) {
        return recipients.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public Optional<Source> source(String id) {
        return sources.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public Optional<DataSystem> system(String id) {
        return systems.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public Optional<LifecycleEvent> lifecycleEvent(String id) {
        return lifecycleEvents.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** The declaration of a hold kind (top-level {@code holds:}); empty when the policy does not declare it. */
    public Optional<HoldDeclaration> holdKind(HoldKind kind) {
        return holdKinds.stream().filter(h -> h.kind() == kind).findFirst();
    }

    /**
     * Whether an application (an API key) may place a hold of this kind: as the policy's {@code holds:} declares
     * ({@code applications: true}). A policy that declares no hold kinds keeps the behaviour from before the
     * declaration: applications place incident holds only.
     */
    public boolean applicationsMayHold(HoldKind kind) {
        if (holdKinds.isEmpty()) {
            return kind == HoldKind.INCIDENT;
        }
        return holdKind(kind).map(HoldDeclaration::applications).orElse(false);
    }

    public Optional<RetentionRule> retentionRule(String id) {
        return retention.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public Optional<Role> role(String id) {
        return roles.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** Version and date of the statement, and the versions it replaced (R1.10). */
    public record Statement(String version, java.time.LocalDate effective, List<Lang> languages, Text changes,
                            List<PreviousVersion> previous) {}

    public record PreviousVersion(String version, java.time.LocalDate effective, String url) {}

    /**
     * Who is responsible (R1.1). {@code registration} null when not given; {@code publicAuthority}: a public body, which
     * cannot rely on legitimate interest for its public tasks (Art. 6(1), last sentence, GDPR).
     */
    public record Controller(String name, Registration registration, Address address, Contact contact, Dpo dpo,
                             Authority authority, boolean publicAuthority, Representative representative) {

        /** The controller's country: its address's, the Netherlands when none is given. */
        public String country() {
            return Address.countryOf(address);
        }
    }

    /** The controller's entry in a public register (KvK, KBO, …) and its number as written. */
    public record Registration(RegistrationKind kind, String number) {}

    public record Address(String street, String postcode, String city, String country) {

        /** The country of an address, the Netherlands when there is no address or it names none. */
        public static String countryOf(Address address) {
            return address == null || address.country() == null ? "NL" : address.country();
        }
    }

    public record Contact(String email, String phone, String web) {}

    /**
     * The representative in the Union of a controller (or processor) established outside it (Art. 27 GDPR), named in
     * the statement (Art. 13(1)(a)) and the register (Art. 30(1)(a)). {@code address} on one line; all but name optional.
     */
    public record Representative(String name, String address, String email, String phone) {}

    /** The data protection officer (FG); optional. */
    public record Dpo(String name, String email, String phone) {}

    /**
     * The supervisory authority complaints go to (R3.8); by default that of the controller's country
     * ({@link MemberStates}). {@code address} is a postal address on one line, or null.
     */
    public record Authority(String name, String url, String phone, String address) {}

    /** A staff or integration role that purposes grant access to (R6.1). */
    public record Role(String id, Text name) {}

    /** {@code relation}: what the category is to the organisation where the law treats it apart; null when not said. */
    public record SubjectCategory(String id, Text name, Text description, SubjectRelation relation) {}

    /** A personal-data category with its protection flags (R1.3). {@code dpv} is a W3C DPV pd: term or null. */
    public record DataCategory(String id, Text name, String dpv, boolean special, boolean criminal,
                               boolean nationalId, boolean children) {

        public boolean needsExtraProtection() {
            return special || criminal || nationalId || children;
        }
    }

    /** Where data comes from (R1.4); {@code requiresConsent} for data from third parties the subject agreed to. */
    public record Source(String id, Text name, boolean requiresConsent) {}

    /** A named moment in a subject's relationship that retention periods can start from. */
    public record LifecycleEvent(String id, Text name) {}

    /**
     * A date an item carries of its own (an invoice's date), which a retention period can start from: items of the
     * {@code data} categories are stored with it (docs/policy-format.md, "Item dates").
     */
    public record ItemDate(String id, Text name, List<String> data) {}

    /**
     * Why data is processed (R1.5), on which basis (R1.6), by whom and with whom it is shared. A non-empty
     * {@code archive} makes it an archive purpose (R2.7): its data is only kept, and used for nothing but
     * those uses.
     */
    public record Purpose(
            String id,
            Text name,
            Text description,
            LegalBasis basis,
            Text interest,
            Text balancing,
            Text law,
            Art9Condition art9,
            boolean directMarketing,
            boolean profiling,
            boolean automatedDecision,
            Text automatedLogic,
            boolean withdrawable,
            boolean objectable,
            List<ArchiveUse> archive,
            List<String> roles,
            List<String> subjects,
            List<String> data,
            List<String> sources,
            List<String> recipients,
            List<String> systems,
            List<String> compatibleWith,
            List<String> recordsEvents,
            List<String> joinsSubjectCategories,
            boolean outsidePublicTasks,
            Provision provision,
            Text automatedSignificance,
            boolean largeScale,
            boolean systematicMonitoring,
            java.time.LocalDate dpia,
            List<MarketingChannel> marketingChannels,
            List<CookieKind> cookies,
            Text freeChoice) {

        /** Whether the purpose only keeps data in an archive (R2.7). Not isArchive(): bean-style JSON would read that as a second `archive`. */
        public boolean archiveOnly() {
            return !archive.isEmpty();
        }
    }

    /**
     * Whether a person must provide a purpose's data and what happens if they do not (Art. 13(2)(e) GDPR):
     * {@code consequence} in the organisation's words, or null.
     */
    public record Provision(ProvisionRequirement requirement, Text consequence) {}

    /**
     * A processing activity the organisation carries out as a processor, on behalf of another controller: what its
     * own register must list per controller (Art. 30(2) GDPR). The processor's own name, contact details, DPO and
     * security measures are those of the policy's {@code controller} and {@code security}.
     */
    public record ProcessorActivity(String id, String controllerName, String controllerContact,
                                    Representative controllerRepresentative, Text processing, List<String> countries,
                                    Safeguard safeguard, List<String> systems) {}

    /**
     * When data of a scope must go (R2). See docs/policy-format.md for how rules combine. {@code round}: the start is
     * moved to the calendar (the first of January after the year of the event); null: counted from the start itself.
     */
    public record RetentionRule(
            String id,
            Text description,
            List<String> data,
            List<String> subjects,
            List<String> purposes,
            RetentionPeriod period,
            RetentionStart start,
            EndAction end,
            List<Hold> holds,
            List<String> supersededBy,
            String whileConsent,
            CalendarRounding round) {

        /**
         * Whether the rule governs only while the subject's consent for a purpose stands ({@code while-consent}):
         * given, not withdrawn, not expired. Without it the other rules decide alone (docs/policy-format.md, 4.10).
         */
        public boolean consentBound() {
            return whileConsent != null;
        }

        /** Whether the rule covers data of that category, held for that subject category and purpose (null: any). */
        public boolean covers(String dataCategory, String subjectCategory, String purpose) {
            return covers(dataCategory, subjectCategory == null ? null : List.of(subjectCategory),
                    purpose == null ? null : List.of(purpose));
        }

        /**
         * The one place where a rule's lists are matched (docs/policy-format.md, section 5): the rule covers data of
         * that category held for any of the subject categories and any of the purposes; a list the rule leaves
         * empty matches everything, a null argument means "not known here" and matches too. Whether a later
         * category supersedes the rule is the caller's question ({@link #supersededBy}).
         */
        public boolean covers(String dataCategory, java.util.Collection<String> subjectCategories,
                              java.util.Collection<String> itemPurposes) {
            return (data.isEmpty() || data.contains(dataCategory))
                    && (subjects.isEmpty() || subjectCategories == null || subjectCategories.stream().anyMatch(subjects::contains))
                    && (purposes.isEmpty() || itemPurposes == null || itemPurposes.stream().anyMatch(purposes::contains));
        }
    }

    /** A hold extends retention while it is active, up to {@code max} counted from the rule's start. */
    public record Hold(HoldKind kind, RetentionPeriod max) {}

    /**
     * A kind of hold the organisation places (R2.4): the longest it may keep data, counted from the start of the
     * rule it extends ({@code max}, a concrete period), the organisation's own name for it (optional), and
     * whether applications (API keys) may place it; otherwise only staff do.
     */
    public record HoldDeclaration(HoldKind kind, RetentionPeriod max, Text name, boolean applications) {}

    /**
     * Who receives data (R1.7). {@code arrangement}: for a joint controller, the essence of the Art. 26 arrangement
     * that is made available to subjects (Art. 26(2)); {@code dpfCertified}: a recipient in the United States certified
     * under the EU-US Data Privacy Framework, the only US recipients the adequacy decision of 10 July 2023 covers.
     */
    public record Recipient(
            String id,
            Text name,
            Text description,
            RecipientRole role,
            List<String> countries,
            Safeguard safeguard,
            java.time.LocalDate transferAssessment,
            java.time.LocalDate processingAgreement,
            boolean pseudonymisedOnly,
            Text arrangement,
            boolean dpfCertified) {

        public boolean outsideEea() {
            return countries.stream().anyMatch(c -> !Eea.contains(c));
        }
    }

    /**
     * A place where personal data lives (design.md: System). Stored outside the EEA, it is a transfer: {@code safeguard}
     * and {@code transferAssessment} as for a recipient (Chapter V GDPR); null when not given. {@code dpfCertified}: run
     * in the United States by an organisation certified under the Data Privacy Framework, as for a recipient.
     */
    public record DataSystem(String id, Text name, String owner, Connector connector, List<String> countries,
                             Safeguard safeguard, java.time.LocalDate transferAssessment, boolean dpfCertified,
                             JdbcMapping jdbc, WebhookTarget webhook) {

        public boolean outsideEea() {
            return countries.stream().anyMatch(c -> !Eea.contains(c));
        }
    }

    /**
     * Where a connection setting comes from: exactly one of a literal {@code value} (never for a password or a
     * webhook secret), an environment variable {@code env}, or a {@code file} in the data folder that only the
     * service's user may read. The policy names secrets; it never holds them.
     */
    public record Setting(String value, String env, String file) {

        /** How it reads in a message: the variable or file, never a value. */
        public String describe() {
            return env != null ? "environment variable " + env : file != null ? "file " + file : "the policy's value";
        }
    }

    /**
     * How Waarborg reaches a {@code jdbc} system (issue 15): the JDBC URL (PostgreSQL or MariaDB/MySQL), the user and
     * password, and the mapping of the organisation's tables to subjects and data categories.
     */
    public record JdbcMapping(Setting url, Setting user, Setting password, List<MappedTable> tables) {

        public java.util.Optional<MappedTable> table(String name) {
            return tables.stream().filter(t -> t.table().equals(name)).findFirst();
        }
    }

    /**
     * One table of a jdbc system. A row belongs to a subject through {@code subject} (a column holding a reference of
     * a scheme, or an e-mail address or phone number) or, for a child table, through {@code parent} (its foreign key
     * to a mapped table). {@code columns}: column name to data category id, or {@link #NOT_PERSONAL}.
     * {@code collectedAt}: the column retention counts from for rules starting at collection; {@code events}: the
     * column holding the moment of each lifecycle event (null while it has not happened). {@code subjectCategories}:
     * whose rows the table holds (empty: any), for the retention rules' subject scope; {@code subjectCategory}: a
     * column that says it per row (null: none). {@code itemDates}: the column holding each of the policy's item dates
     * (an invoice's own date), for rules that start at it.
     */
    public record MappedTable(String table, List<String> key, SubjectLink subject, ParentLink parent,
                              java.util.Map<String, String> columns, String collectedAt,
                              java.util.Map<String, String> events, TableErase erase, List<String> subjectCategories,
                              SubjectCategoryColumn subjectCategory, java.util.Map<String, String> itemDates) {

        /** A table without a per-row subject category or item dates. */
        public MappedTable(String table, List<String> key, SubjectLink subject, ParentLink parent,
                           java.util.Map<String, String> columns, String collectedAt,
                           java.util.Map<String, String> events, TableErase erase, List<String> subjectCategories) {
            this(table, key, subject, parent, columns, collectedAt, events, erase, subjectCategories, null,
                    java.util.Map.of());
        }

        public static final String NOT_PERSONAL = "not-personal";

        /** The columns that hold personal data of a category. */
        public List<String> personalColumns() {
            return columns.entrySet().stream().filter(e -> !NOT_PERSONAL.equals(e.getValue()))
                    .map(java.util.Map.Entry::getKey).toList();
        }
    }

    /** How a row names its subject: a reference of {@code scheme}, or an identifier of {@code kind}, in {@code column}. */
    public record SubjectLink(LinkKind kind, String scheme, String column) {}

    /**
     * The column of a mapped table that says per row whose row it is: {@code values} maps what the column holds to a
     * subject-category id (empty: the column holds the ids themselves).
     */
    public record SubjectCategoryColumn(String column, java.util.Map<String, String> values) {}

    /** A child table's foreign key ({@code columns}, in the order of the parent's key) to its parent table. */
    public record ParentLink(String table, List<String> columns) {}

    /**
     * How Waarborg reaches a {@code webhook} system: the URL it posts operations to, and the secret that signs them
     * (Standard Webhooks: HMAC-SHA256), named as an environment variable or file.
     */
    public record WebhookTarget(String url, Setting secret) {}

    /** The declared stance on transfers outside the EEA (R1.8). */
    public record Transfers(TransferStance stance, Text note) {}

    /**
     * How subjects exercise their rights (R3, R4). Periods as ISO-8601 (P4W, P1M, P2M).
     * {@code refuseAnonymisedRemainder}: subjects may say in advance that nothing anonymised is kept of
     * them either (R2.6); the policy declares the offer, each subject's choice is a fact about that subject.
     * {@code requestRecords}: how long the record of a closed request is kept (null: not said); the sweep deletes it
     * then (docs/requests.md).
     */
    public record Rights(
            RetentionPeriod responseTime,
            RetentionPeriod extension,
            List<IdentityMethod> identityVerification,
            List<Channel> channels,
            boolean freeOfCharge,
            boolean refuseAnonymisedRemainder,
            RetentionPeriod requestRecords) {}

    /**
     * What applications (API keys, not staff) may record about the past: a lifecycle event or a joining of a
     * subject category at most {@code backDatingLimit} before now. A back-dated event can make data due at once
     * (contract ended in 2001: delete now); only staff may record further back. And how far ahead of now an item's
     * reference date may lie ({@code itemDateAheadLimit}): a period that starts at an invoice dated 9999 would keep
     * the invoice for thousands of years.
     */
    public record Recording(RetentionPeriod backDatingLimit, RetentionPeriod itemDateAheadLimit) {

        /** Seven days back; item dates at most a year ahead. */
        public static final Recording DEFAULT = new Recording(RetentionPeriod.parse("P7D"), RetentionPeriod.parse("P1Y"));
    }

    /** R1.11: subjects under the threshold only with parental consent. */
    public record Minors(int ageThreshold, boolean parentalConsent) {}

    /** R6: organisational measures stated in the statement. */
    public record Security(boolean confidentialityAgreements, boolean needToKnow, List<String> dataCentreCountries,
                           Text measures) {}
}
