package nl.waarborg.requests;

import static nl.waarborg.requests.AnswerFixture.POLICY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import nl.waarborg.documents.TransferWording;
import nl.waarborg.policy.Lang;
import org.junit.jupiter.api.Test;

/** The context of Art. 15(1)(a)-(h) and 15(2) GDPR is the person's own: only what their categories bring with them. */
class AccessContextTest {

    @Test
    void aCustomerSeesThePurposesThatUseTheirCategoriesForCustomersOnly() {
        AccessContext c = AnswerFixture.customerContext(Lang.EN);

        assertThat(c.purposes()).extracting(AccessContext.PurposeUse::id).contains("customer-contract", "access-control",
                "marketing", "legal-obligations", "requests").doesNotContain("quote-requests", "lead-marketing",
                "recruitment", "supplier-management", "website", "camera-surveillance");
        AccessContext.PurposeUse contract = c.purposes().stream().filter(x -> x.id().equals("customer-contract"))
                .findFirst().orElseThrow();
        assertThat(contract.basis()).isEqualTo("contract");
        assertThat(contract.basisArticle()).contains("6(1)(b)");
        assertThat(contract.categories()).containsExactly("name", "company-details", "email");
        AccessContext.PurposeUse obligations = c.purposes().stream().filter(x -> x.id().equals("legal-obligations"))
                .findFirst().orElseThrow();
        assertThat(obligations.law()).contains("General Tax Act");
    }

    @Test
    void recipientsAreNamedAndOnlyThoseOfThePersonsPurposes() {
        AccessContext c = AnswerFixture.customerContext(Lang.EN);

        assertThat(c.recipients()).extracting(AccessContext.RecipientShare::name).contains(
                "Provider of the electronic access and lock system", "Affiliated group companies");
        // the analytics providers receive billing address, rental details and reviews: none of which this person has
        assertThat(c.recipients()).extracting(AccessContext.RecipientShare::id).doesNotContain("analytics");
    }

    @Test
    void retentionIsTheStatementsRowsForTheCategoryAndTheSubjectsCategory() {
        AccessContext c = AnswerFixture.customerContext(Lang.EN);

        AccessContext.Category visits = c.categories().stream().filter(x -> x.id().equals("visit-log")).findFirst()
                .orElseThrow();
        assertThat(visits.retention()).extracting(r -> r.rule()).containsExactly("visit-logs");
        assertThat(visits.retention().get(0).howLong()).isEqualTo("160 weeks");
        AccessContext.Category name = c.categories().stream().filter(x -> x.id().equals("name")).findFirst().orElseThrow();
        // a customer's name: the contract rule and the tax rule, not the lead or applicant rules
        assertThat(name.retention()).extracting(r -> r.rule()).contains("customers-contract", "customers-fiscal")
                .doesNotContain("leads", "applicants", "talent-pool");
    }

    @Test
    void transfersOutsideTheEeaWithTheirSafeguardAndSourcesOtherThanThePerson() {
        AccessContext c = AnswerFixture.customerContext(Lang.EN);

        assertThat(c.transfers()).extracting(TransferWording.Group::kind).contains(TransferWording.Kind.SCC);
        assertThat(c.transfers().get(0).labels()).anyMatch(l -> l.contains("United States"));
        assertThat(c.transfersNone()).isFalse();
        assertThat(c.sources()).extracting(AccessContext.Origin::id).containsExactly("represented-organisation");
        assertThat(c.complaint().authority()).isEqualTo("Autoriteit Persoonsgegevens");
        assertThat(c.rights()).extracting(AccessContext.Right::article).containsExactly("Article 16 GDPR",
                "Article 17 GDPR", "Article 18 GDPR", "Article 21 GDPR");
    }

    @Test
    void anApplicantHasNoRecipientsNoOtherSourcesAndNoTransfers() {
        AccessContext c = AccessContext.of(POLICY, Lang.NL, Set.of("name", "email", "cv"), Set.of("applicant"));

        assertThat(c.purposes()).extracting(AccessContext.PurposeUse::id)
                .containsExactly("recruitment", "talent-pool", "requests");
        assertThat(c.recipients()).isEmpty();
        assertThat(c.sources()).isEmpty();
        assertThat(c.transfers()).isEmpty();
        assertThat(c.transfersNone()).isTrue();
        assertThat(c.automated()).hasSize(2); // no automated decisions, no profiling: the policy declares neither
        assertThat(c.notDerived()).isEmpty();
    }

    @Test
    void whatThePolicyDoesNotSayIsReportedNotInvented() {
        AccessContext c = AccessContext.of(POLICY, Lang.EN, Set.of("shoe-size"), Set.of("customer"));

        assertThat(c.notDerived()).contains("category-not-declared:shoe-size", "retention-not-declared:shoe-size");
        assertThat(c.purposes()).isEmpty();
    }
}
