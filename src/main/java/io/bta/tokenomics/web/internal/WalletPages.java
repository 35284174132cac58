package io.bta.tokenomics.web.internal;

import io.bta.tokenomics.audit.Audit;
import io.bta.tokenomics.bridge.Bridge;
import io.bta.tokenomics.bridge.EvmAddress;
import io.bta.tokenomics.ledger.HistoryFilter;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.LedgerOperation;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.ledger.TransactionType;
import io.bta.tokenomics.nft.Nft;
import io.bta.tokenomics.nft.Nfts;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.TimeRange;
import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.error.NotFound;
import io.bta.tokenomics.shared.security.Caller;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The wallet: balances, the caller's badges (NFTs, with their image and attributes), a transfer form
 * and the caller's history with each transaction's proof; when the bridge is enabled, a withdrawal to an address, the caller's withdrawals and deposits, and
 * how to deposit.
 */
@Controller
@Hidden // pages, not part of the API description
class WalletPages {

    static final int PAGE_SIZE = 20;

    private final Ledger ledger;
    private final Audit audit;
    private final PageRequests requests;
    private final ObjectProvider<Bridge> bridge;
    private final Nfts nfts;

    WalletPages(Ledger ledger, Audit audit, PageRequests requests, ObjectProvider<Bridge> bridge, Nfts nfts) {
        this.ledger = ledger;
        this.audit = audit;
        this.requests = requests;
        this.bridge = bridge;
        this.nfts = nfts;
    }

    /**
     * A badge as the wallet shows it: the image only when it is an {@code https:} URI (a browser
     * cannot load {@code ipfs:}; the page then draws the collection's initials), the attributes as
     * text (numbers written plainly), and where its public metadata JSON is.
     */
    record BadgeView(
            String collection,
            long tokenNumber,
            String name,
            String description,
            String image,
            String initials,
            List<Map.Entry<String, String>> attributes,
            boolean soulbound,
            String metadataPath) {

        static BadgeView of(Nft token) {
            var m = token.metadata();
            var image = m.image() != null && m.image().startsWith("https:") ? m.image() : null;
            var attributes = m.attributes() == null
                    ? List.<Map.Entry<String, String>>of()
                    : m.attributes().stream()
                            .map(a -> Map.entry(
                                    a.trait_type(),
                                    a.value() instanceof BigDecimal d ? d.toPlainString() : String.valueOf(a.value())))
                            .toList();
            return new BadgeView(
                    token.collectionSymbol(),
                    token.tokenNumber(),
                    m.name(),
                    m.description(),
                    image,
                    token.collectionSymbol().substring(0, 2),
                    attributes,
                    token.soulbound(),
                    "/api/nft/" + token.collectionSymbol() + "/" + token.tokenNumber() + "/metadata");
        }
    }

    @GetMapping("/app/wallet")
    String wallet(
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String cursor,
            Model model) {
        model.addAttribute("form", PageForms.Transfer.EMPTY);
        return page(model, token, type, cursor);
    }

    /** The balances alone, refreshed when the event stream reports a ledger change. */
    @GetMapping("/app/wallet/balances")
    String balances(Model model) {
        model.addAttribute("balances", ledger.balances(Caller.current().id()));
        return "web/wallet :: balances";
    }

    @PostMapping("/app/wallet/transfer")
    String transfer(
            PageForms.Transfer form,
            @RequestParam(name = PageRequests.FIELD, required = false) String requestId,
            Model model,
            HttpServletResponse response) {
        var caller = Caller.current();
        var id = requests.requestId(requestId);
        try {
            var in = new Inputs();
            var to = in.entityId("toEntityId", Forms.given(form.toEntityId()));
            var tokenId = in.required("tokenId", form.tokenId(), 64);
            var amount = in.positiveAmount("amount", Forms.given(form.amount()));
            var memo = in.optional("memo", Forms.given(form.memo()), LedgerOperation.MAX_MEMO_LENGTH);
            if (to != null && to.equals(caller.id())) {
                in.reject("toEntityId", "must be another entity than yourself");
            }
            in.check();
            return requests.once("transfer", id, () -> {
                ledger.transfer(ledger.resolve(tokenId), caller.id(), to, amount, memo, caller.id());
                return "/app/wallet?done=transferred";
            });
        } catch (DomainProblem p) {
            Forms.showAgain(
                    model,
                    response,
                    form,
                    id,
                    Forms.errors(
                            p,
                            Map.of(
                                    "INSUFFICIENT_BALANCE", "amount",
                                    "AMOUNT_OUT_OF_RANGE", "amount",
                                    "UNKNOWN_TOKEN", "tokenId")));
            return page(model, null, null, null);
        }
    }

    /**
     * Withdraw to an address (there only with the bridge): the same checks as the API's {@code POST
     * /api/bridge/withdrawals}, each refusal next to its field. The fields are named apart from the
     * transfer form's, so an error shows under this form only.
     */
    @PostMapping("/app/wallet/withdraw")
    String withdraw(
            PageForms.Withdraw form,
            @RequestParam(name = PageRequests.FIELD, required = false) String requestId,
            Model model,
            HttpServletResponse response) {
        var bridge = this.bridge.getIfAvailable();
        if (bridge == null) {
            throw NotFound.of("NOT_FOUND", "no such page");
        }
        var caller = Caller.current();
        var id = requests.requestId(requestId);
        try {
            var in = new Inputs();
            var tokenId = in.required("withdrawTokenId", form.withdrawTokenId(), 64);
            var amount = in.positiveAmount("withdrawAmount", Forms.given(form.withdrawAmount()));
            var address = Forms.given(form.toAddress());
            var to = address == null
                    ? in.<EvmAddress>reject("toAddress", "is required")
                    : in.valid("toAddress", () -> EvmAddress.of(address));
            in.check();
            return requests.once("withdraw", id, () -> {
                bridge.withdraw(caller.id(), tokenId, amount, to, caller.id());
                return "/app/wallet?done=withdrawn";
            });
        } catch (DomainProblem p) {
            response.setStatus(422);
            model.addAttribute("withdrawForm", form);
            model.addAttribute("withdrawRequestId", id.toString());
            model.addAttribute(
                    "errors",
                    Forms.errors(
                            p,
                            Map.of(
                                    "INSUFFICIENT_BALANCE", "withdrawAmount",
                                    "AMOUNT_OUT_OF_RANGE", "withdrawAmount",
                                    "WITHDRAWAL_LIMIT", "withdrawAmount",
                                    "UNKNOWN_TOKEN", "withdrawTokenId",
                                    "TOKEN_NOT_BRIDGEABLE", "withdrawTokenId",
                                    "BRIDGE_PAUSED", WITHDRAW_FORM,
                                    "BRIDGE_NOT_DEPLOYED", WITHDRAW_FORM,
                                    "CHAIN_UNAVAILABLE", WITHDRAW_FORM)));
            model.addAttribute("form", PageForms.Transfer.EMPTY);
            return page(model, null, null, null);
        }
    }

    /** Where a withdrawal's refusal that names no field is shown: above the withdraw form. */
    static final String WITHDRAW_FORM = "withdrawForm";

    @GetMapping("/app/wallet/transactions/{id}/proof")
    String proof(@PathVariable UUID id, Model model) {
        var caller = Caller.current();
        var tx = ledger.transaction(id)
                .filter(t -> caller.isAdmin() || t.isParty(caller.id()))
                .orElseThrow(() -> NotFound.of("UNKNOWN_TRANSACTION", "no transaction " + id + " of yours"));
        model.addAttribute("tx", tx);
        model.addAttribute("proof", audit.proof(tx));
        return "web/proof";
    }

    private String page(Model model, String token, String type, String cursor) {
        var me = Caller.current().id();
        var in = new Inputs();
        var tokenFilter = Forms.given(token);
        TransactionType typeFilter = null;
        if (Forms.given(type) != null) {
            try {
                typeFilter = TransactionType.valueOf(type);
            } catch (IllegalArgumentException e) {
                in.reject("type", "is not a transaction type");
            }
        }
        in.check();
        var filter =
                new HistoryFilter(tokenFilter == null ? null : ledger.resolve(tokenFilter), typeFilter, TimeRange.ALL);
        var history = ledger.history(me, filter, PAGE_SIZE, Forms.given(cursor));
        model.addAttribute("balances", ledger.balances(me));
        model.addAttribute(
                "badges", nfts.ownedBy(me).stream().map(BadgeView::of).toList());
        model.addAttribute("tokens", ledger.tokens());
        model.addAttribute("types", TransactionType.values());
        model.addAttribute("history", history);
        // each row shows its own txHash; the sealed ones (at or below this sequence) link to their proof
        model.addAttribute("lastSealed", audit.lastSealedSequence());
        model.addAttribute("filterToken", tokenFilter);
        model.addAttribute("filterType", typeFilter == null ? null : typeFilter.name());
        model.addAttribute("cursor", Forms.given(cursor));
        bridgeSection(model, me);
        return "web/wallet";
    }

    /** With the bridge: its contracts, the caller's withdrawals and deposits; without it, nothing. */
    private void bridgeSection(Model model, EntityId me) {
        var bridge = this.bridge.getIfAvailable();
        if (bridge == null) {
            return;
        }
        model.addAttribute("bridgeEnabled", true);
        model.addAttribute("depositEntityId", me.value());
        if (!model.containsAttribute("withdrawForm")) {
            model.addAttribute("withdrawForm", PageForms.Withdraw.EMPTY);
        }
        try {
            var status = bridge.status();
            model.addAttribute("bridge", status);
            var symbols = new HashMap<TokenId, String>();
            ledger.tokens().forEach(t -> symbols.put(t.id(), t.symbol()));
            model.addAttribute("bridgeSymbols", symbols);
            model.addAttribute(
                    "withdrawals", bridge.withdrawals(me, PAGE_SIZE, null).items());
            model.addAttribute("deposits", bridge.deposits(me.value(), PAGE_SIZE));
        } catch (DomainProblem p) {
            // a node that does not answer leaves the rest of the wallet usable
            model.addAttribute("bridgeProblem", p.getMessage());
        }
    }
}
