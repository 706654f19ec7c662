package nl.waarborg.portal.web;

/** One version of the statement in the list: its number, the date it took effect, and whether it is in force. */
public record VersionRow(long id, String version, String effective, boolean current) {}
