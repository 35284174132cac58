package io.bta.tokenomics.shared.idempotency;

import io.bta.tokenomics.shared.batching.KeptAnswers;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;

/**
 * A state-changing request that carries an {@code Idempotency-Key} on a path whose handler records
 * the key itself, in the same database transaction as its effects (see {@link IdempotencyDeferral}).
 * The filter attaches it to the request; the handler passes it on with its work and marks it
 * handled. A request whose handler answered before passing it on (a 4xx from validation, say) is
 * recorded by the filter instead. It is the {@link KeptAnswers.Ticket} a batch writer carries.
 */
public final class IdempotentRequest implements KeptAnswers.Ticket {

    static final String ATTRIBUTE = IdempotentRequest.class.getName();

    private final String caller;
    private final String key;
    private final String fingerprint;
    private volatile boolean handled;

    IdempotentRequest(String caller, String key, String fingerprint) {
        this.caller = Objects.requireNonNull(caller);
        this.key = Objects.requireNonNull(key);
        this.fingerprint = Objects.requireNonNull(fingerprint);
    }

    /**
     * A key that a handler keeps itself, with no {@code Idempotency-Key} header: the one-time
     * request id of a web form, say, claimed and completed through {@link IdempotencyKeys}.
     */
    public static IdempotentRequest of(String caller, String key, String fingerprint) {
        return new IdempotentRequest(caller, key, fingerprint);
    }

    /** The request's idempotency, or null when it carries no key (or its path is not deferred). */
    public static IdempotentRequest of(HttpServletRequest request) {
        return (IdempotentRequest) request.getAttribute(ATTRIBUTE);
    }

    public String caller() {
        return caller;
    }

    public String key() {
        return key;
    }

    public String fingerprint() {
        return fingerprint;
    }

    /** Says that the handler took the key over: its response is recorded with its effects. */
    @Override
    public void markHandled() {
        handled = true;
    }

    boolean handled() {
        return handled;
    }

    @Override
    public String toString() {
        return "IdempotentRequest[" + caller + ", " + key + "]";
    }
}
