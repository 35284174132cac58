-- Badges for a stake held a number of days (the rule's threshold): a periodic scan reads the
-- stakes opened up to "now - threshold days" in (staked_at, id) order, from where the rule's last
-- scan stopped, so each stake is looked at once per rule.
alter table nft_badge_rules
    drop constraint nft_badge_rules_trigger_check,
    add constraint nft_badge_rules_trigger_check check (trigger in
        ('VOTES_CAST', 'STAKES_OPENED', 'REWARDS_LEARNING', 'REWARDS_GOVERNANCE',
         'REWARDS_REFERRAL', 'REWARDS_TRANSACTION', 'STAKE_HELD_DAYS')),
    add constraint nft_badge_rules_days_held check (trigger <> 'STAKE_HELD_DAYS' or threshold <= 36500),
    add column scanned_to_at timestamptz,
    add column scanned_to_id uuid,
    add constraint nft_badge_rules_scan_position check ((scanned_to_at is null) = (scanned_to_id is null)),
    add constraint nft_badge_rules_scan_only_for_stakes_held
        check (trigger = 'STAKE_HELD_DAYS' or scanned_to_at is null);

-- The staking module's stakes in the order the scan reads them.
create index staking_stakes_by_start on staking_stakes (staked_at, id);
