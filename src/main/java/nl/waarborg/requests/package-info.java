/**
 * Data-subject requests (Art. 12–22 GDPR): their life from receipt to answer, and their legal deadline
 * (docs/requests.md).
 *
 * <p>The deciding core is plain Java with no Spring and no SQL: {@link nl.waarborg.requests.DeadlineCalculator}
 * turns the moment a request was received into its {@link nl.waarborg.requests.Deadline} (one calendar month, the
 * policy's shorter response time, or the extension to three months), moved past Saturdays, Sundays and the holidays of
 * the Algemene termijnenwet that {@link nl.waarborg.requests.HolidayCalendar} knows, with the days equated by royal
 * decree read from a dated list ({@link nl.waarborg.requests.EquatedDays}). The answer a person receives is rendered
 * here too, as a stream of {@link nl.waarborg.requests.AnswerItem}s: the Art. 15 answer
 * ({@link nl.waarborg.requests.AccessAnswerJson}, {@link nl.waarborg.requests.AccessAnswerDocument}) with its context
 * from the policy ({@link nl.waarborg.requests.AccessContext}), and the Art. 20 archive
 * ({@link nl.waarborg.requests.PortabilityArchive}, {@link nl.waarborg.requests.ProvidedData}).
 */
package nl.waarborg.requests;
