package nl.waarborg.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The input limits: documented defaults, and a limit that could let nothing through is refused at start, named. */
class InputLimitsTest {

    @Test
    void unsetLimitsTakeTheDocumentedDefaults() {
        InputLimits limits = new InputLimits(null, null, null);
        assertThat(limits.maxBody()).isEqualTo(DataSize.ofMegabytes(1));
        assertThat(limits.maxBatchBody()).isEqualTo(DataSize.ofMegabytes(32));
        assertThat(limits.maxValue()).isEqualTo(DataSize.ofKilobytes(64));
    }

    @Test
    void aLimitOfNothingIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> new InputLimits(DataSize.ofBytes(0), null, null))
                .hasMessageContaining("waarborg.input.max-body must be positive");
        assertThatThrownBy(() -> new InputLimits(null, DataSize.ofBytes(-1), null))
                .hasMessageContaining("waarborg.input.max-batch-body must be positive");
    }

    @Test
    void aValueLargerThanAnyBodyIsRefused() {
        assertThatThrownBy(() -> new InputLimits(null, DataSize.ofMegabytes(1), DataSize.ofMegabytes(2)))
                .hasMessageContaining("waarborg.input.max-value");
    }
}
