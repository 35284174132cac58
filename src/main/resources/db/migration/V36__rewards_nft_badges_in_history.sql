-- Badges (NFTs) appear in the rewards history as rewards of type NFT: awarded at once (status
-- AWARDED, nothing to claim), no token amount (token_id null, amount 0) nor emission epoch, and the
-- badge they are (its collection's symbol and its number). Every other reward keeps its token, a
-- positive amount and its epoch.
alter table rewards
    drop constraint rewards_type_check,
    drop constraint rewards_status_check,
    drop constraint rewards_amount_check,
    alter column token_id drop not null,
    alter column epoch drop not null,
    add column nft_collection text check (nft_collection ~ '^[A-Z0-9-]{2,20}$'),
    add column nft_token_number bigint check (nft_token_number >= 1),
    add constraint rewards_type_check
        check (type in ('TRANSACTION', 'LEARNING', 'GOVERNANCE', 'REFERRAL', 'STAKING', 'MANUAL', 'NFT')),
    add constraint rewards_status_check check (status in ('PENDING', 'CLAIMED', 'EXPIRED', 'AWARDED')),
    add constraint rewards_amount_check check (amount > 0 or (type = 'NFT' and amount = 0)),
    add constraint rewards_nft_is_a_badge check (
        (type = 'NFT') = (status = 'AWARDED')
        and (type = 'NFT') = (token_id is null)
        and (type = 'NFT') = (epoch is null)
        and (type = 'NFT') = (nft_collection is not null)
        and (type = 'NFT') = (nft_token_number is not null)
        and (type <> 'NFT' or expires_at is null));
