-- The bridge between the ledger and an EVM chain: where its contracts are, the withdrawals it
-- mints on chain, the deposits it credits in the ledger, and how far it has read the chain.
-- Amounts are tokens (18 decimals, as the ledger's); one base unit is 10^-18.

create table bridge_deployments (
    chain_id       bigint primary key check (chain_id > 0),
    bridge_address text not null check (bridge_address ~ '^0x[0-9a-f]{40}$'),
    -- false: the addresses were given in settings, deployed elsewhere
    deployed_here  boolean not null,
    paused         boolean not null default false,
    created_at     timestamptz not null
);

create table bridge_tokens (
    chain_id         bigint not null references bridge_deployments (chain_id),
    token_id         uuid not null,
    symbol           text not null check (symbol <> 'BTA-GUAR'),
    contract_address text not null check (contract_address ~ '^0x[0-9a-f]{40}$'),
    primary key (chain_id, token_id),
    unique (chain_id, contract_address)
);

-- Gives each withdrawal its on-chain id (BridgeContracts.withdrawalId(sequence)): consecutive ids
-- share the bridge's bitmap words, and a sequence number is never given twice.
create sequence bridge_withdrawal_sequence minvalue 1;

create table bridge_withdrawals (
    id                    uuid primary key,
    sequence              bigint not null unique check (sequence > 0),
    withdrawal_id         text not null unique check (withdrawal_id ~ '^0x[0-9a-f]{64}$'),
    chain_id              bigint not null,
    entity_id             text not null,
    token_id              uuid not null,
    amount                numeric(38, 18) not null check (amount >= 0.000000000000000001),
    to_address            text not null check (to_address ~ '^0x[0-9a-f]{40}$'
                              and to_address <> '0x0000000000000000000000000000000000000000'),
    status                text not null check (status in ('REQUESTED', 'SUBMITTED', 'CONFIRMED', 'FAILED')),
    -- the ledger transaction that moved the amount to escrow, and the one that gave it back
    transaction_id        uuid not null,
    refund_transaction_id uuid,
    chain_tx_hash         text check (chain_tx_hash ~ '^0x[0-9a-f]{64}$'),
    chain_block_number    bigint check (chain_block_number >= 0),
    chain_block_hash      text check (chain_block_hash ~ '^0x[0-9a-f]{64}$'),
    failure               text,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    check ((status in ('SUBMITTED', 'CONFIRMED'))
        = (chain_tx_hash is not null and chain_block_number is not null and chain_block_hash is not null)),
    check ((status = 'FAILED') = (refund_transaction_id is not null and failure is not null))
);

create index bridge_withdrawals_by_entity on bridge_withdrawals (entity_id, sequence desc);
create index bridge_withdrawals_requested on bridge_withdrawals (token_id, sequence) where status = 'REQUESTED';
create index bridge_withdrawals_submitted on bridge_withdrawals (sequence) where status = 'SUBMITTED';
create index bridge_withdrawals_outflow on bridge_withdrawals (token_id, created_at) where status <> 'FAILED';

create table bridge_deposits (
    id             uuid primary key,
    chain_id       bigint not null,
    deposit_id     numeric(78, 0) not null check (deposit_id > 0),
    token_address  text not null check (token_address ~ '^0x[0-9a-f]{40}$'),
    -- null when the contract is not one of this deployment's tokens (then the deposit is held)
    token_id       uuid,
    -- the entity id exactly as given on chain: any string, so an invalid one is kept and held
    entity_id      text not null,
    amount         numeric(38, 18) not null check (amount > 0),
    from_address   text not null check (from_address ~ '^0x[0-9a-f]{40}$'),
    chain_tx_hash  text not null check (chain_tx_hash ~ '^0x[0-9a-f]{64}$'),
    block_number   bigint not null check (block_number >= 0),
    block_hash     text not null check (block_hash ~ '^0x[0-9a-f]{64}$'),
    log_index      bigint not null check (log_index >= 0),
    status         text not null check (status in ('SEEN', 'CREDITED', 'HELD')),
    transaction_id uuid,
    held_reason    text,
    seen_at        timestamptz not null,
    settled_at     timestamptz,
    unique (chain_id, deposit_id),
    check ((status = 'CREDITED') = (transaction_id is not null)),
    check (status <> 'CREDITED' or token_id is not null),
    check ((status = 'HELD') = (held_reason is not null)),
    check ((status = 'SEEN') = (settled_at is null))
);

create index bridge_deposits_by_entity on bridge_deposits (entity_id, block_number desc, log_index desc);
create index bridge_deposits_seen on bridge_deposits (block_number) where status = 'SEEN';

-- The first block the deposit follower has not read as final yet, per chain.
create table bridge_follower (
    chain_id   bigint primary key,
    next_block bigint not null check (next_block >= 0),
    updated_at timestamptz not null
);

-- Values that governance set (SET_PARAMETER) for the bridge's limits; a key without a row has its
-- configured default.
create table bridge_parameters (
    key        text primary key check (key like 'bridge.%'),
    value      text not null,
    updated_at timestamptz not null
);
