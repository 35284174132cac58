package io.bta.tokenomics.web.internal;

import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The confirmation shown after a form succeeded and redirected ({@code ?done=transferred}). Only
 * these fixed texts are shown, so a link cannot make a page say something else.
 */
@Component("flash")
public class Flash {

    private static final Map<String, String> TEXTS = Map.ofEntries(
            Map.entry("transferred", "Transfer sent."),
            Map.entry("withdrawn", "Withdrawal requested: it is minted on chain shortly."),
            Map.entry("proposed", "Proposal created."),
            Map.entry("voted", "Your vote is recorded."),
            Map.entry("delegated", "Delegation saved."),
            Map.entry("undelegated", "Delegation taken back."),
            Map.entry("canceled", "Proposal canceled."),
            Map.entry("executed", "Proposal executed."),
            Map.entry("swapped", "Swap done."),
            Map.entry("liquidity-added", "Liquidity added."),
            Map.entry("liquidity-removed", "Liquidity removed."),
            Map.entry("staked", "Stake opened."),
            Map.entry("unstaked", "Stake closed."),
            Map.entry("claimed", "Reward claimed."),
            Map.entry("airdrop-claimed", "Airdrop claimed."),
            Map.entry("vesting-released", "Vested tokens released."),
            Map.entry("farm-deposited", "Deposited in the farm."),
            Map.entry("farm-harvested", "Rewards harvested."),
            Map.entry("farm-withdrawn", "Withdrawn from the farm."),
            Map.entry("token-paused", "Token paused: no movement of it is accepted until it is unpaused."),
            Map.entry("token-unpaused", "Token unpaused."),
            Map.entry("initialized", "Tokens initialized."),
            Map.entry("pool-created", "Pool created."),
            Map.entry("pool-updated", "Pool updated."),
            Map.entry("minted", "Tokens minted."),
            Map.entry("burned", "Tokens burned."),
            Map.entry("trust-set", "Trust score saved."),
            Map.entry("key-revoked", "API key revoked."),
            Map.entry("webhook-deleted", "Webhook endpoint deleted."),
            Map.entry("distributed", "Staking rewards distributed."));

    public String text(String key) {
        return key == null ? null : TEXTS.get(key);
    }
}
