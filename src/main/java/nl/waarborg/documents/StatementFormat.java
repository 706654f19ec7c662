package nl.waarborg.documents;

/** The formats the privacy statement can be rendered in. */
public enum StatementFormat implements DocumentFormat {
    MD("text/markdown; charset=UTF-8", "md"),
    HTML("text/html; charset=UTF-8", "html"),
    PDF("application/pdf", "pdf");

    private final String mediaType;
    private final String extension;

    StatementFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    @Override
    public String mediaType() {
        return mediaType;
    }

    @Override
    public String extension() {
        return extension;
    }

    public static StatementFormat parse(String value) {
        return DocumentFormat.parse(StatementFormat.class, "statement", value);
    }
}
