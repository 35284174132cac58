package io.bta.tokenomics.shared.web;

import io.bta.tokenomics.shared.error.Inputs;

/**
 * The one reading of a list endpoint's {@code limit} and {@code cursor} parameters. Every list
 * endpoint has the same ceiling, {@link #MAX_LIMIT}; a limit outside 1..MAX_LIMIT is a 400 naming
 * {@code limit}, never clamped, so that a client asking for more than it can get learns it at once
 * instead of mistaking a short page for the end.
 */
public final class Paging {

    /** The largest page any list endpoint answers with. */
    public static final int MAX_LIMIT = 100;

    /** The page size when the request names none. */
    public static final int DEFAULT_LIMIT = 50;

    private Paging() {}

    /** The page size asked for ({@link #DEFAULT_LIMIT} when absent), or an error collected in {@code in}. */
    public static int limit(Inputs in, Integer requested) {
        return limit(in, requested, DEFAULT_LIMIT);
    }

    /** As {@link #limit(Inputs, Integer)}, with a default of the endpoint's own (at most {@link #MAX_LIMIT}). */
    public static int limit(Inputs in, Integer requested, int defaultLimit) {
        if (defaultLimit < 1 || defaultLimit > MAX_LIMIT) {
            throw new IllegalArgumentException("a default page size must be between 1 and " + MAX_LIMIT);
        }
        if (requested == null) {
            return defaultLimit;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            in.reject("limit", "must be between 1 and " + MAX_LIMIT);
            return defaultLimit;
        }
        return requested;
    }

    /**
     * An opaque cursor as the client sent it, checked to be one this API could have issued (a
     * base64url string of bounded length); null when absent. The module decodes its position.
     */
    public static String cursor(Inputs in, String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        if (cursor.length() > MAX_CURSOR_LENGTH || !cursor.matches("[A-Za-z0-9_-]+")) {
            in.reject("cursor", "is not a cursor returned by this API");
            return null;
        }
        return cursor;
    }

    private static final int MAX_CURSOR_LENGTH = 512;
}
