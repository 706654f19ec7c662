package nl.waarborg.pages;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import nl.waarborg.staff.ConsoleUser;
import nl.waarborg.policy.Lang;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * Makes the {@link Page} of a request: the language (the {@code lang} parameter, then the cookie the switch left, then
 * the browser's first choice, else Dutch), the form token and the signed-in person.
 */
@Component
public class PageContext {

    /** The cookie the language switch leaves ({@link LanguageCookie}); only nl or en are read from it. */
    public static final String LANG_COOKIE = "waarborg-lang";

    public Page page(HttpServletRequest request, String titleKey, Object... namesAndValues) {
        Texts t = Texts.of(lang(request));
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String query = withoutLang(request.getQueryString());
        String path = request.getRequestURI() + (query.isEmpty() ? "" : "?" + query);
        return new Page(t, t.t(titleKey, namesAndValues), path, csrf == null ? "_csrf" : csrf.getParameterName(),
                csrf == null ? "" : csrf.getToken(), signedIn(), null);
    }

    /** The person signed in to the console on this request's thread, or null. */
    public static ConsoleUser signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof ConsoleUser user ? user : null;
    }

    public static Lang lang(HttpServletRequest request) {
        Lang asked = parse(request.getParameter("lang"));
        if (asked != null) {
            return asked;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (LANG_COOKIE.equals(c.getName()) && parse(c.getValue()) != null) {
                    return parse(c.getValue());
                }
            }
        }
        String accept = request.getHeader("Accept-Language");
        if (accept != null && accept.strip().toLowerCase(Locale.ROOT).startsWith("en")) {
            return Lang.EN;
        }
        return Lang.NL;
    }

    private static Lang parse(String code) {
        if ("nl".equals(code)) {
            return Lang.NL;
        }
        return "en".equals(code) ? Lang.EN : null;
    }

    private static String withoutLang(String query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String part : query.split("&")) {
            if (!part.startsWith("lang=") && !part.isEmpty()) {
                out.append(out.isEmpty() ? "" : "&").append(part);
            }
        }
        return out.toString();
    }
}
