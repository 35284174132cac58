package io.bta.tokenomics.ledger;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.error.Conflict;
import io.bta.tokenomics.shared.error.NotFound;
import io.bta.tokenomics.shared.error.RuleViolation;

/** The ledger's refusals, each with a stable code. */
public final class LedgerProblems {

    private LedgerProblems() {}

    public static final class InsufficientBalance extends Conflict {
        private InsufficientBalance(String detail) {
            super("INSUFFICIENT_BALANCE", detail);
        }

        public static InsufficientBalance of(EntityId entity, String symbol, String part, Amount has, Amount needs) {
            var e = new InsufficientBalance(
                    "entity '" + entity + "' has " + has + " " + symbol + " " + part + ", needs " + needs);
            e.with("entityId", entity.value())
                    .with("symbol", symbol)
                    .with(part, has.toString())
                    .with("requested", needs.toString());
            return e;
        }
    }

    public static final class UnknownToken extends NotFound {
        private UnknownToken(String identifier) {
            super("UNKNOWN_TOKEN", "no token '" + identifier + "' (give an id, a symbol such as BTA-GOV, or a type)");
        }

        public static UnknownToken of(String identifier) {
            return new UnknownToken(identifier);
        }
    }

    public static final class NotCheckpointed extends RuleViolation {
        private NotCheckpointed(String symbol) {
            super("TOKEN_NOT_CHECKPOINTED", symbol + " keeps no holding checkpoints; only BTA-GOV does");
        }

        public static NotCheckpointed of(String symbol) {
            return new NotCheckpointed(symbol);
        }
    }

    /** A share token is minted and burned by its issuer only (an AMM pool's shares by the AMM). */
    public static final class NotIssuer extends RuleViolation {
        private NotIssuer(String detail) {
            super("NOT_TOKEN_ISSUER", detail);
        }

        public static NotIssuer of(String symbol, EntityId issuer) {
            var e = new NotIssuer(symbol + " is minted and burned by its issuer " + issuer + " only");
            e.with("symbol", symbol).with("issuer", issuer.value());
            return e;
        }
    }

    /** An entity held by a module (a pool's reserves, an escrow): only that module moves its tokens. */
    public static final class InCustody extends RuleViolation {
        private InCustody(String detail) {
            super("ENTITY_IN_CUSTODY", detail);
        }

        public static InCustody of(EntityId entity, Custody custody) {
            var e = new InCustody("the tokens of " + entity + " are held by " + custody.holder() + "; only "
                    + custody.custodian() + " moves them");
            e.with("entityId", entity.value())
                    .with("custodian", custody.custodian().value());
            return e;
        }
    }

    /** Every movement of a paused token is refused until it is unpaused. */
    public static final class TokenPaused extends Conflict {
        private TokenPaused(String detail) {
            super("TOKEN_PAUSED", detail);
        }

        public static TokenPaused of(String symbol) {
            var e = new TokenPaused(symbol + " is paused: no movement of it is accepted until it is unpaused");
            e.with("symbol", symbol);
            return e;
        }
    }

    /** A pause of a paused token, or an unpause of one that is not. */
    public static final class PauseUnchanged extends Conflict {
        private PauseUnchanged(String detail) {
            super("PAUSE_UNCHANGED", detail);
        }

        public static PauseUnchanged of(String symbol, boolean paused) {
            return new PauseUnchanged(symbol + (paused ? " is paused already" : " is not paused"));
        }
    }

    public static final class MaxSupplyExceeded extends RuleViolation {
        private MaxSupplyExceeded(String detail) {
            super("MAX_SUPPLY_EXCEEDED", detail);
        }

        public static MaxSupplyExceeded of(String symbol, Amount supply, Amount max, Amount requested) {
            var e = new MaxSupplyExceeded("minting " + requested + " " + symbol + " would exceed the max supply of "
                    + max + " (supply is " + supply + ")");
            e.with("symbol", symbol).with("totalSupply", supply.toString()).with("maxSupply", max.toString());
            return e;
        }
    }
}
