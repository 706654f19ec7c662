package nl.waarborg.systems.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Signatures as Standard Webhooks defines them, checked against the specification's own example. */
class WebhookSignatureTest {

    // the example of the Standard Webhooks reference libraries (standard-webhooks/standard-webhooks, tests)
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsAsTheSpecificationsExample() {
        assertThat(new WebhookSignature(SECRET).sign(ID, TIMESTAMP, BODY))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void verifiesOneOfSeveralSignaturesAndNothingElse() {
        WebhookSignature s = new WebhookSignature(SECRET);
        String good = s.sign(ID, TIMESTAMP, BODY);
        assertThat(s.verify(ID, TIMESTAMP, BODY, "v1,bm90IHRoaXMgb25l " + good)).isTrue();
        assertThat(s.verify(ID, TIMESTAMP + 1, BODY, good)).as("another timestamp").isFalse();
        assertThat(s.verify("msg_other", TIMESTAMP, BODY, good)).as("another id").isFalse();
        assertThat(s.verify(ID, TIMESTAMP, "{\"test\": 1}".getBytes(StandardCharsets.UTF_8), good)).isFalse();
        assertThat(s.verify(ID, TIMESTAMP, BODY, "v2," + good.substring(3))).as("an unknown version").isFalse();
        assertThat(s.verify(ID, TIMESTAMP, BODY, "v1,not base64!")).isFalse();
        assertThat(s.verify(ID, TIMESTAMP, BODY, null)).isFalse();
        assertThat(new WebhookSignature("plain secret").verify(ID, TIMESTAMP, BODY, good)).as("another secret").isFalse();
    }
}
