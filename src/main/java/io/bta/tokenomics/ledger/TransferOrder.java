package io.bta.tokenomics.ledger;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.error.Inputs;

/**
 * A transfer as a client writes it (text fields, as in the JSON body), and the one place where it
 * is read: each field checked and, when wrong, named with a prefix ({@code transfers[3].amount}).
 * The sender defaults to the caller; the token stays a name ({@code BTA-UTIL}, a type or an id)
 * for the facade to resolve.
 */
public record TransferOrder(String fromEntityId, String toEntityId, String tokenId, String amount, String memo) {

    /** The order's fields, checked; any of them null where its field was refused in {@code in}. */
    public record Checked(EntityId from, EntityId to, Amount amount, String memo, String token) {

        /** The transfer, once its token is resolved. */
        public LedgerOperation.Transfer transfer(TokenId token, EntityId actor) {
            return new LedgerOperation.Transfer(token, from, to, amount, memo, actor);
        }
    }

    /** Reads the order's fields into {@code in}, naming each refusal {@code prefix + field}. */
    public Checked read(Inputs in, String prefix, EntityId caller) {
        var from = fromEntityId == null ? caller : in.entityId(prefix + "fromEntityId", fromEntityId);
        var to = in.entityId(prefix + "toEntityId", toEntityId);
        var checkedAmount = in.positiveAmount(prefix + "amount", amount);
        var checkedMemo = in.optional(prefix + "memo", memo, LedgerOperation.MAX_MEMO_LENGTH);
        var token = in.required(prefix + "tokenId", tokenId, 64);
        if (from != null && from.equals(to)) {
            in.reject(prefix + "toEntityId", "must differ from the sender");
        }
        return new Checked(from, to, checkedAmount, checkedMemo, token);
    }
}
