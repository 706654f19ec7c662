package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The staff token file: made random when missing, refused when too short to be one, never matched by nothing. */
class StaffTokenTest {

    @TempDir
    Path dir;

    @Test
    void aNewTokenIsMadeAndMatchesOnlyItself() throws Exception {
        StaffToken token = new StaffToken(dir.resolve("staff-token"));
        String value = Files.readString(dir.resolve("staff-token")).trim();
        assertThat(value.length()).isGreaterThanOrEqualTo(StaffToken.MIN_LENGTH);
        assertThat(token.matches(value)).isTrue();
        assertThat(token.matches(value + "x")).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches(null)).isFalse();
    }

    @Test
    void anEmptyOrShortTokenFileIsRefusedAtStart() throws Exception {
        Path file = dir.resolve("staff-token");
        Files.writeString(file, "\n");
        assertThatThrownBy(() -> new StaffToken(file)).hasMessageContaining("shorter than " + StaffToken.MIN_LENGTH);
        Files.writeString(file, "secret\n");
        assertThatThrownBy(() -> new StaffToken(file)).hasMessageContaining("delete the file");
    }
}
