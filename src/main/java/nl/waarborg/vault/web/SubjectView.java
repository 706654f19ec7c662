package nl.waarborg.vault.web;

import java.util.List;
import java.util.UUID;

/**
 * One subject's page, every value already decided: the items are only those the purpose allowed the signed-in
 * person, and {@code hidden} counts the ones withheld (never what they are).
 *
 * @param purpose        the purpose the items were read for
 * @param purposeRefused the person may not use data for {@code purpose}: no item was read
 * @param problem        a page text key for the error of the last form, or null
 * @param objectable     the purposes an objection can be recorded to (legitimate interest, public task, direct
 *                       marketing: Art. 21(1) and 21(2))
 */
public record SubjectView(UUID id, String created, List<Choice> purposes, String purpose, boolean purposeRefused,
                          List<String> references, List<Row> memberships, List<Row> events, List<ItemRow> items,
                          int hidden, List<ConsentRow> consents, List<ObjectionRow> objections,
                          List<RestrictionRow> restrictions, List<HoldRow> holds, List<Choice> holdKinds,
                          List<Choice> categories, String problem, String done, List<Choice> objectable,
                          List<Choice> restrictionGrounds) {

    /** Two or three words of a list: what, when, and a state. */
    public record Row(String what, String when, String state) {
    }

    /** An item the purpose allowed: its category's name, value and when it was collected. */
    public record ItemRow(String category, String value, String collected) {
    }

    /** A purpose's consent: where it stands, and whether it can be withdrawn (it is given now). */
    public record ConsentRow(String purposeId, String purpose, String state, String since, boolean withdrawable) {
    }

    /** A hold, active or released. */
    public record HoldRow(UUID id, String kind, String reason, String scope, String placed, String placedBy,
                          String released, String releasedBy, boolean active) {
    }

    /**
     * An objection: its state as a word and a colour, when it came in and must be decided by, and who decided it
     * ({@code directMarketing}: upheld at once by the law, Art. 21(3)).
     */
    public record ObjectionRow(UUID id, String purpose, String state, String colour, String received, String decideBy,
                               String decided, String decidedBy, boolean pending, boolean directMarketing) {
    }

    /** A restriction (Art. 18(1)), active or lifted. */
    public record RestrictionRow(UUID id, String ground, String scope, String placed, String placedBy, String lifted,
                                 String liftedBy, boolean active) {
    }
}
