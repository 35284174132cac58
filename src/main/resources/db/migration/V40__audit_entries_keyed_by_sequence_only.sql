-- An audit entry is a sealed leaf: its sequence and its txHash. Everything else it held follows
-- from the sequence (ADR 0042): its block is the one whose range holds it (ranges never overlap),
-- its leaf index is its offset in that range, its transaction is the ledger's row at that
-- sequence. Storing them cost a foreign-key check per row and two more unique indexes on the
-- sealer's insert, about two thirds of its time. The columns go, in place (no rewrite).
alter table audit_entries
    drop column transaction_id,
    drop column block_height,
    drop column leaf_index;

-- What the foreign key and the unique (block, leaf) guarded, asserted once per statement instead
-- of once per row: the entries one statement inserts are exactly the leaves of one sealed block,
-- its whole range (the primary key refuses a sequence twice, so count = range size means every
-- sequence of the range is there).
create function audit_entries_are_one_block() returns trigger language plpgsql as $$
declare
    lo bigint;
    hi bigint;
    n  bigint;
begin
    select min(sequence), max(sequence), count(*) into lo, hi, n from inserted_entries;
    if n > 0 and not exists (
        select 1 from audit_blocks b where b.first_sequence = lo and b.last_sequence = hi and b.tx_count = n) then
        raise exception 'audit entries % to % (% rows) are not the whole range of one sealed block', lo, hi, n
            using errcode = 'foreign_key_violation';
    end if;
    return null;
end;
$$;

create trigger audit_entries_one_block_per_insert after insert on audit_entries
    referencing new table as inserted_entries
    for each statement execute function audit_entries_are_one_block();
