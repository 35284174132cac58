package io.bta.tokenomics.web.internal;

import io.bta.tokenomics.shared.security.Caller;
import io.bta.tokenomics.shared.security.TokenAuthentication;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * The pages' own filter chain, ahead of the API's: the caller is read from the session cookie
 * (the same signed token and decoder as the API), forms need a CSRF token, and an unauthenticated
 * visitor is sent to the sign-in page instead of getting a 401 problem. The API's chain is left
 * as it is. The one API path served here is the event stream, and only for a GET that carries the
 * session cookie and no Authorization header: a browser's EventSource cannot send a bearer header.
 */
@Configuration(proxyBeanMethods = false)
class PageSecurity {

    static final String SIGN_IN = "/app/sign-in";

    private static final String[] PUBLIC = {"/", SIGN_IN, "/app/dev-sign-in", "/app/assets/**", "/webjars/**"};

    @Bean
    @Order(1)
    SecurityFilterChain pageFilterChain(HttpSecurity http, JwtDecoder decoder, TokenAuthentication tokens)
            throws Exception {
        var paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher eventStreamWithCookie = request -> HttpMethod.GET.matches(request.getMethod())
                && "/api/events/stream".equals(request.getRequestURI())
                && request.getHeader("Authorization") == null
                && SessionCookie.read(request) != null;
        var csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieCustomizer(c -> c.sameSite("Strict"));

        http.securityMatcher(new OrRequestMatcher(
                        paths.matcher("/"),
                        paths.matcher("/app/**"),
                        paths.matcher("/webjars/**"),
                        eventStreamWithCookie))
                // No HTTP session, and no session management: its filter would treat every request
                // authenticated from the cookie as a new sign-in and rotate the CSRF token under the page.
                .sessionManagement(s -> s.disable())
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(c -> c.disable())
                .csrf(c -> c.csrfTokenRepository(csrfTokens))
                .addFilterAfter(new LoadCsrfToken(), CsrfFilter.class)
                .addFilterBefore(new CookieAuthentication(decoder, tokens), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.requestMatchers(PUBLIC)
                        .permitAll()
                        .requestMatchers("/app/admin", "/app/admin/**")
                        .hasRole(Caller.ADMIN)
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(toSignIn()).accessDeniedHandler(denied()))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data: https:; style-src 'self'; script-src 'self'; "
                                + "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")));
        return http.build();
    }

    /** No session, or one that no longer verifies (expired): sign in again. */
    private static AuthenticationEntryPoint toSignIn() {
        return (request, response, e) -> {
            if (request.getHeader("HX-Request") != null) {
                response.setHeader("HX-Redirect", SIGN_IN);
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
            if (request.getRequestURI().startsWith("/api/")) {
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
            response.sendRedirect(SIGN_IN);
        };
    }

    private static AccessDeniedHandler denied() {
        return (request, response, e) -> {
            var message = e instanceof CsrfException
                    ? "This form has expired or did not come from this site (CSRF check failed). Reload the page and try again."
                    : "You may not open this page.";
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/html;charset=UTF-8");
            response.getOutputStream()
                    .write(("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Forbidden</title>"
                                    + "<link rel=\"stylesheet\" href=\"/app/assets/app.css\"></head><body><main class=\"page\">"
                                    + "<h1>Forbidden</h1><p role=\"alert\">" + HtmlUtils.htmlEscape(message)
                                    + "</p><p><a href=\"/app/wallet\">Back to the wallet</a></p></main></body></html>")
                            .getBytes(StandardCharsets.UTF_8));
        };
    }

    /**
     * Authenticates from the session cookie with the API's decoder. Not the resource server's
     * bearer-token filter: that one exempts every request carrying a token from CSRF checks,
     * which is right for a header and wrong for a cookie the browser adds by itself. A token that
     * no longer verifies is forgotten; the request goes on unauthenticated.
     */
    private static final class CookieAuthentication extends OncePerRequestFilter {

        private final JwtDecoder decoder;
        private final TokenAuthentication converter;

        CookieAuthentication(JwtDecoder decoder, TokenAuthentication converter) {
            this.decoder = decoder;
            this.converter = converter;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var token = SessionCookie.read(request);
            if (token != null) {
                try {
                    var authentication = converter.convert(decoder.decode(token));
                    var context =
                            SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
                    context.setAuthentication(authentication);
                    SecurityContextHolder.getContextHolderStrategy().setContext(context);
                } catch (JwtException e) {
                    SessionCookie.clear(request, response);
                }
            }
            chain.doFilter(request, response);
        }
    }

    /**
     * Reads the CSRF token before the page renders, so that its cookie is written while the
     * response headers are still open (a lazily read token would set it after the body began).
     */
    private static final class LoadCsrfToken extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
