/**
 * The documents about a personal data breach (docs/breaches.md, "Documents"): the draft of the notification to the
 * Autoriteit Persoonsgegevens ({@link nl.waarborg.breaches.letters.ApNotificationDraft}, Art. 33 GDPR) and the letter to
 * the people affected ({@link nl.waarborg.breaches.letters.AffectedPersonLetter}, Art. 34 GDPR), both built as a
 * {@link nl.waarborg.documents.Doc} from {@link nl.waarborg.breaches.letters.BreachFacts}.
 *
 * <p>Pure: no Spring, no SQL, no clock. The register hands over the facts; the words are in the message bundles
 * {@code breach_nl.properties} and {@code breach_en.properties} beside these classes, so a lawyer or translator edits a
 * file, not code.
 */
package nl.waarborg.breaches.letters;
