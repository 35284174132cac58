package io.bta.tokenomics.airdrops;

import io.bta.tokenomics.airdrops.AirdropEvents.Claimed;
import io.bta.tokenomics.airdrops.AirdropEvents.ClaimsPaid;
import io.bta.tokenomics.airdrops.AirdropEvents.Created;
import io.bta.tokenomics.airdrops.AirdropEvents.Swept;
import io.bta.tokenomics.airdrops.internal.AirdropStore;
import io.bta.tokenomics.airdrops.internal.AirdropStore.CampaignRow;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.LedgerOperation;
import io.bta.tokenomics.ledger.OperationOutcome;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.Ids;
import io.bta.tokenomics.shared.Page;
import io.bta.tokenomics.shared.error.InvalidInput;
import io.bta.tokenomics.trust.Trust;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The airdrops' facade: campaigns, proofs, claims and sweeps.
 *
 * <p>Promises: a campaign's total leaves the treasury for its escrow in the transaction that
 * creates it, and its Merkle root is OpenZeppelin's {@code StandardMerkleTree} root of its list;
 * each listed entity is paid its amount at most once, whatever the retries, threads or instances
 * (its row is locked and written once, in the transaction that pays it); the unclaimed rest goes
 * back to the treasury at most once, and no claim is paid after it (a claim holds the campaign row
 * in {@code key share} mode, a sweep takes it {@code for update}); a refusal moves nothing.
 *
 * <p>Lock order: the campaign rows, then the claim rows, then the ledger's balances.
 */
@Service
public class Airdrops {

    /** The prefix of a campaign's escrow entity ({@code airdrop:<id>}), whose tokens only the airdrops move. */
    public static final String ESCROW_PREFIX = "airdrop:";

    /** The actor recorded on the ledger for claims and sweeps: the escrow's custodian. */
    public static final EntityId ISSUER = EntityId.of("system:airdrops");

    /** A name's most characters. */
    public static final int MAX_NAME_LENGTH = 200;

    private final AirdropStore store;
    private final Ledger ledger;
    private final Trust trust;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate writes;
    private final ClaimCommitter groupCommit;

    Airdrops(
            AirdropStore store,
            Ledger ledger,
            Trust trust,
            Clock clock,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            ClaimCommitter groupCommit) {
        this.store = store;
        this.ledger = ledger;
        this.trust = trust;
        this.clock = clock;
        this.events = events;
        this.writes = new TransactionTemplate(transactions.getTransactionManager());
        this.groupCommit = groupCommit;
        groupCommit.use(this::claimAll);
    }

    /**
     * Creates a campaign: checks its terms, builds the tree of its list, and in one transaction
     * records it and moves the total from the treasury to its escrow. {@code startsAt} null is now;
     * {@code endsAt} must be after both it and now; {@code minTrustScore} null admits any score.
     */
    public Airdrop create(
            TokenId token,
            String name,
            ClaimList claims,
            Instant startsAt,
            Instant endsAt,
            BigDecimal minTrustScore,
            EntityId actor) {
        var now = clock.instant();
        var starts = startsAt == null ? now : startsAt;
        checkTerms(name, starts, endsAt, minTrustScore, now);
        var tree = claims.tree(); // hashing a large list is done before the transaction
        var id = new AirdropId(Ids.newId(clock));
        var row = new CampaignRow(
                id,
                token,
                name,
                tree.root(),
                claims.total(),
                claims.size(),
                starts,
                endsAt,
                minTrustScore,
                actor,
                now,
                null,
                null);
        return writes.execute(status -> {
            store.insert(row, claims, tree);
            ledger.transfer(token, ledger.treasury(), id.escrow(), claims.total(), "airdrop " + id + " escrow", actor);
            events.publishEvent(new Created(
                    id,
                    token,
                    name,
                    MerkleTree.hex(tree.root()),
                    claims.total(),
                    claims.size(),
                    starts,
                    endsAt,
                    actor,
                    now));
            return view(row);
        });
    }

    /** The rules of a campaign's terms, each refused with the field it came from. */
    public static void checkTerms(
            String name, Instant startsAt, Instant endsAt, BigDecimal minTrustScore, Instant now) {
        var errors = new ArrayList<InvalidInput.FieldError>();
        if (name == null || name.isBlank()) {
            errors.add(new InvalidInput.FieldError("name", "is required"));
        } else if (name.length() > MAX_NAME_LENGTH) {
            errors.add(new InvalidInput.FieldError("name", "must be at most " + MAX_NAME_LENGTH + " characters"));
        }
        if (endsAt == null) {
            errors.add(new InvalidInput.FieldError("endsAt", "is required"));
        } else if (!endsAt.isAfter(now)) {
            errors.add(new InvalidInput.FieldError("endsAt", "must be in the future"));
        } else if (!endsAt.isAfter(startsAt)) {
            errors.add(new InvalidInput.FieldError("endsAt", "must be after startsAt"));
        }
        if (minTrustScore != null
                && (minTrustScore.signum() < 0 || minTrustScore.compareTo(BigDecimal.valueOf(100)) > 0)) {
            errors.add(new InvalidInput.FieldError("minTrustScore", "must be from 0 to 100"));
        } else if (minTrustScore != null && minTrustScore.stripTrailingZeros().scale() > 6) {
            errors.add(new InvalidInput.FieldError("minTrustScore", "must have at most 6 decimal places"));
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
    }

    @Transactional(readOnly = true)
    public Airdrop airdrop(AirdropId id) {
        return view(store.campaign(id).orElseThrow(() -> AirdropsProblems.unknownAirdrop(id.toString())));
    }

    /** Campaigns, newest first, {@code limit} a page, after the campaign {@code after} (the previous page's cursor). */
    @Transactional(readOnly = true)
    public Page<Airdrop> airdrops(int limit, AirdropId after) {
        List<CampaignRow> rows;
        if (after == null) {
            rows = store.campaigns(null, null, limit + 1);
        } else {
            var last = store.campaign(after).orElseThrow(() -> AirdropsProblems.unknownAirdrop(after.toString()));
            rows = store.campaigns(last.createdAt(), last.id().value(), limit + 1);
        }
        var items = rows.stream().limit(limit).map(this::view).toList();
        var next = rows.size() > limit ? items.get(items.size() - 1).id().toString() : null;
        return new Page<>(items, next);
    }

    /** The campaigns that list {@code entity}, newest first, each with the entity's proof and whether it claimed. */
    @Transactional(readOnly = true)
    public List<Eligibility> eligibility(EntityId entity) {
        return store.claimsOf(entity).stream()
                .map(c -> new Eligibility(airdrop(c.airdropId()), proof(c.airdropId(), entity)))
                .toList();
    }

    /** One campaign that lists an entity, and the entity's proof in it. */
    public record Eligibility(Airdrop airdrop, AirdropProof proof) {}

    /** The entity's leaf and proof in the campaign: {@code 404 NOT_ELIGIBLE} when it is not listed. */
    @Transactional(readOnly = true)
    public AirdropProof proof(AirdropId id, EntityId entity) {
        var campaign = store.campaign(id).orElseThrow(() -> AirdropsProblems.unknownAirdrop(id.toString()));
        var row = store.claim(id, entity).orElseThrow(() -> AirdropsProblems.notEligible(entity.value()));
        var proof = store.nodes(id, MerkleTree.proofPath(row.treeIndex()));
        var leaf = MerkleTree.leafHash(entity.value(), row.amount().units());
        return new AirdropProof(
                id,
                entity,
                row.amount(),
                row.amount().units(),
                MerkleTree.hex(leaf),
                proof.stream().map(MerkleTree::hex).toList(),
                MerkleTree.hex(campaign.merkleRoot()),
                row.claimedAt());
    }

    /**
     * Pays {@code claimant} its amount from the campaign's escrow, once, while the campaign is open
     * and the claimant's trust score (read now, recorded with the claim) meets its minimum.
     */
    public AirdropClaim claim(AirdropId id, EntityId claimant, EntityId actor) {
        // the score is read before the transaction: a remote trust engine must not hold a connection
        var score = trust.scoreOf(claimant).score();
        var request = new ClaimRequest(id, claimant, score, actor);
        if (groupCommit.enabled() && !TransactionSynchronizationManager.isActualTransactionActive()) {
            return groupCommit.claim(request);
        }
        var outcome = writes.execute(status -> claimAll(List.of(request)).get(0));
        if (outcome instanceof RuntimeException refused) {
            throw refused;
        }
        return (AirdropClaim) outcome;
    }

    /** A claim as queued: the campaign, the claimant, its trust score read before, and who asked. */
    record ClaimRequest(AirdropId airdrop, EntityId claimant, BigDecimal trustScore, EntityId actor) {}

    /**
     * The claims, in order, inside the current transaction, in a few statements whatever their
     * number: each answered with its {@link AirdropClaim} or its refusal (a {@code DomainProblem}),
     * a refusal moving nothing and not affecting the others. The campaigns' rows are locked first
     * ({@code for key share}), then the claim rows ({@code for update}, in key order), then the
     * ledger's balances by one {@code applyEach}; the paid rows are marked in one statement and one
     * {@link ClaimsPaid} event announces them.
     */
    List<Object> claimAll(List<ClaimRequest> requests) {
        var outcomes = new Object[requests.size()];
        var campaigns = store.campaignsForClaims(
                requests.stream().map(ClaimRequest::airdrop).toList());
        var now = clock.instant();
        var keys = new ArrayList<AirdropStore.ClaimKey>();
        for (int i = 0; i < requests.size(); i++) {
            var r = requests.get(i);
            var campaign = campaigns.get(r.airdrop());
            if (campaign == null) {
                outcomes[i] = AirdropsProblems.unknownAirdrop(r.airdrop().toString());
            } else if (now.isBefore(campaign.startsAt())) {
                outcomes[i] = AirdropsProblems.notStarted(campaign.startsAt());
            } else if (!now.isBefore(campaign.endsAt()) || campaign.sweptAt() != null) {
                outcomes[i] = AirdropsProblems.ended(campaign.endsAt());
            } else {
                keys.add(new AirdropStore.ClaimKey(r.airdrop(), r.claimant()));
            }
        }
        var rows = store.claimsForUpdate(keys);
        var operations = new ArrayList<LedgerOperation>();
        var pending = new ArrayList<Integer>();
        var taken = new java.util.HashSet<AirdropStore.ClaimKey>();
        for (int i = 0; i < requests.size(); i++) {
            if (outcomes[i] != null) {
                continue;
            }
            var r = requests.get(i);
            var key = new AirdropStore.ClaimKey(r.airdrop(), r.claimant());
            var row = rows.get(key);
            var campaign = campaigns.get(r.airdrop());
            if (row == null) {
                outcomes[i] = AirdropsProblems.notEligible(r.claimant().value());
            } else if (row.claimedAt() != null) {
                outcomes[i] = AirdropsProblems.alreadyClaimed(row.claimedAt());
            } else if (taken.contains(key)) {
                outcomes[i] = AirdropsProblems.alreadyClaimed(now); // twice in one batch: the first is paid
            } else if (campaign.minTrustScore() != null && r.trustScore().compareTo(campaign.minTrustScore()) < 0) {
                outcomes[i] = AirdropsProblems.trustTooLow(
                        r.trustScore().stripTrailingZeros().toPlainString(),
                        campaign.minTrustScore().stripTrailingZeros().toPlainString());
            } else {
                taken.add(key);
                var memo = "airdrop " + r.airdrop() + " claim"
                        + (r.actor().equals(r.claimant()) ? "" : " by " + r.actor());
                operations.add(new LedgerOperation.Transfer(
                        campaign.tokenId(), r.airdrop().escrow(), r.claimant(), row.amount(), memo, ISSUER));
                pending.add(i);
            }
        }
        var applied = operations.isEmpty() ? List.<OperationOutcome>of() : ledger.applyEach(operations);
        var paidRows = new ArrayList<AirdropStore.ClaimRow>();
        var paid = new ArrayList<AirdropClaim>();
        for (int k = 0; k < pending.size(); k++) {
            int i = pending.get(k);
            var r = requests.get(i);
            if (applied.get(k) instanceof OperationOutcome.Applied done) {
                var row = rows.get(new AirdropStore.ClaimKey(r.airdrop(), r.claimant()));
                paidRows.add(new AirdropStore.ClaimRow(
                        r.airdrop(),
                        r.claimant(),
                        row.amount(),
                        row.treeIndex(),
                        now,
                        done.transaction().id(),
                        r.trustScore()));
                var claim = new AirdropClaim(
                        r.airdrop(), r.claimant(), row.amount(), r.trustScore(), now, done.transaction());
                paid.add(claim);
                outcomes[i] = claim;
            } else {
                outcomes[i] = ((OperationOutcome.Refused) applied.get(k)).reason();
            }
        }
        store.markClaimed(paidRows);
        if (!paid.isEmpty()) {
            events.publishEvent(new ClaimsPaid(paid.stream()
                    .map(c -> new Claimed(
                            c.airdropId(),
                            c.transaction().tokenId(),
                            c.entityId(),
                            c.amount(),
                            c.trustScore(),
                            c.transaction().id(),
                            c.claimedAt()))
                    .toList()));
        }
        return java.util.Arrays.asList(outcomes);
    }

    /**
     * Returns the unclaimed rest to the treasury, once, after the end: {@code 409 AIRDROP_NOT_ENDED}
     * before, {@code 409 ALREADY_SWEPT} after a sweep (on any instance). Waits for claims in flight.
     */
    @Transactional
    public AirdropSweep sweep(AirdropId id, EntityId actor) {
        var campaign = store.campaignForSweep(id).orElseThrow(() -> AirdropsProblems.unknownAirdrop(id.toString()));
        var now = clock.instant();
        if (campaign.sweptAt() != null) {
            throw AirdropsProblems.alreadySwept(campaign.sweptAt());
        }
        if (now.isBefore(campaign.endsAt())) {
            throw AirdropsProblems.notEnded(campaign.endsAt());
        }
        var claimed = store.claimed(id);
        var rest = campaign.total().minus(claimed.amount());
        var held = ledger.balance(id.escrow(), campaign.tokenId());
        if (!held.available().equals(rest) || !held.locked().isZero()) {
            throw new IllegalStateException("airdrop " + id + " escrow holds " + held.available() + " (locked "
                    + held.locked() + ") but its unclaimed rest is " + rest + "; refusing to sweep");
        }
        var tx = rest.isZero()
                ? null
                : ledger.transfer(
                        campaign.tokenId(),
                        id.escrow(),
                        ledger.treasury(),
                        rest,
                        "airdrop " + id + " sweep by " + actor,
                        ISSUER);
        store.markSwept(id, now, rest, tx == null ? null : tx.id());
        events.publishEvent(new Swept(id, campaign.tokenId(), rest, now));
        return new AirdropSweep(id, rest, now, tx);
    }

    private Airdrop view(CampaignRow row) {
        var claimed = store.claimed(row.id());
        var now = clock.instant();
        AirdropStatus status;
        if (row.sweptAt() != null) {
            status = AirdropStatus.SWEPT;
        } else if (now.isBefore(row.startsAt())) {
            status = AirdropStatus.SCHEDULED;
        } else if (now.isBefore(row.endsAt())) {
            status = AirdropStatus.OPEN;
        } else {
            status = AirdropStatus.ENDED;
        }
        var unclaimed = row.sweptAt() != null ? Amount.ZERO : row.total().minus(claimed.amount());
        return new Airdrop(
                row.id(),
                row.tokenId(),
                ledger.symbolOf(row.tokenId()),
                row.name(),
                MerkleTree.hex(row.merkleRoot()),
                row.total(),
                row.claimCount(),
                claimed.count(),
                claimed.amount(),
                unclaimed,
                row.startsAt(),
                row.endsAt(),
                row.minTrustScore(),
                status,
                row.id().escrow(),
                row.createdBy(),
                row.createdAt(),
                row.sweptAt(),
                row.sweptAmount());
    }
}
