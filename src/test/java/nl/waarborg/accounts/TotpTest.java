package nl.waarborg.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 6238 Appendix B (the SHA-1 rows) and what authenticator apps need: the window, no replay, the URI. */
class TotpTest {

    /** The RFC's SHA-1 seed: the ASCII string "12345678901234567890". */
    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037",
            "20000000000, 65353130"})
    void theRfc6238Sha1VectorsGiveTheirEightDigitsAndTheirLastSixAsTheSixDigitCode(long seconds, String eight) {
        Instant t = Instant.ofEpochSecond(seconds);
        assertThat(Totp.code(SEED, Totp.step(t), 8)).isEqualTo(eight);
        // the same truncated number modulo 10^6: the last six digits (RFC 4226 section 5.4)
        assertThat(Totp.code(SEED, t)).isEqualTo(eight.substring(2));
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideButNotTwo() {
        Instant now = Instant.ofEpochSecond(1111111111);
        long step = Totp.step(now);
        assertThat(Totp.verify(SEED, Totp.code(SEED, step - 1, 6), now, 0)).hasValue(step - 1);
        assertThat(Totp.verify(SEED, Totp.code(SEED, step + 1, 6), now, 0)).hasValue(step + 1);
        assertThat(Totp.verify(SEED, Totp.code(SEED, step - 2, 6), now, 0)).isEmpty();
        assertThat(Totp.verify(SEED, Totp.code(SEED, step + 2, 6), now, 0)).isEmpty();
        assertThat(Totp.verify(SEED, "000000", now, 0)).isEmpty();
        assertThat(Totp.verify(SEED, null, now, 0)).isEmpty();
        assertThat(Totp.verify(SEED, " 140 471 ".replace("140 471", Totp.code(SEED, now).substring(0, 3) + " "
                + Totp.code(SEED, now).substring(3)), now, 0)).as("spaces as apps show them").hasValue(step);
    }

    @Test
    void aCodeUsedOnceIsRefusedWithinItsStepAndSoIsAnEarlierOne() {
        Instant now = Instant.ofEpochSecond(1234567890);
        long step = Totp.step(now);
        String code = Totp.code(SEED, now);
        assertThat(Totp.verify(SEED, code, now, step - 5)).hasValue(step);
        assertThat(Totp.verify(SEED, code, now, step)).as("replay").isEmpty();
        assertThat(Totp.verify(SEED, Totp.code(SEED, step - 1, 6), now, step)).as("an older code").isEmpty();
        assertThat(Totp.verify(SEED, Totp.code(SEED, step + 1, 6), now, step)).hasValue(step + 1);
    }

    @Test
    void theEnrolmentUriCarriesTheSecretInBase32AndTheParameters() {
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI"); // RFC 4648 §10
        assertThat(Totp.uri("Waarborg Test", "anna.b", SEED)).isEqualTo("otpauth://totp/Waarborg%20Test:anna.b?secret="
                + "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Waarborg%20Test&algorithm=SHA1&digits=6&period=30");
        assertThat(Totp.newSecret()).hasSize(20).isNotEqualTo(Totp.newSecret());
    }
}
