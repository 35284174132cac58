package io.bta.tokenomics.ledger.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bta.tokenomics.ledger.Balance;
import io.bta.tokenomics.ledger.BalanceSnapshot;
import io.bta.tokenomics.ledger.HistoryFilter;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.LedgerOperation;
import io.bta.tokenomics.ledger.OperationOutcome;
import io.bta.tokenomics.ledger.Token;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.ledger.TransactionType;
import io.bta.tokenomics.ledger.TransactionView;
import io.bta.tokenomics.ledger.TransferBatch;
import io.bta.tokenomics.ledger.TransferOrder;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.Page;
import io.bta.tokenomics.shared.db.ReplicaRead;
import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.security.Caller;
import io.bta.tokenomics.shared.web.Paging;
import io.bta.tokenomics.shared.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The ledger's JSON API under {@code /api/tokens}. */
@RestController
@RequestMapping("/api/tokens")
@Tag(name = "Tokens", description = "tokens, balances, transfers and history")
class LedgerController {

    record InitializeView(boolean created, String message, List<Token> tokens) {}

    record EntityAmountRequest(String entityId, String tokenId, String amount, String memo) {}

    record PauseRequest(String reason) {}

    /** At most this many entities in one snapshot read. */
    static final int MAX_SNAPSHOT_ENTITIES = 100;

    private final Ledger ledger;
    private final LedgerAnswers answers;

    LedgerController(Ledger ledger, LedgerAnswers answers) {
        this.ledger = ledger;
        this.answers = answers;
    }

    @GetMapping
    @Operation(summary = "All tokens")
    List<Token> tokens() {
        return ledger.tokens();
    }

    @GetMapping("/{identifier}")
    @Operation(summary = "One token by id, symbol (BTA-GOV) or type (GOVERNANCE)")
    @Refuses(status = 404, codes = "UNKNOWN_TOKEN")
    Token token(@PathVariable String identifier) {
        return ledger.token(identifier);
    }

    @PostMapping("/{identifier}/pause")
    @Operation(
            summary = "Pause a token in an emergency (admin): every movement of it is refused until unpaused",
            description = "Transfers, the batch API, mint, burn, lock and unlock, and every module's movements"
                    + " (staking, rewards, swaps, withdrawals to the chain) answer 409 TOKEN_PAUSED; reads go on.")
    @Refuses(status = 404, codes = "UNKNOWN_TOKEN")
    @Refuses(status = 409, codes = "PAUSE_UNCHANGED")
    Token pause(@PathVariable String identifier, @RequestBody(required = false) PauseRequest r) {
        var caller = Caller.current();
        caller.requireAdmin();
        var in = new Inputs();
        var reason = in.required("reason", r == null ? null : r.reason(), 500);
        in.check();
        return ledger.pause(ledger.resolve(identifier), reason, caller.id());
    }

    @PostMapping("/{identifier}/unpause")
    @Operation(summary = "End a token's pause (admin)")
    @Refuses(status = 404, codes = "UNKNOWN_TOKEN")
    @Refuses(status = 409, codes = "PAUSE_UNCHANGED")
    Token unpause(@PathVariable String identifier) {
        var caller = Caller.current();
        caller.requireAdmin();
        return ledger.unpause(ledger.resolve(identifier), caller.id());
    }

    @PostMapping("/initialize")
    @Operation(summary = "Create the four tokens and mint the initial supplies to the treasury (admin)")
    ResponseEntity<InitializeView> initialize() {
        var result = ledger.initializeTokens(Caller.current().id());
        return result.created()
                ? ResponseEntity.status(HttpStatus.CREATED)
                        .body(new InitializeView(
                                true,
                                "tokens created; initial supplies minted to " + ledger.treasury(),
                                result.tokens()))
                : ResponseEntity.ok(
                        new InitializeView(false, "tokens were already initialized; nothing changed", result.tokens()));
    }

    @GetMapping("/balances")
    @Operation(summary = "The caller's balances")
    List<Balance> myBalances() {
        return ledger.balances(Caller.current().id());
    }

    @GetMapping("/balance-snapshot")
    @ReplicaRead
    @Operation(
            summary = "Several entities' balances read at one moment, with the ledger sequence they reflect"
                    + " (each entity the caller's own, or admin)")
    @Refuses(status = 403, codes = "NOT_OWNER")
    BalanceSnapshot balanceSnapshot(@RequestParam(name = "entityId", required = false) List<String> entityIds) {
        var caller = Caller.current();
        var in = new Inputs();
        if (entityIds == null || entityIds.isEmpty()) {
            in.reject("entityId", "name at least one entity");
        } else if (entityIds.size() > MAX_SNAPSHOT_ENTITIES) {
            in.reject("entityId", "at most " + MAX_SNAPSHOT_ENTITIES + " entities");
        }
        in.check();
        var entities =
                entityIds.stream().map(raw -> in.entityId("entityId", raw)).toList();
        in.check();
        entities.forEach(caller::requireSelfOrAdmin);
        return ledger.snapshot(entities);
    }

    @GetMapping("/balances/{entityId}")
    @Operation(summary = "An entity's balances (owner or admin)")
    @Refuses(status = 403, codes = "NOT_OWNER")
    List<Balance> balances(@PathVariable String entityId) {
        return ledger.balances(Caller.current().ownOrAdmin("entityId", entityId));
    }

    @GetMapping("/balances/{entityId}/{tokenId}")
    @Operation(summary = "An entity's balance of one token (owner or admin)")
    @Refuses(status = 403, codes = "NOT_OWNER")
    @Refuses(status = 404, codes = "UNKNOWN_TOKEN")
    Balance balance(@PathVariable String entityId, @PathVariable String tokenId) {
        var entity = Caller.current().ownOrAdmin("entityId", entityId);
        return ledger.balance(entity, ledger.resolve(tokenId));
    }

    @PostMapping("/transfer")
    @Operation(summary = "Transfer from the caller (or, for an admin, from any entity) to another entity")
    @ApiResponse(
            responseCode = "201",
            description = "the transfer, committed",
            content = @Content(schema = @Schema(implementation = TransactionView.class)))
    @Refuses(status = 403, codes = "NOT_OWNER")
    @Refuses(status = 404, codes = "UNKNOWN_TOKEN")
    @Refuses(status = 409, codes = "INSUFFICIENT_BALANCE")
    @Refuses(status = 422, codes = "AMOUNT_OUT_OF_RANGE")
    @Refuses(status = 422, codes = "ENTITY_IN_CUSTODY")
    @Refuses(status = 409, codes = "TOKEN_PAUSED")
    ResponseEntity<byte[]> transfer(@RequestBody TransferOrder request, HttpServletRequest http) {
        var caller = Caller.current();
        var in = new Inputs();
        var order = request.read(in, "", caller.id());
        in.check();
        caller.requireSelfOrAdmin(order.from());
        return answers.submit(order.transfer(ledger.resolve(order.token()), caller.id()), http);
    }

    @PostMapping("/mint")
    @Operation(summary = "Mint new tokens to an entity (admin)")
    @ApiResponse(
            responseCode = "201",
            description = "the transaction, committed",
            content = @Content(schema = @Schema(implementation = TransactionView.class)))
    @Refuses(status = 404, codes = "UNKNOWN_TOKEN")
    @Refuses(status = 422, codes = "MAX_SUPPLY_EXCEEDED")
    @Refuses(status = 422, codes = "AMOUNT_OUT_OF_RANGE")
    @Refuses(status = 422, codes = "NOT_TOKEN_ISSUER")
    @Refuses(status = 409, codes = "TOKEN_PAUSED")
    ResponseEntity<byte[]> mint(@RequestBody EntityAmountRequest request, HttpServletRequest http) {
        Caller.current().requireAdmin();
        return operation(request, http, LedgerOperation.Mint::new);
    }

    @PostMapping("/burn")
    @Operation(summary = "Burn tokens from an entity's available balance (admin)")
    @ApiResponse(
            responseCode = "201",
            description = "the transaction, committed",
            content = @Content(schema = @Schema(implementation = TransactionView.class)))
    @Refuses(status = 404, codes = "UNKNOWN_TOKEN")
    @Refuses(status = 409, codes = "INSUFFICIENT_BALANCE")
    @Refuses(status = 422, codes = "NOT_TOKEN_ISSUER")
    @Refuses(status = 422, codes = "ENTITY_IN_CUSTODY")
    @Refuses(status = 409, codes = "TOKEN_PAUSED")
    ResponseEntity<byte[]> burn(@RequestBody EntityAmountRequest request, HttpServletRequest http) {
        Caller.current().requireAdmin();
        return operation(request, http, LedgerOperation.Burn::new);
    }

    @PostMapping("/lock")
    @Operation(summary = "Lock part of an entity's available balance (admin, or a service with ledger:lock)")
    @ApiResponse(
            responseCode = "201",
            description = "the transaction, committed",
            content = @Content(schema = @Schema(implementation = TransactionView.class)))
    @Refuses(status = 403, codes = "SCOPE_REQUIRED")
    @Refuses(status = 404, codes = "UNKNOWN_TOKEN")
    @Refuses(status = 409, codes = "INSUFFICIENT_BALANCE")
    @Refuses(status = 422, codes = "ENTITY_IN_CUSTODY")
    @Refuses(status = 409, codes = "TOKEN_PAUSED")
    ResponseEntity<byte[]> lock(@RequestBody EntityAmountRequest request, HttpServletRequest http) {
        Caller.current().requireScope("ledger:lock");
        return operation(request, http, LedgerOperation.Lock::new);
    }

    @PostMapping("/unlock")
    @Operation(summary = "Unlock part of an entity's locked balance (admin, or a service with ledger:lock)")
    @ApiResponse(
            responseCode = "201",
            description = "the transaction, committed",
            content = @Content(schema = @Schema(implementation = TransactionView.class)))
    @Refuses(status = 403, codes = "SCOPE_REQUIRED")
    @Refuses(status = 404, codes = "UNKNOWN_TOKEN")
    @Refuses(status = 409, codes = "INSUFFICIENT_BALANCE")
    @Refuses(status = 422, codes = "ENTITY_IN_CUSTODY")
    @Refuses(status = 409, codes = "TOKEN_PAUSED")
    ResponseEntity<byte[]> unlock(@RequestBody EntityAmountRequest request, HttpServletRequest http) {
        Caller.current().requireScope("ledger:lock");
        return operation(request, http, LedgerOperation.Unlock::new);
    }

    @GetMapping("/transactions")
    @ReplicaRead
    @Operation(summary = "The caller's transaction history, newest first")
    @Refuses(status = 404, codes = "UNKNOWN_TOKEN")
    Page<TransactionView> myHistory(
            @RequestParam(required = false) String tokenId,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return history(Caller.current().id(), tokenId, type, from, to, limit, cursor);
    }

    @GetMapping("/transactions/{entityId}")
    @ReplicaRead
    @Operation(summary = "An entity's transaction history, newest first (owner or admin)")
    @Refuses(status = 403, codes = "NOT_OWNER")
    @Refuses(status = 404, codes = "UNKNOWN_TOKEN")
    Page<TransactionView> history(
            @PathVariable String entityId,
            @RequestParam(required = false) String tokenId,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return history(Caller.current().ownOrAdmin("entityId", entityId), tokenId, type, from, to, limit, cursor);
    }

    private Page<TransactionView> history(
            EntityId entity, String tokenId, String type, String from, String to, Integer limit, String cursor) {
        var in = new Inputs();
        var txType = in.optionalEnum("type", TransactionType.class, type, TransactionType.NOT_A_TYPE);
        var period = in.timeRange("from", in.optionalInstant("from", from), in.optionalInstant("to", to));
        int pageSize = Paging.limit(in, limit);
        var position = Paging.cursor(in, cursor);
        in.check();
        TokenId token = tokenId == null ? null : ledger.resolve(tokenId);
        return ledger.history(entity, new HistoryFilter(token, txType, period), pageSize, position)
                .map(TransactionView::of);
    }

    /** How a mint, burn, lock or unlock is made from its checked fields. */
    @FunctionalInterface
    private interface OperationFactory {
        LedgerOperation create(TokenId token, EntityId entity, Amount amount, String memo, EntityId actor);
    }

    private ResponseEntity<byte[]> operation(
            EntityAmountRequest request, HttpServletRequest http, OperationFactory factory) {
        var in = new Inputs();
        var entity = in.entityId("entityId", request.entityId());
        var amount = in.positiveAmount("amount", request.amount());
        var memo = in.optional("memo", request.memo(), LedgerOperation.MAX_MEMO_LENGTH);
        var token = in.required("tokenId", request.tokenId(), 64);
        in.check();
        var operation = factory.create(
                ledger.resolve(token), entity, amount, memo, Caller.current().id());
        return answers.submit(operation, http);
    }

    // ---- batch ----------------------------------------------------------------------------------

    record BatchRequest(String mode, List<TransferOrder> transfers) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BatchItemView(int index, int status, TransactionView transaction, ProblemDetail problem) {}

    record BatchView(String mode, long applied, long refused, List<BatchItemView> results) {}

    @PostMapping("/transfers/batch")
    @Operation(
            summary = "Up to 1,000 transfers in one request and one database transaction",
            description = "ATOMIC: all apply or none (201, or the first refusal with its index). INDEPENDENT:"
                    + " each applies or is refused alone (200 with a result per item). The same authorization"
                    + " rules as single transfers apply to each item; one Idempotency-Key covers the batch.")
    @Refuses(status = 403, codes = "NOT_OWNER")
    @Refuses(status = 409, codes = "INSUFFICIENT_BALANCE")
    @Refuses(status = 422, codes = "AMOUNT_OUT_OF_RANGE")
    @Refuses(status = 422, codes = "ENTITY_IN_CUSTODY")
    @Refuses(status = 409, codes = "TOKEN_PAUSED")
    ResponseEntity<BatchView> batch(@RequestBody BatchRequest request, HttpServletRequest http) {
        var caller = Caller.current();
        var in = new Inputs();
        var batch = TransferBatch.read(in, request.mode(), request.transfers(), caller.id(), ledger::resolve);
        in.check();
        var outcome = ledger.transferBatch(batch, caller.id(), caller.isAdmin());
        var instance = URI.create(http.getRequestURI());
        var results = new java.util.ArrayList<BatchItemView>(outcome.outcomes().size());
        for (var o : outcome.outcomes()) {
            int i = results.size();
            results.add(
                    o instanceof OperationOutcome.Refused r
                            ? new BatchItemView(
                                    i, r.reason().status().value(), null, LedgerAnswers.problem(r.reason(), instance))
                            : new BatchItemView(
                                    i, 201, TransactionView.of(((OperationOutcome.Applied) o).transaction()), null));
        }
        var view = new BatchView(batch.mode().name(), outcome.applied(), results.size() - outcome.applied(), results);
        return ResponseEntity.status(batch.mode() == TransferBatch.Mode.ATOMIC ? HttpStatus.CREATED : HttpStatus.OK)
                .body(view);
    }
}
