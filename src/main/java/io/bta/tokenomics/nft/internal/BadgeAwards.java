package io.bta.tokenomics.nft.internal;

import io.bta.tokenomics.governance.VoteCast;
import io.bta.tokenomics.nft.BadgeTrigger;
import io.bta.tokenomics.nft.NftMetadata;
import io.bta.tokenomics.nft.Nfts;
import io.bta.tokenomics.rewards.RewardBadge;
import io.bta.tokenomics.rewards.RewardEvents.RewardDistributed;
import io.bta.tokenomics.rewards.Rewards;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.staking.StakeId;
import io.bta.tokenomics.staking.Staking;
import io.bta.tokenomics.staking.StakingEvents.StakeOpened;
import io.bta.tokenomics.trust.Trust;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Counts the events badge rules are about, per entity, and mints a rule's badge the first time an
 * entity's count reaches its threshold. Each event is counted once (by its source key, so a
 * republished event counts nothing), and the entity's count row stays locked until commit, so two
 * events of one entity take turns and a badge is awarded once per rule and entity, on any number
 * of instances. The award records the entity's trust score at that moment, and the badge appears
 * in the entity's rewards history as a reward of type NFT, in the same transaction.
 *
 * <p>Stakes held a number of days ({@link BadgeTrigger#STAKE_HELD_DAYS}) are not an event: {@link
 * #scanStakesHeld()} reads, for each such rule, the stakes opened up to "now minus the rule's days"
 * that were held that long, in the order they were opened, from where the rule's last scan stopped
 * (kept on the rule row, locked during a page of the scan), so each stake is read once per rule and
 * a staker gets the badge once however many stakes qualify. It runs every {@code
 * tokenomics.nft.stake-scan-interval} (an hour by default).
 */
@Component
class BadgeAwards {

    static final EntityId AWARDER = EntityId.of("system:badges");

    /** Stakes read per transaction of a scan. */
    static final int SCAN_PAGE = 500;

    private final BadgeStore store;
    private final Nfts nfts;
    private final Trust trust;
    private final Rewards rewards;
    private final Staking staking;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final JsonMapper json;

    BadgeAwards(
            BadgeStore store,
            Nfts nfts,
            Trust trust,
            Rewards rewards,
            Staking staking,
            TransactionTemplate transactions,
            Clock clock,
            JsonMapper json) {
        this.store = store;
        this.nfts = nfts;
        this.trust = trust;
        this.rewards = rewards;
        this.staking = staking;
        this.transactions = transactions;
        this.clock = clock;
        this.json = json;
    }

    @ApplicationModuleListener
    void on(VoteCast e) {
        counted(e.sourceKey(), BadgeTrigger.VOTES_CAST, e.voterId());
    }

    @ApplicationModuleListener
    void on(StakeOpened e) {
        counted(e.sourceKey(), BadgeTrigger.STAKES_OPENED, e.stakerId());
    }

    @ApplicationModuleListener
    void on(RewardDistributed e) {
        var trigger =
                switch (e.type()) {
                    case LEARNING -> BadgeTrigger.REWARDS_LEARNING;
                    case GOVERNANCE -> BadgeTrigger.REWARDS_GOVERNANCE;
                    case REFERRAL -> BadgeTrigger.REWARDS_REFERRAL;
                    case TRANSACTION -> BadgeTrigger.REWARDS_TRANSACTION;
                    default -> null;
                };
        if (trigger != null) {
            counted(e.sourceKey(), trigger, e.recipientId());
        }
    }

    /**
     * Counts one event for the entity and awards what is due, in the listener's transaction; a
     * second count of the same event does nothing.
     */
    void counted(String sourceKey, BadgeTrigger trigger, EntityId entity) {
        var now = clock.instant();
        if (!store.firstTime(sourceKey, now)) {
            return;
        }
        long count = store.count(trigger, entity);
        for (var due : store.dueRules(trigger, entity, count)) {
            award((UUID) due[0], due[1].toString(), (String) due[2], entity, now);
        }
    }

    @Scheduled(
            fixedDelayString = "${tokenomics.nft.stake-scan-interval:PT1H}",
            initialDelayString = "${tokenomics.nft.stake-scan-interval:PT1H}")
    void scheduledScan() {
        scanStakesHeld();
    }

    /**
     * Awards the STAKE_HELD_DAYS badges due now: for each such rule, page by page (each page its own
     * transaction with the rule row locked), the stakes not read before that were held the rule's
     * days. Returns the number of badges awarded.
     */
    public int scanStakesHeld() {
        int awarded = 0;
        for (var rule : store.heldRules()) {
            Page page;
            do {
                page = transactions.execute(s -> scanPage(rule));
                awarded += page.awarded();
            } while (page.more());
        }
        return awarded;
    }

    private record Page(int awarded, boolean more) {}

    private Page scanPage(UUID ruleId) {
        var rule = store.lockHeldRule(ruleId);
        var now = clock.instant();
        var held = Duration.ofDays(rule.days());
        var stakes = staking.stakesHeld(
                held,
                rule.scannedToAt(),
                rule.scannedToId() == null ? null : new StakeId(rule.scannedToId()),
                now.minus(held),
                SCAN_PAGE);
        int awarded = 0;
        for (var stake : stakes) {
            if (!store.awarded(rule.id(), stake.stakerId())) {
                award(rule.id(), rule.collectionId().toString(), rule.metadata(), stake.stakerId(), now);
                awarded++;
            }
        }
        if (!stakes.isEmpty()) {
            var last = stakes.get(stakes.size() - 1);
            store.scannedTo(rule.id(), last.stakedAt(), last.id().value());
        }
        return new Page(awarded, stakes.size() == SCAN_PAGE);
    }

    /** Mints the rule's badge to the entity, records the award and the NFT reward. */
    private void award(UUID rule, String collection, String metadataJson, EntityId entity, Instant now) {
        var metadata = NftMetadata.fromJson(json.readTree(metadataJson));
        var score = trust.scoreOf(entity).score();
        var token = nfts.mint(collection, entity, metadata, AWARDER);
        if (!store.award(rule, entity, token.tokenNumber(), score, now)) {
            throw new IllegalStateException("badge rule " + rule + " awarded twice to " + entity);
        }
        rewards.recordBadge(
                entity,
                new RewardBadge(token.collectionSymbol(), token.tokenNumber()),
                "badge-rule:" + rule,
                "badge: " + metadata.name(),
                score);
    }
}
