-- The AMM: pools of two tokens, each with its LP share token (V22). A pool's reserves are not here:
-- they are the ledger balances of the pool's entity amm:<id>, so they cannot drift from the ledger.
-- The pair is stored in canonical order (token_a < token_b), so one pair has one pool whichever
-- order it is named in.
create table amm_pools (
    id                 uuid primary key,
    token_a            uuid not null references ledger_tokens (id),
    token_b            uuid not null references ledger_tokens (id),
    lp_token           uuid not null unique references ledger_tokens (id),
    fee_bps            int not null check (fee_bps between 0 and 1000),
    trust_fee_bps      int check (trust_fee_bps between 0 and 1000),
    trust_min_score    numeric(9, 6) check (trust_min_score between 0 and 100),
    status             text not null check (status in ('ACTIVE', 'PAUSED')),
    -- TWAP: the sums of price × seconds since creation, and when they were last brought up to date
    price_a_cumulative numeric not null default 0 check (price_a_cumulative >= 0),
    price_b_cumulative numeric not null default 0 check (price_b_cumulative >= 0),
    cumulative_at      timestamptz not null,
    -- the protocol fee's reference: reserveA × reserveB (base units) after the last liquidity change
    -- while the fee was on; 0 while it is off
    k_last             numeric(80, 0) not null default 0 check (k_last >= 0),
    created_at         timestamptz not null,
    constraint amm_pools_pair_in_canonical_order check (token_a < token_b),
    constraint amm_pools_one_per_pair unique (token_a, token_b),
    constraint amm_pools_trust_discount_whole check ((trust_fee_bps is null) = (trust_min_score is null)),
    constraint amm_pools_trust_discount_not_above_fee check (trust_fee_bps is null or trust_fee_bps <= fee_bps)
);

-- Every swap through a pool (a two-pool swap is two rows of one swap_id), with the fee and the trust
-- score it was charged at, and k before and after: k never decreases.
create table amm_swaps (
    swap_id       uuid not null,
    hop           int not null check (hop in (0, 1)),
    pool_id       uuid not null references amm_pools (id),
    trader        text not null,
    token_in      uuid not null references ledger_tokens (id),
    token_out     uuid not null references ledger_tokens (id),
    amount_in     numeric(38, 18) not null check (amount_in > 0),
    amount_out    numeric(38, 18) not null check (amount_out > 0),
    fee_bps       int not null check (fee_bps between 0 and 1000),
    trust_score   numeric(9, 6),
    k_before      numeric(80, 0) not null check (k_before > 0),
    k_after       numeric(80, 0) not null,
    swapped_at    timestamptz not null,
    primary key (swap_id, hop),
    constraint amm_swaps_k_never_decreases check (k_after >= k_before),
    constraint amm_swaps_two_tokens check (token_in <> token_out)
);
create index amm_swaps_by_pool on amm_swaps (pool_id, swapped_at);

create table amm_liquidity_changes (
    id         uuid primary key,
    pool_id    uuid not null references amm_pools (id),
    provider   text not null,
    kind       text not null check (kind in ('ADD', 'REMOVE')),
    amount_a   numeric(38, 18) not null check (amount_a >= 0),
    amount_b   numeric(38, 18) not null check (amount_b >= 0),
    liquidity  numeric(38, 18) not null check (liquidity > 0),
    changed_at timestamptz not null
);
create index amm_liquidity_changes_by_pool on amm_liquidity_changes (pool_id, changed_at);

-- The TWAP's observations: after each change of a pool, its cumulative prices and its reserves from
-- then on. The cumulative price at any later time t is the last observation's plus its price × (t − at).
create table amm_observations (
    pool_id            uuid not null references amm_pools (id),
    seq                bigint generated always as identity,
    observed_at        timestamptz not null,
    price_a_cumulative numeric not null check (price_a_cumulative >= 0),
    price_b_cumulative numeric not null check (price_b_cumulative >= 0),
    reserve_a          numeric(38, 18) not null check (reserve_a >= 0),
    reserve_b          numeric(38, 18) not null check (reserve_b >= 0),
    primary key (pool_id, seq)
);
create index amm_observations_by_time on amm_observations (pool_id, observed_at, seq);

-- The protocol fee switch (v2's feeTo): off until governance turns it on.
create table amm_protocol (
    id         boolean primary key default true check (id),
    fee_on     boolean not null,
    updated_at timestamptz
);
insert into amm_protocol (id, fee_on) values (true, false);
