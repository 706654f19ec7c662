package nl.waarborg.documents;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats the Art. 30 register can be rendered in. */
public enum RegisterFormat {
    CSV("text/csv; charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    HTML("text/html; charset=UTF-8", "html"),
    JSONLD("application/ld+json", "jsonld");

    private final String mediaType;
    private final String extension;

    RegisterFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The media type to serve this format with. */
    public String mediaType() {
        return mediaType;
    }

    /** The usual file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The lower-case name as written on the command line: {@code csv}, {@code xlsx}, {@code html} or {@code jsonld}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the lower-case name ({@code csv}, {@code xlsx}, {@code html}, {@code jsonld}); any case is accepted. */
    public static RegisterFormat parse(String value) {
        for (RegisterFormat f : values()) {
            if (f.code().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown register format '" + value + "'; valid values: "
                + Arrays.stream(values()).map(RegisterFormat::code).collect(Collectors.joining(", ")));
    }
}
