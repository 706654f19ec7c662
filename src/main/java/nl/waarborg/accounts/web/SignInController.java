package nl.waarborg.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import nl.waarborg.staff.ConsoleUser;
import nl.waarborg.accounts.PasswordRules;
import nl.waarborg.accounts.SignInOutcome;
import nl.waarborg.accounts.service.AccountRefusedException;
import nl.waarborg.accounts.service.Accounts;
import nl.waarborg.input.InvalidInputException;
import nl.waarborg.pages.Page;
import nl.waarborg.pages.PageContext;
import nl.waarborg.accounts.oidc.OidcSignIn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in to the console and changing one's password. One form takes name, password and (when the account has
 * it) the authenticator code; a refusal never says whether the name exists. A new session id is issued at sign-in,
 * so a session id planted before it is worth nothing after.
 */
@Controller
class SignInController {

    private final Accounts accounts;
    private final ConsoleUsers users;
    private final PageContext pages;
    private final ZoneId zone;

    private final ObjectProvider<OidcSignIn> oidc;

    SignInController(Accounts accounts, ConsoleUsers users, PageContext pages, java.time.Clock clock,
                     ObjectProvider<OidcSignIn> oidc) {
        this.oidc = oidc;
        this.accounts = accounts;
        this.users = users;
        this.pages = pages;
        this.zone = clock.getZone();
    }

    /** Passkey and OpenID Connect buttons for the sign-in page (docs/accounts.md). */
    @ModelAttribute("options")
    SignInOptions options(@RequestParam(required = false) String oidc) {
        OidcSignIn provider = this.oidc.getIfAvailable();
        return provider == null ? SignInOptions.NONE
                : new SignInOptions(provider.providerName(), OidcSignIn.AUTHORIZE, "refused".equals(oidc));
    }

    @GetMapping("/console/signin")
    String signInPage(HttpServletRequest request, Model model, @RequestParam(required = false) String signedout) {
        if (PageContext.signedIn() != null) {
            return "redirect:/console";
        }
        model.addAttribute("page", pages.page(request, "accounts.signin.title"));
        model.addAttribute("form", new SignInForm("", null, null, false, signedout != null));
        return "accounts/signin";
    }

    @PostMapping("/console/signin")
    String signIn(HttpServletRequest request, HttpServletResponse response, Model model,
                  @RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
                  @RequestParam(defaultValue = "") String code) {
        SignInOutcome outcome = accounts.authenticate(username, password, code.strip(), request.getRemoteAddr());
        switch (outcome) {
            case SignInOutcome.SignedIn s -> {
                ConsoleUsers.startSession(users.of(s.account(), s.mustChangePassword()), request, response);
                return s.mustChangePassword() ? "redirect:/console/password" : "redirect:/console";
            }
            case SignInOutcome.NeedsSecondFactor n -> {
                return again(request, response, model, username, 200, "accounts.signin.code-needed", null, true);
            }
            case SignInOutcome.Refused r -> {
                return switch (r.reason()) {
                    case CREDENTIALS -> again(request, response, model, username, 401, "accounts.signin.refused", null,
                            !code.isBlank());
                    case SECOND_FACTOR -> again(request, response, model, username, 401, "accounts.signin.code-wrong",
                            null, true);
                    case DISABLED -> again(request, response, model, username, 403, "accounts.signin.disabled", null, false);
                    case THROTTLED -> again(request, response, model, username, 429, "accounts.signin.throttled",
                            DateTimeFormatter.ofPattern("HH:mm").format(r.retryAfter().atZone(zone)), false);
                };
            }
        }
    }

    private String again(HttpServletRequest request, HttpServletResponse response, Model model, String username,
                         int status, String message, String arg, boolean askCode) {
        response.setStatus(status);
        model.addAttribute("page", pages.page(request, "accounts.signin.title"));
        // the name typed is shown back only as typed in this answer; never stored or logged
        model.addAttribute("form", new SignInForm(username.length() > 64 ? "" : username, message, arg, askCode, false));
        return "accounts/signin";
    }

    @GetMapping("/console/password")
    String passwordPage(HttpServletRequest request, Model model) {
        ConsoleUser user = PageContext.signedIn();
        model.addAttribute("page", pages.page(request, "accounts.password.title").inSection("account"));
        model.addAttribute("form", new PasswordForm(null, user != null && user.mustChangePassword()));
        return "accounts/password";
    }

    @PostMapping("/console/password")
    String changePassword(HttpServletRequest request, HttpServletResponse response, Model model,
                          @RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String next,
                          @RequestParam(defaultValue = "") String repeat) {
        ConsoleUser user = PageContext.signedIn();
        String problem = !next.equals(repeat) ? "accounts.password.repeat-differs"
                : PasswordRules.problem(user.username(), next).map(p -> "accounts.password." + p).orElse(null);
        if (problem == null) {
            try {
                var account = accounts.changePassword(user.accountId(), current, next);
                ConsoleUsers.startSession(users.of(account, false), request, response);
                return "redirect:/console?password=changed";
            } catch (AccountRefusedException e) {
                problem = "accounts.password.current-wrong";
            } catch (InvalidInputException e) {
                problem = "accounts.password.same";
            }
        }
        response.setStatus(422);
        Page page = pages.page(request, "accounts.password.title").inSection("account");
        model.addAttribute("page", page);
        model.addAttribute("form", new PasswordForm(problem, user.mustChangePassword()));
        return "accounts/password";
    }
}
