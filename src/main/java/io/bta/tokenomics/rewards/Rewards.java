package io.bta.tokenomics.rewards;

import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.ledger.TokenType;
import io.bta.tokenomics.rewards.RewardProblems.AlreadyReferred;
import io.bta.tokenomics.rewards.RewardProblems.AmountRequired;
import io.bta.tokenomics.rewards.RewardProblems.EmissionBudgetExceeded;
import io.bta.tokenomics.rewards.RewardProblems.NotPending;
import io.bta.tokenomics.rewards.RewardProblems.RewardNotFound;
import io.bta.tokenomics.rewards.RewardProblems.TrustTooLow;
import io.bta.tokenomics.rewards.internal.EmissionBudget;
import io.bta.tokenomics.rewards.internal.RewardSettings;
import io.bta.tokenomics.rewards.internal.RewardStore;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.Decimals;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.Ids;
import io.bta.tokenomics.shared.Page;
import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.shared.error.InvalidInput;
import io.bta.tokenomics.shared.error.RuleViolation;
import io.bta.tokenomics.shared.web.Cursors;
import io.bta.tokenomics.trust.Trust;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rewards module's facade: distributes rewards in BTA-REWARD (directly or through the trigger
 * policies), lets recipients claim them, and reports history, totals, policies and the emission.
 *
 * <p>Promises: a reward is unique per (type, recipient, source), and a referee is referred once; a
 * reward is minted at most once, to its recipient, when claimed; every pending reward holds a
 * reservation in the epoch it was distributed in, released if it expires; no epoch's mints and
 * reservations exceed its budget.
 */
@Service
public class Rewards {

    private static final Logger log = LoggerFactory.getLogger(Rewards.class);

    /** The type's policy amount, scaled by the recipient's trust. */
    private static final BiFunction<RewardPolicy, BigDecimal, Amount> BY_POLICY =
            (policy, score) -> policy.scale(policy.amount(), score);

    public static final int MAX_SOURCE_REF_LENGTH = 200;
    public static final int MAX_REASON_LENGTH = 500;
    private static final int EXPIRY_BATCH = 500;

    private final RewardStore store;
    private final EmissionBudget emission;
    private final RewardSettings settings;
    private final Ledger ledger;
    private final Trust trust;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate nested;

    Rewards(
            RewardStore store,
            EmissionBudget emission,
            RewardSettings settings,
            Ledger ledger,
            Trust trust,
            Clock clock,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.events = events;
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.store = store;
        this.emission = emission;
        this.settings = settings;
        this.ledger = ledger;
        this.trust = trust;
        this.clock = clock;
    }

    /**
     * Creates a PENDING reward and reserves its amount in the current epoch. Without an amount, the
     * type's policy gives it (scaled by trust); a given amount is paid as given. Either way the
     * policy's minimum trust applies. A repeat of (type, recipient, source) returns the existing
     * reward and changes nothing.
     */
    @Transactional
    public RewardGrant distributeReward(
            EntityId recipient, RewardType type, String sourceRef, Amount amount, String reason) {
        if (type == RewardType.NFT) {
            throw InvalidInput.field(
                    "type", "an NFT reward is a badge, awarded by a badge rule (POST /api/nft/badge-rules)");
        }
        return grant(recipient, type, sourceRef, reason, (policy, score) -> {
            if (amount != null) {
                return amount;
            }
            if (policy.amount() == null) {
                throw AmountRequired.of(type);
            }
            return policy.scale(policy.amount(), score);
        });
    }

    /**
     * Records a badge awarded to {@code recipient} in its rewards history: a reward of type NFT,
     * AWARDED at once (there is nothing to claim or mint, and no emission epoch is charged), with
     * the trust score it was awarded at.
     * {@code sourceRef} names what awarded it (one reward per recipient and source: a repeat records
     * nothing and answers false). Joins the caller's transaction, so the badge and its record commit
     * together.
     */
    @Transactional
    public boolean recordBadge(
            EntityId recipient, RewardBadge badge, String sourceRef, String reason, BigDecimal trustScore) {
        var now = now();
        return store.insertBadge(
                Ids.newId(clock),
                recipient,
                sourceRef,
                reason == null ? null : truncate(reason),
                trustScore,
                now,
                badge);
    }

    /** A fraction ({@code rate}) of a transaction's value, scaled by trust, capped per transaction. */
    @Transactional
    public RewardGrant rewardTransaction(EntityId entity, String transactionRef, Amount transactionValue) {
        return grant(
                entity,
                RewardType.TRANSACTION,
                transactionRef,
                "transaction " + transactionRef,
                (policy, score) -> policy.scale(transactionValue.timesRoundedDown(policy.rate()), score));
    }

    /** The learning amount for a finished course; with a level, each level of a course rewards once. */
    @Transactional
    public RewardGrant rewardLearning(EntityId entity, String courseId, String level) {
        var source = level == null ? courseId : courseId + "#" + level;
        return grant(
                entity,
                RewardType.LEARNING,
                source,
                "course " + courseId + (level == null ? "" : " level " + level),
                BY_POLICY);
    }

    /** The governance amount for voting on a proposal, once per proposal. */
    @Transactional
    public RewardGrant rewardGovernance(EntityId voter, UUID proposalId) {
        return grant(voter, RewardType.GOVERNANCE, proposalId.toString(), governanceReason(proposalId), BY_POLICY);
    }

    /** A vote to reward: the voter and the proposal voted on. */
    public record GovernanceVote(EntityId voter, UUID proposalId) {}

    /**
     * The governance rewards of many votes (those of one commit), in this transaction, announced
     * together in one {@link RewardEvents.RewardsDistributed}. Set-based when the batch fits the
     * epoch's budget: the policy and the epoch read once, every reward inserted in one statement (a
     * vote already rewarded is skipped), one reservation for their sum. If the sum does not fit, the
     * batch's writes roll back to a savepoint and each vote is granted on its own (a savepoint each),
     * as many as the budget allows. A vote the policy refuses is logged and gets nothing. Returns how
     * many rewards were created.
     */
    @Transactional
    public int rewardGovernance(List<GovernanceVote> votes) {
        var announced = new ArrayList<RewardEvents.RewardDistributed>();
        try {
            nested.executeWithoutResult(s -> announced.addAll(grantGovernanceTogether(votes)));
        } catch (EmissionBudgetExceeded beyond) {
            announced.clear();
            for (var vote : votes) {
                try {
                    nested.executeWithoutResult(s -> grant(
                            vote.voter(),
                            RewardType.GOVERNANCE,
                            vote.proposalId().toString(),
                            governanceReason(vote.proposalId()),
                            BY_POLICY,
                            announced::add));
                } catch (DomainProblem refused) {
                    logRefused(vote, refused.getMessage());
                }
            }
        }
        if (!announced.isEmpty()) {
            events.publishEvent(new RewardEvents.RewardsDistributed(announced));
        }
        return announced.size();
    }

    private List<RewardEvents.RewardDistributed> grantGovernanceTogether(List<GovernanceVote> votes) {
        var snapshot = settings.current();
        var policy = snapshot.policies().get(RewardType.GOVERNANCE);
        var now = now();
        int epoch = emission.openEpoch();
        var rows = new ArrayList<RewardStore.Row>(votes.size());
        for (var vote : votes) {
            var score = trust.scoreOf(vote.voter()).score();
            try {
                var amount = checkedAmount(vote.voter(), RewardType.GOVERNANCE, policy, score, BY_POLICY);
                rows.add(pendingRow(
                        vote.voter(),
                        RewardType.GOVERNANCE,
                        vote.proposalId().toString(),
                        governanceReason(vote.proposalId()),
                        amount,
                        score,
                        snapshot,
                        epoch,
                        now));
            } catch (DomainProblem refused) {
                logRefused(vote, refused.getMessage());
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        var inserted = store.insertAll(rows);
        var total = Amount.ZERO;
        var created = new ArrayList<RewardEvents.RewardDistributed>(inserted.size());
        for (var row : rows) {
            if (inserted.contains(row.id())) {
                total = total.plus(row.amount());
                created.add(distributed(row));
            }
        }
        if (total.isPositive()) {
            emission.reserve(epoch, total); // refuses beyond the budget: the caller rolls the batch back
        }
        return created;
    }

    private static String governanceReason(UUID proposalId) {
        return "vote on proposal " + proposalId;
    }

    private static void logRefused(GovernanceVote vote, String why) {
        log.info("no governance reward for {} on proposal {}: {}", vote.voter(), vote.proposalId(), why);
    }

    /** The referral amount to the referrer, once per referee (whoever referred it first). */
    @Transactional
    public RewardGrant rewardReferral(EntityId referrer, EntityId referee) {
        if (referrer.equals(referee)) {
            throw InvalidInput.field("refereeId", "must differ from the referrer");
        }
        return grant(referrer, RewardType.REFERRAL, referee.value(), "referral of " + referee, BY_POLICY);
    }

    private RewardGrant grant(
            EntityId recipient,
            RewardType type,
            String sourceRef,
            String reason,
            BiFunction<RewardPolicy, BigDecimal, Amount> amountFor) {
        return grant(recipient, type, sourceRef, reason, amountFor, events::publishEvent);
    }

    private RewardGrant grant(
            EntityId recipient,
            RewardType type,
            String sourceRef,
            String reason,
            BiFunction<RewardPolicy, BigDecimal, Amount> amountFor,
            Consumer<RewardEvents.RewardDistributed> announce) {
        var existing = store.find(type, recipient, sourceRef);
        if (existing.isPresent()) {
            return new RewardGrant(view(existing.get()), false);
        }
        var snapshot = settings.current();
        var policy = snapshot.policies().get(type);
        var score = trust.scoreOf(recipient).score();
        var amount = checkedAmount(recipient, type, policy, score, amountFor);
        var now = now();
        int epoch = emission.openEpoch();
        var row = pendingRow(recipient, type, sourceRef, reason, amount, score, snapshot, epoch, now);
        if (!store.insert(row)) {
            // A concurrent duplicate committed first: answer with its record.
            return store.find(type, recipient, sourceRef)
                    .map(r -> new RewardGrant(view(r), false))
                    .orElseThrow(() -> AlreadyReferred.of(sourceRef));
        }
        emission.reserve(epoch, amount); // refuses beyond the budget; the insert then rolls back
        announce.accept(distributed(row));
        return new RewardGrant(view(row), true);
    }

    /** The amount the policy gives the recipient, or why it gives nothing (trust too low, zero). */
    private static Amount checkedAmount(
            EntityId recipient,
            RewardType type,
            RewardPolicy policy,
            BigDecimal score,
            BiFunction<RewardPolicy, BigDecimal, Amount> amountFor) {
        if (score.compareTo(policy.minTrust()) < 0) {
            throw TrustTooLow.of(recipient.value(), type, score, policy.minTrust());
        }
        var amount = amountFor.apply(policy, score);
        if (!amount.isPositive()) {
            throw RuleViolation.of("REWARD_TOO_SMALL", "the " + type + " reward rounds down to zero BTA-REWARD");
        }
        return amount;
    }

    /** A new PENDING reward, reserved in {@code epoch}, expiring after the claim window (if any). */
    private RewardStore.Row pendingRow(
            EntityId recipient,
            RewardType type,
            String sourceRef,
            String reason,
            Amount amount,
            BigDecimal score,
            RewardSettings.Snapshot snapshot,
            int epoch,
            Instant now) {
        return new RewardStore.Row(
                Ids.newId(clock),
                recipient,
                rewardToken(),
                amount,
                type,
                sourceRef,
                reason == null ? null : truncate(reason),
                score,
                RewardStatus.PENDING,
                epoch,
                now,
                null,
                snapshot.claimWindow() == null ? null : now.plus(snapshot.claimWindow()),
                null);
    }

    private static RewardEvents.RewardDistributed distributed(RewardStore.Row row) {
        return new RewardEvents.RewardDistributed(
                row.id(),
                row.recipientId(),
                row.tokenId(),
                row.amount(),
                row.type(),
                row.sourceRef(),
                row.trustScore(),
                row.expiresAt(),
                row.createdAt());
    }

    /**
     * The recipient claims a PENDING reward: its amount is minted to the recipient's available
     * balance, from the reservation it holds. Concurrent claims of one reward mint once: the
     * reward's row lock makes them wait, and the later ones find it CLAIMED.
     */
    @Transactional(noRollbackFor = NotPending.class)
    public Reward claimReward(RewardId id, EntityId caller) {
        var rewardId = id.value();
        var row = store.lock(rewardId).orElseThrow(() -> RewardNotFound.of(rewardId));
        if (!row.recipientId().equals(caller)) {
            throw RewardProblems.notRecipient(rewardId);
        }
        var now = now();
        var status = row.statusAt(now);
        if (status != RewardStatus.PENDING) {
            if (row.status() == RewardStatus.PENDING) {
                expire(row); // kept although the claim is refused: the reservation goes back now
            }
            throw NotPending.of(rewardId, status);
        }
        // The mint names the reward's reservation: the emission budget pays it from there.
        var tx = ledger.apply(EmissionBudget.claimMint(
                rewardId, row.tokenId(), row.recipientId(), row.amount(), row.epoch(), caller));
        store.markClaimed(rewardId, now, tx.id());
        events.publishEvent(
                new RewardEvents.RewardClaimed(rewardId, row.recipientId(), row.tokenId(), row.amount(), tx.id(), now));
        return view(store.find(rewardId).orElseThrow());
    }

    /** Expires the PENDING rewards past their claim window and releases their reservations. */
    @Transactional
    public int expireDue() {
        var due = store.lockDueForExpiry(now(), EXPIRY_BATCH);
        var released = new TreeMap<Integer, Amount>(); // epoch order: a fixed lock order
        for (var row : due) {
            store.markExpired(row.id());
            released.merge(row.epoch(), row.amount(), Amount::plus);
        }
        released.forEach(emission::release);
        return due.size();
    }

    private void expire(RewardStore.Row row) {
        store.markExpired(row.id());
        emission.release(row.epoch(), row.amount());
    }

    @Transactional(readOnly = true)
    public Reward reward(RewardId id) {
        return store.find(id.value()).map(this::view).orElseThrow(() -> RewardNotFound.of(id.value()));
    }

    /** A recipient's rewards, newest first; {@code type} and {@code status} are optional filters. */
    @Transactional(readOnly = true)
    public Page<Reward> rewards(EntityId recipient, RewardType type, RewardStatus status, int limit, String cursor) {
        UUID before = null;
        var position = Cursors.decode(cursor);
        if (position != null) {
            try {
                before = Ids.parse(position);
            } catch (IllegalArgumentException e) {
                throw InvalidInput.field("cursor", "is not a cursor returned by this API");
            }
        }
        var rows = store.page(recipient, type, status, now(), before, limit + 1);
        var items = rows.stream().limit(limit).map(this::view).toList();
        var next =
                rows.size() > limit ? Cursors.encode(items.get(limit - 1).id().toString()) : null;
        return new Page<>(items, next);
    }

    /** A recipient's totals per token and per type. */
    @Transactional(readOnly = true)
    public RewardTotals totals(EntityId recipient) {
        var byToken = new LinkedHashMap<TokenId, List<RewardTotals.TypeTotal>>();
        for (var t : store.totals(recipient, now())) {
            var sums = new RewardTotals.Sums(
                    t.claimed().plus(t.pending()), t.claimed(), t.pending(), t.expired(), t.count());
            byToken.computeIfAbsent(t.tokenId(), k -> new ArrayList<>())
                    .add(new RewardTotals.TypeTotal(t.type(), sums));
        }
        var tokens = new ArrayList<RewardTotals.TokenTotal>();
        byToken.forEach((token, types) -> {
            var sum = new RewardTotals.Sums(Amount.ZERO, Amount.ZERO, Amount.ZERO, Amount.ZERO, 0);
            for (var t : types) {
                var s = t.sums();
                sum = new RewardTotals.Sums(
                        sum.distributed().plus(s.distributed()),
                        sum.claimed().plus(s.claimed()),
                        sum.pending().plus(s.pending()),
                        sum.expired().plus(s.expired()),
                        sum.count() + s.count());
            }
            tokens.add(new RewardTotals.TokenTotal(token, ledger.symbolOf(token), sum, types));
        });
        return new RewardTotals(recipient, tokens);
    }

    /**
     * Every reward ever claimed (and so minted), summed per token: a running total that only grows,
     * so the difference between two readings is what was paid in between. Staking payouts count
     * once their records are written, just after the payout commits.
     */
    @Transactional(readOnly = true)
    public Map<TokenId, Amount> claimedTotals() {
        return store.claimedByToken();
    }

    /** The policies in force, one per reward type. */
    @Transactional(readOnly = true)
    public List<RewardPolicy> policies() {
        return List.copyOf(settings.current().policies().values());
    }

    /**
     * The current emission epoch. A read: an epoch no reward or mint has opened yet is shown as it
     * would open now, and stays unopened.
     */
    @Transactional(readOnly = true)
    public EmissionState emission() {
        return emission.current();
    }

    private Reward view(RewardStore.Row r) {
        return new Reward(
                new RewardId(r.id()),
                r.recipientId(),
                r.tokenId(),
                r.tokenId() == null ? null : ledger.symbolOf(r.tokenId()),
                r.amount(),
                r.type(),
                r.sourceRef(),
                r.reason(),
                Decimals.plain(r.trustScore()),
                r.statusAt(now()),
                r.createdAt(),
                r.claimedAt(),
                r.expiresAt(),
                r.badge());
    }

    private TokenId rewardToken() {
        return ledger.resolve(TokenType.REWARD);
    }

    private Instant now() {
        return clock.instant();
    }

    private static String truncate(String reason) {
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH);
    }
}
