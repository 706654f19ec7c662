package nl.waarborg.portal.web;

/** The statement page: its body as HTML made from the policy (escaped there), and which version it is. */
public record StatementView(String bodyHtml, String version, String effective, boolean current) {}
