package nl.waarborg.portal.web;

/**
 * A request's status as its link shows it: no personal value, only the request's own facts. {@code state}: the key of
 * where it stands (unconfirmed, in-progress, completed, refused); {@code extendedTo}/{@code extensionReason} when the
 * deadline was extended (Art. 12(3) GDPR).
 */
public record StatusView(String reference, String received, String state, String deadline, String extendedTo,
                         String extensionReason, String refusalProvision) {}
