package nl.waarborg.portal.web;

/** After the request was sent: its reference, the legal deadline and until when the mailed link works. */
public record SubmittedView(String reference, String deadline, String linkUntil) {}
