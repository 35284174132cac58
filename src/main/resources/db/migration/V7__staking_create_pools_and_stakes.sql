-- Staking: pools with a cumulative reward index, stakes that remember the index they started at.
--
-- Accrual is simple interest on the principal at the APY in force at each moment:
--   reward = principal × Σ(apy_i × seconds_i) / (100 × 31,536,000)
-- reward_index holds Σ(apy_i × seconds_i) exactly (seconds to the microsecond), so reading a
-- stake's pending reward is one row and a multiplication, and an APY change updates one row.

create table staking_pools (
    id                    uuid primary key,
    token_id              uuid not null,
    reward_token_id       uuid not null,
    name                  text not null check (length(name) between 1 and 200),
    apy                   numeric(12, 6) not null check (apy >= 0 and apy <= 1000),
    min_stake_amount      numeric(38, 18) not null check (min_stake_amount >= 0),
    lock_period_days      int not null check (lock_period_days >= 0 and lock_period_days <= 3650),
    min_trust_score       numeric(9, 6) not null default 0 check (min_trust_score >= 0 and min_trust_score <= 100),
    max_total_stake       numeric(38, 18) check (max_total_stake > 0),
    early_unstake_penalty numeric(7, 6) check (early_unstake_penalty >= 0 and early_unstake_penalty <= 1),
    status                text not null check (status in ('ACTIVE', 'PAUSED', 'CLOSED')),
    total_staked          numeric(38, 18) not null default 0 check (total_staked >= 0),
    staker_count          int not null default 0 check (staker_count >= 0),
    reward_index          numeric(60, 12) not null default 0 check (reward_index >= 0),
    index_updated_at      timestamptz not null,
    created_at            timestamptz not null,
    check (max_total_stake is null or total_staked <= max_total_stake)
);

create table staking_stakes (
    id                   uuid primary key,
    pool_id              uuid not null references staking_pools (id),
    staker_id            text not null,
    amount               numeric(38, 18) not null check (amount > 0),
    trust_score_at_stake numeric(9, 6) not null,
    staked_at            timestamptz not null,
    unlocks_at           timestamptz not null,
    index_at_stake       numeric(60, 12) not null check (index_at_stake >= 0),
    rewards_paid         numeric(38, 18) not null default 0 check (rewards_paid >= 0),
    status               text not null check (status in ('ACTIVE', 'UNSTAKED')),
    unstaked_at          timestamptz,
    check ((status = 'ACTIVE') = (unstaked_at is null))
);

create index staking_stakes_by_staker on staking_stakes (staker_id, staked_at desc);
create index staking_stakes_active_by_pool on staking_stakes (pool_id, id) where status = 'ACTIVE';
