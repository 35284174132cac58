-- Transferable NFTs on chain through the bridge: the BtaBadges contract per chain, withdrawals of
-- tokens to an address (the token is in the bridge's escrow entity in the ledger meanwhile) and
-- deposits back. The NFT history (the nft module's table) gains the two kinds these write:
-- WITHDRAWN (owner -> escrow) and DEPOSITED (escrow -> the entity named on chain).

create table bridge_nft_contracts (
    chain_id      bigint primary key references bridge_deployments (chain_id),
    address       text not null check (address ~ '^0x[0-9a-f]{40}$'),
    -- false: the address was given in settings, deployed elsewhere
    deployed_here boolean not null,
    created_at    timestamptz not null
);

-- Gives each NFT withdrawal its on-chain id (BridgeContracts.withdrawalId(sequence)).
create sequence bridge_nft_withdrawal_sequence minvalue 1;

create table bridge_nft_withdrawals (
    id                 uuid primary key,
    sequence           bigint not null unique check (sequence > 0),
    withdrawal_id      text not null unique check (withdrawal_id ~ '^0x[0-9a-f]{64}$'),
    chain_id           bigint not null,
    entity_id          text not null,
    collection_id      uuid not null,
    collection_symbol  text not null,
    token_number       bigint not null check (token_number > 0),
    -- BridgeContracts.nftTokenId(symbol, number): the symbol's bytes << 96 | number
    chain_token_id     numeric(78, 0) not null check (chain_token_id > 0),
    to_address         text not null check (to_address ~ '^0x[0-9a-f]{40}$'
                           and to_address <> '0x0000000000000000000000000000000000000000'),
    status             text not null check (status in ('REQUESTED', 'SUBMITTED', 'CONFIRMED')),
    chain_tx_hash      text check (chain_tx_hash ~ '^0x[0-9a-f]{64}$'),
    chain_block_number bigint check (chain_block_number >= 0),
    chain_block_hash   text check (chain_block_hash ~ '^0x[0-9a-f]{64}$'),
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    check ((status in ('SUBMITTED', 'CONFIRMED'))
        = (chain_tx_hash is not null and chain_block_number is not null and chain_block_hash is not null))
);

-- A token is in flight at most once: it is in the escrow until its deposit is credited, and that
-- deposit is deeper than its mint, so its withdrawal is CONFIRMED before it can leave again.
create unique index bridge_nft_withdrawals_one_in_flight
    on bridge_nft_withdrawals (collection_id, token_number) where status <> 'CONFIRMED';
create index bridge_nft_withdrawals_requested on bridge_nft_withdrawals (sequence) where status = 'REQUESTED';
create index bridge_nft_withdrawals_submitted on bridge_nft_withdrawals (sequence) where status = 'SUBMITTED';

create table bridge_nft_deposits (
    id                uuid primary key,
    chain_id          bigint not null,
    deposit_id        numeric(78, 0) not null check (deposit_id > 0),
    chain_token_id    numeric(78, 0) not null,
    -- the entity id exactly as given on chain: any string, so an invalid one is kept and held
    entity_id         text not null,
    from_address      text not null check (from_address ~ '^0x[0-9a-f]{40}$'),
    chain_tx_hash     text not null check (chain_tx_hash ~ '^0x[0-9a-f]{64}$'),
    block_number      bigint not null check (block_number >= 0),
    block_hash        text not null check (block_hash ~ '^0x[0-9a-f]{64}$'),
    log_index         bigint not null check (log_index >= 0),
    status            text not null check (status in ('SEEN', 'CREDITED', 'HELD')),
    held_reason       text,
    seen_at           timestamptz not null,
    settled_at        timestamptz,
    -- each deposit is applied once, however often the chain is read
    unique (chain_id, deposit_id),
    check ((status = 'HELD') = (held_reason is not null)),
    check ((status = 'SEEN') = (settled_at is null))
);

create index bridge_nft_deposits_seen on bridge_nft_deposits (block_number) where status = 'SEEN';

alter table nft_history drop constraint nft_history_kind_check;
alter table nft_history add constraint nft_history_kind_check
    check (kind in ('MINT', 'TRANSFER', 'BURN', 'WITHDRAWN', 'DEPOSITED'));
alter table nft_history drop constraint parties_fit_kind;
alter table nft_history add constraint parties_fit_kind check (
    (kind = 'MINT' and from_id is null and to_id is not null)
    or (kind in ('TRANSFER', 'WITHDRAWN', 'DEPOSITED') and from_id is not null and to_id is not null
        and from_id <> to_id)
    or (kind = 'BURN' and from_id is not null and to_id is null));
