-- Badge rules: an NFT minted automatically to an entity the first time its count of one kind of
-- event reaches a rule's threshold, once per entity and rule, with its trust score at that moment.

create table nft_badge_rules (
    id            uuid primary key,
    collection_id uuid not null references nft_collections (id),
    name          text not null check (length(name) between 1 and 200),
    trigger       text not null check (trigger in
                      ('VOTES_CAST', 'STAKES_OPENED', 'REWARDS_LEARNING', 'REWARDS_GOVERNANCE',
                       'REWARDS_REFERRAL', 'REWARDS_TRANSACTION')),
    threshold     int not null check (threshold between 1 and 1000000),
    metadata      jsonb not null,
    created_at    timestamptz not null,
    unique (collection_id, trigger, threshold)
);
create index nft_badge_rules_by_trigger on nft_badge_rules (trigger, threshold);

-- Each event counted once, whatever republishes it (the event publication registry after a crash).
create table nft_badge_events (
    source_key text primary key,
    counted_at timestamptz not null
);

create table nft_badge_progress (
    trigger   text not null,
    entity_id text not null,
    count     bigint not null check (count >= 0),
    primary key (trigger, entity_id)
);

create table nft_badge_awards (
    rule_id      uuid not null references nft_badge_rules (id),
    entity_id    text not null,
    token_number bigint not null check (token_number > 0),
    trust_score  numeric(9, 6) not null check (trust_score between 0 and 100),
    awarded_at   timestamptz not null,
    primary key (rule_id, entity_id)
);
