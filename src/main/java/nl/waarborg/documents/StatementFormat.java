package nl.waarborg.documents;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats the privacy statement can be rendered in. */
public enum StatementFormat {
    MD("text/markdown; charset=UTF-8", "md"),
    HTML("text/html; charset=UTF-8", "html"),
    PDF("application/pdf", "pdf");

    private final String mediaType;
    private final String extension;

    StatementFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The media type to serve this format with, e.g. {@code text/html; charset=UTF-8}. */
    public String mediaType() {
        return mediaType;
    }

    /** The usual file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The lower-case name as written on the command line: {@code md}, {@code html} or {@code pdf}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the lower-case name ({@code md}, {@code html}, {@code pdf}); any case is accepted. */
    public static StatementFormat parse(String value) {
        for (StatementFormat f : values()) {
            if (f.code().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown statement format '" + value + "'; valid values: "
                + Arrays.stream(values()).map(StatementFormat::code).collect(Collectors.joining(", ")));
    }
}
