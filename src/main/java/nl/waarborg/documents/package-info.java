/**
 * The documents derived from a policy: the public privacy statement ({@link nl.waarborg.documents.StatementRenderer},
 * Dutch or English, as Markdown, HTML or PDF) and the Art. 30(1) register
 * ({@link nl.waarborg.documents.RegisterRenderer}, as CSV, XLSX, HTML or JSON-LD in the W3C Data Privacy
 * Vocabulary).
 *
 * <p>Plain Java: no Spring, no JDBC, no I/O beyond the returned bytes. The statement is built once as a
 * {@link nl.waarborg.documents.Doc} tree and written to each format from it; the HTML is well-formed XHTML so
 * the PDF is rendered from the very same page. Every fixed word lives in the message bundles
 * {@code statement_nl.properties} / {@code statement_en.properties} (read once from the class path), behind the typed
 * front {@link nl.waarborg.documents.Phrases}; everything else comes from the policy and is escaped for its format.
 */
package nl.waarborg.documents;
