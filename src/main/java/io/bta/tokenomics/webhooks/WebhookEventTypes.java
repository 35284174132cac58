package io.bta.tokenomics.webhooks;

import java.util.List;
import java.util.Set;

/**
 * The event types an endpoint can subscribe to (or {@code *} for all). They are part of the public
 * contract of the webhooks: a name, once published, is never reused for another meaning.
 */
public final class WebhookEventTypes {

    private WebhookEventTypes() {}

    public static final String ALL = "*";

    public static final String LEDGER_TRANSFERRED = "ledger.transferred";
    public static final String LEDGER_MINTED = "ledger.minted";
    public static final String LEDGER_BURNED = "ledger.burned";
    public static final String LEDGER_LOCKED = "ledger.locked";
    public static final String LEDGER_UNLOCKED = "ledger.unlocked";

    public static final String PROPOSAL_CREATED = "governance.proposal.created";
    public static final String PROPOSAL_CANCELED = "governance.proposal.canceled";
    public static final String PROPOSAL_EXECUTED = "governance.proposal.executed";
    public static final String VOTE_CAST = "governance.vote.cast";
    public static final String DELEGATION_CHANGED = "governance.delegation.changed";

    public static final String STAKE_OPENED = "staking.stake.opened";
    public static final String STAKE_CLOSED = "staking.stake.closed";
    public static final String STAKING_REWARDS_PAID = "staking.rewards.paid";

    public static final String REWARD_DISTRIBUTED = "rewards.reward.distributed";
    public static final String REWARD_CLAIMED = "rewards.reward.claimed";

    public static final String GUARANTEE_ALLOCATED = "guarantees.guarantee.allocated";
    public static final String GUARANTEE_RELEASED = "guarantees.guarantee.released";
    public static final String GUARANTEE_CLAIMED = "guarantees.guarantee.claimed";

    public static final String AUCTION_JOINED = "auctions.auction.joined";
    public static final String AUCTION_SETTLED = "auctions.auction.settled";

    public static final String TRUST_SCORE_CHANGED = "trust.score.changed";

    /** Every type, in a stable order (the order of the list answered by the API). */
    public static final List<String> KNOWN = List.of(
            LEDGER_TRANSFERRED,
            LEDGER_MINTED,
            LEDGER_BURNED,
            LEDGER_LOCKED,
            LEDGER_UNLOCKED,
            PROPOSAL_CREATED,
            PROPOSAL_CANCELED,
            PROPOSAL_EXECUTED,
            VOTE_CAST,
            DELEGATION_CHANGED,
            STAKE_OPENED,
            STAKE_CLOSED,
            STAKING_REWARDS_PAID,
            REWARD_DISTRIBUTED,
            REWARD_CLAIMED,
            GUARANTEE_ALLOCATED,
            GUARANTEE_RELEASED,
            GUARANTEE_CLAIMED,
            AUCTION_JOINED,
            AUCTION_SETTLED,
            TRUST_SCORE_CHANGED);

    private static final Set<String> SUBSCRIBABLE = Set.copyOf(concat());

    private static List<String> concat() {
        var all = new java.util.ArrayList<>(KNOWN);
        all.add(ALL);
        return all;
    }

    /** A known type or {@code *}. */
    public static boolean isSubscribable(String type) {
        return type != null && SUBSCRIBABLE.contains(type);
    }
}
