package io.bta.tokenomics.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One line per API request: method, path, status, time and caller. Never headers, bodies or query
 * strings, so no token, key or secret can reach the log.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class RequestLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("io.bta.tokenomics.requests");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (log.isInfoEnabled()) {
                var auth = SecurityContextHolder.getContext().getAuthentication();
                log.info(
                        "{} {} {} {}ms caller={}",
                        request.getMethod(),
                        request.getRequestURI(),
                        response.getStatus(),
                        (System.nanoTime() - start) / 1_000_000,
                        auth == null ? "-" : auth.getName());
            }
        }
    }
}
