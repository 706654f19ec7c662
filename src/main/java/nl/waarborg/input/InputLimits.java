package nl.waarborg.input;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How much a caller may send: a request body of a single call, of a batch call (subjects, items, decisions:
 * up to 10,000 entries), and one stored value (a vault item). Beyond any of them the call is refused with 413
 * before the body is read further. Defaults in docs/api.md; set as {@code waarborg.input.*}.
 */
@ConfigurationProperties("waarborg.input")
public record InputLimits(DataSize maxBody, DataSize maxBatchBody, DataSize maxValue) {

    public static final DataSize DEFAULT_MAX_BODY = DataSize.ofMegabytes(1);
    public static final DataSize DEFAULT_MAX_BATCH_BODY = DataSize.ofMegabytes(32);
    public static final DataSize DEFAULT_MAX_VALUE = DataSize.ofKilobytes(64);

    public InputLimits {
        maxBody = maxBody == null ? DEFAULT_MAX_BODY : maxBody;
        maxBatchBody = maxBatchBody == null ? DEFAULT_MAX_BATCH_BODY : maxBatchBody;
        maxValue = maxValue == null ? DEFAULT_MAX_VALUE : maxValue;
        // refused at start, with the property named: a limit that lets nothing through is a typo, not a policy
        positive("waarborg.input.max-body", maxBody);
        positive("waarborg.input.max-batch-body", maxBatchBody);
        positive("waarborg.input.max-value", maxValue);
        if (maxValue.compareTo(maxBatchBody) > 0) {
            throw new IllegalArgumentException("waarborg.input.max-value (" + maxValue
                    + ") is larger than waarborg.input.max-batch-body (" + maxBatchBody + "): no value that large could arrive");
        }
    }

    public static InputLimits defaults() {
        return new InputLimits(null, null, null);
    }

    private static void positive(String name, DataSize size) {
        if (size.toBytes() <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + size);
        }
    }
}
