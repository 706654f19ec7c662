package nl.waarborg.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import nl.waarborg.pages.PageContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The pages' locale is the language they are written in ({@link PageContext#lang}: the switch, its cookie, the browser):
 * Spring MVC sets {@code Content-Language} from it when it renders a page, which would otherwise say the browser's
 * language while the page is in another (the portal's home page answers nl to a visitor whose browser asks nothing).
 */
@Component("localeResolver")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PageLocales implements LocaleResolver {

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return Locale.of(PageContext.lang(request).code());
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("the language is chosen with ?lang= (LanguageCookie)");
    }
}
