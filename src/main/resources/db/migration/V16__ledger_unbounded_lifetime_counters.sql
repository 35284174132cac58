-- A token's lifetime totals, total_minted and total_burned, are unbounded. A token minted and burned
-- per use (BTA-GUAR, LP shares, bridged tokens) turns over its supply again and again, so its totals
-- grow without limit while its supply stays small; as numeric(38,18) they refused every mint once
-- they neared 10^20, whatever the supply. The supply itself stays numeric(38,18), bounded like every
-- amount (and by max_supply). The checks stay as they are: both totals >= 0 and
-- supply_is_minted_minus_burned (total_minted - total_burned = total_supply), now compared exactly
-- between an unbounded difference and the bounded supply.
alter table ledger_tokens
    alter column total_minted type numeric,
    alter column total_burned type numeric;
