package nl.waarborg.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.waarborg.staff.ConsoleUser;
import nl.waarborg.staff.Roles;
import nl.waarborg.accounts.StaffAccount;
import nl.waarborg.accounts.service.AccountConflictException;
import nl.waarborg.accounts.service.AccountRefusedException;
import nl.waarborg.accounts.service.Accounts;
import nl.waarborg.input.InvalidInputException;
import nl.waarborg.pages.PageContext;
import nl.waarborg.pages.Texts;
import nl.waarborg.policy.Policy;
import nl.waarborg.policy.service.ActivePolicy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * My account (any signed-in person: password, TOTP enrolment) and the accounts page (administrators: list, make,
 * disable). Who acts is always read again from the database ({@code accounts.find(user.accountId())}), never taken
 * from the session: a session made before an account lost its role or was disabled must not keep its power.
 */
@Controller
class AccountPagesController {

    static final int PAGE = 50;
    private static final Pattern SECRET = Pattern.compile("[?&]secret=([A-Z2-7]+)");

    private final Accounts accounts;
    private final ActivePolicy policy;
    private final PageContext pages;

    AccountPagesController(Accounts accounts, ActivePolicy policy, PageContext pages) {
        this.accounts = accounts;
        this.policy = policy;
        this.pages = pages;
    }

    // --- my account

    @GetMapping("/console/account")
    String mine(HttpServletRequest request, Model model, @RequestParam(required = false) String done) {
        StaffAccount me = me();
        String notice = "totp-on".equals(done) ? "accounts.account.totp-now-on" : null;
        model.addAttribute("page", pages.page(request, "accounts.account.title").inSection("account"));
        model.addAttribute("mine", new AccountPages.Mine(me, notice));
        return "accounts/account";
    }

    @PostMapping("/console/account/totp")
    String startTotp(HttpServletRequest request, HttpServletResponse response, Model model) {
        StaffAccount me = me();
        if (me.totpEnabled()) {
            return "redirect:/console/account";
        }
        Accounts.TotpEnrolment enrolment = accounts.enrolTotp(me.id());
        model.addAttribute("page", pages.page(request, "accounts.totp.title").inSection("account"));
        model.addAttribute("totp", new AccountPages.Totp(enrolment.uri(), groups(enrolment.uri()), null));
        response.setHeader("Cache-Control", "no-store"); // the secret is on this page: no copy in a cache
        return "accounts/totp";
    }

    @PostMapping("/console/account/totp/confirm")
    String confirmTotp(HttpServletRequest request, HttpServletResponse response, Model model,
                       @RequestParam(defaultValue = "") String code) {
        StaffAccount me = me();
        try {
            accounts.confirmTotp(me.id(), code.strip());
            return "redirect:/console/account?done=totp-on";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("page", pages.page(request, "accounts.totp.title").inSection("account"));
            // the secret is not shown again: it is in the app already, or the enrolment starts anew
            model.addAttribute("totp", new AccountPages.Totp(null, null, "accounts.totp.code-wrong"));
            return "accounts/totp";
        } catch (AccountConflictException e) {
            return "redirect:/console/account";
        }
    }

    /** The secret in groups of four characters, as people type it into an app that cannot scan. */
    static String groups(String uri) {
        Matcher m = SECRET.matcher(uri);
        if (!m.find()) {
            return "";
        }
        String s = m.group(1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i += 4) {
            b.append(i == 0 ? "" : " ").append(s, i, Math.min(s.length(), i + 4));
        }
        return b.toString();
    }

    // --- accounts (administrators)

    @GetMapping("/console/accounts")
    String list(HttpServletRequest request, Model model, @RequestParam(defaultValue = "") String after,
                @RequestParam(required = false) String done) {
        String notice = "disabled".equals(done) ? "accounts.list.disabled-done" : null;
        return listing(request, model, after, new AccountPages.Form("", "", List.of()), List.of(), notice);
    }

    private String listing(HttpServletRequest request, Model model, String after, AccountPages.Form form,
                           List<AccountPages.Problem> problems, String notice) {
        List<StaffAccount> page = accounts.list(after, PAGE + 1);
        String next = page.size() > PAGE ? "/console/accounts?after="
                + URLEncoder.encode(page.get(PAGE - 1).username(), StandardCharsets.UTF_8) : null;
        Texts t = Texts.of(PageContext.lang(request));
        List<AccountPages.Role> roles = new ArrayList<>();
        for (String r : Roles.BUILT_IN) {
            roles.add(new AccountPages.Role(r, t.t("accounts.role." + r)));
        }
        for (Policy.Role r : policy.policy().roles()) {
            if (!Roles.builtIn(r.id())) {
                roles.add(new AccountPages.Role(r.id(), r.name() == null ? r.id() : r.name().in(t.lang())));
            }
        }
        model.addAttribute("page", pages.page(request, "accounts.list.title").inSection("accounts"));
        model.addAttribute("listing", new AccountPages.Listing(page.size() > PAGE ? page.subList(0, PAGE) : page, next,
                roles, form, problems, notice));
        return "accounts/list";
    }

    @PostMapping("/console/accounts")
    String create(HttpServletRequest request, HttpServletResponse response, Model model,
                  @RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String displayName,
                  @RequestParam(required = false) List<String> roles) {
        List<String> chosen = roles == null ? List.of() : roles;
        AccountPages.Form form = new AccountPages.Form(username.strip(), displayName.strip(), chosen);
        String password = Accounts.temporaryPassword();
        try {
            StaffAccount made = accounts.create(me(), new Accounts.NewAccount(form.username(), form.displayName(),
                    chosen, password));
            response.setStatus(201);
            response.setHeader("Cache-Control", "no-store"); // the password is on this page
            model.addAttribute("page", pages.page(request, "accounts.created.title").inSection("accounts"));
            model.addAttribute("created", new AccountPages.Created(made, password));
            return "accounts/created";
        } catch (InvalidInputException e) {
            Object named = e.getBody().getProperties() == null ? null : e.getBody().getProperties().get("field");
            String field = named == null ? "username" : named.toString().startsWith("roles") ? "roles"
                    : named.toString().equals("displayName") ? "displayName" : "username";
            response.setStatus(422);
            return listing(request, model, "", form, List.of(new AccountPages.Problem(field,
                    "accounts.list.problem." + field)), null);
        } catch (AccountConflictException e) {
            response.setStatus(409);
            return listing(request, model, "", form, List.of(new AccountPages.Problem("username",
                    "accounts.list.problem.taken")), null);
        } catch (AccountRefusedException e) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    @PostMapping("/console/accounts/{id}/disable")
    String disable(HttpServletRequest request, HttpServletResponse response, Model model, @PathVariable String id) {
        UUID target;
        try {
            target = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            accounts.disable(me(), target);
            return "redirect:/console/accounts?done=disabled";
        } catch (AccountConflictException e) {
            response.setStatus(409);
            return listing(request, model, "", new AccountPages.Form("", "", List.of()),
                    List.of(new AccountPages.Problem("list", "accounts.list.problem.last-administrator")), null);
        } catch (InvalidInputException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (AccountRefusedException e) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    /** The signed-in account as stored now; a session whose account is gone is refused. */
    private StaffAccount me() {
        ConsoleUser user = PageContext.signedIn();
        return accounts.find(user.accountId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }
}
