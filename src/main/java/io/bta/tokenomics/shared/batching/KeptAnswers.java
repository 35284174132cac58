package io.bta.tokenomics.shared.batching;

import java.util.List;
import java.util.Map;

/**
 * The port through which a batch writer keeps each request's answer in the same database
 * transaction as the write it reports, so that a retried request replays its answer and never
 * applies twice. The ledger's group commit calls it inside the transaction that applies a batch:
 * {@link #claimAll} before the write, {@link #completeAll} right after it. The HTTP idempotency
 * layer ({@code shared.idempotency}) implements it with Idempotency-Keys; the writer knows no HTTP.
 */
public interface KeptAnswers {

    /** One request whose answer is kept with its write, made by the implementation. */
    interface Ticket {

        /** Says that the writer took the ticket over: its answer is recorded with the write. */
        void markHandled();
    }

    /**
     * An answer as it is sent and kept. {@code replayed}: an earlier attempt's answer;
     * {@code retryLater}: the client should retry later.
     */
    interface Answer {
        int status();

        String contentType();

        byte[] body();

        boolean replayed();

        boolean retryLater();
    }

    /**
     * Claims the tickets in the current transaction. The map holds, for each ticket whose work must
     * NOT run, the answer it gets instead; every other ticket was claimed and must be completed
     * with {@link #completeAll} before the transaction commits.
     */
    Map<Ticket, Answer> claimAll(List<Ticket> tickets);

    /** Records the answers of claimed tickets, in the current transaction. */
    void completeAll(Map<Ticket, Answer> answers);
}
