package io.bta.tokenomics.shared.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The identity provider's public keys (its JWKS), fetched over HTTP and kept for
 * {@code jwks-cache-ttl} on the given clock. A token whose key is not in the kept set fetches the
 * set again, at most once per {@code jwks-refetch-interval} (a flood of tokens with made-up
 * {@code kid}s costs the provider one request per interval), so a key the provider adds is
 * accepted at once. Once the kept set has expired and cannot be fetched again, no key is given out:
 * every token is refused until the provider answers (fail closed). With only an issuer configured,
 * the JWKS address is read from the issuer's OpenID discovery document on first use.
 *
 * <p>Metric {@code tokenomics.security.jwks.fetches} by {@code outcome} ({@code ok}, {@code failed}).
 */
final class IdentityProviderKeys implements JWKSource<SecurityContext> {

    /** The keys cannot be had now: the provider did not answer, or answered something else than a JWKS. */
    static final class Unavailable extends KeySourceException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record Kept(JWKSet keys, Instant fetchedAt) {}

    private final TokenSettings settings;
    private final Clock clock;
    private final HttpClient http;
    private final Counter fetched;
    private final Counter failed;
    private volatile URI location;
    private volatile Kept kept;
    private Instant lastAttempt;
    private boolean lastFailed;

    IdentityProviderKeys(TokenSettings settings, Clock clock, MeterRegistry meters) {
        this.settings = settings;
        this.clock = clock;
        this.location = settings.jwkSetUri();
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.own().jwksTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.fetched = Counter.builder("tokenomics.security.jwks.fetches")
                .description("Fetches of the identity provider's key set")
                .tag("outcome", "ok")
                .register(meters);
        this.failed = Counter.builder("tokenomics.security.jwks.fetches")
                .description("Fetches of the identity provider's key set")
                .tag("outcome", "failed")
                .register(meters);
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        var now = clock.instant();
        var current = kept;
        if (current == null || expired(current, now)) {
            current = refresh(now, current, true);
        }
        var found = selector.select(current.keys());
        if (found.isEmpty() && mayRefetch(now)) {
            current = refresh(now, current, false);
            found = selector.select(current.keys());
        }
        return found;
    }

    private boolean expired(Kept current, Instant now) {
        return !now.isBefore(current.fetchedAt().plus(settings.own().jwksCacheTtl()));
    }

    private synchronized boolean mayRefetch(Instant now) {
        return lastAttempt == null
                || !now.isBefore(lastAttempt.plus(settings.own().jwksRefetchInterval()));
    }

    /**
     * Fetches the set unless another caller just did. {@code required}: the kept set is gone or
     * expired, so a failure refuses; otherwise a failure keeps the set that is still valid.
     */
    private synchronized Kept refresh(Instant now, Kept seen, boolean required) throws Unavailable {
        if (kept != seen && kept != null && !expired(kept, now)) {
            return kept; // fetched meanwhile
        }
        if (!mayRefetch(now)) {
            if (!required) {
                return kept;
            }
            if (lastFailed) { // a provider that is down is asked once per interval, not once per request
                throw new Unavailable("the identity provider's key set could not be fetched", null);
            }
        }
        lastAttempt = now;
        try {
            var keys = JWKSet.parse(fetch(location()));
            fetched.increment();
            lastFailed = false;
            kept = new Kept(keys, now);
            return kept;
        } catch (IOException | ParseException | RuntimeException e) {
            failed.increment();
            lastFailed = true;
            if (required) {
                kept = null;
                throw new Unavailable("the identity provider's key set could not be fetched", e);
            }
            return kept;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while fetching the identity provider's key set", e);
        }
    }

    private URI location() throws IOException, InterruptedException {
        if (location == null) {
            var issuer = settings.issuer();
            var discovery = URI.create((issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer)
                    + "/.well-known/openid-configuration");
            var document = JsonMapper.builder().build().readTree(fetch(discovery));
            if (!issuer.equals(document.path("issuer").asString(""))) {
                throw new IOException("the discovery document of " + issuer + " names another issuer");
            }
            var jwks = document.path("jwks_uri").asString("");
            if (jwks.isBlank()) {
                throw new IOException("the discovery document of " + issuer + " has no jwks_uri");
            }
            location = URI.create(jwks);
        }
        return location;
    }

    private String fetch(URI uri) throws IOException, InterruptedException {
        var response = http.send(
                HttpRequest.newBuilder(uri)
                        .timeout(settings.own().jwksTimeout())
                        .header("Accept", "application/json")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered " + response.statusCode());
        }
        return response.body();
    }
}
