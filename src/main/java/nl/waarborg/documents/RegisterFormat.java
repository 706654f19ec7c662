package nl.waarborg.documents;

/** The formats the Art. 30 register can be rendered in. */
public enum RegisterFormat implements DocumentFormat {
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

    @Override
    public String mediaType() {
        return mediaType;
    }

    @Override
    public String extension() {
        return extension;
    }

    public static RegisterFormat parse(String value) {
        return DocumentFormat.parse(RegisterFormat.class, "register", value);
    }
}
