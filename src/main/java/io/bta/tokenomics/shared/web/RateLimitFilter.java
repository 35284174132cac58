package io.bta.tokenomics.shared.web;

import io.bta.tokenomics.shared.error.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Counts every state-changing request under {@code /api/} against its caller's bucket: the
 * authenticated subject (a token's {@code sub}, or {@code service:<name>} for an API key), or the
 * remote address when there is none. It sits in the security chain right after authentication, so
 * it knows the caller, and before authorization and the idempotency filter, so a refused request
 * does nothing at all (not even claim its key). Over the rate: 429 with {@code Retry-After}.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final RateLimiter limiter;
    private final JsonMapper json;
    private final AntPathMatcher paths = new AntPathMatcher();

    public RateLimitFilter(RateLimiter limiter, JsonMapper json) {
        this.limiter = limiter;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!limiter.settings().enabled() || !STATE_CHANGING.contains(request.getMethod())) {
            return true;
        }
        var path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/")) {
            return true;
        }
        for (var excluded : limiter.settings().excludePaths()) {
            if (paths.match(excluded, path)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        boolean authenticated =
                auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
        var caller = authenticated ? "sub:" + auth.getName() : "addr:" + request.getRemoteAddr();
        if (limiter.acquire(caller, authenticated) instanceof RateLimiter.Decision.Refused refused) {
            long seconds = Math.max(1, (refused.retryAfter().toMillis() + 999) / 1000);
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            var problem = Problems.of(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "RATE_LIMITED",
                    "Too many requests",
                    "more than " + limiter.settings().requestsPerSecond() + " state-changing requests a second"
                            + " (bursts of " + limiter.settings().burst() + ") from this caller; retry after "
                            + seconds + " s");
            problem.setProperty("retryAfterSeconds", seconds);
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(request, response);
    }
}
