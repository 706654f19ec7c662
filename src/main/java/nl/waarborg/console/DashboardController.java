package nl.waarborg.console;

import jakarta.servlet.http.HttpServletRequest;
import nl.waarborg.pages.PageContext;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's first page after signing in. */
@Controller
class DashboardController {

    private final PageContext pages;

    DashboardController(PageContext pages) {
        this.pages = pages;
    }

    @GetMapping("/console")
    String dashboard(HttpServletRequest request, Model model) {
        model.addAttribute("page", pages.page(request, "console.dashboard.title").inSection("dashboard"));
        return "console/dashboard";
    }
}
