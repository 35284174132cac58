package io.bta.tokenomics.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A registered receiver. Its secret is not part of it: it is answered once, when created or
 * rotated ({@link CreatedEndpoint}). {@code consecutiveFailures} counts failed attempts since the
 * last success, {@code failingSince} is the first of them.
 */
public record WebhookEndpoint(
        UUID id,
        String url,
        String description,
        List<String> eventTypes,
        EndpointStatus status,
        String disabledReason,
        int consecutiveFailures,
        Instant failingSince,
        Instant lastSuccessAt,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * An endpoint's URL as it is kept: absolute http or https with a host and no fragment, the
     * scheme in lower case; otherwise refused with the message the client sees. Null stays null.
     */
    public static String checkedUrl(String text) {
        if (text == null) {
            return null;
        }
        try {
            var uri = new URI(text);
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
                throw new IllegalArgumentException("must be an http or https URL");
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                throw new IllegalArgumentException("must name a host");
            }
            if (uri.getFragment() != null) {
                throw new IllegalArgumentException("must not have a fragment");
            }
            return scheme.equals(uri.getScheme()) ? text : scheme + text.substring(scheme.length());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid URL: " + e.getReason());
        }
    }

    public enum EndpointStatus {
        ENABLED,
        DISABLED;

        /** The status named exactly (case matters), or refused with the message the client sees. */
        public static EndpointStatus of(String name) {
            for (var status : values()) {
                if (status.name().equals(name)) {
                    return status;
                }
            }
            throw new IllegalArgumentException("must be ENABLED or DISABLED");
        }
    }

    /** An endpoint with the secret that signs its deliveries, shown this once. */
    public record CreatedEndpoint(WebhookEndpoint endpoint, String secret) {}
}
