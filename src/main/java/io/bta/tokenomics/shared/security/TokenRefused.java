package io.bta.tokenomics.shared.security;

import org.springframework.security.oauth2.jwt.BadJwtException;

/**
 * A bearer token refused for a reason the client may read: its message is written here, for the
 * client, and never repeats the token's data. {@code reason} names the kind of refusal in the
 * metric {@code tokenomics.security.tokens.refused}.
 */
class TokenRefused extends BadJwtException {

    private final String reason;

    TokenRefused(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }

    /** The refusal behind {@code e}, if one of the checks here refused the token. */
    static TokenRefused in(Throwable e) {
        for (var t = e; t != null; t = t.getCause()) {
            if (t instanceof TokenRefused refused) {
                return refused;
            }
        }
        return null;
    }
}
