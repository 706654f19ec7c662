package nl.waarborg.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class GeneralisationTest {

    private final Generalisation g = new Generalisation(ZoneId.of("Europe/Amsterdam"));

    @Test
    void keepsOnlyYearOfBirthAndPostcodeAreaNeverTheValue() {
        assertThat(g.of("r", "birth-date", Instant.parse("2026-03-31T23:30:00Z"), "14-02-1983"))
                .extracting(x -> x.attribute().name() + "=" + x.attribute().value() + "@" + x.month())
                .containsExactly("item=-@2026-04", "birth-year=1983@2026-04");
        assertThat(Generalisation.attributes("home-address", "Dorpsstraat 1, 1234 AB Ergens"))
                .containsExactly(new Generalisation.Attribute("postcode-area", "12"));
        assertThat(Generalisation.attributes("email", "someone@example.org")).isEmpty();
        assertThat(Generalisation.attributes("birth-date", "not a date")).isEmpty();
    }
}
