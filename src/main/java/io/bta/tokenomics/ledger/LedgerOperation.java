package io.bta.tokenomics.ledger;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import java.util.Objects;

/**
 * One change to the ledger, as asked for. The ledger applies a list of them in one database
 * transaction; each one either applies whole or is refused alone.
 */
public sealed interface LedgerOperation {

    int MAX_MEMO_LENGTH = 500;

    TokenId tokenId();

    Amount amount();

    String memo();

    /** Who asked for the operation; recorded with the transaction. */
    EntityId actor();

    TransactionType type();

    record Transfer(TokenId tokenId, EntityId from, EntityId to, Amount amount, String memo, EntityId actor)
            implements LedgerOperation {
        public Transfer {
            check(tokenId, amount, memo, actor);
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (from.equals(to)) {
                throw new IllegalArgumentException("a transfer needs two different entities");
            }
        }

        @Override
        public TransactionType type() {
            return TransactionType.TRANSFER;
        }
    }

    /**
     * A mint; {@code reservation} names what pays for it when a mint policy reserved its amount
     * earlier (a reward's claim), and is null for any other mint.
     */
    record Mint(TokenId tokenId, EntityId to, Amount amount, String memo, EntityId actor, MintReservation reservation)
            implements LedgerOperation {
        public Mint {
            check(tokenId, amount, memo, actor);
            Objects.requireNonNull(to, "to");
        }

        /** A mint that no reservation pays for. */
        public Mint(TokenId tokenId, EntityId to, Amount amount, String memo, EntityId actor) {
            this(tokenId, to, amount, memo, actor, null);
        }

        @Override
        public TransactionType type() {
            return TransactionType.MINT;
        }
    }

    record Burn(TokenId tokenId, EntityId from, Amount amount, String memo, EntityId actor) implements LedgerOperation {
        public Burn {
            check(tokenId, amount, memo, actor);
            Objects.requireNonNull(from, "from");
        }

        @Override
        public TransactionType type() {
            return TransactionType.BURN;
        }
    }

    record Lock(TokenId tokenId, EntityId entity, Amount amount, String memo, EntityId actor)
            implements LedgerOperation {
        public Lock {
            check(tokenId, amount, memo, actor);
            Objects.requireNonNull(entity, "entity");
        }

        @Override
        public TransactionType type() {
            return TransactionType.LOCK;
        }
    }

    record Unlock(TokenId tokenId, EntityId entity, Amount amount, String memo, EntityId actor)
            implements LedgerOperation {
        public Unlock {
            check(tokenId, amount, memo, actor);
            Objects.requireNonNull(entity, "entity");
        }

        @Override
        public TransactionType type() {
            return TransactionType.UNLOCK;
        }
    }

    private static void check(TokenId tokenId, Amount amount, String memo, EntityId actor) {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(actor, "actor");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("an operation moves a positive amount");
        }
        if (memo != null && memo.length() > MAX_MEMO_LENGTH) {
            throw new IllegalArgumentException("memo is longer than " + MAX_MEMO_LENGTH + " characters");
        }
    }
}
