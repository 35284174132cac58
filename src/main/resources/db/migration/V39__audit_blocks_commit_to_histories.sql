-- Blocks sealed from now on also commit to the heads of the other hash-linked histories the
-- service keeps (today the NFT history): header version 2, whose block hash covers a digest of
-- [{name, sequence, hash}] in name order. Blocks sealed before keep version 1 and verify as before.
alter table audit_blocks
    add column header_version smallint not null default 1 check (header_version in (1, 2)),
    add column histories jsonb,
    add constraint audit_blocks_histories_in_version_2 check ((header_version = 2) = (histories is not null));

create or replace function audit_refuse_header_change() returns trigger language plpgsql as $$
begin
    if new.height is distinct from old.height
        or new.first_sequence is distinct from old.first_sequence
        or new.last_sequence is distinct from old.last_sequence
        or new.tx_count is distinct from old.tx_count
        or new.merkle_root is distinct from old.merkle_root
        or new.previous_hash is distinct from old.previous_hash
        or new.block_hash is distinct from old.block_hash
        or new.sealed_at is distinct from old.sealed_at
        or new.header_version is distinct from old.header_version
        or new.histories is distinct from old.histories then
        raise exception 'the audit chain is append-only: a sealed block header cannot change'
            using errcode = 'restrict_violation';
    end if;
    return new;
end;
$$;
