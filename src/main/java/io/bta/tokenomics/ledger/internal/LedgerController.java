package io.bta.tokenomics.ledger.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bta.tokenomics.ledger.Balance;
import io.bta.tokenomics.ledger.HistoryFilter;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.LedgerOperation;
import io.bta.tokenomics.ledger.OperationOutcome;
import io.bta.tokenomics.ledger.Token;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.ledger.TransactionType;
import io.bta.tokenomics.ledger.TransactionView;
import io.bta.tokenomics.ledger.TransferBatch;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.Page;
import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.error.Problems;
import io.bta.tokenomics.shared.idempotency.IdempotentRequest;
import io.bta.tokenomics.shared.idempotency.StoredResponse;
import io.bta.tokenomics.shared.security.Caller;
import io.bta.tokenomics.shared.web.Paging;
import io.bta.tokenomics.shared.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The ledger's JSON API under {@code /api/tokens}. */
@RestController
@RequestMapping("/api/tokens")
@Tag(name = "Tokens", description = "tokens, balances, transfers and history")
class LedgerController {

    record TokenView(
            String id,
            String symbol,
            String name,
            String type,
            int decimals,
            Amount totalSupply,
            Amount maxSupply,
            Amount initialSupply,
            BigDecimal inflationRate) {
        static TokenView of(Token t) {
            return new TokenView(
                    t.id().toString(),
                    t.symbol(),
                    t.name(),
                    t.type().name(),
                    t.decimals(),
                    t.totalSupply(),
                    t.maxSupply(),
                    t.initialSupply(),
                    t.inflationRate());
        }
    }

    record BalanceView(String entityId, String tokenId, String symbol, Amount available, Amount locked, Amount total) {
        static BalanceView of(Balance b) {
            return new BalanceView(
                    b.entityId().value(), b.tokenId().toString(), b.symbol(), b.available(), b.locked(), b.total());
        }
    }

    record InitializeView(boolean created, String message, List<TokenView> tokens) {}

    record TransferRequest(String fromEntityId, String toEntityId, String tokenId, String amount, String memo) {}

    record EntityAmountRequest(String entityId, String tokenId, String amount, String memo) {}

    private final Ledger ledger;
    private final GroupCommitter groupCommit;
    private final JsonMapper json;

    LedgerController(Ledger ledger, GroupCommitter groupCommit, JsonMapper json) {
        this.ledger = ledger;
        this.groupCommit = groupCommit;
        this.json = json;
    }

    @GetMapping
    @Operation(summary = "All tokens")
    List<TokenView> tokens() {
        return ledger.tokens().stream().map(TokenView::of).toList();
    }

    @GetMapping("/{identifier}")
    @Operation(summary = "One token by id, symbol (BTA-GOV) or type (GOVERNANCE)")
    @Refuses(status = 404, codes = "UNKNOWN_TOKEN")
    TokenView token(@PathVariable String identifier) {
        return TokenView.of(ledger.token(identifier));
    }

    @PostMapping("/initialize")
    @Operation(summary = "Create the four tokens and mint the initial supplies to the treasury (admin)")
    ResponseEntity<InitializeView> initialize() {
        var result = ledger.initializeTokens(Caller.current().id());
        var tokens = result.tokens().stream().map(TokenView::of).toList();
        return result.created()
                ? ResponseEntity.status(HttpStatus.CREATED)
                        .body(new InitializeView(
                                true, "tokens created; initial supplies minted to " + ledger.treasury(), tokens))
                : ResponseEntity.ok(
                        new InitializeView(false, "tokens were already initialized; nothing changed", tokens));
    }

    @GetMapping("/balances")
    @Operation(summary = "The caller's balances")
    List<BalanceView> myBalances() {
        return ledger.balances(Caller.current().id()).stream()
                .map(BalanceView::of)
                .toList();
    }

    /** At most this many entities in one snapshot read. */
    static final int MAX_SNAPSHOT_ENTITIES = 100;

    record BalanceSnapshotView(long sequence, List<BalanceView> balances) {}

    @GetMapping("/balance-snapshot")
    @Operation(
            summary = "Several entities' balances read at one moment, with the ledger sequence they reflect"
                    + " (each entity the caller's own, or admin)")
    @Refuses(status = 403, codes = "NOT_OWNER")
    BalanceSnapshotView balanceSnapshot(@RequestParam(name = "entityId", required = false) List<String> entityIds) {
        var caller = Caller.current();
        var in = new Inputs();
        if (entityIds == null || entityIds.isEmpty()) {
            in.reject("entityId", "name at least one entity");
        } else if (entityIds.size() > MAX_SNAPSHOT_ENTITIES) {
            in.reject("entityId", "at most " + MAX_SNAPSHOT_ENTITIES + " entities");
        }
        in.check();
        var entities = new ArrayList<EntityId>();
        for (var raw : entityIds) {
            entities.add(in.entityId("entityId", raw));
        }
        in.check();
        entities.forEach(caller::requireSelfOrAdmin);
        var snapshot = ledger.snapshot(entities);
        return new BalanceSnapshotView(
                snapshot.sequence(),
                snapshot.balances().stream().map(BalanceView::of).toList());
    }

    @GetMapping("/balances/{entityId}")
    @Operation(summary = "An entity's balances (owner or admin)")
    @Refuses(status = 403, codes = "NOT_OWNER")
    List<BalanceView> balances(@PathVariable String entityId) {
        var entity = Caller.current().ownOrAdmin("entityId", entityId);
        return ledger.balances(entity).stream().map(BalanceView::of).toList();
    }

    @GetMapping("/balances/{entityId}/{tokenId}")
    @Operation(summary = "An entity's balance of one token (owner or admin)")
    @Refuses(status = 403, codes = "NOT_OWNER")
    @Refuses(status = 404, codes = "UNKNOWN_TOKEN")
    BalanceView balance(@PathVariable String entityId, @PathVariable String tokenId) {
        var entity = Caller.current().ownOrAdmin("entityId", entityId);
        return BalanceView.of(ledger.balance(entity, ledger.resolve(tokenId)));
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
    ResponseEntity<byte[]> transfer(@RequestBody TransferRequest request, HttpServletRequest http) {
        var caller = Caller.current();
        var in = new Inputs();
        var t = TransferFields.read(in, "", request, caller.id());
        in.check();
        caller.requireSelfOrAdmin(t.from());
        return submit(
                new LedgerOperation.Transfer(
                        ledger.resolve(t.token()), t.from(), t.to(), t.amount(), t.memo(), caller.id()),
                http);
    }

    /** A transfer request's fields, each checked and named with {@code prefix} when wrong. */
    private record TransferFields(EntityId from, EntityId to, Amount amount, String memo, String token) {
        static TransferFields read(Inputs in, String prefix, TransferRequest request, EntityId caller) {
            var from = request.fromEntityId() == null
                    ? caller
                    : in.entityId(prefix + "fromEntityId", request.fromEntityId());
            var to = in.entityId(prefix + "toEntityId", request.toEntityId());
            var amount = in.positiveAmount(prefix + "amount", request.amount());
            var memo = in.optional(prefix + "memo", request.memo(), LedgerOperation.MAX_MEMO_LENGTH);
            var token = in.required(prefix + "tokenId", request.tokenId(), 64);
            if (from != null && from.equals(to)) {
                in.reject(prefix + "toEntityId", "must differ from the sender");
            }
            return new TransferFields(from, to, amount, memo, token);
        }
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
    ResponseEntity<byte[]> mint(@RequestBody EntityAmountRequest request, HttpServletRequest http) {
        return adminOperation(
                request,
                http,
                (token, entity, amount, memo, actor) -> new LedgerOperation.Mint(token, entity, amount, memo, actor));
    }

    @PostMapping("/burn")
    @Operation(summary = "Burn tokens from an entity's available balance (admin)")
    @ApiResponse(
            responseCode = "201",
            description = "the transaction, committed",
            content = @Content(schema = @Schema(implementation = TransactionView.class)))
    @Refuses(status = 404, codes = "UNKNOWN_TOKEN")
    @Refuses(status = 409, codes = "INSUFFICIENT_BALANCE")
    ResponseEntity<byte[]> burn(@RequestBody EntityAmountRequest request, HttpServletRequest http) {
        return adminOperation(
                request,
                http,
                (token, entity, amount, memo, actor) -> new LedgerOperation.Burn(token, entity, amount, memo, actor));
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
    ResponseEntity<byte[]> lock(@RequestBody EntityAmountRequest request, HttpServletRequest http) {
        return scopedOperation(
                request,
                http,
                (token, entity, amount, memo, actor) -> new LedgerOperation.Lock(token, entity, amount, memo, actor));
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
    ResponseEntity<byte[]> unlock(@RequestBody EntityAmountRequest request, HttpServletRequest http) {
        return scopedOperation(
                request,
                http,
                (token, entity, amount, memo, actor) -> new LedgerOperation.Unlock(token, entity, amount, memo, actor));
    }

    @GetMapping("/transactions")
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
        TransactionType txType = null;
        if (type != null) {
            try {
                txType = TransactionType.valueOf(type.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                in.reject("type", "must be one of TRANSFER, MINT, BURN, LOCK, UNLOCK");
            }
        }
        var period = in.timeRange("from", in.optionalInstant("from", from), in.optionalInstant("to", to));
        int pageSize = Paging.limit(in, limit);
        var position = Paging.cursor(in, cursor);
        in.check();
        TokenId token = tokenId == null ? null : ledger.resolve(tokenId);
        return ledger.history(entity, new HistoryFilter(token, txType, period), pageSize, position)
                .map(TransactionView::of);
    }

    @FunctionalInterface
    private interface OperationFactory {
        LedgerOperation create(TokenId token, EntityId entity, Amount amount, String memo, EntityId actor);
    }

    private ResponseEntity<byte[]> adminOperation(
            EntityAmountRequest request, HttpServletRequest http, OperationFactory factory) {
        Caller.current().requireAdmin();
        return operation(request, http, factory);
    }

    private ResponseEntity<byte[]> scopedOperation(
            EntityAmountRequest request, HttpServletRequest http, OperationFactory factory) {
        Caller.current().requireScope("ledger:lock");
        return operation(request, http, factory);
    }

    private ResponseEntity<byte[]> operation(
            EntityAmountRequest request, HttpServletRequest http, OperationFactory factory) {
        var caller = Caller.current();
        var in = new Inputs();
        var entity = in.entityId("entityId", request.entityId());
        var amount = in.positiveAmount("amount", request.amount());
        var memo = in.optional("memo", request.memo(), LedgerOperation.MAX_MEMO_LENGTH);
        var token = in.required("tokenId", request.tokenId(), 64);
        in.check();
        return submit(factory.create(ledger.resolve(token), entity, amount, memo, caller.id()), http);
    }

    /**
     * One operation through group commit: it waits for its batch to commit and answers with the
     * response rendered in that batch, the very bytes stored under its Idempotency-Key if it has one.
     */
    private ResponseEntity<byte[]> submit(LedgerOperation operation, HttpServletRequest http) {
        var render = renderer(http.getRequestURI());
        StoredResponse response;
        if (groupCommit.enabled()) {
            var result = groupCommit.await(groupCommit.submit(operation, IdempotentRequest.of(http), render));
            response = result.response();
        } else {
            response = render.apply(ledger.applyEach(List.of(operation)).get(0));
        }
        var answer =
                ResponseEntity.status(response.status()).contentType(MediaType.parseMediaType(response.contentType()));
        if (response.replayed()) {
            answer.header("Idempotent-Replayed", "true");
        }
        if (response.retryLater()) {
            answer.header(HttpHeaders.RETRY_AFTER, "1");
        }
        return answer.body(response.body());
    }

    private Function<OperationOutcome, StoredResponse> renderer(String instance) {
        return outcome -> {
            if (outcome instanceof OperationOutcome.Applied applied) {
                return StoredResponse.json(
                        HttpStatus.CREATED.value(),
                        MediaType.APPLICATION_JSON_VALUE,
                        json.writeValueAsBytes(TransactionView.of(applied.transaction())));
            }
            var problem = problem(((OperationOutcome.Refused) outcome).reason(), URI.create(instance));
            return StoredResponse.json(
                    problem.getStatus(), MediaType.APPLICATION_PROBLEM_JSON_VALUE, json.writeValueAsBytes(problem));
        };
    }

    // ---- batch ----------------------------------------------------------------------------------

    record BatchRequest(String mode, List<TransferRequest> transfers) {}

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
    ResponseEntity<BatchView> batch(@RequestBody BatchRequest request, HttpServletRequest http) {
        var caller = Caller.current();
        var in = new Inputs();
        var mode = in.valid("mode", () -> TransferBatch.Mode.parse(request.mode()));
        var sent = request.transfers() == null ? List.<TransferRequest>of() : request.transfers();
        var items = in.valid("transfers", () -> {
            TransferBatch.checkSize(sent.size());
            return sent;
        });
        if (items == null) {
            items = List.of();
        }
        var transfers = new ArrayList<LedgerOperation.Transfer>(items.size());
        for (int i = 0; i < items.size(); i++) {
            var field = "transfers[" + i + "]";
            var item = items.get(i);
            if (item == null) {
                in.reject(field, "is required");
                continue;
            }
            var t = TransferFields.read(in, field + ".", item, caller.id());
            TokenId tokenId = null;
            if (t.token() != null) {
                try {
                    tokenId = ledger.resolve(t.token());
                } catch (DomainProblem unknown) {
                    in.reject(field + ".tokenId", unknown.getMessage());
                }
            }
            if (!in.hasErrors()) {
                transfers.add(
                        new LedgerOperation.Transfer(tokenId, t.from(), t.to(), t.amount(), t.memo(), caller.id()));
            }
        }
        in.check();
        var outcome = ledger.transferBatch(new TransferBatch(mode, transfers), caller.id(), caller.isAdmin());
        var instance = URI.create(http.getRequestURI());
        var results = new ArrayList<BatchItemView>(transfers.size());
        for (int i = 0; i < outcome.outcomes().size(); i++) {
            results.add(
                    outcome.outcomes().get(i) instanceof OperationOutcome.Applied a
                            ? new BatchItemView(i, 201, TransactionView.of(a.transaction()), null)
                            : refusedItem(
                                    i,
                                    ((OperationOutcome.Refused)
                                                    outcome.outcomes().get(i))
                                            .reason(),
                                    instance));
        }
        long applied = outcome.applied();
        var view = new BatchView(mode.name(), applied, results.size() - applied, results);
        return mode == TransferBatch.Mode.ATOMIC
                ? ResponseEntity.status(HttpStatus.CREATED).body(view)
                : ResponseEntity.ok(view);
    }

    private static BatchItemView refusedItem(int index, DomainProblem reason, URI instance) {
        return new BatchItemView(index, reason.status().value(), null, problem(reason, instance));
    }

    /** A refusal as the problem document the API answers with, naming the request's path. */
    private static ProblemDetail problem(DomainProblem reason, URI instance) {
        var problem = Problems.of(reason);
        problem.setInstance(instance);
        return problem;
    }
}
