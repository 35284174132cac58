/**
 * Webhooks and the event stream: every domain event of the service (the ledger's transactions and
 * the other modules' events) becomes a message, recorded once; admins register endpoints that
 * receive the messages of the types they chose, signed per the Standard Webhooks specification,
 * retried with backoff until they succeed or are given up, in order per entity; callers follow
 * their own messages (admins all) as server-sent events.
 *
 * <p>Promises: a committed ledger transaction or a stored module event becomes exactly one message,
 * even across crashes; each message is delivered at least once to every endpoint subscribed when it
 * was recorded (or given up after the last retry); two messages sharing an ordering key are never
 * sent to one endpoint out of order; every attempt is recorded. {@link
 * io.bta.tokenomics.webhooks.Webhooks} is the facade.
 */
package io.bta.tokenomics.webhooks;
