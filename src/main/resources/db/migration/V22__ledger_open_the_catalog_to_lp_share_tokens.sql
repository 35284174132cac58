-- The catalog opens to LP share tokens (ADR 0031): one per AMM pool, any number of them. The four
-- BTA tokens keep their rules: one token per BTA type (now a partial unique index, which
-- initializeTokens' "on conflict do nothing" still takes as its arbiter), and their columns as V1
-- checks them. A share token names its issuer, the only actor the ledger lets mint or burn it; it
-- has no cap, no initial supply, no inflation and no checkpoints. The supply checks of V1
-- (supply_is_minted_minus_burned, total_supply >= 0) hold for every row, share tokens included.

alter table ledger_tokens drop constraint ledger_tokens_type_key;
alter table ledger_tokens drop constraint ledger_tokens_type_check;
alter table ledger_tokens
    add constraint ledger_tokens_type_check
        check (type in ('GOVERNANCE', 'REWARD', 'UTILITY', 'GUARANTEE', 'LP_SHARE'));

create unique index ledger_tokens_one_per_bta_type on ledger_tokens (type) where type <> 'LP_SHARE';

alter table ledger_tokens add column issuer text check (issuer ~ '^[A-Za-z0-9._:@-]{1,128}$');

alter table ledger_tokens
    add constraint ledger_tokens_lp_shares_are_issued
        check ((type = 'LP_SHARE') = (issuer is not null)),
    add constraint ledger_tokens_lp_shares_are_uncapped_and_minted_on_demand
        check (type <> 'LP_SHARE'
               or (max_supply is null and initial_supply = 0 and inflation_rate = 0 and not checkpointed));
