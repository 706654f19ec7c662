package nl.waarborg.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import nl.waarborg.staff.ConsoleUser;
import nl.waarborg.accounts.passkeys.PasskeyCredentials;
import nl.waarborg.accounts.passkeys.PasskeyEvents;
import nl.waarborg.pages.PageContext;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One's own passkeys: the list, and removing one (a plain form, no script needed). Making one needs the browser's
 * WebAuthn, so that form works through /js/passkeys.js and Spring Security's registration endpoints (PasskeyFilters).
 */
@Controller
class AccountPasskeysController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PasskeyCredentials credentials;
    private final PasskeyEvents events;
    private final PageContext pages;
    private final ZoneId zone;

    AccountPasskeysController(PasskeyCredentials credentials, PasskeyEvents events, PageContext pages, Clock clock) {
        this.credentials = credentials;
        this.events = events;
        this.pages = pages;
        this.zone = clock.getZone();
    }

    @GetMapping("/console/account/passkeys")
    String page(HttpServletRequest request, Model model, @RequestParam(required = false) String added,
                @RequestParam(required = false) String removed) {
        return render(request, model, added != null ? "signin.passkeys.added"
                : removed != null ? "signin.passkeys.removed" : null);
    }

    @PostMapping("/console/account/passkeys/remove")
    String remove(HttpServletRequest request, HttpServletResponse response, Model model,
                  @RequestParam(defaultValue = "") String id) {
        ConsoleUser user = PageContext.signedIn();
        Bytes credentialId;
        try {
            credentialId = Bytes.fromBase64(id);
        } catch (IllegalArgumentException e) {
            credentialId = null;
        }
        // only one's own: the delete names the account, so another account's passkey id removes nothing
        if (credentialId != null && credentials.remove(user.accountId(), credentialId)) {
            events.passkeyRemoved(user.username());
            return "redirect:/console/account/passkeys?removed";
        }
        response.setStatus(404);
        return render(request, model, "signin.passkeys.not-found");
    }

    private String render(HttpServletRequest request, Model model, String notice) {
        ConsoleUser user = PageContext.signedIn();
        model.addAttribute("page", pages.page(request, "signin.passkeys.title").inSection("account"));
        model.addAttribute("view", new PasskeysView(credentials.of(user.accountId()).stream()
                .map(p -> new PasskeysView.Row(p.id(), p.label(), WHEN.format(p.created().atZone(zone)),
                        WHEN.format(p.lastUsed().atZone(zone))))
                .toList(), notice));
        return "signin/passkeys";
    }
}
