package nl.waarborg.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import nl.waarborg.input.InputLimits;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies before anything reads them: {@code waarborg.input.max-batch-body} for the batch calls
 * (10,000 subjects, items or questions), {@code waarborg.input.max-body} for every other call. A declared
 * Content-Length over the limit is refused at once (413); a chunked body is counted as it is read and stops at
 * the limit, so no oversized body is ever held in memory. Runs first, before authentication: a 100 MB body is
 * refused without being read, whoever sends it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimit extends OncePerRequestFilter {

    static final Set<String> BATCH_PATHS = Set.of("/api/v1/subjects/batch", "/api/v1/items/batch", "/api/v1/decisions");
    static final java.util.regex.Pattern ID_COPY = java.util.regex.Pattern.compile("/api/v1/requests/[^/]+/identity/copy");

    private final long maxBody;
    private final long maxBatchBody;

    RequestBodyLimit(InputLimits limits) {
        this.maxBody = limits.maxBody().toBytes();
        this.maxBatchBody = limits.maxBatchBody().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // an ID copy (up to waarborg.requests.max-id-copy, checked as it is read) may be larger than a JSON body
        long limit = BATCH_PATHS.contains(request.getRequestURI()) || ID_COPY.matcher(request.getRequestURI()).matches()
                ? maxBatchBody : maxBody;
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            Problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "Content too large",
                    "the request body is larger than " + limit + " bytes");
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    /** Thrown by the body's stream once more than the limit has been read; ApiErrors answers 413. */
    static final class BodyTooLargeException extends IOException {
        private final long limit;

        BodyTooLargeException(long limit) {
            super("request body over " + limit + " bytes");
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
