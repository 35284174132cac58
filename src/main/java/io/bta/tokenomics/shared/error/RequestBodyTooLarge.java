package io.bta.tokenomics.shared.error;

import java.io.IOException;

/**
 * Thrown by a request body's stream once it has given more bytes than the configured limit (a
 * chunked body, whose length is not known up front). An {@link IOException}, so that whatever reads
 * the body (the JSON converter, the idempotency filter) fails as on a broken stream; the body size
 * filter and {@code ProblemHandler} turn it into a 413.
 */
public final class RequestBodyTooLarge extends IOException {

    private final long limitBytes;

    public RequestBodyTooLarge(long limitBytes) {
        super("the request body exceeds " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // a client's doing, not a bug: no stack trace to collect
    }

    public long limitBytes() {
        return limitBytes;
    }
}
