package io.bta.tokenomics.web.internal;

import io.bta.tokenomics.shared.Ids;
import io.bta.tokenomics.shared.error.InvalidInput;
import io.bta.tokenomics.shared.idempotency.IdempotencyKeys;
import io.bta.tokenomics.shared.idempotency.IdempotentRequest;
import io.bta.tokenomics.shared.idempotency.StoredResponse;
import io.bta.tokenomics.shared.security.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exactly-once for the forms that move value. Each such form carries a one-time request id
 * ({@value #FIELD}, a UUIDv7 made when the page is rendered). On submit, the id is claimed for the
 * caller in the same database transaction as the facade's work (which joins it, so the ledger does
 * not go through group commit), and completed there with the page the form redirects to: both
 * commit or neither does. A second submit with the same id waits for the first on the key's row,
 * then is sent to that same page with a notice, and applies nothing.
 *
 * <p>A refused attempt (bad input, a rule of the facade) rolls back with its claim, so the id is
 * not used up: the form comes back with the same id and the corrected submit applies once. The
 * fingerprint is the form's name, not its values: the same id sent back with other values after it
 * was applied (back, edit, send) is answered as a repeat and applies nothing; an id sent to another
 * form is refused with a 409 page.
 *
 * <p>The transaction is opened here rather than in a facade because the unit of work is "this
 * form, once", which no facade knows; the keys live in the shared kernel's idempotency table, so
 * they expire with the API's keys (24 h by default).
 */
@Component("pageRequests")
public class PageRequests {

    static final String FIELD = "requestId";
    static final String KEY_PREFIX = "web:";
    static final String AGAIN = "again";

    /** How far the clocks of two instances may differ, for the age of a request id. */
    static final Duration CLOCK_MARGIN = Duration.ofMinutes(5);

    private final IdempotencyKeys keys;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PageRequests(IdempotencyKeys keys, PlatformTransactionManager transactionManager, Clock clock) {
        this.keys = keys;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** A fresh request id for a form being rendered. Public because the templates call it. */
    public String newId() {
        return Ids.newId(clock).toString();
    }

    /**
     * The id a form was sent with. A missing or malformed one is refused (400) before any work, and
     * so is one made longer ago than the keys are kept (less a margin for clocks that differ):
     * within that time a repeat always finds the first claim, after it a repeat could apply again.
     */
    UUID requestId(String value) {
        var given = Forms.given(value);
        if (given == null) {
            throw InvalidInput.field(FIELD, "is missing: open the page again and send the form from there");
        }
        UUID id;
        try {
            id = Ids.parse(given);
        } catch (IllegalArgumentException e) {
            id = null;
        }
        if (id == null || !id.toString().equals(given.toLowerCase(Locale.ROOT)) || id.version() != 7) {
            throw InvalidInput.field(FIELD, "is malformed: open the page again and send the form from there");
        }
        var made = Instant.ofEpochMilli(id.getMostSignificantBits() >>> 16);
        var now = clock.instant();
        if (made.isAfter(now.plus(CLOCK_MARGIN))
                || !made.isAfter(now.minus(keys.ttl()).plus(CLOCK_MARGIN))) {
            throw InvalidInput.field(FIELD, "is out of date: open the page again and send the form from there");
        }
        return id;
    }

    /**
     * Runs {@code work} (which returns the path to redirect to) once for this caller and request id,
     * in one transaction with the claim. A repeat redirects to the first submit's page with
     * {@code again=1}. A refusal thrown by the work rolls everything back and is rethrown.
     */
    String once(String form, UUID requestId, Supplier<String> work) {
        var caller = Caller.current().id().value();
        var request = IdempotentRequest.of(caller, KEY_PREFIX + requestId, fingerprint(form));
        return transactions.execute(status -> {
            var earlier = keys.claimAll(List.of(request)).get(request);
            if (earlier != null) {
                return "redirect:" + repeated(form, earlier);
            }
            var location = work.get();
            keys.completeAll(Map.of(
                    request,
                    StoredResponse.json(
                            HttpStatus.SEE_OTHER.value(), "text/plain", location.getBytes(StandardCharsets.UTF_8))));
            return "redirect:" + location;
        });
    }

    /** Where a repeated submit goes: the first one's page, marked as a repeat. */
    private static String repeated(String form, StoredResponse earlier) {
        if (!earlier.replayed() || earlier.status() != HttpStatus.SEE_OTHER.value() || earlier.body() == null) {
            // Another form's id (a different fingerprint), or a first attempt that has not finished.
            throw new FormAlreadySent(earlier.retryLater());
        }
        var location = new String(earlier.body(), StandardCharsets.UTF_8);
        int hash = location.indexOf('#');
        var path = hash < 0 ? location : location.substring(0, hash);
        var anchor = hash < 0 ? "" : location.substring(hash);
        return path + (path.contains("?") ? "&" : "?") + AGAIN + "=1" + anchor;
    }

    private static String fingerprint(String form) {
        try {
            var digest =
                    MessageDigest.getInstance("SHA-256").digest(("web form " + form).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request id that belongs to another form, or whose first submit is still running: a 409 page. */
    static final class FormAlreadySent extends RuntimeException {

        FormAlreadySent(boolean stillRunning) {
            super(
                    stillRunning
                            ? "This form is still being sent. Reload the page in a moment to see its result."
                            : "This form was already used for something else; nothing was sent. Open the page"
                                    + " again to send it.");
        }
    }
}
