package nl.waarborg.portal.web;

import java.util.List;
import nl.waarborg.portal.PortalLinks;

/** The consent and communication preferences behind a link: its token (the form's address) and the choices. */
public record PreferencesView(String token, List<PortalLinks.Choice> choices, String notice) {}
