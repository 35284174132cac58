package io.bta.tokenomics.airdrops;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.error.InvalidInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * The claims of one campaign: 1 to {@value #MAX_CLAIMS} entities, each listed once with an amount
 * of at least one base unit (10^-18). A list is taken whole or refused whole: {@link #read} names
 * every offending row ({@code claims[7].amount: must be greater than zero}, {@code
 * claims[9].entityId: listed twice, first at claims[2]}), up to {@value #MAX_NAMED_ROWS} of them.
 */
public record ClaimList(List<Claim> claims, Amount total) {

    public static final int MAX_CLAIMS = 100_000;
    static final int MAX_NAMED_ROWS = 100;

    /** One entity's claim. */
    public record Claim(EntityId entityId, Amount amount) {}

    /** One row as a client wrote it. */
    public record Row(String entityId, String amount) {}

    public ClaimList {
        claims = List.copyOf(claims);
    }

    /** The list in {@code rows}, or a 400 naming each offending row under {@code field}. */
    public static ClaimList read(String field, List<Row> rows) {
        if (rows == null || rows.isEmpty()) {
            throw InvalidInput.field(field, "must list at least one claim");
        }
        if (rows.size() > MAX_CLAIMS) {
            throw InvalidInput.field(
                    field,
                    "lists " + rows.size() + " claims; a campaign holds at most " + MAX_CLAIMS
                            + " (make a larger airdrop in several campaigns)");
        }
        var errors = new ArrayList<InvalidInput.FieldError>();
        int offending = 0;
        var seen = new HashMap<String, Integer>(rows.size() * 2);
        var claims = new ArrayList<Claim>(rows.size());
        var total = java.math.BigDecimal.ZERO;
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            var at = field + "[" + i + "]";
            String problemOfId = null;
            String problemOfAmount = null;
            EntityId entity = null;
            Amount amount = null;
            if (row == null) {
                problemOfId = "is required";
            } else {
                if (row.entityId() == null) {
                    problemOfId = "is required";
                } else if (!EntityId.isValid(row.entityId())) {
                    problemOfId = "must be " + EntityId.RULE;
                } else {
                    entity = EntityId.of(row.entityId());
                    var first = seen.putIfAbsent(row.entityId(), i);
                    if (first != null) {
                        problemOfId = "listed twice, first at " + field + "[" + first + "]";
                    }
                }
                if (row.amount() == null) {
                    problemOfAmount = "is required";
                } else {
                    try {
                        amount = Amount.parse(row.amount());
                        if (!amount.isPositive()) {
                            problemOfAmount = "must be greater than zero";
                        }
                    } catch (IllegalArgumentException e) {
                        problemOfAmount = e.getMessage();
                    }
                }
            }
            if (problemOfId != null || problemOfAmount != null) {
                offending++;
                if (offending <= MAX_NAMED_ROWS) {
                    if (problemOfId != null) {
                        errors.add(new InvalidInput.FieldError(at + ".entityId", problemOfId));
                    }
                    if (problemOfAmount != null) {
                        errors.add(new InvalidInput.FieldError(at + ".amount", problemOfAmount));
                    }
                }
                continue;
            }
            claims.add(new Claim(entity, amount));
            total = total.add(amount.toBigDecimal());
        }
        if (offending > MAX_NAMED_ROWS) {
            errors.add(new InvalidInput.FieldError(
                    field, offending + " rows are refused; the first " + MAX_NAMED_ROWS + " are named"));
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        try {
            return new ClaimList(claims, Amount.of(total));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.field(
                    field,
                    "the claims add up to " + total.stripTrailingZeros().toPlainString()
                            + ", more than any balance can hold (at most 20 integer digits)");
        }
    }

    public int size() {
        return claims.size();
    }

    /** The Merkle tree of the list, its leaves in the list's order. */
    public MerkleTree tree() {
        return MerkleTree.of(claims.stream()
                .map(c -> new MerkleTree.Leaf(c.entityId().value(), c.amount().units()))
                .toList());
    }
}
