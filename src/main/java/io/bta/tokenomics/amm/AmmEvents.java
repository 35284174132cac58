package io.bta.tokenomics.amm;

import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.PublicEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the AMM publishes, each in the transaction that made it true; webhooks forward them. */
public final class AmmEvents {

    private AmmEvents() {}

    /** A swap, through one pool or two: in pool order, with the fee and trust score applied. */
    public record Swapped(
            UUID swapId,
            EntityId trader,
            TokenId tokenIn,
            TokenId tokenOut,
            Amount amountIn,
            Amount amountOut,
            List<SwapHop> hops,
            BigDecimal trustScore,
            Instant swappedAt)
            implements PublicEvent {

        public static final String TYPE = "amm.swapped";

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public Instant occurredAt() {
            return swappedAt;
        }

        @Override
        public List<String> orderingKeys() {
            return hops.stream().map(h -> "amm-pool:" + h.poolId()).toList();
        }

        @Override
        public List<EntityId> parties() {
            return PublicEvent.entities(trader);
        }

        @Override
        public String sourceKey() {
            return TYPE + ":" + swapId;
        }
    }

    /**
     * Published once by each transaction that applies swaps of the swaps' group commit, with every
     * swap it applied, in order: a listener handles the swaps of one commit together, in one
     * transaction of its own. A swap applied on its own publishes its {@link Swapped} alone.
     */
    public record SwapsApplied(List<Swapped> swaps) implements PublicEvent.Batch {

        public SwapsApplied {
            if (swaps == null || swaps.isEmpty()) {
                throw new IllegalArgumentException("a SwapsApplied event carries at least one swap");
            }
            swaps = List.copyOf(swaps);
        }

        @Override
        public List<Swapped> events() {
            return swaps;
        }
    }

    /** One pool's part of a swap. */
    public record SwapHop(
            PoolId poolId, TokenId tokenIn, TokenId tokenOut, Amount amountIn, Amount amountOut, int feeBps) {}

    /** A change of a pool's liquidity: its messages are ordered by the pool and seen by the provider. */
    public sealed interface LiquidityEvent extends PublicEvent permits LiquidityAdded, LiquidityRemoved {

        UUID changeId();

        PoolId poolId();

        EntityId provider();

        @Override
        default List<String> orderingKeys() {
            return List.of("amm-pool:" + poolId());
        }

        @Override
        default List<EntityId> parties() {
            return PublicEvent.entities(provider());
        }

        @Override
        default String sourceKey() {
            return eventType() + ":" + changeId();
        }
    }

    /** Tokens deposited, shares minted to the provider. */
    public record LiquidityAdded(
            UUID changeId,
            PoolId poolId,
            EntityId provider,
            Amount amountA,
            Amount amountB,
            Amount liquidity,
            Instant addedAt)
            implements LiquidityEvent {

        public static final String TYPE = "amm.liquidity.added";

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public Instant occurredAt() {
            return addedAt;
        }
    }

    /** Shares burned, tokens paid to the provider. */
    public record LiquidityRemoved(
            UUID changeId,
            PoolId poolId,
            EntityId provider,
            Amount amountA,
            Amount amountB,
            Amount liquidity,
            Instant removedAt)
            implements LiquidityEvent {

        public static final String TYPE = "amm.liquidity.removed";

        @Override
        public String eventType() {
            return TYPE;
        }

        @Override
        public Instant occurredAt() {
            return removedAt;
        }
    }
}
