-- Airdrops: a campaign moves its total from the treasury to its escrow (airdrop:<id>) when it is
-- created; each listed entity claims its amount once; after the end the unclaimed rest is swept
-- back to the treasury, once. The claim list is committed to by a Merkle root (OpenZeppelin's
-- StandardMerkleTree over (string entityId, uint256 amount in base units)).

create table airdrop_campaigns (
    id               uuid primary key,
    token_id         uuid not null references ledger_tokens (id),
    name             text not null check (length(name) between 1 and 200),
    merkle_root      bytea not null check (length(merkle_root) = 32),
    total            numeric(38, 18) not null check (total > 0),
    claim_count      integer not null check (claim_count > 0),
    starts_at        timestamptz not null,
    ends_at          timestamptz not null,
    min_trust_score  numeric(9, 6) check (min_trust_score between 0 and 100),
    created_by       text not null,
    created_at       timestamptz not null,
    swept_at         timestamptz,
    swept_amount     numeric(38, 18) check (swept_amount >= 0),
    sweep_tx_id      uuid,
    constraint airdrop_window check (starts_at < ends_at),
    -- swept once: the time, the amount and its transaction together (no transaction when nothing was left)
    constraint airdrop_swept_whole check (
        (swept_at is null and swept_amount is null and sweep_tx_id is null)
        or (swept_at is not null and swept_amount > 0 and sweep_tx_id is not null)
        or (swept_at is not null and swept_amount = 0 and sweep_tx_id is null)),
    constraint airdrop_swept_after_end check (swept_at is null or swept_at >= ends_at)
);
create index airdrop_campaigns_newest_first on airdrop_campaigns (created_at desc, id desc);

-- One row per listed entity. tree_index is the leaf's node in the tree array (OpenZeppelin's layout:
-- the root at 0, the children of i at 2i+1 and 2i+2). A claim is written once: claimed_at, the
-- ledger transaction and the trust score at claim are set together and never changed again.
create table airdrop_claims (
    airdrop_id   uuid not null references airdrop_campaigns (id),
    entity_id    text not null,
    amount       numeric(38, 18) not null check (amount > 0),
    tree_index   integer not null check (tree_index >= 0),
    claimed_at   timestamptz,
    claim_tx_id  uuid,
    trust_score  numeric(9, 6),
    primary key (airdrop_id, entity_id),
    constraint airdrop_claim_whole check ((claimed_at is null) = (claim_tx_id is null)
                                          and (claimed_at is null) = (trust_score is null))
);
create index airdrop_claims_by_entity on airdrop_claims (entity_id, airdrop_id);

-- Every node of a campaign's tree, 32 bytes each in tree order, kept uncompressed and out of line
-- so a proof reads only the few nodes it needs (substring of an EXTERNAL value fetches its chunks).
create table airdrop_trees (
    airdrop_id uuid primary key references airdrop_campaigns (id),
    nodes      bytea not null check (length(nodes) % 32 = 0 and length(nodes) >= 32)
);
alter table airdrop_trees alter column nodes set storage external;

-- Claims and trees are history: never deleted; a claim's facts never change once written.
create function airdrop_claims_write_once() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'airdrop claims are never deleted';
    end if;
    if old.claimed_at is not null then
        raise exception 'an airdrop claim is written once';
    end if;
    if new.airdrop_id <> old.airdrop_id or new.entity_id <> old.entity_id or new.amount <> old.amount
       or new.tree_index <> old.tree_index then
        raise exception 'an airdrop claim''s entity, amount and leaf never change';
    end if;
    return new;
end $$;
create trigger airdrop_claims_write_once before update or delete on airdrop_claims
    for each row execute function airdrop_claims_write_once();

create function airdrop_trees_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'an airdrop''s tree never changes';
end $$;
create trigger airdrop_trees_immutable before update or delete on airdrop_trees
    for each row execute function airdrop_trees_immutable();
