-- Delegation changes get their own gap-free, commit-ordered sequence, and a proposal's snapshot
-- names the last change it holds next to its ledger sequence (ADR 0022): a change acknowledged
-- before a proposal was created is in its snapshot, one acknowledged after it is not, whether or
-- not the ledger moved in between.

-- One row: the last delegation change. A change advances it first and keeps the row locked until
-- it commits, so the numbers follow the commit order, as the ledger's do through ledger_head.
create table governance_delegation_head (
    id            boolean primary key default true check (id),
    last_sequence bigint not null check (last_sequence >= 0)
);

-- ledger_sequence: the ledger sequence from which the change can count (every snapshot holding it
-- is at or after it); for the changes recorded before this migration, the sequence they took
-- effect at.
alter table governance_delegation_checkpoints rename column sequence to ledger_sequence;
alter table governance_delegation_checkpoints add column delegation_sequence bigint;

-- The changes recorded so far, numbered in the order they took effect: each proposal below then
-- holds exactly the changes it held before.
update governance_delegation_checkpoints c
set delegation_sequence = o.n
from (
    select delegator_id, ledger_sequence,
           row_number() over (order by ledger_sequence, changed_at, delegator_id) as n
    from governance_delegation_checkpoints
) o
where c.delegator_id = o.delegator_id and c.ledger_sequence = o.ledger_sequence;

alter table governance_delegation_checkpoints
    alter column delegation_sequence set not null,
    drop constraint governance_delegation_checkpoints_pkey,
    drop constraint governance_delegation_checkpoints_sequence_check,
    add primary key (delegation_sequence),
    add check (delegation_sequence > 0),
    add check (ledger_sequence >= 0);

create index governance_delegation_checkpoints_delegator
    on governance_delegation_checkpoints (delegator_id, delegation_sequence);

alter table governance_proposals add column delegation_sequence bigint;

update governance_proposals p
set delegation_sequence = coalesce(
    (select max(c.delegation_sequence) from governance_delegation_checkpoints c
     where c.ledger_sequence <= p.snapshot_sequence), 0);

alter table governance_proposals
    alter column delegation_sequence set not null,
    add check (delegation_sequence >= 0);

insert into governance_delegation_head (id, last_sequence)
select true, coalesce(max(delegation_sequence), 0) from governance_delegation_checkpoints;
