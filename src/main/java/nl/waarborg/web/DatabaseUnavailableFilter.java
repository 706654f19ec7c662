package nl.waarborg.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import nl.waarborg.database.DatabaseAvailability;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the embedded database is down (its watchdog says so, docs/database.md), every request but health gets a
 * 503 problem at once: waiting for a connection that cannot come only piles requests up. With an external database
 * there is no watchdog and this filter lets everything through.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "5";

    private final DatabaseAvailability availability;

    DatabaseUnavailableFilter(ObjectProvider<DatabaseAvailability> availability) {
        this.availability = availability.getIfAvailable();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return availability == null || availability.isUp() || request.getRequestURI().startsWith("/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        Problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable",
                "The database is being started again; try again in a few seconds.");
    }
}
