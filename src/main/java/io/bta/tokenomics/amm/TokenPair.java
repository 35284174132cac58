package io.bta.tokenomics.amm;

import io.bta.tokenomics.ledger.TokenId;
import java.util.Objects;

/**
 * Two different tokens in canonical order: {@code a} is the one whose id sorts first (as text,
 * which is also PostgreSQL's order of uuids). One pair is one pool, whichever order it is named in.
 */
public record TokenPair(TokenId a, TokenId b) {

    public TokenPair {
        Objects.requireNonNull(a, "tokenA");
        Objects.requireNonNull(b, "tokenB");
        if (a.equals(b)) {
            throw new IllegalArgumentException("must differ from tokenA: a pool pairs two different tokens");
        }
        if (a.toString().compareTo(b.toString()) > 0) {
            throw new IllegalArgumentException("a pair is in canonical order; use TokenPair.of");
        }
    }

    /** The pair of {@code x} and {@code y} in either order. */
    public static TokenPair of(TokenId x, TokenId y) {
        if (x != null && y != null && x.toString().compareTo(y.toString()) > 0) {
            return new TokenPair(y, x);
        }
        return new TokenPair(x, y);
    }

    public boolean contains(TokenId token) {
        return a.equals(token) || b.equals(token);
    }

    /** The pair's other token. */
    public TokenId other(TokenId token) {
        if (a.equals(token)) {
            return b;
        }
        if (b.equals(token)) {
            return a;
        }
        throw new IllegalArgumentException(token + " is not in the pair");
    }
}
