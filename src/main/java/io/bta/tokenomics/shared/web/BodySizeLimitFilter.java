package io.bta.tokenomics.shared.web;

import io.bta.tokenomics.shared.error.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every request body is at most {@code tokenomics.limits.max-body-size} (or {@code
 * max-bulk-body-size} for a POST to one of the {@code bulk-paths}), whatever the endpoint does with it. A declared {@code Content-Length} over the limit is answered 413 before anything
 * reads the body. A chunked body (no declared length) is read here, up to one byte past the limit:
 * over it, the same 413; within it, the request goes on with the bytes read, so the answer never
 * depends on whether the handler would have read the body. It runs before security, so an oversize
 * body costs no token check, no transaction and no JSON parsing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final AbuseLimits limits;
    private final JsonMapper json;

    BodySizeLimitFilter(AbuseLimits limits, JsonMapper json) {
        this.limits = limits;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int maxBytes = (int) limits.maxBodyBytes(
                request.getMethod(),
                request.getRequestURI().substring(request.getContextPath().length()));
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(response, maxBytes);
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
            var body = request.getInputStream().readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                refuse(response, maxBytes);
                return;
            }
            chain.doFilter(new CachedBodyRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response, int maxBytes) throws IOException {
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // the rest of the body is not read: the connection is closed rather than drained
        response.setHeader("Connection", "close");
        json.writeValue(response.getOutputStream(), Problems.tooLarge(maxBytes));
    }
}
