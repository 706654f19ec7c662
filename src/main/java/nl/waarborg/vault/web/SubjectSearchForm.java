package nl.waarborg.vault.web;

import java.util.List;
import java.util.UUID;

/**
 * The search page: what may be chosen, what was typed (shown back to the person who typed it; never logged) and,
 * after a search, the subjects found.
 *
 * @param purposes the purposes the signed-in person may search for; empty: they may search for none
 * @param by       reference, email or phone
 * @param problem  a page text key saying what was wrong, or null; {@code problemField} names the field
 * @param results  the subjects found, or null before a search
 */
public record SubjectSearchForm(List<Choice> purposes, String purpose, String by, String scheme, String value,
                                String problem, String problemField, List<UUID> results) {

    public boolean searched() {
        return results != null;
    }

    public boolean hasProblem() {
        return problem != null;
    }
}
