package io.bta.tokenomics.shared.idempotency;

import io.bta.tokenomics.shared.error.Problems;
import io.bta.tokenomics.shared.web.AbuseLimits;
import io.bta.tokenomics.shared.web.CachedBodyRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exactly-once for every state-changing request that carries an {@code Idempotency-Key} (IETF
 * httpapi draft): the same key and body from the same caller replays the first response; a
 * different body is a 422; a first attempt still running is a 409.
 *
 * <p>The request runs inside a transaction opened here, and its response is stored in that same
 * transaction, so a crash can never leave the effects committed without the key (or the reverse).
 * Refusals (4xx) are stored too, after their rollback, so a retry sees the same answer.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern KEY_FORMAT = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final IdempotencyStore store;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final List<IdempotencyDeferral> deferrals;
    private final AbuseLimits limits;

    IdempotencyFilter(
            IdempotencyStore store,
            TransactionTemplate transactions,
            JsonMapper json,
            List<IdempotencyDeferral> deferrals,
            AbuseLimits limits) {
        this.store = store;
        this.transactions = transactions;
        this.json = json;
        this.deferrals = List.copyOf(deferrals);
        this.limits = limits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !STATE_CHANGING.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            chain.doFilter(request, response); // security answers; nothing to remember
            return;
        }
        var key = request.getHeader(HEADER);
        if (!KEY_FORMAT.matcher(key).matches()) {
            write(
                    response,
                    Problems.of(
                            HttpStatus.BAD_REQUEST,
                            "INVALID_IDEMPOTENCY_KEY",
                            "Invalid input",
                            "Idempotency-Key must be 1 to 255 visible ASCII characters"));
            return;
        }
        int maxBodyBytes = (int) limits.maxBodyBytes(
                request.getMethod(),
                request.getRequestURI().substring(request.getContextPath().length()));
        var body = request.getInputStream().readNBytes(maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            write(
                    response,
                    Problems.of(
                            HttpStatus.CONTENT_TOO_LARGE,
                            "PAYLOAD_TOO_LARGE",
                            "Payload too large",
                            "the request body exceeds " + maxBodyBytes + " bytes"));
            return;
        }
        var caller = auth.getName();
        var fingerprint = fingerprint(request, body);
        if (deferred(request)) {
            runDeferred(new CachedBodyRequest(request, body), response, chain, caller, key, fingerprint);
            return;
        }
        var claim = store.claim(caller, key, fingerprint);
        if (claim instanceof IdempotencyStore.Replay replay) {
            response.setStatus(replay.status());
            if (replay.contentType() != null) {
                response.setContentType(replay.contentType());
            }
            response.setHeader("Idempotent-Replayed", "true");
            if (replay.body() != null) {
                response.getOutputStream().write(replay.body());
            }
        } else if (claim instanceof IdempotencyStore.Mismatch) {
            write(response, IdempotencyKeys.IdempotencyProblems.mismatch());
        } else if (claim instanceof IdempotencyStore.Acquired acquired) {
            run(new CachedBodyRequest(request, body), response, chain, caller, key, acquired);
        } else {
            response.setHeader("Retry-After", "1");
            write(response, IdempotencyKeys.IdempotencyProblems.inProgress());
        }
    }

    private boolean deferred(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        for (var d : deferrals) {
            if (d.defers(request.getMethod(), path)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A deferred path: no claim and no transaction here; the handler records the key with its
     * effects. What it answered without taking the key over (a 4xx from validation or
     * authorization) is recorded here, so that a retry gets the same answer.
     */
    private void runDeferred(
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            String caller,
            String key,
            String fingerprint)
            throws IOException, ServletException {
        var idempotent = new IdempotentRequest(caller, key, fingerprint);
        request.setAttribute(IdempotentRequest.ATTRIBUTE, idempotent);
        var captured = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, captured);
        int status = captured.getStatus();
        if (!idempotent.handled() && status >= 400 && status < 500) {
            store.recordCompleted(
                    caller, key, fingerprint, status, captured.getContentType(), captured.getContentAsByteArray());
        }
        captured.copyBodyToResponse();
    }

    private void run(
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            String caller,
            String key,
            IdempotencyStore.Acquired acquired)
            throws IOException, ServletException {
        var captured = new ContentCachingResponseWrapper(response);
        boolean done = false;
        try {
            boolean committed = Boolean.TRUE.equals(transactions.execute(tx -> {
                try {
                    chain.doFilter(request, captured);
                } catch (IOException | ServletException e) {
                    throw new ChainFailed(e);
                }
                if (isSuccess(captured.getStatus())
                        && !store.complete(
                                caller,
                                key,
                                acquired.lease(),
                                captured.getStatus(),
                                captured.getContentType(),
                                captured.getContentAsByteArray())) {
                    tx.setRollbackOnly();
                    return false;
                }
                if (!isSuccess(captured.getStatus())) {
                    tx.setRollbackOnly();
                }
                return true;
            }));
            if (!committed) {
                captured.resetBuffer();
                captured.setHeader("Retry-After", "1");
                write(
                        captured,
                        Problems.of(
                                HttpStatus.CONFLICT,
                                "IDEMPOTENCY_REQUEST_IN_PROGRESS",
                                "Conflict",
                                "a retry of this request took over; its outcome is stored under the same key"));
                done = true;
            } else if (captured.getStatus() >= 400 && captured.getStatus() < 500) {
                done = store.complete(
                        caller,
                        key,
                        acquired.lease(),
                        captured.getStatus(),
                        captured.getContentType(),
                        captured.getContentAsByteArray());
            } else {
                done = isSuccess(captured.getStatus());
            }
        } catch (ChainFailed e) {
            throw e.unwrap();
        } finally {
            if (!done) {
                store.release(caller, key, acquired.lease());
            }
        }
        captured.copyBodyToResponse();
    }

    @Scheduled(
            fixedDelayString = "${tokenomics.idempotency.cleanup-interval-ms:3600000}",
            initialDelayString = "${tokenomics.idempotency.cleanup-interval-ms:3600000}")
    void deleteExpiredKeys() {
        while (store.deleteExpired(1000) == 1000) {
            // keep going in small transactions
        }
    }

    private static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(request.getMethod().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) ' ');
            digest.update(request.getRequestURI().getBytes(StandardCharsets.UTF_8));
            if (request.getQueryString() != null) {
                digest.update((byte) '?');
                digest.update(request.getQueryString().getBytes(StandardCharsets.UTF_8));
            }
            digest.update((byte) '\n');
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private static final class ChainFailed extends RuntimeException {
        ChainFailed(Exception cause) {
            super(cause);
        }

        IOException unwrap() throws ServletException {
            if (getCause() instanceof ServletException se) {
                throw se;
            }
            return (IOException) getCause();
        }
    }
}
