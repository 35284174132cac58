package io.bta.tokenomics.shared.web;

import java.util.Map;
import java.util.Optional;

/**
 * A realistic {@code detail} for each refusal code the service answers, in the words of the
 * factory that builds it, for the examples of the OpenAPI document. A code documented on an
 * operation but missing here has no example, which {@code OpenApiRefusalsTest} refuses.
 */
final class ProblemExamples {

    private ProblemExamples() {}

    private static final String ID = "0191d3a2-5b7c-7e41-9a0f-3c2d1e4b5a69";

    private static final Map<String, String> DETAILS = Map.ofEntries(
            // shared: input, security, idempotency, limits, group commit
            Map.entry("INVALID_INPUT", "amount: must be greater than zero"),
            Map.entry("UNAUTHENTICATED", "a bearer token or an API key is required"),
            Map.entry("FORBIDDEN", "the caller may not do this"),
            Map.entry("NOT_OWNER", "the caller may not act on entity 'alice'"),
            Map.entry("ROLE_REQUIRED", "this operation requires the ADMIN role"),
            Map.entry(
                    "SCOPE_REQUIRED",
                    "this operation requires an admin, or a service key with the scope guarantees:write"),
            Map.entry("INVALID_IDEMPOTENCY_KEY", "Idempotency-Key must be 1 to 255 visible ASCII characters"),
            Map.entry(
                    "IDEMPOTENCY_REQUEST_IN_PROGRESS", "a request with this Idempotency-Key is still being processed"),
            Map.entry("IDEMPOTENCY_KEY_REUSED", "this Idempotency-Key was already used with a different request"),
            Map.entry("PAYLOAD_TOO_LARGE", "the request body exceeds 1048576 bytes"),
            Map.entry("LEDGER_BUSY", "the ledger has too many operations waiting; retry shortly"),
            Map.entry("LEDGER_UNAVAILABLE", "the ledger is not accepting operations now; retry"),
            Map.entry(
                    "OUTCOME_UNKNOWN",
                    "the database failed while committing; the operation may have applied: retry with the same"
                            + " Idempotency-Key to learn its outcome"),
            Map.entry("UNKNOWN_API_KEY", "no API key " + ID),
            Map.entry("API_KEY_NAME_TAKEN", "an API key named 'payments' exists (names are never reused)"),
            // ledger
            Map.entry("UNKNOWN_TOKEN", "no token 'BTA-XYZ' (give an id, a symbol such as BTA-GOV, or a type)"),
            Map.entry("INSUFFICIENT_BALANCE", "entity 'alice' has 10 BTA-UTIL available, needs 25"),
            Map.entry(
                    "MAX_SUPPLY_EXCEEDED",
                    "minting 500 BTA-GOV would exceed the max supply of 1000000000 (supply is 999999800)"),
            Map.entry("AMOUNT_OUT_OF_RANGE", "the resulting balance or supply would exceed 10^20 BTA-UTIL"),
            Map.entry("TOKEN_NOT_CHECKPOINTED", "BTA-UTIL keeps no holding checkpoints; only BTA-GOV does"),
            Map.entry("TOKEN_PAUSED", "BTA-UTIL is paused: no movement of it is accepted until it is unpaused"),
            Map.entry("PAUSE_UNCHANGED", "BTA-UTIL is paused already"),
            Map.entry("NOT_TOKEN_ISSUER", "BTA-LP-GOV-UTIL is minted and burned by its issuer system:amm only"),
            Map.entry(
                    "ENTITY_IN_CUSTODY",
                    "the tokens of amm:" + ID + " are held by the AMM's pools; only system:amm moves them"),
            // nft
            Map.entry("UNKNOWN_COLLECTION", "no NFT collection 'BADGES' (give its id or symbol)"),
            Map.entry("UNKNOWN_NFT", "no token 7 in the collection BADGES"),
            Map.entry("COLLECTION_EXISTS", "a collection with the symbol BADGES exists already"),
            Map.entry("SOULBOUND", "the tokens of BADGES are soulbound: they stay with their owner"),
            Map.entry("NFT_BURNED", "token 7 of BADGES was burned"),
            Map.entry(
                    "NFT_BRIDGE_OFF",
                    "this service has no bridge to a chain (tokenomics.bridge.enabled is false): tokens stay in the ledger"),
            Map.entry("NFT_ON_CHAIN", "token 7 of BADGES is on chain: it comes back to the ledger by a deposit there"),
            Map.entry("MAX_SUPPLY_REACHED", "BADGES has minted its maximum of 1000 tokens"),
            Map.entry("NOT_NFT_OWNER", "alice does not own token 7 of BADGES"),
            Map.entry("BADGE_RULE_EXISTS", "BADGES has a badge rule for 1 VOTES_CAST already"),
            // staking
            Map.entry("UNKNOWN_POOL", "no staking pool " + ID),
            Map.entry("UNKNOWN_STAKE", "no stake " + ID),
            Map.entry("POOL_NOT_ACTIVE", "the pool takes no stakes while PAUSED"),
            Map.entry("BELOW_MIN_STAKE", "the pool's minimum stake is 100, got 50"),
            Map.entry("TRUST_SCORE_TOO_LOW", "the pool requires a trust score of at least 60; the staker's is 42.5"),
            Map.entry("POOL_CAP_EXCEEDED", "the stake would take the pool over its cap of 1000000 (staked: 999900)"),
            Map.entry(
                    "STAKE_LOCKED", "the stake is locked until 2026-03-01T00:00:00Z and the pool allows no early exit"),
            Map.entry("STAKE_CLOSED", "the stake was already unstaked"),
            Map.entry("NOT_STAKER", "only the staker may unstake this stake"),
            // amm
            Map.entry("UNKNOWN_AMM_POOL", "no AMM pool " + ID),
            Map.entry("POOL_EXISTS", "a pool of BTA-GOV and BTA-UTIL exists: " + ID),
            Map.entry("POOL_PAUSED", "pool " + ID + " is paused: no swaps or liquidity changes until it resumes"),
            Map.entry("NO_ROUTE", "no pool of BTA-GOV and BTA-REWARD, directly or through one other token"),
            Map.entry("INSUFFICIENT_LIQUIDITY", "the pool holds 1000, not more than the 1500 asked for"),
            Map.entry("SLIPPAGE_EXCEEDED", "the swap would give 1.662497915624478906, less than amountOutMin 1.7"),
            Map.entry("AMM_BUSY", "the AMM has too many swaps waiting; retry shortly"),
            Map.entry("AMM_UNAVAILABLE", "the AMM is shutting down; retry"),
            Map.entry("DEADLINE_PASSED", "the deadline 2026-03-01T12:00:00Z has passed (now 2026-03-01T12:00:05Z)"),
            // airdrops
            Map.entry("UNKNOWN_AIRDROP", "no airdrop " + ID),
            Map.entry("NOT_ELIGIBLE", "alice is not in this airdrop's list"),
            Map.entry("ALREADY_CLAIMED", "this airdrop was already claimed at 2026-03-01T12:00:00Z"),
            Map.entry("AIRDROP_NOT_STARTED", "claims open at 2026-03-01T00:00:00Z"),
            Map.entry("AIRDROP_ENDED", "claims closed at 2026-04-01T00:00:00Z"),
            Map.entry("AIRDROP_NOT_ENDED", "the unclaimed rest can be swept once claims close at 2026-04-01T00:00:00Z"),
            Map.entry("ALREADY_SWEPT", "the unclaimed rest was already swept at 2026-04-02T00:00:00Z"),
            Map.entry("AIRDROPS_BUSY", "too many airdrop claims are waiting; retry shortly"),
            Map.entry("AIRDROPS_UNAVAILABLE", "the airdrops are shutting down; retry"),
            // vesting
            Map.entry("UNKNOWN_VESTING", "no vesting schedule " + ID),
            Map.entry("NOTHING_TO_RELEASE", "nothing is releasable yet; tokens vest from 2027-01-01T00:00:00Z"),
            Map.entry("NOT_REVOCABLE", "this vesting schedule was created irrevocable"),
            Map.entry("ALREADY_REVOKED", "this vesting schedule was revoked at 2026-06-01T00:00:00Z"),
            // farms
            Map.entry("UNKNOWN_FARM", "no farm " + ID),
            Map.entry("FARM_EXISTS", "BTA-UTIL already backs farm " + ID + "; a token backs one farm"),
            Map.entry("INSUFFICIENT_STAKE", "the position holds 10, less than the 15 asked"),
            Map.entry("FARM_ENDED", "the farm ended at 2026-06-01T00:00:00Z and takes no deposits"),
            Map.entry("NO_POSITION", "there is no position in this farm"),
            Map.entry("NOTHING_TO_HARVEST", "nothing is pending in this position"),
            // auctions
            Map.entry("UNKNOWN_AUCTION", "no auction tender-2026-17 has been registered or joined"),
            Map.entry("UNKNOWN_PARTICIPANT", "'bob' has not joined auction tender-2026-17"),
            Map.entry("AUCTION_SETTLED", "auction tender-2026-17 is already settled"),
            Map.entry("AUCTION_CLOSED", "the auction closed at 2026-05-01T12:00:00Z and takes no more bidders"),
            Map.entry("ALREADY_JOINED", "'bob' has already joined this auction"),
            Map.entry("NOT_A_PARTICIPANT", "winnerId 'carol' has not joined this auction"),
            Map.entry("FEE_ABOVE_BASE_BOND", "the participation fee 150 is more than the base bond 100"),
            Map.entry("TREASURY_MAY_NOT_BID", "the treasury cannot take part in an auction"),
            // guarantees (NOT_A_PARTY is audit's too, in its own words)
            Map.entry("UNKNOWN_ALLOCATION", "no guarantee allocation " + ID),
            Map.entry(
                    "GUARANTEE_ALREADY_ALLOCATED",
                    "guarantee 'loan-4711' already has an active allocation; release or claim it first"),
            Map.entry("ALLOCATION_NOT_ACTIVE", "the allocation is RELEASED; only an ACTIVE one can change"),
            Map.entry(
                    "ALLOCATION_EXPIRED", "the guarantee expired at 2026-02-01T00:00:00Z and can no longer be claimed"),
            Map.entry("EXPIRY_NOT_IN_FUTURE", "expiresAt 2025-01-01T00:00:00Z is not in the future"),
            Map.entry("NOT_A_PARTY", "only the guarantor, the beneficiary or a guarantees service may read this"),
            // governance
            Map.entry("UNKNOWN_PROPOSAL", "no proposal " + ID),
            Map.entry("BELOW_PROPOSAL_THRESHOLD", "proposing needs 1000 BTA-GOV of voting power; the proposer has 250"),
            Map.entry("VOTING_NOT_OPEN", "voting has ended (status SUCCEEDED)"),
            Map.entry("ALREADY_VOTED", "'alice' has already voted on this proposal"),
            Map.entry(
                    "NO_VOTING_POWER",
                    "'alice' had no BTA-GOV voting power at the proposal's snapshot (sequence 1042)"),
            Map.entry(
                    "PROPOSAL_NOT_EXECUTABLE",
                    "the timelock has not passed; executable from 2026-04-03T00:00:00Z (status QUEUED)"),
            Map.entry(
                    "PROPOSAL_NOT_CANCELABLE",
                    "the proposer may cancel only before voting starts; ask an admin (status ACTIVE)"),
            Map.entry(
                    "PROPOSAL_ACTION_FAILED",
                    "action 0 (MINT) failed, so nothing was applied: minting 500 BTA-GOV would exceed the max"
                            + " supply of 1000000000 (supply is 999999800)"),
            Map.entry("NOT_PROPOSER", "only the proposer or an admin may cancel this proposal"),
            Map.entry("GOVERNANCE_BUSY", "too many votes are waiting; retry shortly"),
            Map.entry("GOVERNANCE_UNAVAILABLE", "votes are not being taken now; retry"),
            // rewards
            Map.entry(
                    "EMISSION_BUDGET_EXCEEDED",
                    "BTA-REWARD emission budget of epoch 12 is 100000; 250 remains, 1000 was requested"),
            Map.entry("TRUST_TOO_LOW", "entity 'alice' has a trust score of 20; REFERRAL rewards need at least 50"),
            Map.entry("REWARD_AMOUNT_REQUIRED", "TRANSACTION rewards have no policy amount; give an amount"),
            Map.entry("REWARD_NOT_FOUND", "no reward " + ID),
            Map.entry("REWARD_NOT_PENDING", "reward " + ID + " is CLAIMED, only a PENDING reward can be claimed"),
            Map.entry("REFEREE_ALREADY_REFERRED", "entity 'bob' was already referred by another entity"),
            Map.entry("NOT_RECIPIENT", "only the recipient may claim reward " + ID),
            Map.entry("REWARD_TOO_SMALL", "the REFERRAL reward rounds down to zero BTA-REWARD"),
            // audit
            Map.entry("UNKNOWN_BLOCK", "no sealed block at height 812"),
            Map.entry("UNKNOWN_TRANSACTION", "no ledger transaction " + ID),
            Map.entry("NOT_YET_SEALED", "transaction 5120 is committed but not yet sealed into a block; retry shortly"),
            // webhooks
            Map.entry("UNKNOWN_WEBHOOK", "no webhook endpoint " + ID),
            Map.entry("UNKNOWN_WEBHOOK_MESSAGE", "no webhook message " + ID),
            // bridge
            Map.entry("BRIDGE_PAUSED", "the bridge is paused: no withdrawals until it is unpaused"),
            Map.entry("BRIDGE_NOT_DEPLOYED", "the bridge's contracts are not deployed yet (POST /api/bridge/deploy)"),
            Map.entry("TOKENS_NOT_INITIALIZED", "the ledger's tokens are not initialized yet"),
            Map.entry("TOKEN_NOT_BRIDGEABLE", "BTA-GUAR is collateral and is not bridgeable"),
            Map.entry("WITHDRAWAL_LIMIT", "a withdrawal of this token is at most 10000, got 25000"),
            Map.entry("UNKNOWN_WITHDRAWAL", "no withdrawal " + ID),
            Map.entry("UNKNOWN_DEPOSIT", "no deposit " + ID),
            Map.entry("DEPOSIT_NOT_HELD", "deposit " + ID + " is CREDITED, not HELD: only a held deposit is released"),
            Map.entry(
                    "DEPOSIT_NOT_RELEASABLE",
                    "deposit " + ID + " burned 0x5fbdb2315678afecb367f032d93f642f64180aa3, which is not one of"
                            + " the bridge's tokens: the escrow holds nothing of it"),
            Map.entry("CHAIN_UNAVAILABLE", "the chain did not answer: connection refused"));

    /** The example detail of {@code code}, if the table has one. */
    static Optional<String> detail(String code) {
        return Optional.ofNullable(DETAILS.get(code));
    }

    /** The title the service answers {@code code} with at {@code status}. */
    static String title(int status, String code) {
        if (code.equals("IDEMPOTENCY_KEY_REUSED")) {
            return "Idempotency key reused";
        }
        return switch (status) {
            case 400 -> "Invalid input";
            case 401 -> "Unauthenticated";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 409 -> "Conflict";
            case 413 -> "Payload too large";
            case 422 -> "Rule violated";
            case 429 -> "Too many requests";
            case 503 -> "Service unavailable";
            default -> "Error";
        };
    }
}
