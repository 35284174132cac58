package io.bta.tokenomics.bench.internal;

import io.bta.tokenomics.ledger.LedgerOperation;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark suite's endpoints under {@code /api/bench}, present only with the {@code bench}
 * profile. They go through the same security, JSON binding and problem handling as the real API.
 */
@RestController
@Profile("bench")
@RequestMapping("/api/bench")
@Tag(name = "Bench", description = "benchmark support (bench profile only)")
class BenchController {

    /** Shaped like the ledger's transfer request, so that binding it costs what binding a transfer costs. */
    record EchoRequest(String fromEntityId, String toEntityId, String tokenId, String amount, String memo) {}

    record EchoView(String fromEntityId, String toEntityId, String tokenId, Amount amount, String memo) {}

    record InProcessRequest(Integer threads, Integer seconds, Integer accounts, String tokenId, String amount) {}

    record SetupRequest(
            String operation,
            String tokenId,
            String fromEntityId,
            String prefix,
            Integer first,
            Integer count,
            String amount) {}

    private final InProcessTransfers inProcess;
    private final BenchSetup setup;

    BenchController(InProcessTransfers inProcess, BenchSetup setup) {
        this.inProcess = inProcess;
        this.setup = setup;
    }

    /**
     * B2, the HTTP ceiling: the validation of a transfer and its owner-or-admin check, then a 201
     * with a small body, and no ledger work.
     */
    @PostMapping("/echo")
    @Operation(summary = "Validate a transfer-shaped request and answer without touching the ledger")
    ResponseEntity<EchoView> echo(@RequestBody EchoRequest request) {
        var caller = Caller.current();
        var in = new Inputs();
        var from = request.fromEntityId() == null ? caller.id() : in.entityId("fromEntityId", request.fromEntityId());
        var to = in.entityId("toEntityId", request.toEntityId());
        var amount = in.positiveAmount("amount", request.amount());
        var memo = in.optional("memo", request.memo(), LedgerOperation.MAX_MEMO_LENGTH);
        var token = in.required("tokenId", request.tokenId(), 64);
        if (from != null && from.equals(to)) {
            in.reject("toEntityId", "must differ from the sender");
        }
        in.check();
        caller.requireSelfOrAdmin(from);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new EchoView(from.value(), to.value(), token, amount, memo));
    }

    /** W1c: transfers through the ledger's facade from {@code threads} threads for {@code seconds}. */
    @PostMapping("/inprocess-transfers")
    @Operation(summary = "Run random transfers among acct-1..acct-N in-process for a while (admin)")
    InProcessTransfers.Result inProcessTransfers(@RequestBody InProcessRequest request) throws InterruptedException {
        var caller = Caller.current();
        caller.requireAdmin();
        var in = new Inputs();
        int threads = range(in, "threads", request.threads(), 1, 1_024);
        int seconds = range(in, "seconds", request.seconds(), 1, 3_600);
        int accounts = range(in, "accounts", request.accounts(), 2, 10_000_000);
        var token = request.tokenId() == null ? "BTA-UTIL" : in.required("tokenId", request.tokenId(), 64);
        var amount = request.amount() == null ? Amount.of(1) : in.positiveAmount("amount", request.amount());
        in.check();
        return inProcess.run(threads, Duration.ofSeconds(seconds), accounts, token, amount, caller.id());
    }

    /** Set-up: a transfer to, or a lock on, each of many accounts, a chunk per database transaction. */
    @PostMapping("/setup")
    @Operation(summary = "Transfer to, or lock on, prefix+first .. prefix+(first+count-1) (admin)")
    BenchSetup.Result setup(@RequestBody SetupRequest request) {
        var caller = Caller.current();
        caller.requireAdmin();
        var in = new Inputs();
        BenchSetup.Operation operation = null;
        var operationName = in.required("operation", request.operation(), 16);
        if (operationName != null) {
            try {
                operation = BenchSetup.Operation.valueOf(operationName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                in.reject("operation", "must be TRANSFER or LOCK");
            }
        }
        var token = in.required("tokenId", request.tokenId(), 64);
        EntityId from = null;
        if (operation == BenchSetup.Operation.TRANSFER) {
            from = in.entityId("fromEntityId", request.fromEntityId());
        }
        var prefix = in.required("prefix", request.prefix(), 100);
        if (prefix != null && !EntityId.isValid(prefix + "1")) {
            in.reject("prefix", "must start an entity id");
        }
        int first = range(in, "first", request.first(), 0, Integer.MAX_VALUE / 2);
        int count = range(in, "count", request.count(), 1, 10_000_000);
        var amount = in.positiveAmount("amount", request.amount());
        in.check();
        return setup.apply(operation, token, from, prefix, first, count, amount, caller.id());
    }

    private static int range(Inputs in, String field, Integer value, int min, int max) {
        if (value == null) {
            in.reject(field, "is required");
            return 0;
        }
        if (value < min || value > max) {
            in.reject(field, "must be between " + min + " and " + max);
            return 0;
        }
        return value;
    }
}
