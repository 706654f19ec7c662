package nl.waarborg.requests.web;

import java.util.List;

/**
 * What the fulfil form of a request for rectification asks (Art. 16 GDPR): before the fulfilment is planned, which data
 * categories to correct ({@code categories}, the policy's, with their names; {@code rows} pairs of category and new
 * value); once planned, the new value of each category whose step still needs it ({@code needed}): Waarborg keeps no
 * new value between attempts, so a step tried again asks for it again. A value typed is never shown back.
 */
public record RectificationForm(List<PurposeChoice> categories, List<PurposeChoice> needed, int rows) {

    /** The form for a fulfilment not yet planned: this many pairs of category and value. */
    public static final int ROWS = 3;

    public List<Integer> rowNumbers() {
        return java.util.stream.IntStream.rangeClosed(1, rows).boxed().toList();
    }
}
