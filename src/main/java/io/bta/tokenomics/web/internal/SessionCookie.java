package io.bta.tokenomics.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.util.WebUtils;

/**
 * The page session: the platform's signed token itself, in a cookie scripts cannot read
 * (HttpOnly), sent only to this site (SameSite=Strict) and only over https when the page came over
 * https. It lives no longer than the token.
 */
final class SessionCookie {

    static final String NAME = "bta_session";

    private SessionCookie() {}

    static String read(HttpServletRequest request) {
        var cookie = WebUtils.getCookie(request, NAME);
        return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }

    static void write(
            HttpServletRequest request, HttpServletResponse response, String token, Instant expiresAt, Instant now) {
        var maxAge = Duration.between(now, expiresAt);
        response.addHeader(
                HttpHeaders.SET_COOKIE,
                base(request, token)
                        .maxAge(maxAge.isNegative() ? Duration.ZERO : maxAge)
                        .build()
                        .toString());
    }

    static void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(
                HttpHeaders.SET_COOKIE, base(request, "").maxAge(0).build().toString());
    }

    private static ResponseCookie.ResponseCookieBuilder base(HttpServletRequest request, String value) {
        return ResponseCookie.from(NAME, value)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Strict")
                .path("/");
    }
}
