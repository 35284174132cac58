-- Yield farming (MasterChef): one program emits BTA-REWARD at reward_per_second, split between
-- farms by alloc_point; each farm keeps its accrual index, each position its reward debt. Amounts
-- and the accrual are integers of base units (10^-18); the index is scaled by 10^36.

create table farm_program (
    id                boolean primary key default true check (id),
    -- base units of BTA-REWARD per second for all farms together
    reward_per_second numeric not null check (reward_per_second >= 0 and reward_per_second = trunc(reward_per_second)),
    total_alloc_point bigint not null check (total_alloc_point >= 0),
    updated_at        timestamptz not null
);

create table farms (
    id                   uuid primary key,
    -- a token backs one farm at most
    stake_token_id       uuid not null unique references ledger_tokens (id),
    alloc_point          bigint not null check (alloc_point >= 0 and alloc_point <= 1000000),
    starts_at            timestamptz not null,
    ends_at              timestamptz,
    acc_reward_per_share numeric not null check (acc_reward_per_share >= 0),
    total_staked         numeric not null check (total_staked >= 0),
    total_working        numeric not null check (total_working >= 0),
    last_reward_at       bigint not null,
    emitted              numeric not null check (emitted >= 0),
    split_carry          numeric not null check (split_carry >= 0),
    index_carry          numeric not null check (index_carry >= 0),
    created_at           timestamptz not null,
    constraint farm_window check (ends_at is null or ends_at > starts_at)
);

create table farm_positions (
    farm_id        uuid not null references farms (id),
    entity_id      text not null check (entity_id ~ '^[A-Za-z0-9._:@-]{1,128}$'),
    amount         numeric not null check (amount >= 0),
    working_amount numeric not null check (working_amount >= 0),
    reward_debt    numeric not null check (reward_debt >= 0),
    carry          numeric not null check (carry >= 0),
    pending        numeric not null check (pending >= 0),
    harvested      numeric not null check (harvested >= 0),
    -- the trust score the working amount was computed at (the last deposit, withdrawal, harvest or kick)
    trust_score    numeric(9, 6) not null check (trust_score between 0 and 100),
    updated_at     timestamptz not null,
    primary key (farm_id, entity_id)
);
create index farm_positions_by_entity on farm_positions (entity_id, farm_id);
