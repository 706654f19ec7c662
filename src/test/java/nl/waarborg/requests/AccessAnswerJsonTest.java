package nl.waarborg.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import nl.waarborg.policy.Lang;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The access answer as JSON: valid, every section of Art. 15 with its point, every item, written as a stream. */
class AccessAnswerJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode answer(AccessContext c, List<AnswerItem> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AccessAnswerJson.write(AnswerFixture.header(c.lang()), c, items.iterator(), out);
        return JSON.readTree(out.toByteArray());
    }

    @Test
    void theJsonIsValidAndHasEverySectionWithItsArticle() {
        JsonNode a = answer(AnswerFixture.customerContext(Lang.EN), AnswerFixture.customerItems());

        assertThat(a.get("reference").asString()).isEqualTo("WB-7K2M-9QXD");
        assertThat(a.get("received").asString()).isEqualTo("2026-03-03");
        assertThat(a.get("purposes").get("article").asString()).isEqualTo("Art. 15(1)(a) GDPR");
        assertThat(a.get("categories").get("article").asString()).isEqualTo("Art. 15(1)(b) GDPR");
        assertThat(a.get("recipients").get("article").asString()).isEqualTo("Art. 15(1)(c) GDPR");
        assertThat(a.get("retention").get("article").asString()).isEqualTo("Art. 15(1)(d) GDPR");
        assertThat(a.get("rights").get("article").asString()).isEqualTo("Art. 15(1)(e) GDPR");
        assertThat(a.get("complaint").get("article").asString()).isEqualTo("Art. 15(1)(f), 77 GDPR");
        assertThat(a.get("sources").get("article").asString()).isEqualTo("Art. 15(1)(g) GDPR");
        assertThat(a.get("automatedDecisions").get("article").asString()).isEqualTo("Art. 15(1)(h), 22 GDPR");
        assertThat(a.get("transfers").get("article").asString()).isEqualTo("Art. 15(2), Chapter V GDPR");
        assertThat(a.get("keptAfterErasure").get("article").asString()).isEqualTo("Art. 17(3) GDPR");
        assertThat(a.get("data").get("article").asString()).isEqualTo("Art. 15(1), 15(3) GDPR");

        assertThat(a.get("itemCount").asLong()).isEqualTo(5);
        JsonNode groups = a.get("data").get("groups");
        assertThat(groups.size()).isEqualTo(5); // crm/email, crm/name, vault/company-details, vault/name, vault/visit-log
        assertThat(groups.get(0).get("sourceName").asString()).isEqualTo("Customer management system");
        assertThat(groups.get(0).get("categoryName").asString()).isEqualTo("E-mail address");
        assertThat(groups.get(0).get("items").get(0).get("location").asString()).isEqualTo("customers.email");
        assertThat(groups.get(2).get("items").get(0).get("originName").asString())
                .isEqualTo("From the organisation you represent");
        assertThat(a.get("recipients").get("items").findValuesAsString("name"))
                .contains("Provider of the electronic access and lock system");
        assertThat(a.get("complaint").get("authority").asString()).isEqualTo("Autoriteit Persoonsgegevens");
    }

    @Test
    void valuesAreEscapedAndComeBackAsTheyWere() {
        String odd = "quote \" backslash \\ newline \n tab \t nul \u0000 </script> ünï 🙂";
        JsonNode a = answer(AnswerFixture.customerContext(Lang.NL),
                List.of(new AnswerItem("vault", "name", odd, null, List.of(), null, null)));

        assertThat(a.get("data").get("groups").get(0).get("items").get(0).get("value").asString()).isEqualTo(odd);
        assertThat(a.get("data").get("groups").get(0).get("items").get(0).get("collectedAt").isNull()).isTrue();
    }

    @Test
    void whatWasKeptAfterAnErasureIsInTheAnswerWithItsGround() {
        AccessContext c = AnswerFixture.customerContext(Lang.EN).withKept(List.of(
                new KeptData("crm", "payment-details", 12, "legal-obligation", "legal-obligations", LocalDate.of(2033, 3, 1))));

        JsonNode kept = answer(c, List.of()).get("keptAfterErasure").get("items").get(0);

        assertThat(kept.get("ground").asString()).isEqualTo("legal-obligation");
        assertThat(kept.get("count").asLong()).isEqualTo(12);
        assertThat(kept.get("until").asString()).isEqualTo("2033-03-01");
    }

    /**
     * A million items are written with bounded memory: the iterator makes each item when asked and the writer forgets
     * it once written. Halfway, after a collection, the heap holds no more than a fraction of what the items would take
     * if they were kept (they add up to well over 100 MB of JSON).
     */
    @Test
    void aMillionItemsStreamWithoutBeingHeldInMemory() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        long[] measured = {-1};
        CountingOutputStream out = new CountingOutputStream(60L * 1024 * 1024, () -> {
            System.gc();
            measured[0] = rt.totalMemory() - rt.freeMemory();
        });

        AccessAnswerJson.write(AnswerFixture.header(Lang.EN), AnswerFixture.customerContext(Lang.EN),
                AnswerFixture.generated(1_000_000), out);

        assertThat(out.count).isGreaterThan(100L * 1024 * 1024);
        assertThat(measured[0]).isPositive();
        assertThat(measured[0] - before).as("heap growth while streaming").isLessThan(48L * 1024 * 1024);
    }

    /** Counts bytes, keeps none; runs {@code probe} once when {@code at} bytes have passed. */
    static final class CountingOutputStream extends OutputStream {
        long count;
        private final long at;
        private final Runnable probe;

        CountingOutputStream(long at, Runnable probe) {
            this.at = at;
            this.probe = probe;
        }

        @Override
        public void write(int b) {
            step(1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            step(len);
        }

        private void step(long n) {
            long was = count;
            count += n;
            if (was < at && count >= at) {
                probe.run();
            }
        }
    }
}
