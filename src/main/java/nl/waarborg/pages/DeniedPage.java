package nl.waarborg.pages;

import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The page a person sees when the console or the portal refuses them (403), holds them off (429) or has no such page (404): in their
 * language, inside the usual layout, saying what they can do, and nothing about what they asked for.
 */
@Component
public class DeniedPage {

    private final TemplateEngine templates;
    private final PageContext pages;

    DeniedPage(TemplateEngine templates, PageContext pages) {
        this.templates = templates;
        this.pages = pages;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status) throws IOException {
        String kind = switch (status) {
            case TOO_MANY_REQUESTS -> "busy";
            case NOT_FOUND -> "missing";
            default -> "denied";
        };
        response.setStatus(status.value());
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding("UTF-8");
        templates.render("layout/denied.jte", Map.of("page", pages.page(request, "layout." + kind + ".title"),
                "kind", kind), new WriterOutput(response.getWriter()));
    }
}
