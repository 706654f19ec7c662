package nl.waarborg.documents;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A format a document can be rendered in: how it is served, saved and named on the command line. */
public interface DocumentFormat {

    /** The media type to serve this format with, e.g. {@code text/html; charset=UTF-8}. */
    String mediaType();

    /** The usual file extension, without the dot. */
    String extension();

    /** The lower-case name as written on the command line and in query parameters. */
    default String code() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
    }

    /** Parses a code in any case; an unknown one names every valid value. */
    static <F extends Enum<F> & DocumentFormat> F parse(Class<F> type, String document, String value) {
        for (F f : type.getEnumConstants()) {
            if (f.code().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown " + document + " format '" + value + "'; valid values: "
                + Arrays.stream(type.getEnumConstants()).map(DocumentFormat::code).collect(Collectors.joining(", ")));
    }
}
