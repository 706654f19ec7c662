package nl.waarborg.accounts.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import nl.waarborg.accounts.PasswordRules;
import org.junit.jupiter.api.Test;

/** Argon2id with the OWASP parameters, the upgrade of hashes made under weaker ones, and the password rules. */
class PasswordHashingTest {

    private static AccountsProperties defaults() {
        return new AccountsProperties("Waarborg", 19456, 2, 1, 5, 30, Duration.ofMinutes(1), Duration.ofHours(1), "admin");
    }

    @Test
    void anArgon2idHashCarriesItsParametersAndVerifiesOnlyItsPassword() {
        PasswordHashing hashing = new PasswordHashing(defaults());
        String hash = hashing.hash("correct horse battery");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("correct");
        assertThat(hashing.hash("correct horse battery")).as("a new salt each time").isNotEqualTo(hash);
        assertThat(hashing.matches("correct horse battery", hash)).isTrue();
        assertThat(hashing.matches("correct horse batterY", hash)).isFalse();
        assertThat(hashing.matches(null, hash)).isFalse();
        assertThat(hashing.needsUpgrade(hash)).isFalse();
        assertThat(hashing.burn("anything")).isFalse();
    }

    @Test
    void aHashMadeUnderWeakerParametersStillVerifiesAndAsksToBeRemade() {
        PasswordHashing older = new PasswordHashing(12288, 3, 1); // OWASP's 12 MiB / 3 passes row
        PasswordHashing current = new PasswordHashing(defaults());
        String old = older.hash("an older password");
        assertThat(current.matches("an older password", old)).isTrue();
        assertThat(current.needsUpgrade(old)).isTrue();
        assertThat(current.needsUpgrade(current.hash("an older password"))).isFalse();
    }

    @Test
    void settingsBelowTheOwaspMinimumFailTheStart() {
        assertThatThrownBy(() -> new AccountsProperties("Waarborg", 4096, 2, 1, 5, 30, Duration.ofMinutes(1),
                Duration.ofHours(1), "admin")).hasMessageContaining("OWASP");
        assertThatThrownBy(() -> new AccountsProperties("Waarborg", 19456, 1, 1, 5, 30, Duration.ofMinutes(1),
                Duration.ofHours(1), "admin")).hasMessageContaining("OWASP");
        assertThatThrownBy(() -> new AccountsProperties("Waarborg", 19456, 2, 1, 5, 30, Duration.ofMinutes(1),
                Duration.ofHours(1), "Admin@x")).hasMessageContaining("first-administrator");
    }

    @Test
    void passwordsAreAtLeastTwelveCharactersAndNotCommon() {
        assertThat(PasswordRules.problem("anna", "short-one")).hasValue("password-too-short");
        assertThat(PasswordRules.problem("anna", "Wachtwoord123")).hasValue("password-too-common");
        assertThat(PasswordRules.problem("anna", "anna-her-long-password")).hasValue("password-contains-username");
        assertThat(PasswordRules.problem("anna", "x".repeat(257))).hasValue("password-too-long");
        assertThat(PasswordRules.problem("anna", "paard batterij nietje")).isEmpty();
        assertThat(PasswordRules.commonCount()).isGreaterThan(90);
    }
}
