package nl.waarborg.requests.web;

/** A purpose an objection or a consent withdrawal can name, with its name in the page's language. */
public record PurposeChoice(String id, String name) {}
