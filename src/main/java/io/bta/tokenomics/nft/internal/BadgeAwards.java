package io.bta.tokenomics.nft.internal;

import io.bta.tokenomics.governance.VoteCast;
import io.bta.tokenomics.nft.BadgeTrigger;
import io.bta.tokenomics.nft.NftMetadata;
import io.bta.tokenomics.nft.Nfts;
import io.bta.tokenomics.rewards.RewardEvents.RewardDistributed;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.staking.StakingEvents.StakeOpened;
import io.bta.tokenomics.trust.Trust;
import java.time.Clock;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Counts the events badge rules are about, per entity, and mints a rule's badge the first time an
 * entity's count reaches its threshold. Each event is counted once (by its source key, so a
 * republished event counts nothing), and the entity's count row stays locked until commit, so two
 * events of one entity take turns and a badge is awarded once per rule and entity, on any number
 * of instances. The award records the entity's trust score at that moment.
 */
@Component
class BadgeAwards {

    static final EntityId AWARDER = EntityId.of("system:badges");

    private final BadgeStore store;
    private final Nfts nfts;
    private final Trust trust;
    private final Clock clock;
    private final JsonMapper json;

    BadgeAwards(BadgeStore store, Nfts nfts, Trust trust, Clock clock, JsonMapper json) {
        this.store = store;
        this.nfts = nfts;
        this.trust = trust;
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
            var rule = (UUID) due[0];
            var collection = due[1].toString();
            var metadata = NftMetadata.fromJson(json.readTree((String) due[2]));
            var score = trust.scoreOf(entity).score();
            var token = nfts.mint(collection, entity, metadata, AWARDER);
            if (!store.award(rule, entity, token.tokenNumber(), score, now)) {
                throw new IllegalStateException("badge rule " + rule + " awarded twice to " + entity);
            }
        }
    }
}
