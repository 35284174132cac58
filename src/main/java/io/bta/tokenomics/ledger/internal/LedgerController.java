package io.bta.tokenomics.ledger.internal;

import io.bta.tokenomics.ledger.Balance;
import io.bta.tokenomics.ledger.HistoryFilter;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.LedgerOperation;
import io.bta.tokenomics.ledger.LedgerTransaction;
import io.bta.tokenomics.ledger.Token;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.ledger.TransactionType;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.Page;
import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.security.Caller;
import io.bta.tokenomics.shared.web.Cursors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
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

    record TransactionView(
            String id,
            long sequence,
            String type,
            String tokenId,
            String symbol,
            String fromEntityId,
            String toEntityId,
            Amount amount,
            String memo,
            Instant createdAt) {
        static TransactionView of(LedgerTransaction t) {
            return new TransactionView(
                    t.id().toString(),
                    t.sequence(),
                    t.type().name(),
                    t.tokenId().toString(),
                    t.symbol(),
                    t.fromEntityId() == null ? null : t.fromEntityId().value(),
                    t.toEntityId() == null ? null : t.toEntityId().value(),
                    t.amount(),
                    t.memo(),
                    t.createdAt());
        }
    }

    record InitializeView(boolean created, String message, List<TokenView> tokens) {}

    record TransferRequest(String fromEntityId, String toEntityId, String tokenId, String amount, String memo) {}

    record EntityAmountRequest(String entityId, String tokenId, String amount, String memo) {}

    private final Ledger ledger;

    LedgerController(Ledger ledger) {
        this.ledger = ledger;
    }

    @GetMapping
    @Operation(summary = "All tokens")
    List<TokenView> tokens() {
        return ledger.tokens().stream().map(TokenView::of).toList();
    }

    @GetMapping("/{identifier}")
    @Operation(summary = "One token by id, symbol (BTA-GOV) or type (GOVERNANCE)")
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

    @GetMapping("/balances/{entityId}")
    @Operation(summary = "An entity's balances (owner or admin)")
    List<BalanceView> balances(@PathVariable String entityId) {
        var entity = Caller.current().ownOrAdmin("entityId", entityId);
        return ledger.balances(entity).stream().map(BalanceView::of).toList();
    }

    @GetMapping("/balances/{entityId}/{tokenId}")
    @Operation(summary = "An entity's balance of one token (owner or admin)")
    BalanceView balance(@PathVariable String entityId, @PathVariable String tokenId) {
        var entity = Caller.current().ownOrAdmin("entityId", entityId);
        return BalanceView.of(ledger.balance(entity, ledger.resolve(tokenId)));
    }

    @PostMapping("/transfer")
    @Operation(summary = "Transfer from the caller (or, for an admin, from any entity) to another entity")
    ResponseEntity<TransactionView> transfer(@RequestBody TransferRequest request) {
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
        var tx = ledger.transfer(ledger.resolve(token), from, to, amount, memo, caller.id());
        return created(tx);
    }

    @PostMapping("/mint")
    @Operation(summary = "Mint new tokens to an entity (admin)")
    ResponseEntity<TransactionView> mint(@RequestBody EntityAmountRequest request) {
        return adminOperation(
                request,
                (token, entity, amount, memo, actor) -> new LedgerOperation.Mint(token, entity, amount, memo, actor));
    }

    @PostMapping("/burn")
    @Operation(summary = "Burn tokens from an entity's available balance (admin)")
    ResponseEntity<TransactionView> burn(@RequestBody EntityAmountRequest request) {
        return adminOperation(
                request,
                (token, entity, amount, memo, actor) -> new LedgerOperation.Burn(token, entity, amount, memo, actor));
    }

    @PostMapping("/lock")
    @Operation(summary = "Lock part of an entity's available balance (admin, or a service with ledger:lock)")
    ResponseEntity<TransactionView> lock(@RequestBody EntityAmountRequest request) {
        return scopedOperation(
                request,
                (token, entity, amount, memo, actor) -> new LedgerOperation.Lock(token, entity, amount, memo, actor));
    }

    @PostMapping("/unlock")
    @Operation(summary = "Unlock part of an entity's locked balance (admin, or a service with ledger:lock)")
    ResponseEntity<TransactionView> unlock(@RequestBody EntityAmountRequest request) {
        return scopedOperation(
                request,
                (token, entity, amount, memo, actor) -> new LedgerOperation.Unlock(token, entity, amount, memo, actor));
    }

    @GetMapping("/transactions")
    @Operation(summary = "The caller's transaction history, newest first")
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
        var fromTime = instant(in, "from", from);
        var toTime = instant(in, "to", to);
        int pageSize = 0;
        try {
            pageSize = Cursors.limit(limit, 50, 100);
        } catch (RuntimeException e) {
            in.reject("limit", "must be between 1 and 100");
        }
        in.check();
        TokenId token = tokenId == null ? null : ledger.resolve(tokenId);
        return ledger.history(entity, new HistoryFilter(token, txType, fromTime, toTime), pageSize, cursor)
                .map(TransactionView::of);
    }

    private static Instant instant(Inputs in, String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return in.reject(field, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    @FunctionalInterface
    private interface OperationFactory {
        LedgerOperation create(TokenId token, EntityId entity, Amount amount, String memo, EntityId actor);
    }

    private ResponseEntity<TransactionView> adminOperation(EntityAmountRequest request, OperationFactory factory) {
        Caller.current().requireAdmin();
        return operation(request, factory);
    }

    private ResponseEntity<TransactionView> scopedOperation(EntityAmountRequest request, OperationFactory factory) {
        Caller.current().requireScope("ledger:lock");
        return operation(request, factory);
    }

    private ResponseEntity<TransactionView> operation(EntityAmountRequest request, OperationFactory factory) {
        var caller = Caller.current();
        var in = new Inputs();
        var entity = in.entityId("entityId", request.entityId());
        var amount = in.positiveAmount("amount", request.amount());
        var memo = in.optional("memo", request.memo(), LedgerOperation.MAX_MEMO_LENGTH);
        var token = in.required("tokenId", request.tokenId(), 64);
        in.check();
        var tx = ledger.apply(factory.create(ledger.resolve(token), entity, amount, memo, caller.id()));
        return created(tx);
    }

    private static ResponseEntity<TransactionView> created(LedgerTransaction tx) {
        return ResponseEntity.status(HttpStatus.CREATED).body(TransactionView.of(tx));
    }
}
