package nl.waarborg.portal.web;

/** The unsubscribe page: the link's token, the mailing's name and whether it is done. */
public record UnsubscribeView(String token, String purposeName, boolean done) {}
