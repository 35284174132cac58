package io.bta.tokenomics.nft.internal;

import io.bta.tokenomics.nft.BadgeRule;
import io.bta.tokenomics.nft.BadgeTrigger;
import io.bta.tokenomics.nft.Nft;
import io.bta.tokenomics.nft.NftCollection;
import io.bta.tokenomics.nft.NftMetadata;
import io.bta.tokenomics.nft.NftWithdrawal;
import io.bta.tokenomics.nft.Nfts;
import io.bta.tokenomics.shared.NumberText;
import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.security.Caller;
import io.bta.tokenomics.shared.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The NFT JSON API under {@code /api/nft}; it answers the facade's records as they are. */
@RestController
@RequestMapping("/api/nft")
@Tag(name = "NFTs", description = "collections, badges, ERC-721 metadata")
class NftController {

    static final String MINT_SCOPE = "nft:mint";

    record CreateCollectionRequest(String symbol, String name, Boolean soulbound, Long maxSupply) {}

    record MintRequest(String toEntityId, JsonNode metadata) {}

    record TransferRequest(String toEntityId) {}

    record WithdrawRequest(String toAddress) {}

    record BadgeRuleRequest(String collection, String name, String trigger, Integer threshold, JsonNode metadata) {}

    private final Nfts nfts;

    NftController(Nfts nfts) {
        this.nfts = nfts;
    }

    @PostMapping("/collections")
    @Operation(summary = "Create a collection (admin)")
    @Refuses(status = 409, codes = "COLLECTION_EXISTS")
    ResponseEntity<NftCollection> createCollection(@RequestBody CreateCollectionRequest r) {
        Caller.current().requireAdmin();
        var in = new Inputs();
        if (!NftCollection.validSymbol(r.symbol())) {
            in.reject("symbol", "must be " + NftCollection.SYMBOL_RULE);
        }
        var name = in.required("name", r.name(), 200);
        if (r.soulbound() == null) {
            in.reject("soulbound", "is required: true or false");
        }
        if (r.maxSupply() != null && r.maxSupply() < 1) {
            in.reject("maxSupply", "must be at least 1, or absent for no maximum");
        }
        in.check();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(nfts.createCollection(r.symbol(), name, r.soulbound(), r.maxSupply()));
    }

    @GetMapping("/collections")
    @Operation(summary = "All collections")
    List<NftCollection> collections() {
        return nfts.collections();
    }

    @PostMapping("/collections/{collection}/mint")
    @Operation(summary = "Mint the collection's next token to an entity (admin, or a service key with nft:mint)")
    @Refuses(status = 403, codes = "SCOPE_REQUIRED")
    @Refuses(status = 404, codes = "UNKNOWN_COLLECTION")
    @Refuses(status = 422, codes = "MAX_SUPPLY_REACHED")
    ResponseEntity<Nft> mint(@PathVariable String collection, @RequestBody MintRequest r) {
        var caller = Caller.current();
        caller.requireScope(MINT_SCOPE);
        var in = new Inputs();
        var to = in.entityId("toEntityId", r.toEntityId());
        var metadata = in.valid("metadata", () -> NftMetadata.fromJson(r.metadata()));
        in.check();
        return ResponseEntity.status(HttpStatus.CREATED).body(nfts.mint(collection, to, metadata, caller.id()));
    }

    @PostMapping("/{collection}/{tokenNumber}/transfer")
    @Operation(summary = "Give a token to another entity (its owner; never for a soulbound collection)")
    @Refuses(status = 403, codes = "NOT_NFT_OWNER")
    @Refuses(
            status = 404,
            codes = {"UNKNOWN_COLLECTION", "UNKNOWN_NFT"})
    @Refuses(
            status = 409,
            codes = {"SOULBOUND", "NFT_BURNED"})
    Nft transfer(@PathVariable String collection, @PathVariable String tokenNumber, @RequestBody TransferRequest r) {
        var in = new Inputs();
        long number = number(in, tokenNumber);
        var to = in.entityId("toEntityId", r.toEntityId());
        in.check();
        return nfts.transfer(collection, number, to, Caller.current().id());
    }

    @PostMapping("/{collection}/{tokenNumber}/withdraw")
    @Operation(
            summary = "Withdraw a token to an address on chain (its owner; never for a soulbound collection)",
            description = "The token passes to the bridge's escrow entity now (history WITHDRAWN) and the bridge's"
                    + " NFT contract mints it to toAddress on its next pass; a deposit on chain gives it back."
                    + " Only with the bridge enabled (else 422 NFT_BRIDGE_OFF).")
    @Refuses(status = 403, codes = "NOT_NFT_OWNER")
    @Refuses(
            status = 404,
            codes = {"UNKNOWN_COLLECTION", "UNKNOWN_NFT"})
    @Refuses(
            status = 409,
            codes = {"SOULBOUND", "NFT_BURNED", "BRIDGE_PAUSED", "BRIDGE_NOT_DEPLOYED"})
    @Refuses(status = 422, codes = "NFT_BRIDGE_OFF")
    ResponseEntity<NftWithdrawal> withdraw(
            @PathVariable String collection, @PathVariable String tokenNumber, @RequestBody WithdrawRequest r) {
        var in = new Inputs();
        long number = number(in, tokenNumber);
        String to = r.toAddress() == null
                ? in.<String>reject("toAddress", "is required")
                : in.valid("toAddress", () -> nfts.chainAddress(r.toAddress()));
        in.check();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(nfts.withdraw(collection, number, to, Caller.current().id()));
    }

    @PostMapping("/{collection}/{tokenNumber}/burn")
    @Operation(summary = "Burn a token (its owner, or an admin)")
    @Refuses(status = 403, codes = "NOT_NFT_OWNER")
    @Refuses(
            status = 404,
            codes = {"UNKNOWN_COLLECTION", "UNKNOWN_NFT"})
    @Refuses(
            status = 409,
            codes = {"NFT_BURNED", "NFT_ON_CHAIN"})
    Nft burn(@PathVariable String collection, @PathVariable String tokenNumber) {
        var in = new Inputs();
        long number = number(in, tokenNumber);
        in.check();
        var caller = Caller.current();
        return nfts.burn(collection, number, caller.id(), caller.isAdmin());
    }

    @GetMapping("/{collection}/{tokenNumber}")
    @Operation(summary = "One token: owner, metadata, whether burned")
    @Refuses(
            status = 404,
            codes = {"UNKNOWN_COLLECTION", "UNKNOWN_NFT"})
    Nft token(@PathVariable String collection, @PathVariable String tokenNumber) {
        var in = new Inputs();
        long number = number(in, tokenNumber);
        in.check();
        return nfts.token(collection, number);
    }

    @GetMapping("/{collection}/{tokenNumber}/metadata")
    @Operation(
            summary = "The token's ERC-721 metadata JSON (public: what a tokenURI points at)",
            description = "name, description, image and attributes [{trait_type, value}]; no authentication.")
    @Refuses(
            status = 404,
            codes = {"UNKNOWN_COLLECTION", "UNKNOWN_NFT"})
    NftMetadata metadata(@PathVariable String collection, @PathVariable String tokenNumber) {
        var in = new Inputs();
        long number = number(in, tokenNumber);
        in.check();
        return nfts.token(collection, number).metadata();
    }

    @PostMapping("/badge-rules")
    @Operation(
            summary = "Create a badge rule (admin)",
            description = "The collection's token, with this metadata, goes to each entity the first time its count of"
                    + " the trigger's events reaches the threshold: once per rule and entity.")
    @Refuses(status = 404, codes = "UNKNOWN_COLLECTION")
    @Refuses(status = 409, codes = "BADGE_RULE_EXISTS")
    ResponseEntity<BadgeRule> createBadgeRule(@RequestBody BadgeRuleRequest r) {
        Caller.current().requireAdmin();
        var in = new Inputs();
        var collection = in.required("collection", r.collection(), 100);
        var name = in.required("name", r.name(), 200);
        var trigger = in.requiredEnum(
                "trigger",
                BadgeTrigger.class,
                r.trigger(),
                "must be one of " + java.util.Arrays.toString(BadgeTrigger.values()));
        if (r.threshold() == null || r.threshold() < 1 || r.threshold() > BadgeRule.MAX_THRESHOLD) {
            in.reject("threshold", "must be a whole number from 1 to " + BadgeRule.MAX_THRESHOLD);
        } else if (trigger == BadgeTrigger.STAKE_HELD_DAYS && r.threshold() > BadgeRule.MAX_DAYS_HELD) {
            in.reject("threshold", "is a number of days for STAKE_HELD_DAYS: at most " + BadgeRule.MAX_DAYS_HELD);
        }
        var metadata = in.valid("metadata", () -> NftMetadata.fromJson(r.metadata()));
        in.check();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(nfts.createBadgeRule(collection, name, trigger, r.threshold(), metadata));
    }

    @GetMapping("/badge-rules")
    @Operation(summary = "Every badge rule")
    List<BadgeRule> badgeRules() {
        return nfts.badgeRules();
    }

    @GetMapping("/owned/{entityId}")
    @Operation(summary = "The tokens an entity owns (the entity, or an admin)")
    @Refuses(status = 403, codes = "NOT_OWNER")
    List<Nft> owned(@PathVariable String entityId) {
        var owner = Caller.current().ownOrAdmin("entityId", entityId);
        return nfts.ownedBy(owner);
    }

    private static long number(Inputs in, String raw) {
        long number = 0;
        if (raw != null && raw.matches("[0-9]{1,18}")) {
            number = NumberText.parseLong(raw);
        }
        if (number < 1) {
            in.reject("tokenNumber", "must be a whole number from 1");
        }
        return number;
    }
}
