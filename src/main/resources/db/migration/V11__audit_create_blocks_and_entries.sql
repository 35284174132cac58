-- The audit chain: committed ledger transactions, in sequence order, sealed into hash-linked blocks
-- with a Merkle root each (docs/ARCHITECTURE.md, "Audit chain"). The block's hash columns and the
-- entries are append-only; only the anchor columns of a block change after it is sealed.

-- One row: the tip of the chain. Sealers lock it (for update skip locked), so only one seals at a time.
create table audit_chain_head (
    id              boolean primary key default true check (id),
    last_height     bigint not null check (last_height >= 0),
    last_sequence   bigint not null check (last_sequence >= 0),
    last_block_hash bytea not null check (octet_length(last_block_hash) = 32)
);
insert into audit_chain_head (id, last_height, last_sequence, last_block_hash)
values (true, 0, 0, decode(repeat('00', 32), 'hex'));

create table audit_blocks (
    height             bigint primary key check (height > 0),
    first_sequence     bigint not null unique check (first_sequence > 0),
    last_sequence      bigint not null unique,
    tx_count           int not null check (tx_count > 0),
    merkle_root        bytea not null check (octet_length(merkle_root) = 32),
    previous_hash      bytea not null check (octet_length(previous_hash) = 32),
    block_hash         bytea not null unique check (octet_length(block_hash) = 32),
    sealed_at          timestamptz not null,
    -- the anchor on an EVM chain: set once the chain has the transaction in a block
    chain_tx_hash      text check (chain_tx_hash ~ '^0x[0-9a-f]{64}$'),
    chain_sent_at      timestamptz,
    chain_block_number bigint check (chain_block_number >= 0),
    anchored_at        timestamptz,
    anchor_attempts    int not null default 0 check (anchor_attempts >= 0),
    next_attempt_at    timestamptz,
    last_error         text,
    constraint range_is_ordered check (last_sequence >= first_sequence),
    constraint count_fits_range check (tx_count = last_sequence - first_sequence + 1),
    constraint anchored_has_tx check (chain_block_number is null or chain_tx_hash is not null),
    constraint sent_has_time check ((chain_tx_hash is null) = (chain_sent_at is null)),
    constraint anchored_together check ((chain_block_number is null) = (anchored_at is null)),
    -- no two blocks cover the same sequence, whoever sealed them
    constraint ranges_do_not_overlap exclude using gist (
        int8range(first_sequence, last_sequence, '[]') with &&)
);

-- The anchorer's queue: blocks without a confirmed anchor, by when they are due.
create index audit_blocks_anchor_due on audit_blocks (next_attempt_at) where chain_block_number is null;

create table audit_entries (
    sequence       bigint primary key check (sequence > 0),
    transaction_id uuid not null unique,
    block_height   bigint not null references audit_blocks (height),
    leaf_index     int not null check (leaf_index >= 0),
    tx_hash        bytea not null check (octet_length(tx_hash) = 32),
    unique (block_height, leaf_index)
);

create function audit_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit chain is append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'restrict_violation';
end;
$$;

-- A sealed block's header never changes; its anchor columns may.
create function audit_refuse_header_change() returns trigger language plpgsql as $$
begin
    if new.height is distinct from old.height
        or new.first_sequence is distinct from old.first_sequence
        or new.last_sequence is distinct from old.last_sequence
        or new.tx_count is distinct from old.tx_count
        or new.merkle_root is distinct from old.merkle_root
        or new.previous_hash is distinct from old.previous_hash
        or new.block_hash is distinct from old.block_hash
        or new.sealed_at is distinct from old.sealed_at then
        raise exception 'the audit chain is append-only: a sealed block header cannot change'
            using errcode = 'restrict_violation';
    end if;
    return new;
end;
$$;

create trigger audit_blocks_header_immutable before update on audit_blocks
    for each row execute function audit_refuse_header_change();
create trigger audit_blocks_no_delete before delete on audit_blocks
    for each row execute function audit_refuse_change();
create trigger audit_entries_append_only before update or delete on audit_entries
    for each row execute function audit_refuse_change();

create function audit_refuse_truncate() returns trigger language plpgsql as $$
begin
    raise exception 'the audit chain is append-only: truncate of % refused', tg_table_name
        using errcode = 'restrict_violation';
end;
$$;

create trigger audit_blocks_no_truncate before truncate on audit_blocks
    for each statement execute function audit_refuse_truncate();
create trigger audit_entries_no_truncate before truncate on audit_entries
    for each statement execute function audit_refuse_truncate();
