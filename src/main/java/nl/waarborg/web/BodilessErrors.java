package nl.waarborg.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An error status set without a body (the actuator's 404 of an unknown health group, a handler answering a bare
 * status) gets the problem+json every other error has. Only a response that wrote nothing and is not committed
 * is completed; HEAD responses stay bodiless.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class BodilessErrors extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Watched watched = new Watched(response);
        chain.doFilter(request, watched);
        HttpStatus status = HttpStatus.resolve(response.getStatus());
        if (status != null && status.isError() && !watched.bodyStarted && !response.isCommitted()
                && !"HEAD".equals(request.getMethod()) && !request.isAsyncStarted()) {
            Problems.write(response, status, status.getReasonPhrase(), ProblemErrorController.detail(status));
        }
    }

    private static final class Watched extends HttpServletResponseWrapper {
        boolean bodyStarted;

        Watched(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            bodyStarted = true;
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            bodyStarted = true;
            return super.getWriter();
        }

        @Override
        public void sendError(int sc) throws IOException {
            bodyStarted = true; // the error page writes it
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            bodyStarted = true;
            super.sendError(sc, msg);
        }
    }
}
