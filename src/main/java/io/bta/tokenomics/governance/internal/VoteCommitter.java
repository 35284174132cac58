package io.bta.tokenomics.governance.internal;

import io.bta.tokenomics.governance.GovernanceProblems;
import io.bta.tokenomics.governance.ProposalId;
import io.bta.tokenomics.governance.ProposalStatus;
import io.bta.tokenomics.governance.Vote;
import io.bta.tokenomics.governance.VoteCast;
import io.bta.tokenomics.governance.VotesCast;
import io.bta.tokenomics.shared.batching.BatchCommitter;
import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.shared.error.Unavailable;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for votes. Votes on one proposal all add to one tally row, whose lock every vote
 * would otherwise hold from its update to its commit: one commit at a time per proposal. Here one
 * writer thread records every queued vote (after its checks, made by the voter's thread) in one
 * transaction: the votes in one statement, one {@link VotesCast} event with all of them (its
 * listeners then handle the batch in one transaction each), and one tally update per proposal,
 * last, under the proposal row's lock and only if the proposal is still ACTIVE.
 *
 * <p>Each voter is answered after its batch commits, with its own outcome: a voter who already voted
 * is refused alone. If a proposal of the batch is no longer ACTIVE (canceled, executed or ended
 * meanwhile), the batch rolls back and each vote is recorded again alone, so only that proposal's
 * votes are refused. Inside a caller's transaction, {@link #recordNow} does the same for one vote
 * in that transaction.
 */
@Component
public class VoteCommitter extends BatchCommitter<VoteCommitter.Item> {

    private static final Logger log = LoggerFactory.getLogger(VoteCommitter.class);

    record Item(Vote vote, CompletableFuture<Vote> answer) {}

    /** A proposal of a batch was not ACTIVE: the batch rolls back and its votes go one by one. */
    private static final class ProposalClosed extends RuntimeException {
        ProposalClosed() {
            super(null, null, false, false);
        }
    }

    private final ProposalRepository proposals;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final VoteCommitProperties properties;
    private final DistributionSummary batchSizes;

    VoteCommitter(
            ProposalRepository proposals,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            VoteCommitProperties properties,
            MeterRegistry meters) {
        super(
                "governance-vote-commit",
                properties.queueCapacity(),
                properties.maxBatch(),
                properties.maxWait(),
                properties.answerTimeout());
        this.proposals = proposals;
        this.events = events;
        this.transactions = transactions;
        this.properties = properties;
        this.batchSizes = DistributionSummary.builder("governance.vote_commit.batch_size")
                .description("votes recorded per group-commit transaction")
                .register(meters);
        Gauge.builder("governance.vote_commit.queued", this, VoteCommitter::queued)
                .description("votes waiting for the vote committer")
                .register(meters);
    }

    public boolean enabled() {
        return properties.enabled() && isRunning();
    }

    /** Records a checked vote in the caller's transaction, or throws why it cannot be. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Vote recordNow(Vote vote) {
        var recorded = record(List.of(vote));
        if (recorded.get(0).isEmpty()) {
            throw GovernanceProblems.alreadyVoted(vote.voterId().value());
        }
        return vote;
    }

    /** Queues a checked vote for the next batch and waits for the batch to commit. */
    public Vote submitAndWait(Vote vote) {
        var answer = new CompletableFuture<Vote>();
        if (!isRunning()) {
            throw Unavailable.of("GOVERNANCE_UNAVAILABLE", "votes are not being taken now; retry");
        }
        if (!offer(new Item(vote, answer))) {
            throw Unavailable.of("GOVERNANCE_BUSY", "too many votes are waiting; retry shortly");
        }
        return await(
                answer,
                properties.answerTimeout(),
                "the vote was not recorded in time; it may still be: read your vote on the proposal to know");
    }

    /**
     * Records the votes (one statement), publishes one {@link VotesCast} with the recorded ones, then
     * adds them to their proposals' tallies, in proposal id order. Returns, per vote, the vote if it was
     * recorded, empty if its voter had already voted. Throws {@link ProposalClosed} (several votes)
     * or the refusal (one vote) if a proposal is no longer ACTIVE.
     */
    private List<Optional<Vote>> record(List<Vote> votes) {
        var recorded = proposals.insertVotes(votes);
        var results = new ArrayList<Optional<Vote>>(votes.size());
        var byProposal = new TreeMap<UUID, List<Vote>>();
        var cast = new ArrayList<VoteCast>();
        for (var vote : votes) {
            var taken = recorded.remove(vote.proposalId() + "|" + vote.voterId().value());
            results.add(taken ? Optional.of(vote) : Optional.empty());
            if (taken) {
                byProposal
                        .computeIfAbsent(vote.proposalId().value(), p -> new ArrayList<>())
                        .add(vote);
                cast.add(new VoteCast(
                        vote.proposalId().value(),
                        vote.voterId(),
                        vote.support(),
                        vote.votingPower(),
                        vote.trustScore(),
                        vote.weight(),
                        vote.createdAt()));
            }
        }
        if (!cast.isEmpty()) {
            events.publishEvent(new VotesCast(cast));
        }
        for (var entry : byProposal.entrySet()) {
            if (!proposals.countVotes(new ProposalId(entry.getKey()), entry.getValue())) {
                if (votes.size() > 1) {
                    throw new ProposalClosed();
                }
                // Canceled, executed or ended while this vote was being cast: refused, and it rolls back.
                throw GovernanceProblems.votingNotOpen(proposals
                        .find(new ProposalId(entry.getKey()), votes.get(0).createdAt(), false)
                        .map(p -> p.status())
                        .orElse(ProposalStatus.CANCELED));
            }
        }
        return results;
    }

    @Override
    protected void fail(Item item, Throwable failure) {
        item.answer().completeExceptionally(failure);
    }

    @Override
    protected RuntimeException shuttingDown() {
        return Unavailable.of("GOVERNANCE_UNAVAILABLE", "the service is shutting down; retry");
    }

    @Override
    protected void commit(List<Item> batch) {
        List<Optional<Vote>> results;
        var applied = new boolean[1];
        try {
            results = transactions.execute(tx -> {
                var r = record(batch.stream().map(Item::vote).toList());
                applied[0] = true;
                return r;
            });
        } catch (ProposalClosed closed) {
            batch.forEach(item -> commit(List.of(item)));
            return;
        } catch (DomainProblem refused) {
            batch.get(0).answer().completeExceptionally(refused);
            return;
        } catch (RuntimeException e) {
            if (!applied[0] && batch.size() == 1) {
                log.warn("recording a vote failed: {}", e.toString());
                batch.get(0).answer().completeExceptionally(e);
                return;
            }
            if (applied[0]) {
                // The commit itself failed: it may or may not have happened, so nothing is retried.
                log.error("commit of a group of {} votes failed; outcome unknown", batch.size(), e);
                var unknown = Unavailable.of(
                        "OUTCOME_UNKNOWN",
                        "the database failed while recording the vote; read your vote on the proposal to know"
                                + " whether it counts, and cast it again if it does not");
                batch.forEach(item -> item.answer().completeExceptionally(unknown));
                return;
            }
            log.warn("group of {} votes failed ({}); recording them one at a time", batch.size(), e.toString());
            batch.forEach(item -> commit(List.of(item)));
            return;
        }
        batchSizes.record(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            var item = batch.get(i);
            var result = results.get(i);
            if (result.isPresent()) {
                item.answer().complete(result.get());
            } else {
                item.answer()
                        .completeExceptionally(GovernanceProblems.alreadyVoted(
                                item.vote().voterId().value()));
            }
        }
    }
}
