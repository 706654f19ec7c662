package nl.waarborg.breaches;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The register's words as the API and the export write them: lower case, hyphens ({@code public-notice}). */
final class Term {

    private Term() {
    }

    static String of(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String term) {
        return term == null ? Optional.empty()
                : Arrays.stream(type.getEnumConstants()).filter(e -> of(e).equals(term)).findFirst();
    }

    static <E extends Enum<E>> String known(Class<E> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Term::of).toList());
    }

    /** The enum constant of {@code term}, or a refusal naming the field and the known terms. */
    static <E extends Enum<E>> E required(Class<E> type, String field, String term) {
        return parse(type, term).orElseThrow(() -> new BreachInputException(field, "one of " + known(type)));
    }
}
