-- NFT rewards: collections, their numbered tokens (owner and ERC-721 metadata), and an append-only
-- history of mints, transfers and burns whose rows are hash-linked (each hash covers the previous
-- one), so an edit anywhere breaks every later hash.

create table nft_collections (
    id         uuid primary key,
    symbol     text not null unique check (symbol ~ '^[A-Z0-9-]{2,20}$'),
    name       text not null check (length(name) between 1 and 200),
    soulbound  boolean not null,
    max_supply bigint check (max_supply > 0),
    minted     bigint not null default 0 check (minted >= 0),
    burned     bigint not null default 0 check (burned >= 0 and burned <= minted),
    created_at timestamptz not null,
    constraint minted_within_max check (max_supply is null or minted <= max_supply)
);

create table nft_tokens (
    collection_id uuid not null references nft_collections (id),
    token_number  bigint not null check (token_number > 0),
    owner_id      text,
    metadata      jsonb not null,
    burned        boolean not null default false,
    minted_at     timestamptz not null,
    primary key (collection_id, token_number),
    constraint burned_has_no_owner check (burned = (owner_id is null))
);
create index nft_tokens_by_owner on nft_tokens (owner_id, collection_id, token_number) where owner_id is not null;

-- The tip of the history: appenders lock it, so rows are numbered and chained in commit order.
create table nft_history_head (
    id            boolean primary key default true check (id),
    last_sequence bigint not null check (last_sequence >= 0),
    last_hash     text not null check (last_hash ~ '^[0-9a-f]{64}$')
);
insert into nft_history_head (id, last_sequence, last_hash) values (true, 0, repeat('0', 64));

create table nft_history (
    sequence      bigint primary key check (sequence > 0),
    kind          text not null check (kind in ('MINT', 'TRANSFER', 'BURN')),
    collection_id uuid not null,
    token_number  bigint not null,
    from_id       text,
    to_id         text,
    actor         text not null,
    at            timestamptz not null,
    previous_hash text not null check (previous_hash ~ '^[0-9a-f]{64}$'),
    hash          text not null unique check (hash ~ '^[0-9a-f]{64}$'),
    constraint parties_fit_kind check (
        (kind = 'MINT' and from_id is null and to_id is not null)
        or (kind = 'TRANSFER' and from_id is not null and to_id is not null and from_id <> to_id)
        or (kind = 'BURN' and from_id is not null and to_id is null)),
    foreign key (collection_id, token_number) references nft_tokens (collection_id, token_number)
);

create function nft_refuse_history_change() returns trigger language plpgsql as $$
begin
    raise exception 'the NFT history is append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'restrict_violation';
end;
$$;
create trigger nft_history_append_only before update or delete on nft_history
    for each row execute function nft_refuse_history_change();
create trigger nft_history_no_truncate before truncate on nft_history
    for each statement execute function nft_refuse_history_change();
