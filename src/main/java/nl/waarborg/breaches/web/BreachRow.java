package nl.waarborg.breaches.web;

/**
 * One line of the register: the clock's state as a word and a colour (never the colour alone), the deadline in the
 * organisation's zone.
 */
public record BreachRow(String reference, String title, boolean open, String state, String colour, String due,
                        String aware) {
}
