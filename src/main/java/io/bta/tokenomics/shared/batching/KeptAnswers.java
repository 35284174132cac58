package io.bta.tokenomics.shared.batching;

import java.util.List;
import java.util.Map;

/**
 * The port through which a batch writer keeps each request's answer in the same database
 * transaction as the write it reports, so that a retried request replays its answer and never
 * applies twice. A batch writer calls it inside the transaction that applies a batch: {@link
 * #checkAll} before the write, then {@link Checked#recordAll} with the answers right after it: one
 * row write per request, made when its answer is known. The HTTP idempotency layer ({@code
 * shared.idempotency}) implements it with Idempotency-Keys; the writer knows no HTTP.
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
     * Checks the tickets in the current transaction: the result holds, for each ticket whose work
     * must NOT run, the answer it gets instead; every other ticket is open, and its answer must be
     * recorded with {@link Checked#recordAll} before the transaction commits.
     */
    Checked checkAll(List<Ticket> tickets);

    /** The outcome of {@link #checkAll}, through which the open tickets' answers are recorded. */
    interface Checked {

        /** The answers of the tickets that must not run (replays and refusals), by ticket. */
        Map<Ticket, Answer> answered();

        /**
         * Records the answers of open tickets, in the current transaction. Throws {@link
         * AnswerTaken} if another request took one of their keys since the check: the transaction
         * must roll back, and the batch be checked and applied again.
         */
        void recordAll(Map<Ticket, Answer> answers);
    }

    /**
     * Another request (a retry racing its first attempt) took a ticket's key between the check and
     * the record: the batch's transaction must roll back; checked again, the batch finds that
     * request's answer.
     */
    final class AnswerTaken extends RuntimeException {
        public AnswerTaken(int tickets) {
            super(tickets + " kept answer(s) taken by another request meanwhile; the batch must be rolled back and"
                    + " applied again");
        }
    }
}
