package nl.waarborg.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.waarborg.accounts.service.Accounts;
import nl.waarborg.staff.Roles;
import nl.waarborg.web.ConsoleClient;
import nl.waarborg.web.ServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every console page and action the service has, found from its handler mappings (so a page added later is covered
 * without naming it here), attacked by a signed-out visitor and by an account that has not yet replaced its
 * temporary password. Each page's own test checks the wrong roles.
 */
class PagesAccessTest extends ServiceTestBase {

    /** The pages a signed-out visitor must reach: the sign-in itself. */
    private static final Set<String> OPEN = Set.of("/console/signin");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    Accounts accounts;

    @Autowired
    nl.waarborg.web.RateLimiter limiter;

    @Test
    void aSignedOutVisitorIsSentToSignInFromEveryConsolePageAndAction() {
        List<String> wrong = new ArrayList<>();
        for (String[] route : consoleRoutes()) {
            limiter.forgetAll(); // every visitor here comes from localhost: a flood of them is another test's subject
            ConsoleClient visitor = new ConsoleClient(port);
            visitor.get("/console/signin"); // a real form token, so the refusal is the sign-in's, not the token's
            HttpResponse<String> r = route[0].equals("GET") ? visitor.get(route[1]) : visitor.post(route[1], Map.of());
            boolean toSignIn = r.statusCode() == 302
                    && r.headers().firstValue("Location").orElse("").endsWith("/console/signin");
            if (!toSignIn) {
                wrong.add(route[0] + " " + route[1] + " → " + r.statusCode());
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyConsoleActionNeedsTheFormToken() {
        ConsoleClient officer = ConsoleClient.signedIn(port, accounts, "access-token-po", Roles.PRIVACY_OFFICER);
        List<String> wrong = new ArrayList<>();
        for (String[] route : consoleRoutes()) {
            if (route[0].equals("POST")) {
                HttpResponse<String> r = officer.postRaw(route[1], Map.of());
                if (r.statusCode() != 403) {
                    wrong.add(route[1] + " → " + r.statusCode());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void anAccountWithATemporaryPasswordReachesNothingButThePasswordPage() {
        String password = ConsoleClient.account(accounts, "access-temporary", List.of(Roles.PRIVACY_OFFICER));
        ConsoleClient c = new ConsoleClient(port);
        c.signIn("access-temporary", password);
        List<String> wrong = new ArrayList<>();
        for (String[] route : consoleRoutes()) {
            limiter.forgetAll();
            if (route[0].equals("GET") && !route[1].equals("/console/password")) {
                HttpResponse<String> r = c.get(route[1]);
                if (r.statusCode() != 302 || !r.headers().firstValue("Location").orElse("").endsWith("/console/password")) {
                    wrong.add(route[1] + " → " + r.statusCode());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** Method and path of every console route but the sign-in, path variables filled with a made-up value. */
    private List<String[]> consoleRoutes() {
        Set<String> seen = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            if (info.getPathPatternsCondition() == null) {
                continue;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (!pattern.startsWith("/console") || OPEN.contains(pattern)) {
                    continue;
                }
                String path = pattern.replaceAll("\\{[^}]+}", "x1");
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    seen.add(m.name() + " " + path);
                }
            }
        }
        assertThat(seen).as("console routes found").isNotEmpty();
        return seen.stream().map(s -> s.split(" ", 2)).toList();
    }
}
