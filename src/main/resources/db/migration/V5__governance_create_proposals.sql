-- DAO governance: proposals with their timeline fixed at creation, votes, delegations
-- checkpointed against the ledger's sequence, and the governed settings.

create table governance_proposals (
    id                uuid primary key,
    title             text not null check (length(title) between 1 and 200),
    description       text not null check (length(description) <= 10000),
    proposer_id       text not null,
    actions           jsonb not null check (jsonb_typeof(actions) = 'array'),
    snapshot_sequence bigint not null check (snapshot_sequence >= 0),
    quorum            numeric(60, 26) not null check (quorum >= 0),
    created_at        timestamptz not null,
    voting_starts_at  timestamptz not null,
    voting_ends_at    timestamptz not null,
    executable_at     timestamptz not null,
    expires_at        timestamptz not null,
    for_votes         numeric(60, 26) not null default 0 check (for_votes >= 0),
    against_votes     numeric(60, 26) not null default 0 check (against_votes >= 0),
    abstain_votes     numeric(60, 26) not null default 0 check (abstain_votes >= 0),
    voter_count       int not null default 0 check (voter_count >= 0),
    executed_at       timestamptz,
    executed_by       text,
    canceled_at       timestamptz,
    canceled_by       text,
    check (voting_starts_at >= created_at and voting_ends_at > voting_starts_at
           and executable_at >= voting_ends_at and expires_at > executable_at),
    check (executed_at is null or canceled_at is null)
);

create index governance_proposals_listing on governance_proposals (created_at desc, id desc);
create index governance_proposals_by_proposer on governance_proposals (proposer_id, created_at desc, id desc);

-- The one definition of a proposal's state, derived from the clock and the tallies.
create function governance_status(p governance_proposals, now timestamptz) returns text
language sql immutable as $$
    select case
        when p.canceled_at is not null then 'CANCELED'
        when p.executed_at is not null then 'EXECUTED'
        when now < p.voting_starts_at then 'PENDING'
        when now < p.voting_ends_at then 'ACTIVE'
        when not (p.for_votes > p.against_votes and p.for_votes + p.abstain_votes >= p.quorum) then 'DEFEATED'
        when now < p.executable_at then 'QUEUED'
        when now < p.expires_at then 'SUCCEEDED'
        else 'EXPIRED'
    end
$$;

create table governance_votes (
    seq          bigint generated always as identity,
    proposal_id  uuid not null references governance_proposals (id),
    voter_id     text not null,
    support      text not null check (support in ('FOR', 'AGAINST', 'ABSTAIN')),
    voting_power numeric(38, 18) not null check (voting_power > 0),
    trust_score  numeric(9, 6) not null check (trust_score >= 0 and trust_score <= 100),
    weight       numeric(60, 26) not null check (weight >= 0),
    reason       text check (length(reason) <= 2000),
    created_at   timestamptz not null,
    primary key (proposal_id, voter_id),
    unique (proposal_id, seq)
);

-- Who delegates to whom now, and since which ledger sequence (a change takes effect at the
-- sequence after the head it was made at, so it never reaches back into a taken snapshot).
create table governance_delegations (
    delegator_id text primary key,
    delegatee_id text not null,
    updated_at   timestamptz not null,
    check (delegatee_id <> delegator_id)
);

create table governance_delegation_checkpoints (
    delegator_id text not null,
    sequence     bigint not null check (sequence > 0),
    delegatee_id text, -- null: votes with its own holdings again
    changed_at   timestamptz not null,
    primary key (delegator_id, sequence),
    check (delegatee_id is null or delegatee_id <> delegator_id)
);

create index governance_delegation_checkpoints_delegatee on governance_delegation_checkpoints (delegatee_id, delegator_id);

-- Settings changed by executed proposals; absent keys use the configured defaults.
create table governance_settings (
    key        text primary key,
    value      text not null,
    updated_at timestamptz not null,
    updated_by text not null
);
