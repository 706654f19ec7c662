package nl.waarborg.vault;

import nl.waarborg.input.InvalidInputException;
import java.util.Locale;
import java.util.Objects;
import nl.waarborg.vault.crypto.BlindIndex;

/** A lookup identifier of a subject (an e-mail address, a phone number): kept only as a blind index. */
public record Identifier(Kind kind, String value) {

    public enum Kind {
        EMAIL(BlindIndex.Kind.EMAIL), PHONE(BlindIndex.Kind.PHONE);

        final BlindIndex.Kind index;

        Kind(BlindIndex.Kind index) {
            this.index = index;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Identifier {
        Objects.requireNonNull(kind, "kind");
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("value", "an identifier needs a value");
        }
    }

    @Override
    public String toString() { // the value is personal: never in logs or messages
        return "Identifier[" + kind.code() + "]";
    }
}
