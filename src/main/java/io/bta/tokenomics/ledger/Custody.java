package io.bta.tokenomics.ledger;

import io.bta.tokenomics.shared.EntityId;

/**
 * Entities whose tokens only one module moves: a pool's reserves, an escrow. A module declares its
 * custody as a bean; the ledger then refuses every movement out of such an entity (a transfer
 * from it, a burn, a lock or an unlock) whose actor is not the custodian, admins included, with
 * {@code 422 ENTITY_IN_CUSTODY}. Tokens may still be sent to it.
 *
 * @param entityPrefix the entity ids held: those that start with it ({@code amm:})
 * @param custodian the only actor that moves their tokens ({@code system:amm})
 * @param holder what holds them, in words, for the refusal ("the AMM's pools")
 */
public record Custody(String entityPrefix, EntityId custodian, String holder) {

    public Custody {
        if (entityPrefix == null || entityPrefix.isBlank()) {
            throw new IllegalArgumentException("a custody names the entity ids it holds");
        }
        if (custodian == null || holder == null || holder.isBlank()) {
            throw new IllegalArgumentException("a custody names its custodian and what it holds");
        }
    }

    public boolean holds(EntityId entity) {
        return entity.value().startsWith(entityPrefix);
    }
}
