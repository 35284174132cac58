-- Picking the next due delivery must not cost in proportion to the backlog. The pick walks the
-- pending deliveries in due order and takes the first one with no earlier pending delivery to the
-- same endpoint sharing an ordering key. With the GIN index on ordering_keys, that check fetched
-- every pending delivery sharing a key (all of them, when one busy account is in every message),
-- and the planner checked every candidate before sorting: quadratic in the backlog. These two
-- btree indexes let the pick walk candidates in order (stopping at the first that qualifies) and
-- check each one against the earlier pending deliveries of its endpoint only.
drop index webhook_deliveries_pending_keys;
drop index webhook_deliveries_due;
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at, message_seq) where status = 'PENDING';
create index webhook_deliveries_pending_by_endpoint on webhook_deliveries (endpoint_id, message_seq)
    where status = 'PENDING';
