package nl.waarborg.pages;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.ResponseCookie;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Remembers the language a visitor chose with the switch ({@code ?lang=en}) for the pages they open next: a cookie
 * holding nl or en and nothing else, sent only to this service.
 */
public final class LanguageCookie extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String lang = request.getParameter("lang");
        if ("nl".equals(lang) || "en".equals(lang)) {
            response.addHeader("Set-Cookie", ResponseCookie.from(PageContext.LANG_COOKIE, lang).path("/").secure(true)
                    .httpOnly(true).sameSite("Lax").maxAge(Duration.ofDays(365)).build().toString());
        }
        chain.doFilter(request, response);
    }
}
