package nl.waarborg.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.waarborg.access.Caller;
import nl.waarborg.access.SubjectNotFoundException;
import nl.waarborg.access.service.Restraints;
import nl.waarborg.web.MutableClock;
import nl.waarborg.web.MutableClockConfiguration;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The vault's part of a data-subject request on the self-storage example (examples/self-storage.yaml): the export of
 * every item whatever its purpose, erasure except what the fiscal rule, a running contract or a hold keeps, and
 * rectification. The clock only moves forward and is shared with the other tests of this context.
 */
@TestPropertySource(properties = {
        "waarborg.policy=examples/self-storage.yaml",
        "waarborg.data-dir=${waarborg.test.data-root}/retention",
        "waarborg.retention.sweep-interval=PT0S"})
@Import(MutableClockConfiguration.class)
class SubjectRequestsTest extends ServiceTestBase {

    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final Caller STAFF = new Caller("privacy-team", "management", List.of(), true);
    private static final Caller CRM = new Caller("crm", "customer-service", List.of("quote-requests", "customer-contract", "call-quality"), false);
    private static final Caller FINANCE = new Caller("finance", "finance", List.of("customer-contract", "legal-obligations"), false);
    private static final Caller MAILING = new Caller("mailing", "marketing", List.of("marketing"), false);

    @Autowired
    MutableClock clock;
    @Autowired
    Vault vault;
    @Autowired
    SubjectRequests requests;
    @Autowired
    Restraints restraints;
    @Autowired
    SubjectCiphers ciphers;
    @Autowired
    JdbcTemplate jdbc;

    private UUID subject(String... categories) {
        return vault.createSubjects(STAFF, List.of(new Vault.NewSubject(List.of(), List.of(), List.of(categories)))).getFirst();
    }

    private UUID store(Caller caller, UUID subject, String category, String value, String system, String... purposes) {
        return vault.addItems(caller, List.of(new NewItem(subject, category, value, List.of(purposes), "from-subject",
                system, null))).getFirst();
    }

    private List<UUID> itemsOf(UUID subject) {
        return jdbc.queryForList("SELECT id FROM item WHERE subject_id = ?", UUID.class, subject);
    }

    private Instant dueAt(UUID item) {
        java.sql.Timestamp t = jdbc.queryForObject("SELECT coalesce(s.due_at, item.due_at) FROM item "
                + "LEFT JOIN shared_schedule s ON s.id = item.shared_schedule WHERE item.id = ?", java.sql.Timestamp.class, item);
        return t == null ? null : t.toInstant();
    }

    /** Every audit event of the subject as text, in order: action, categories, reasons. */
    private List<String> events(UUID subject, String action) {
        return jdbc.queryForList("SELECT action || ' ' || array_to_string(categories, ',') || ' ' || array_to_string(reasons, ' ') "
                + "FROM audit_event WHERE subject_id = ? AND action = ? ORDER BY seq", String.class, subject, action);
    }

    /** Everything the audit log holds about the subject, whole rows as text. */
    private String auditOf(UUID subject) {
        return String.join("\n", jdbc.queryForList("SELECT a::text FROM audit_event a WHERE subject_id = ?", String.class,
                subject));
    }

    @Test
    void anExportStreamsEveryItemOfEveryPurposeByCategoryThenCollection() {
        UUID customer = subject("customer");
        store(CRM, customer, "name", "Anna Jansen", "crm", "customer-contract");
        store(MAILING, customer, "phone", "+31 6 1234 5678", "crm", "marketing");
        store(CRM, customer, "call-metadata", "2026-03-01 10:00 4m", "phone-platform", "call-quality");
        clock.advance(Duration.ofSeconds(1));
        store(FINANCE, customer, "payment-details", "NL91ABNA0417164300", "crm", "customer-contract", "legal-obligations");
        clock.advance(Duration.ofSeconds(1));
        store(FINANCE, customer, "payment-details", "NL02RABO0123456789", "crm", "customer-contract", "legal-obligations");

        List<SubjectRequests.ExportedItem> got = new ArrayList<>();
        long n = requests.exportAll(STAFF, customer, "WB-7K2M-9QXD", got::add);

        assertThat(n).isEqualTo(5);
        assertThat(got).extracting(SubjectRequests.ExportedItem::category)
                .containsExactly("call-metadata", "name", "payment-details", "payment-details", "phone");
        assertThat(got).extracting(SubjectRequests.ExportedItem::value).containsExactly("2026-03-01 10:00 4m",
                "Anna Jansen", "NL91ABNA0417164300", "NL02RABO0123456789", "+31 6 1234 5678");
        assertThat(got.get(2).purposes()).containsExactly("customer-contract", "legal-obligations");
        assertThat(got.get(4).purposes()).containsExactly("marketing");
        assertThat(got.get(0).system()).isEqualTo("phone-platform");
        assertThat(got.get(0).source()).isEqualTo("from-subject");
        assertThat(got.get(1).toString()).doesNotContain("Anna");

        assertThat(events(customer, "request-export"))
                .containsExactly("request-export call-metadata,name,payment-details,phone request:WB-7K2M-9QXD items:5");
        assertThat(auditOf(customer)).doesNotContain("Anna", "NL91ABNA", "1234 5678");
    }

    @Test
    void erasureOfAFormerCustomerKeepsWhatTheFiscalRuleKeepsUntilItsEndAndDeletesTheRest() {
        UUID customer = subject("customer");
        UUID invoice1 = store(FINANCE, customer, "payment-details", "NL91ABNA0417164300", "crm", "customer-contract", "legal-obligations");
        UUID invoice2 = store(FINANCE, customer, "payment-details", "NL02RABO0123456789", "crm", "customer-contract", "legal-obligations");
        UUID name = store(FINANCE, customer, "name", "Anna Jansen", "crm", "customer-contract", "legal-obligations");
        store(CRM, customer, "email", "anna@example.nl", "crm", "customer-contract");
        store(MAILING, customer, "phone", "+31 6 1234 5678", "crm", "marketing");
        store(CRM, customer, "call-metadata", "2026-03-01 10:00 4m", "phone-platform", "call-quality");
        clock.advance(Duration.ofDays(30));
        vault.recordEvent(CRM, customer, "contract-ended", null);
        Instant ended = jdbc.queryForObject("SELECT max(occurred_at) FROM subject_event WHERE subject_id = ?",
                java.sql.Timestamp.class, customer).toInstant();
        LocalDate until = ended.atZone(ZONE).plusYears(7).toLocalDate();
        assertThat(LocalDate.ofInstant(dueAt(invoice1), ZONE)).as("the retention schedule says so too").isEqualTo(until);

        SubjectRequests.Erasure erasure = requests.eraseForRequest(STAFF, customer, "WB-ERAS-0001");

        assertThat(erasure.found()).isTrue();
        assertThat(erasure.erased()).as("e-mail (due at the contract's end), phone, call log").isEqualTo(3);
        assertThat(erasure.keyDestroyed()).isFalse();
        assertThat(erasure.kept()).containsExactly(
                new SubjectRequests.Kept("name", 1, "legal-obligation", "legal-obligations", until),
                new SubjectRequests.Kept("payment-details", 2, "legal-obligation", "legal-obligations", until));
        assertThat(itemsOf(customer)).containsExactlyInAnyOrder(invoice1, invoice2, name);
        assertThat(vault.read(FINANCE, customer, "legal-obligations", null).items()).extracting(StoredItem::value)
                .containsExactlyInAnyOrder("NL91ABNA0417164300", "NL02RABO0123456789", "Anna Jansen");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM shared_schedule s WHERE subject_id = ? AND NOT EXISTS "
                + "(SELECT 1 FROM item WHERE item.shared_schedule = s.id)", Integer.class, customer))
                .as("no schedule left without its items").isZero();
        assertThat(LocalDate.ofInstant(dueAt(invoice1), ZONE)).isEqualTo(until);

        SubjectRequests.Erasure again = requests.eraseForRequest(STAFF, customer, "WB-ERAS-0001");
        assertThat(again).isEqualTo(new SubjectRequests.Erasure(true, 0, erasure.kept(), false));
        assertThat(itemsOf(customer)).hasSize(3);

        assertThat(events(customer, "request-erase")).containsExactly(
                "request-erase call-metadata,email,phone request:WB-ERAS-0001 erased:3 kept:name/legal-obligation "
                        + "kept:payment-details/legal-obligation",
                "request-erase  request:WB-ERAS-0001 erased:0 kept:name/legal-obligation "
                        + "kept:payment-details/legal-obligation");
        assertThat(auditOf(customer)).doesNotContain("Anna", "NL91ABNA", "anna@", "1234 5678");
    }

    @Test
    void whileTheContractRunsItsDataIsKeptForItAndOnlyTheRestGoes() {
        UUID customer = subject("customer");
        UUID email = store(CRM, customer, "email", "bo@example.nl", "crm", "customer-contract");
        UUID invoice = store(FINANCE, customer, "payment-details", "NL91ABNA0417164300", "crm", "customer-contract", "legal-obligations");
        store(MAILING, customer, "phone", "+31 6 1234 5678", "crm", "marketing");

        SubjectRequests.Erasure erasure = requests.eraseForRequest(STAFF, customer, "WB-RUNS-0001");

        assertThat(erasure.erased()).as("the marketing phone number").isEqualTo(1);
        assertThat(erasure.kept()).containsExactly(
                new SubjectRequests.Kept("email", 1, "contract", "customer-contract", null),
                new SubjectRequests.Kept("payment-details", 1, "legal-obligation", "legal-obligations", null));
        assertThat(itemsOf(customer)).containsExactlyInAnyOrder(email, invoice);
    }

    @Test
    void withNothingToKeepTheSubjectIsCryptoShreddedAndRepeatingFindsNothing() {
        UUID lead = subject("lead");
        store(CRM, lead, "name", "Cas de Boer", "crm", "quote-requests");
        store(CRM, lead, "email", "cas@example.nl", "crm", "quote-requests");

        SubjectRequests.Erasure erasure = requests.eraseForRequest(STAFF, lead, "WB-SHRD-0001");

        assertThat(erasure).isEqualTo(new SubjectRequests.Erasure(true, 2, List.of(), true));
        assertThat(ciphers.open(lead)).as("the data key is gone").isNull();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM subject WHERE id = ?", Integer.class, lead)).isZero();
        assertThat(itemsOf(lead)).isEmpty();
        assertThat(events(lead, "request-erase")).containsExactly(
                "request-erase email,name request:WB-SHRD-0001 erased:2 data-key-destroyed");

        assertThat(requests.eraseForRequest(STAFF, lead, "WB-SHRD-0001"))
                .isEqualTo(new SubjectRequests.Erasure(false, 0, List.of(), false));
        assertThatThrownBy(() -> requests.exportAll(STAFF, lead, "WB-SHRD-0001", i -> { }))
                .isInstanceOf(SubjectNotFoundException.class);
        assertThat(auditOf(lead)).doesNotContain("Cas", "cas@");
    }

    @Test
    void anUnknownSubjectIsNotFound() {
        UUID nobody = UUID.randomUUID();
        assertThat(requests.eraseForRequest(STAFF, nobody, "WB-NONE-0001"))
                .isEqualTo(new SubjectRequests.Erasure(false, 0, List.of(), false));
        assertThat(events(nobody, "request-erase")).containsExactly("request-erase  request:WB-NONE-0001 erased:0 subject-not-found");
        assertThatThrownBy(() -> requests.exportAll(STAFF, nobody, "WB-NONE-0001", i -> { }))
                .isInstanceOf(SubjectNotFoundException.class);
        assertThatThrownBy(() -> requests.rectify(STAFF, nobody, "name", "X", "WB-NONE-0001"))
                .isInstanceOf(SubjectNotFoundException.class);
    }

    @Test
    void aSubjectUnderALegalClaimHoldKeepsWhatTheHoldCoversAndItsRecord() {
        UUID customer = subject("customer");
        UUID phone = store(MAILING, customer, "phone", "+31 6 1234 5678", "crm", "marketing");
        restraints.hold(STAFF, customer, "legal-claim", "CASE-2026-17");

        SubjectRequests.Erasure erasure = requests.eraseForRequest(STAFF, customer, "WB-HOLD-0001");

        assertThat(erasure).isEqualTo(new SubjectRequests.Erasure(true, 0,
                List.of(new SubjectRequests.Kept("phone", 1, "legal-claim", null, null)), false));
        assertThat(itemsOf(customer)).containsExactly(phone);

        UUID other = subject("customer");
        restraints.hold(STAFF, other, "incident", "INC-2026-3");
        assertThat(requests.eraseForRequest(STAFF, other, "WB-HOLD-0002"))
                .as("no item, but the hold's record stays: the subject is not shredded")
                .isEqualTo(new SubjectRequests.Erasure(true, 0, List.of(), false));
        assertThat(ciphers.open(other)).isNotNull();
    }

    @Test
    void rectificationReplacesTheValuesOfTheCategoryAndAReadReturnsTheNewOne() {
        UUID customer = subject("customer");
        UUID name = store(CRM, customer, "name", "Dirk Pieterss", "crm", "customer-contract");
        store(CRM, customer, "email", "dirk@example.nl", "crm", "customer-contract");
        Instant dueBefore = dueAt(name);

        long n = requests.rectify(STAFF, customer, "name", "Dirk Pieters", "WB-RECT-0001");

        assertThat(n).isEqualTo(1);
        assertThat(vault.read(CRM, customer, "customer-contract", List.of("name")).items())
                .extracting(StoredItem::value).containsExactly("Dirk Pieters");
        assertThat(vault.read(CRM, customer, "customer-contract", List.of("email")).items())
                .extracting(StoredItem::value).containsExactly("dirk@example.nl");
        assertThat(dueAt(name)).isEqualTo(dueBefore);
        assertThat(events(customer, "request-rectify")).containsExactly("request-rectify name request:WB-RECT-0001 rectified:1");
        assertThat(auditOf(customer)).doesNotContain("Dirk", "dirk@");
        assertThatThrownBy(() -> requests.rectify(STAFF, customer, "shoe-size", "44", "WB-RECT-0001"))
                .isInstanceOf(nl.waarborg.input.InvalidInputException.class);
    }

    @Test
    void anApplicationKeyMayNotRunARequestAndABadReferenceIsRefused() {
        UUID customer = subject("customer");
        assertThatThrownBy(() -> requests.exportAll(CRM, customer, "WB-APP-0001", i -> { }))
                .isInstanceOf(SubjectRequests.StaffOnlyException.class);
        assertThatThrownBy(() -> requests.eraseForRequest(CRM, customer, "WB-APP-0001"))
                .isInstanceOf(SubjectRequests.StaffOnlyException.class);
        assertThatThrownBy(() -> requests.eraseForRequest(STAFF, customer, "not a reference"))
                .isInstanceOf(nl.waarborg.input.InvalidInputException.class);
        assertThat(ciphers.open(customer)).isNotNull();
    }
}
