package nl.waarborg.policy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.waarborg.policy.ArchiveUse;
import nl.waarborg.policy.Art9Condition;
import nl.waarborg.policy.Channel;
import nl.waarborg.policy.Connector;
import nl.waarborg.policy.EndAction;
import nl.waarborg.policy.Finding;
import nl.waarborg.policy.HoldKind;
import nl.waarborg.policy.IdentityMethod;
import nl.waarborg.policy.Lang;
import nl.waarborg.policy.MemberStates;
import nl.waarborg.policy.LegalBasis;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.Policy.*;
import nl.waarborg.policy.Position;
import nl.waarborg.policy.RecipientRole;
import nl.waarborg.policy.RegistrationKind;
import nl.waarborg.policy.RetentionPeriod;
import nl.waarborg.policy.RetentionStart;
import nl.waarborg.policy.Safeguard;
import nl.waarborg.policy.TransferStance;
import nl.waarborg.policy.CookieKind;
import nl.waarborg.policy.MarketingChannel;
import nl.waarborg.policy.ProvisionRequirement;
import nl.waarborg.policy.SubjectRelation;
import nl.waarborg.policy.LinkKind;
import nl.waarborg.policy.TableErase;

/** Binds a {@link YamlNode} tree to a {@link Policy}, collecting every problem as a positioned finding. */
public final class PolicyBinder {

    public static final int FORMAT = 1;

    static final String SUBJECTS = "subject-categories";
    static final String DATA = "data-categories";
    static final String SOURCES = "sources";
    static final String EVENTS = "lifecycle-events";
    static final String PURPOSES = "purposes";
    static final String RECIPIENTS = "recipients";
    static final String SYSTEMS = "systems";
    static final String ROLES = "roles";
    static final String AS_PROCESSOR = "as-processor";
    static final String ITEM_DATES = "item-dates";

    private final BindContext ctx;
    /** The controller's country, once read: defaults elsewhere (age of digital consent) follow it. */
    private String country = "NL";
    private List<HoldDeclaration> declaredHolds = List.of();

    public PolicyBinder(List<Finding> findings) {
        this.ctx = new BindContext(findings);
    }

    public Map<String, Position> positions() {
        return ctx.positions();
    }

    /** The bound policy; meaningful only when no error finding was added. */
    public Policy bind(YamlNode root) {
        if (!(root instanceof YamlNode.Mapping m)) {
            ctx.error(root.at(), "wrong-type", "a policy is a mapping of sections (statement:, controller:, purposes:, ...), not "
                    + root.kind());
            return null;
        }
        MappingReader r = new MappingReader(m, "", ctx);
        Integer format = r.integer("waarborg", true);
        if (format != null && format != FORMAT) {
            ctx.error(r.node("waarborg", false).at(), "unknown-value", "this Waarborg reads policy format "
                    + FORMAT + "; write `waarborg: " + FORMAT + "`");
        }
        // the declared hold kinds first: a rule's hold without `max:` takes the declared maximum
        List<HoldDeclaration> holdKinds = holdDeclarations(r);
        declaredHolds = holdKinds;
        Policy policy = new Policy(
                format == null ? FORMAT : format,
                statement(r.mapping("statement", true)),
                controller(r.mapping("controller", true)),
                r.elements(ROLES, ROLES, false, e -> new Role(e.str("id", true), e.text("name", true))),
                r.elements(SUBJECTS, SUBJECTS, true, e -> new SubjectCategory(e.str("id", true),
                        e.text("name", true), e.text("description", false),
                        e.term("relation", SubjectRelation.class, false, null))),
                r.elements(DATA, DATA, true, this::dataCategory),
                r.elements(SOURCES, SOURCES, false, e -> new Source(e.str("id", true), e.text("name", true),
                        e.bool("requires-consent", false))),
                r.elements(EVENTS, EVENTS, false, e -> new LifecycleEvent(e.str("id", true), e.text("name", true))),
                r.elements(PURPOSES, PURPOSES, true, this::purpose),
                r.elements("retention", "retention", true, this::retentionRule),
                r.elements(RECIPIENTS, RECIPIENTS, false, this::recipient),
                r.elements(SYSTEMS, SYSTEMS, false, this::system),
                transfers(r.mapping("transfers", false)),
                rights(r.mapping("rights", true)),
                minors(r.mapping("minors", false)),
                security(r.mapping("security", false)),
                recording(r.mapping("recording", false)),
                r.elements(ITEM_DATES, ITEM_DATES, false, this::itemDate),
                holdKinds,
                r.elements(AS_PROCESSOR, AS_PROCESSOR, false, this::processorActivity));
        r.done();
        ctx.checkReferences();
        return policy;
    }

    private Statement statement(MappingReader r) {
        if (r == null) {
            return new Statement(null, null, List.of(Lang.NL, Lang.EN), null, List.of());
        }
        List<Lang> languages = new ArrayList<>();
        for (YamlNode n : r.items("languages")) {
            String v = r.scalar(n, "languages");
            try {
                if (v != null) {
                    languages.add(Lang.parse(v));
                }
            } catch (IllegalArgumentException e) {
                ctx.error(n.at(), "unknown-value", "Waarborg has no statement texts in `" + v + "`; it has "
                        + Lang.available());
            }
        }
        List<PreviousVersion> previous = new ArrayList<>();
        for (YamlNode n : r.items("previous")) {
            if (n instanceof YamlNode.Mapping pm) {
                MappingReader p = new MappingReader(pm, r.child("previous"), ctx);
                previous.add(new PreviousVersion(p.str("version", true), p.date("effective", true), p.str("url", false)));
                p.done();
            } else {
                ctx.error(n.at(), "wrong-type", "each previous version is a mapping with version:, effective: and url:");
            }
        }
        Statement s = new Statement(r.str("version", true), r.date("effective", true),
                languages.isEmpty() ? List.of(Lang.NL, Lang.EN) : List.copyOf(languages),
                r.text("changes", false), List.copyOf(previous));
        r.done();
        return s;
    }

    private Controller controller(MappingReader r) {
        if (r == null) {
            return null;
        }
        MappingReader a = r.mapping("address", true);
        Address address = null;
        if (a != null) {
            address = new Address(a.str("street", true), a.str("postcode", true), a.str("city", true),
                    orDefault(a.str("country", false), "NL").toUpperCase(java.util.Locale.ROOT));
            a.done();
        }
        MappingReader c = r.mapping("contact", true);
        Contact contact = null;
        if (c != null) {
            contact = new Contact(c.str("email", true), c.str("phone", false), c.str("web", false));
            c.done();
        }
        MappingReader d = r.mapping("dpo", false);
        Dpo dpo = null;
        if (d != null) {
            dpo = new Dpo(d.str("name", false), d.str("email", true), d.str("phone", false));
            d.done();
        }
        MappingReader au = r.mapping("authority", false);
        String country = Address.countryOf(address);
        // by default the authority of the controller's country; none where the country has no single one (lint says so)
        Authority authority = MemberStates.of(country).map(MemberStates.MemberState::authority).orElse(null);
        if (au != null) {
            authority = new Authority(au.str("name", true), au.str("url", false), au.str("phone", false),
                    au.str("address", false));
            au.done();
        }
        Controller result = new Controller(r.str("name", true), registration(r), address, contact, dpo, authority,
                r.bool("public-authority", false), representative(r.mapping("representative", false)));
        this.country = country;
        r.done();
        return result;
    }

    /** `representative: {name, address, email, phone}` (Art. 27 GDPR); null when not given. */
    private Representative representative(MappingReader r) {
        if (r == null) {
            return null;
        }
        Representative result = new Representative(r.str("name", true), r.str("address", false), r.str("email", false),
                r.str("phone", false));
        r.done();
        return result;
    }

    /** `registration: {kind, number}`, or the older `kvk: NUMBER` (a KvK registration); not both. */
    private Registration registration(MappingReader r) {
        YamlNode kvk = r.node("kvk", false);
        MappingReader reg = r.mapping("registration", false);
        if (kvk != null && reg != null) {
            ctx.error(kvk.at(), "wrong-type", "`kvk:` and `registration:` cannot both be given; write "
                    + "`registration: {kind: kvk, number: …}` only");
        }
        if (reg != null) {
            Registration result = new Registration(reg.term("kind", RegistrationKind.class, true, null),
                    reg.str("number", true));
            reg.done();
            return result;
        }
        String number = r.str("kvk", false);
        return number == null ? null : new Registration(RegistrationKind.KVK, number);
    }

    private DataCategory dataCategory(MappingReader r) {
        return new DataCategory(r.str("id", true), r.text("name", true), r.str("dpv", false),
                r.bool("special", false), r.bool("criminal", false), r.bool("national-id", false),
                r.bool("children", false));
    }

    private ItemDate itemDate(MappingReader r) {
        r.node("data-categories", true); // required: the categories whose items are stored with the date
        return new ItemDate(r.str("id", true), r.text("name", true), r.refs("data-categories", DATA));
    }

    private Purpose purpose(MappingReader r) {
        LegalBasis basis = r.term("legal-basis", LegalBasis.class, false, null); // absence is lint rule legal-basis-missing
        boolean directMarketing = r.bool("direct-marketing", false);
        Art9Condition art9 = r.term("art9-condition", Art9Condition.class, false, null);
        // explicit consent for special-category data can be withdrawn too, whatever the Art. 6 basis (Art. 7(3))
        boolean withdrawable = r.bool("withdrawable", basis == LegalBasis.CONSENT || art9 == Art9Condition.EXPLICIT_CONSENT);
        boolean objectable = r.bool("objectable", directMarketing
                || basis == LegalBasis.LEGITIMATE_INTEREST || basis == LegalBasis.PUBLIC_TASK);
        return new Purpose(
                r.str("id", true),
                r.text("name", true),
                r.text("description", false),
                basis,
                r.text("interest", false),
                r.text("balancing", false),
                r.text("law", false),
                art9,
                directMarketing,
                r.bool("profiling", false),
                r.bool("automated-decision", false),
                r.text("automated-logic", false),
                withdrawable,
                objectable,
                r.terms("archive", ArchiveUse.class).stream().distinct().toList(),
                r.refs("roles", ROLES),
                r.refs("subjects", SUBJECTS),
                r.refs("data", DATA),
                r.refs("sources", SOURCES),
                r.refs("recipients", RECIPIENTS),
                r.refs("systems", SYSTEMS),
                r.refs("compatible-with", PURPOSES),
                r.refs("records-events", EVENTS),
                r.refs("joins-subject-categories", SUBJECTS),
                r.bool("outside-public-tasks", false),
                provision(r.mapping("provision", false)),
                r.text("automated-significance", false),
                r.bool("large-scale", false),
                r.bool("systematic-monitoring", false),
                r.date("dpia", false),
                r.terms("marketing-channels", MarketingChannel.class).stream().distinct().toList(),
                r.terms("cookies", CookieKind.class).stream().distinct().toList(),
                r.text("free-choice", false));
    }

    /** `provision: {requirement, consequence}` (Art. 13(2)(e) GDPR); null when not given. */
    private Provision provision(MappingReader r) {
        if (r == null) {
            return null;
        }
        Provision result = new Provision(r.term("requirement", ProvisionRequirement.class, true, null),
                r.text("consequence", false));
        r.done();
        return result;
    }

    /** One entry of `as-processor:` (Art. 30(2) GDPR). */
    private ProcessorActivity processorActivity(MappingReader r) {
        MappingReader c = r.mapping("controller", true);
        String name = null;
        String contact = null;
        Representative representative = null;
        if (c != null) {
            name = c.str("name", true);
            contact = c.str("contact", true);
            representative = representative(c.mapping("representative", false));
            c.done();
        }
        return new ProcessorActivity(r.str("id", true), name, contact, representative, r.text("processing", true),
                countries(r, "countries"), r.term("safeguard", Safeguard.class, false, null), r.refs("systems", SYSTEMS));
    }

    private RetentionRule retentionRule(MappingReader r) {
        List<Hold> holds = new ArrayList<>();
        for (YamlNode n : r.items("holds")) {
            if (n instanceof YamlNode.Mapping hm) {
                MappingReader h = new MappingReader(hm, r.child("holds"), ctx);
                HoldKind kind = h.term("kind", HoldKind.class, true, HoldKind.INCIDENT);
                RetentionPeriod max = h.period("max", false);
                if (max == null) {
                    // with hold kinds declared every hold has a maximum: the kind's, unless the rule gives a shorter one
                    max = declaredHolds.stream().filter(d -> d.kind() == kind).map(HoldDeclaration::max)
                            .findFirst().orElse(null);
                }
                holds.add(new Hold(kind, max));
                h.done();
            } else {
                ctx.error(n.at(), "wrong-type", "each hold is a mapping like `{kind: incident, max: P28D}`");
            }
        }
        String id = r.str("id", true);
        nl.waarborg.policy.Text description = r.text("description", false);
        List<String> data = r.refs("data", DATA);
        List<String> subjects = r.refs("subjects", SUBJECTS);
        List<String> purposes = r.refs("purposes", PURPOSES);
        nl.waarborg.policy.RetentionPeriod period = r.period("period", true);
        Start start = start(r);
        return new RetentionRule(
                id,
                description,
                data,
                subjects,
                purposes,
                period,
                start.start(),
                r.term("end", EndAction.class, false, EndAction.DELETE),
                List.copyOf(holds),
                r.refs("superseded-by", SUBJECTS),
                r.ref("while-consent", PURPOSES),
                start.round());
    }

    /**
     * The top-level {@code holds:}: the kinds of hold the organisation places, each once, with a maximum (required:
     * a declared kind never keeps data open-ended) and whether applications may place it.
     */
    private List<HoldDeclaration> holdDeclarations(MappingReader r) {
        List<HoldDeclaration> out = new ArrayList<>();
        java.util.Set<HoldKind> seen = java.util.EnumSet.noneOf(HoldKind.class);
        int i = -1;
        for (YamlNode n : r.items("holds")) {
            i++;
            if (!(n instanceof YamlNode.Mapping hm)) {
                ctx.error(n.at(), "wrong-type", "each declared hold kind is a mapping like "
                        + "`{kind: incident, max: P28D, applications: true}`");
                continue;
            }
            MappingReader h = new MappingReader(hm, "holds." + i, ctx);
            HoldKind kind = h.term("kind", HoldKind.class, true, null);
            RetentionPeriod max = h.period("max", true);
            HoldDeclaration d = new HoldDeclaration(kind, max, h.text("name", false), h.bool("applications", false));
            h.done();
            if (kind == null) {
                continue;
            }
            if (!seen.add(kind)) {
                ctx.error(hm.at(), "duplicate-id", "hold kind `" + kind.term() + "` is declared twice in `holds`; "
                        + "declare each kind once");
                continue;
            }
            out.add(d);
        }
        return List.copyOf(out);
    }

    /** A rule's start as written, with its rounding to the calendar (null: none). */
    private record Start(RetentionStart start, nl.waarborg.policy.CalendarRounding round) {}

    /**
     * The written form {@code start: {after: EVENT|[EVENTS]|collection, round: WORD}} or {@code start: {item-date: ID,
     * round: WORD}}: the start and its rounding to the calendar. The plain forms (a scalar or a list) have no rounding.
     */
    private Start start(MappingReader r) {
        if (!(r.node("start", false) instanceof YamlNode.Mapping m)) {
            return new Start(startOf(r, "start"), null);
        }
        MappingReader s = new MappingReader(m, r.child("start"), ctx);
        YamlNode after = s.node("after", false);
        YamlNode itemDate = s.node("item-date", false);
        RetentionStart start = RetentionStart.COLLECTION;
        if (after != null && itemDate != null) {
            ctx.error(itemDate.at(), "wrong-type", "a start is either `after:` (collection or lifecycle events) or "
                    + "`item-date:`, not both");
        } else if (itemDate != null) {
            String id = s.scalar(itemDate, "item-date");
            if (id != null) {
                ctx.reference(ITEM_DATES, id, itemDate.at());
                start = new RetentionStart.AtItemDate(id);
            }
        } else if (after != null) {
            start = startOf(s, "after");
        } else {
            ctx.error(m.at(), "missing-key", "`start` written as a mapping needs `after:` (collection or lifecycle "
                    + "events) or `item-date:`, e.g. `{after: contract-ended, round: start-of-next-year}`");
        }
        Start result = new Start(start, s.term("round", nl.waarborg.policy.CalendarRounding.class, false, null));
        s.done();
        return result;
    }

    private RetentionStart startOf(MappingReader r, String key) {
        List<YamlNode> items = r.items(key);
        if (items.isEmpty()) {
            return RetentionStart.COLLECTION;
        }
        List<String> events = new ArrayList<>();
        for (YamlNode n : items) {
            String v = r.scalar(n, key);
            if (v == null) {
                continue;
            }
            if (v.equals("collection")) {
                if (items.size() > 1) {
                    ctx.error(n.at(), "wrong-type", "`collection` cannot be combined with lifecycle events in `" + key + "`");
                }
                return RetentionStart.COLLECTION;
            }
            ctx.reference(EVENTS, v, n.at());
            events.add(v);
        }
        return new RetentionStart.AfterEvents(List.copyOf(events));
    }

    private Recipient recipient(MappingReader r) {
        return new Recipient(
                r.str("id", true),
                r.text("name", true),
                r.text("description", false),
                r.term("role", RecipientRole.class, true, null),
                countries(r, "countries"),
                r.term("safeguard", Safeguard.class, false, null),
                r.date("transfer-assessment", false),
                r.date("processing-agreement", false),
                r.bool("pseudonymised-only", false),
                r.text("arrangement", false),
                r.bool("dpf-certified", false));
    }

    private DataSystem system(MappingReader r) {
        Connector connector = r.term("connector", Connector.class, true, null);
        JdbcMapping jdbc = jdbc(r.mapping("jdbc", false));
        WebhookTarget webhook = webhook(r.mapping("webhook", false));
        // a jdbc or webhook system without its mapping is lint's `system-unreachable`: handled as manual until mapped
        if (jdbc != null && connector != Connector.JDBC) {
            ctx.error(r.node("jdbc", false).at(), "wrong-type", "`jdbc:` belongs to a system with `connector: jdbc`");
        }
        if (webhook != null && connector != Connector.WEBHOOK) {
            ctx.error(r.node("webhook", false).at(), "wrong-type", "`webhook:` belongs to a system with `connector: webhook`");
        }
        return new DataSystem(r.str("id", true), r.text("name", true), r.str("owner", true),
                connector,
                countries(r, "countries"),
                r.term("safeguard", Safeguard.class, false, null),
                r.date("transfer-assessment", false),
                r.bool("dpf-certified", false),
                jdbc,
                webhook);
    }

    /** {@code {value|env|file}}; a plain scalar is a value. Secrets ({@code secret}) may not be values. */
    private Setting setting(MappingReader parent, String key, boolean required, boolean secret) {
        YamlNode n = parent.node(key, required);
        if (n == null) {
            return null;
        }
        if (n instanceof YamlNode.Scalar) {
            String v = parent.scalar(n, key);
            if (secret) {
                // never echo the value: it may be the password itself
                ctx.error(n.at(), "secret-in-policy", "`" + key + "` must not be written in the policy file; name where "
                        + "it is: `" + key + ": {env: VARIABLE}` or `" + key + ": {file: secrets/NAME}` in the data folder");
                return null;
            }
            return new Setting(v, null, null);
        }
        MappingReader m = parent.mapping(key, false);
        if (m == null) {
            return null;
        }
        String value = secret ? null : m.str("value", false);
        String env = m.str("env", false);
        String file = m.str("file", false);
        if (secret && m.node("value", false) != null) {
            ctx.error(m.node("value", false).at(), "secret-in-policy", "`" + key + "` must not be written in the policy "
                    + "file; use `env:` or `file:`");
        }
        int given = (value == null ? 0 : 1) + (env == null ? 0 : 1) + (file == null ? 0 : 1);
        if (given != 1 && !(secret && m.node("value", false) != null)) {
            ctx.error(n.at(), "wrong-type", "`" + key + "` names exactly one of " + (secret ? "" : "`value:`, ")
                    + "`env:` (an environment variable) or `file:` (a file in the data folder)");
        }
        if (env != null && !env.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            ctx.error(m.node("env", false).at(), "wrong-type", "`env:` is the name of an environment variable: letters, "
                    + "digits and `_`");
        }
        if (file != null && (file.startsWith("/") || file.contains(".."))) {
            ctx.error(m.node("file", false).at(), "wrong-type", "`file:` is a path inside the data folder, without `..`");
        }
        m.done();
        return new Setting(value, env, file);
    }

    private JdbcMapping jdbc(MappingReader r) {
        if (r == null) {
            return null;
        }
        Setting url = setting(r, "url", true, false);
        if (url != null && url.value() != null && url.value().toLowerCase(java.util.Locale.ROOT).contains("password")) {
            ctx.error(r.node("url", false).at(), "secret-in-policy", "the JDBC URL holds a password; give it in "
                    + "`password: {env: …}` or `{file: …}` instead");
        }
        if (url != null && url.value() != null && !url.value().startsWith("jdbc:postgresql:")
                && !url.value().startsWith("jdbc:mariadb:") && !url.value().startsWith("jdbc:mysql:")) {
            ctx.error(r.node("url", false).at(), "unknown-value", "Waarborg connects to PostgreSQL (`jdbc:postgresql:`) "
                    + "and MariaDB or MySQL (`jdbc:mariadb:`, `jdbc:mysql:`)");
        }
        Setting user = setting(r, "user", true, false);
        Setting password = setting(r, "password", true, true);
        List<MappedTable> tables = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (YamlNode n : r.items("tables")) {
            if (!(n instanceof YamlNode.Mapping m)) {
                ctx.error(n.at(), "wrong-type", "each entry of `tables` is a mapping starting with `- table: NAME`");
                continue;
            }
            YamlNode.Entry nameEntry = m.entries().get("table");
            String name = nameEntry != null && nameEntry.value() instanceof YamlNode.Scalar s ? s.value() : null;
            MappingReader t = new MappingReader(m, r.child("tables") + "." + (name == null ? "#" + tables.size() : name), ctx);
            MappedTable table = mappedTable(t, names);
            t.done();
            if (table != null) {
                tables.add(table);
            }
        }
        if (tables.isEmpty()) {
            ctx.error(r.node("tables", false) == null ? r.node("url", false) == null ? at(r) : r.node("url", false).at()
                    : r.node("tables", false).at(), "missing-key", "a jdbc mapping names at least one table under `tables:`");
        }
        for (MappedTable t : tables) {
            if (t.parent() != null && !names.contains(t.parent().table())) {
                ctx.error(at(r), "undefined-reference", "table `" + t.table() + "` names parent `" + t.parent().table()
                        + "`, which is not a mapped table of this system");
            }
        }
        r.done();
        return new JdbcMapping(url, user, password, List.copyOf(tables));
    }

    private nl.waarborg.policy.Position at(MappingReader r) {
        return r.node("tables", false) != null ? r.node("tables", false).at() : new nl.waarborg.policy.Position("", 1, 1);
    }

    private static final java.util.regex.Pattern SQL_NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");

    /** A table or column name as the database spells it: plain identifiers only, so no name can carry SQL. */
    private String sqlName(MappingReader r, String key, String value, YamlNode n) {
        if (value != null && !SQL_NAME.matcher(value).matches()) {
            ctx.error(n.at(), "bad-id", "`" + value + "` is not a plain table or column name (letters, digits, `_`, "
                    + "`$`, at most 63, not starting with a digit)");
            return null;
        }
        return value;
    }

    private MappedTable mappedTable(MappingReader t, java.util.Set<String> names) {
        YamlNode nameNode = t.node("table", true);
        String name = nameNode == null ? null : sqlName(t, "table", t.scalar(nameNode, "table"), nameNode);
        if (name != null && !names.add(name)) {
            ctx.error(nameNode.at(), "duplicate-id", "table `" + name + "` is mapped twice in this system");
            return null;
        }
        List<String> key = new ArrayList<>();
        for (YamlNode k : t.items("key")) {
            String column = sqlName(t, "key", t.scalar(k, "key"), k);
            if (column != null) { // a bad name is already a finding
                key.add(column);
            }
        }
        if (key.isEmpty() && nameNode != null) {
            ctx.error(nameNode.at(), "missing-key", "table `" + name + "` needs its primary key columns in `key: [id]`; "
                    + "a table without one cannot be swept in batches or proven");
        }
        SubjectLink subject = null;
        MappingReader s = t.mapping("subject", false);
        if (s != null) {
            String reference = s.str("reference", false);
            String identifier = s.str("identifier", false);
            YamlNode colNode = s.node("column", true);
            String column = colNode == null ? null : sqlName(s, "column", s.scalar(colNode, "column"), colNode);
            if ((reference == null) == (identifier == null)) {
                ctx.error(t.node("subject", false).at(), "wrong-type", "`subject` names either `reference: SCHEME` or "
                        + "`identifier: email|phone`, with the `column` that holds it");
            } else if (reference != null) {
                if (!reference.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
                    ctx.error(s.node("reference", false).at(), "bad-id", "a reference scheme is 1-64 lower-case letters, "
                            + "digits, '.', '_' or '-', as the vault's");
                }
                subject = new SubjectLink(LinkKind.REFERENCE, reference, column);
            } else {
                LinkKind kind = s.term("identifier", LinkKind.class, false, null);
                if (kind == LinkKind.REFERENCE) {
                    ctx.error(s.node("identifier", false).at(), "unknown-value", "`identifier` is `email` or `phone`");
                }
                subject = new SubjectLink(kind, null, column);
            }
            s.done();
        }
        ParentLink parent = null;
        MappingReader p = t.mapping("parent", false);
        if (p != null) {
            YamlNode pt = p.node("table", true);
            String parentTable = pt == null ? null : sqlName(p, "table", p.scalar(pt, "table"), pt);
            List<String> fk = new ArrayList<>();
            for (YamlNode c : p.items("columns")) {
                String column = sqlName(p, "columns", p.scalar(c, "columns"), c);
                if (column != null) {
                    fk.add(column);
                }
            }
            if (fk.isEmpty()) {
                ctx.error(t.node("parent", false).at(), "missing-key", "`parent` names the foreign-key `columns` of this "
                        + "table that point at the parent's key");
            }
            parent = new ParentLink(parentTable, List.copyOf(fk));
            p.done();
        }
        if ((subject == null) == (parent == null) && nameNode != null) {
            ctx.error(nameNode.at(), "missing-key", "table `" + name + "` says whose rows it holds with either "
                    + "`subject:` (a reference or identifier column) or `parent:` (a foreign key to a mapped table), "
                    + "not both");
        }
        java.util.Map<String, String> columns = new java.util.LinkedHashMap<>();
        for (YamlNode.Entry e : t.entries("columns")) {
            String column = sqlName(t, "columns", e.key(), e.value());
            String category = e.value() instanceof YamlNode.Scalar sc ? sc.value() : null;
            if (category == null) {
                ctx.error(e.value().at(), "wrong-type", "each column maps to a data category id or `not-personal`");
                continue;
            }
            if (!MappedTable.NOT_PERSONAL.equals(category)) {
                ctx.reference(DATA, category, e.value().at());
            }
            if (column != null) {
                columns.put(column, category);
            }
        }
        if (columns.isEmpty() && nameNode != null) {
            ctx.error(nameNode.at(), "missing-key", "table `" + name + "` maps no `columns:` to data categories");
        }
        YamlNode collectedNode = t.node("collected-at", false);
        String collectedAt = collectedNode == null ? null
                : sqlName(t, "collected-at", t.scalar(collectedNode, "collected-at"), collectedNode);
        java.util.Map<String, String> events = new java.util.LinkedHashMap<>();
        for (YamlNode.Entry e : t.entries("events")) {
            ctx.reference(EVENTS, e.key(), e.keyAt());
            String column = e.value() instanceof YamlNode.Scalar sc ? sqlName(t, "events", sc.value(), e.value()) : null;
            if (column != null) {
                events.put(e.key(), column);
            }
        }
        java.util.Map<String, String> itemDates = new java.util.LinkedHashMap<>();
        for (YamlNode.Entry e : t.entries("item-dates")) {
            ctx.reference(ITEM_DATES, e.key(), e.keyAt());
            String column = e.value() instanceof YamlNode.Scalar sc ? sqlName(t, "item-dates", sc.value(), e.value()) : null;
            if (column != null) {
                itemDates.put(e.key(), column);
            }
        }
        TableErase erase = t.term("erase", TableErase.class, false, TableErase.DELETE);
        List<String> subjects = t.refs("subject-categories", SUBJECTS);
        SubjectCategoryColumn subjectCategory = null;
        MappingReader sc = t.mapping("subject-category", false);
        if (sc != null) {
            YamlNode cn = sc.node("column", true);
            String column = cn == null ? null : sqlName(sc, "column", sc.scalar(cn, "column"), cn);
            java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
            for (YamlNode.Entry e : sc.entries("values")) {
                if (e.value() instanceof YamlNode.Scalar v) {
                    ctx.reference(SUBJECTS, v.value(), e.value().at());
                    values.put(e.key(), v.value());
                } else {
                    ctx.error(e.value().at(), "wrong-type", "each value maps to a subject-category id");
                }
            }
            sc.done();
            if (column != null) {
                subjectCategory = new SubjectCategoryColumn(column, java.util.Collections.unmodifiableMap(values));
            }
        }
        return new MappedTable(name, List.copyOf(key), subject, parent, java.util.Collections.unmodifiableMap(columns),
                collectedAt, java.util.Collections.unmodifiableMap(events), erase, subjects, subjectCategory,
                java.util.Collections.unmodifiableMap(itemDates));
    }

    private WebhookTarget webhook(MappingReader r) {
        if (r == null) {
            return null;
        }
        String url = r.str("url", true);
        if (url != null && !url.startsWith("https://") && !url.startsWith("http://localhost")
                && !url.startsWith("http://127.0.0.1")) {
            ctx.error(r.node("url", false).at(), "wrong-type", "a webhook URL is `https://…` (plain `http://` only to "
                    + "localhost, for tests)");
        }
        Setting secret = setting(r, "secret", true, true);
        r.done();
        return new WebhookTarget(url, secret);
    }

    private Transfers transfers(MappingReader r) {
        if (r == null) {
            return new Transfers(TransferStance.DECLARED, null);
        }
        Transfers t = new Transfers(r.term("stance", TransferStance.class, true, TransferStance.DECLARED),
                r.text("note", false));
        r.done();
        return t;
    }

    private Rights rights(MappingReader r) {
        if (r == null) {
            return null;
        }
        Rights rights = new Rights(r.period("response-time", true), r.period("extension", false),
                r.terms("identity-verification", IdentityMethod.class), r.terms("channels", Channel.class),
                r.bool("free-of-charge", true), r.bool("refuse-anonymised-remainder", false),
                r.period("request-records", false));
        r.done();
        return rights;
    }

    private Minors minors(MappingReader r) {
        if (r == null) {
            return null;
        }
        Integer age = r.integer("age-threshold", false);
        // by default the age of digital consent of the controller's country (Art. 8(1) GDPR), 16 where none is known
        int dflt = MemberStates.of(country).map(MemberStates.MemberState::digitalConsentAge).orElse(16);
        Minors m = new Minors(age == null ? dflt : age, r.bool("parental-consent", true));
        r.done();
        return m;
    }

    private Security security(MappingReader r) {
        if (r == null) {
            return null;
        }
        Security s = new Security(r.bool("confidentiality-agreements", false), r.bool("need-to-know", false),
                countries(r, "data-centres"), r.text("measures", false));
        r.done();
        return s;
    }

    private Recording recording(MappingReader r) {
        if (r == null) {
            return Recording.DEFAULT;
        }
        Recording result = new Recording(zeroOrMore(r, "back-dating-limit", Recording.DEFAULT.backDatingLimit(), "P7D"),
                zeroOrMore(r, "item-date-ahead-limit", Recording.DEFAULT.itemDateAheadLimit(), "P1Y"));
        r.done();
        return result;
    }

    /** A period of zero or more days under {@code key}, or {@code dflt} when it is absent or (with an error) invalid. */
    private nl.waarborg.policy.RetentionPeriod zeroOrMore(MappingReader r, String key,
                                                         nl.waarborg.policy.RetentionPeriod dflt, String example) {
        YamlNode at = r.node(key, false);
        nl.waarborg.policy.RetentionPeriod limit = r.period(key, false);
        if (limit == null) {
            return dflt;
        }
        // P0D is allowed (applications record nothing in the past); "as long as necessary" or a negative period is not
        if (limit.value() == null || limit.value().isNegative()) {
            ctx.error(at.at(), "wrong-type", "`" + key + "` must be an ISO-8601 period of zero or more days "
                    + "such as " + example + " or P0D, not `" + limit.raw() + "`");
            return dflt;
        }
        return limit;
    }

    private static final java.util.Set<String> ISO_COUNTRIES = java.util.Set.of(java.util.Locale.getISOCountries());

    /** ISO 3166-1 alpha-2 codes; anything else (USA, Nederland) is an error, not silently "outside the EEA". */
    private List<String> countries(MappingReader r, String key) {
        List<String> out = new ArrayList<>();
        for (YamlNode n : r.items(key)) {
            String v = r.scalar(n, key);
            if (v == null) {
                continue;
            }
            String code = v.trim().toUpperCase(java.util.Locale.ROOT);
            if (!ISO_COUNTRIES.contains(code)) {
                ctx.error(n.at(), "unknown-value", "`" + v + "` is not an ISO 3166-1 two-letter country code (NL, DE, US, ...)"
                        + Suggestion.hint(code, ISO_COUNTRIES));
            }
            out.add(code);
        }
        return List.copyOf(out);
    }

    private static String orDefault(String v, String dflt) {
        return v == null ? dflt : v;
    }
}
