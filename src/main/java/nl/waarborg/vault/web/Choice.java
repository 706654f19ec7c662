package nl.waarborg.vault.web;

/** One option of a select list: the policy id sent back, the name shown in the page's language. */
public record Choice(String id, String name) {
}
