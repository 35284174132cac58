package io.bta.tokenomics.governance;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.bta.tokenomics.governance.GovernanceEvents.DelegationChanged;
import io.bta.tokenomics.governance.GovernanceEvents.ProposalCanceled;
import io.bta.tokenomics.governance.GovernanceEvents.ProposalCreated;
import io.bta.tokenomics.governance.GovernanceEvents.ProposalExecuted;
import io.bta.tokenomics.governance.internal.DelegationRepository;
import io.bta.tokenomics.governance.internal.GovernanceSettings;
import io.bta.tokenomics.governance.internal.ProposalActions;
import io.bta.tokenomics.governance.internal.ProposalRepository;
import io.bta.tokenomics.governance.internal.VoteCommitter;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.ledger.TokenType;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.Decimals;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.Ids;
import io.bta.tokenomics.shared.Page;
import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.shared.error.Forbidden;
import io.bta.tokenomics.shared.error.InvalidInput;
import io.bta.tokenomics.shared.web.Cursors;
import io.bta.tokenomics.shared.web.PlainDecimalText;
import io.bta.tokenomics.trust.Trust;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The governance facade: proposals, trust-weighted votes on BTA-GOV holdings at the proposal's
 * snapshot, delegation, cancellation and atomic execution after the timelock.
 *
 * <p>Promises: a vote weighs {@code votingPower × trustScore / 100}, exactly; voting power is read
 * at the snapshot taken when the proposal was created (the last ledger sequence and the last
 * delegation sequence), which holds every transfer and delegation answered before and none
 * answered after, so tokens or delegations moved afterwards cannot vote twice; an executed proposal
 * applied all its actions or none.
 */
@Service
public class Governance {

    public static final int MAX_TITLE_LENGTH = 200;
    public static final int MAX_DESCRIPTION_LENGTH = 10_000;
    public static final int MAX_REASON_LENGTH = 2_000;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ProposalRepository proposals;
    private final DelegationRepository delegations;
    private final GovernanceSettings settings;
    private final ProposalActions actions;
    private final Ledger ledger;
    private final Trust trust;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final VoteCommitter votes;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate writing;

    Governance(
            ProposalRepository proposals,
            DelegationRepository delegations,
            GovernanceSettings settings,
            ProposalActions actions,
            Ledger ledger,
            Trust trust,
            Clock clock,
            ApplicationEventPublisher events,
            VoteCommitter votes,
            PlatformTransactionManager transactionManager) {
        this.proposals = proposals;
        this.delegations = delegations;
        this.settings = settings;
        this.actions = actions;
        this.ledger = ledger;
        this.trust = trust;
        this.clock = clock;
        this.events = events;
        this.votes = votes;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.writing = new TransactionTemplate(transactionManager);
    }

    /**
     * Creates a proposal; its actions are validated now, its snapshot is the last delegation
     * sequence and the last ledger sequence.
     */
    @Transactional
    public Proposal propose(EntityId proposer, String title, String description, List<ProposalAction> requested) {
        var current = settings.current();
        if (requested.size() > current.maxActions()) {
            throw InvalidInput.field("actions", "at most " + current.maxActions() + " actions");
        }
        var errors = new ArrayList<InvalidInput.FieldError>();
        var validated = new ArrayList<ProposalAction>();
        for (int i = 0; i < requested.size(); i++) {
            var action = requested.get(i);
            var type = actions.find(action.type());
            if (type.isEmpty()) {
                errors.add(new InvalidInput.FieldError(
                        "actions[" + i + "].type", "must be one of " + String.join(", ", actions.names())));
                continue;
            }
            try {
                validated.add(new ProposalAction(type.get().type(), type.get().validate(action.parameters())));
            } catch (IllegalArgumentException e) {
                errors.add(new InvalidInput.FieldError("actions[" + i + "]", e.getMessage()));
            } catch (DomainProblem e) {
                errors.add(new InvalidInput.FieldError("actions[" + i + "]", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }

        var gov = governanceToken();
        // Delegations first: a change held here committed before this read, and it read its ledger
        // sequence before committing, so that sequence is at or before the snapshot read next.
        long delegationSnapshot = delegations.lastSequence();
        long snapshot = ledger.lastSequence();
        var power = votingPower(proposer, gov, snapshot, delegationSnapshot).votingPower();
        if (power.isLessThan(current.proposalThreshold())) {
            throw GovernanceProblems.belowThreshold(
                    power.toString(), current.proposalThreshold().toString());
        }
        var quorum = current.quorumFraction().quorum(ledger.totalSupplyAt(gov, snapshot));
        var now = now();
        var timeline = ProposalTimeline.of(current.periods(), now);
        var proposal = new Proposal(
                new ProposalId(Ids.newId(clock)),
                title,
                description == null ? "" : description,
                proposer,
                ProposalStatus.PENDING,
                validated,
                snapshot,
                delegationSnapshot,
                timeline.createdAt(),
                timeline.votingStartsAt(),
                timeline.votingEndsAt(),
                timeline.executableAt(),
                timeline.expiresAt(),
                quorum,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                0,
                null,
                null);
        proposals.insert(proposal);
        events.publishEvent(new ProposalCreated(proposal.id().value(), proposer, snapshot, now));
        return proposal(proposal.id());
    }

    @Transactional(readOnly = true)
    public Proposal proposal(ProposalId id) {
        return proposals.find(id, now(), false).orElseThrow(() -> GovernanceProblems.unknownProposal(id));
    }

    /** Proposals, newest first, optionally by status (as of now) and proposer. */
    @Transactional(readOnly = true)
    public Page<Proposal> proposals(ProposalStatus status, EntityId proposer, int limit, String cursor) {
        Instant beforeCreated = null;
        UUID beforeId = null;
        if (cursor != null) {
            var position = Cursors.decode(cursor).split("\\|", 2);
            try {
                beforeCreated = Instant.parse(position[0]);
                beforeId = Ids.parse(position[1]);
            } catch (RuntimeException e) {
                throw InvalidInput.field("cursor", "is not a cursor returned by this API");
            }
        }
        var rows = proposals.list(now(), status, proposer, beforeCreated, beforeId, limit + 1);
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        var page = rows.subList(0, limit);
        var last = page.get(limit - 1);
        return new Page<>(page, Cursors.encode(last.createdAt() + "|" + last.id()));
    }

    /** What the entity's vote on the proposal would weigh now. */
    @Transactional(readOnly = true)
    public VotingPower votingPower(ProposalId proposalId, EntityId entity) {
        var proposal = proposal(proposalId);
        return votingPower(entity, governanceToken(), proposal.snapshotSequence(), proposal.delegationSequence());
    }

    /**
     * Casts the voter's one vote on an ACTIVE proposal, weighted by its trust score now. The checks
     * read without locks (a second vote is refused with {@code ALREADY_VOTED} when it is recorded); the vote is then recorded with others in one transaction (group commit,
     * see {@code VoteCommitter}), or inside the caller's transaction if there is one, and added to
     * the tally last, under the proposal row's lock and only if the proposal is still ACTIVE.
     */
    public Vote castVote(ProposalId proposalId, EntityId voter, Support support, String reason) {
        boolean inTransaction = TransactionSynchronizationManager.isActualTransactionActive();
        var vote = inTransaction
                ? checkedVote(proposalId, voter, support, reason)
                : readOnly.execute(s -> checkedVote(proposalId, voter, support, reason));
        if (inTransaction) {
            return votes.recordNow(vote);
        }
        if (votes.enabled()) {
            return votes.submitAndWait(vote);
        }
        return writing.execute(s -> votes.recordNow(vote));
    }

    /**
     * The vote as it would count now, or the reason it cannot be cast. A voter who already voted is
     * refused when the vote is recorded (the votes' primary key), not read here.
     */
    private Vote checkedVote(ProposalId proposalId, EntityId voter, Support support, String reason) {
        var at = now();
        var proposal =
                proposals.find(proposalId, at, false).orElseThrow(() -> GovernanceProblems.unknownProposal(proposalId));
        if (proposal.status() != ProposalStatus.ACTIVE) {
            throw GovernanceProblems.votingNotOpen(proposal.status());
        }
        var power = votingPower(voter, governanceToken(), proposal.snapshotSequence(), proposal.delegationSequence());
        if (!power.votingPower().isPositive()) {
            throw GovernanceProblems.noVotingPower(voter.value(), proposal.snapshotSequence());
        }
        return new Vote(
                proposalId, voter, support, power.votingPower(), power.trustScore(), power.weight(), reason, at);
    }

    @Transactional(readOnly = true)
    public Optional<Vote> voteOf(ProposalId proposalId, EntityId voter) {
        return proposals.findVote(proposalId, voter);
    }

    /** Votes in the order they were cast. */
    @Transactional(readOnly = true)
    public Page<Vote> votes(ProposalId proposalId, int limit, String cursor) {
        proposal(proposalId);
        long after = cursor == null ? 0 : Cursors.decodeLong(cursor);
        var rows = proposals.votes(proposalId, after, limit + 1);
        var page = rows.subList(0, Math.min(limit, rows.size()));
        var next = rows.size() > limit
                ? Cursors.encode(Long.toString(page.get(limit - 1).getKey()))
                : null;
        return new Page<>(page.stream().map(Map.Entry::getValue).toList(), next);
    }

    /**
     * Cancels a proposal: its proposer while it is PENDING, an admin until its outcome is final
     * ({@link ProposalStatus#isFinal()}). The status is the one as of now, read under the row's
     * lock: a proposal whose voting ended without a majority is DEFEATED from that moment,
     * although nothing in its row changed.
     */
    @Transactional
    public Proposal cancel(ProposalId proposalId, EntityId caller, boolean callerIsAdmin) {
        var now = now();
        var proposal =
                proposals.find(proposalId, now, true).orElseThrow(() -> GovernanceProblems.unknownProposal(proposalId));
        if (proposal.status().isFinal()) {
            throw GovernanceProblems.notCancelable(
                    proposal.status(),
                    switch (proposal.status()) {
                        case EXECUTED -> "the proposal was executed";
                        case CANCELED -> "the proposal is already canceled";
                        case DEFEATED -> "the proposal was defeated; its outcome is final";
                        case EXPIRED -> "the proposal expired without being executed; its outcome is final";
                        case PENDING, ACTIVE, QUEUED, SUCCEEDED -> throw new IllegalStateException(
                                "not a final status: " + proposal.status());
                    });
        }
        if (!callerIsAdmin) {
            if (!proposal.proposerId().equals(caller)) {
                throw Forbidden.of("NOT_PROPOSER", "only the proposer or an admin may cancel this proposal");
            }
            if (proposal.status() != ProposalStatus.PENDING) {
                throw GovernanceProblems.notCancelable(
                        proposal.status(), "the proposer may cancel only before voting starts; ask an admin");
            }
        }
        proposals.markCanceled(proposalId, now, caller);
        events.publishEvent(new ProposalCanceled(proposalId.value(), caller, now));
        return proposal(proposalId);
    }

    /**
     * Executes a SUCCEEDED proposal: every action in order, in this one transaction. If an action
     * fails, nothing of the proposal is applied and it stays executable.
     */
    @Transactional
    public Proposal execute(ProposalId proposalId, EntityId admin) {
        var proposal = proposals
                .find(proposalId, now(), true)
                .orElseThrow(() -> GovernanceProblems.unknownProposal(proposalId));
        switch (proposal.status()) {
            case SUCCEEDED -> {}
            case PENDING, ACTIVE -> throw GovernanceProblems.notExecutable(
                    proposal.status(), "voting ends at " + proposal.votingEndsAt());
            case QUEUED -> throw GovernanceProblems.notExecutable(
                    proposal.status(), "the timelock has not passed; executable from " + proposal.executableAt());
            case DEFEATED -> throw GovernanceProblems.notExecutable(
                    proposal.status(), "the proposal was defeated (no majority or no quorum)");
            case EXPIRED -> throw GovernanceProblems.notExecutable(
                    proposal.status(), "the grace period ended at " + proposal.expiresAt());
            case CANCELED -> throw GovernanceProblems.notExecutable(proposal.status(), "the proposal was canceled");
            case EXECUTED -> throw GovernanceProblems.notExecutable(
                    proposal.status(), "the proposal was already executed");
        }
        var execution = new ProposalActionType.Execution(proposalId, admin);
        for (int i = 0; i < proposal.actions().size(); i++) {
            var action = proposal.actions().get(i);
            var type = actions.find(action.type())
                    .orElseThrow(() ->
                            new IllegalStateException("action type " + action.type() + " is no longer registered"));
            try {
                type.execute(action.parameters(), execution);
            } catch (DomainProblem e) {
                throw GovernanceProblems.actionFailed(i, action.type(), e);
            }
        }
        var now = now();
        proposals.markExecuted(proposalId, now, admin);
        events.publishEvent(new ProposalExecuted(
                proposalId.value(), admin, proposal.actions().size(), now));
        return proposal(proposalId);
    }

    /**
     * Delegates the holder's voting power to another entity (or back to itself). The change counts
     * for every proposal created after it is answered, and for none created before (ADR 0022).
     */
    @Transactional
    public Delegation delegate(EntityId delegator, EntityId delegatee) {
        var target = delegator.equals(delegatee) ? null : delegatee;
        // The number first: the delegation head stays locked until this change commits, so changes
        // are numbered and committed one at a time, in the same order, and a proposal that reads
        // the last number holds every change up to it and none after (ADR 0022).
        long sequence = delegations.nextSequence();
        var change = new Delegation(delegator, target, sequence, ledger.lastSequence(), now());
        delegations.record(change);
        events.publishEvent(DelegationChanged.of(change));
        return change;
    }

    /** The delegator's last change of delegation, if it ever made one. */
    @Transactional(readOnly = true)
    public Optional<Delegation> delegationOf(EntityId delegator) {
        return delegations.latest(delegator);
    }

    /** Whom the delegator delegates to now (empty: it votes with its own holdings). */
    @Transactional(readOnly = true)
    public Optional<EntityId> delegateeOf(EntityId delegator) {
        return delegations.latest(delegator).map(Delegation::delegateeId);
    }

    /** A setting that SET_PARAMETER may change: its value now and the values it accepts. */
    public record GovernedSetting(String key, String value, String bounds) {}

    /** The settings a proposal can change with SET_PARAMETER, by key, with their values now and bounds. */
    @Transactional(readOnly = true)
    public List<GovernedSetting> governedParameters() {
        return actions.parameters().values().stream()
                .map(p -> new GovernedSetting(p.key(), p.currentValue(), p.bounds()))
                .toList();
    }

    /** The action types a proposal may carry. */
    public List<String> actionTypes() {
        return actions.names();
    }

    /**
     * Recomputes the proposal's tallies from its votes and compares them with the stored ones (they
     * must never differ). Reads only: a difference is reported, not repaired.
     */
    @Transactional(readOnly = true)
    public TallyCheck verifyTally(ProposalId proposalId) {
        var proposal = proposal(proposalId);
        var counted = proposals.recount(proposalId);
        var stored = proposal.tally();
        boolean consistent = counted.tally().sameAs(stored) && counted.voterCount() == proposal.voterCount();
        return new TallyCheck(
                proposalId, consistent, stored, proposal.voterCount(), counted.tally(), counted.voterCount());
    }

    /** Proposals by status now, votes cast and distinct voters, over all proposals. */
    @Transactional(readOnly = true)
    public Participation participation() {
        var byStatus = proposals.countByStatus(clock.instant());
        var votes = proposals.voteCounts();
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        return new Participation(total, byStatus, votes[0], votes[1]);
    }

    /**
     * Stored tallies next to the tallies recomputed from the votes, each weight without trailing
     * zeros. The JSON API answers it flat, each weight as a decimal string: {@code storedFor} …
     * {@code countedVoterCount}.
     */
    @JsonPropertyOrder({
        "proposalId",
        "consistent",
        "storedFor",
        "storedAgainst",
        "storedAbstain",
        "storedVoterCount",
        "countedFor",
        "countedAgainst",
        "countedAbstain",
        "countedVoterCount"
    })
    public record TallyCheck(
            ProposalId proposalId,
            boolean consistent,
            @JsonIgnore Tally stored,
            int storedVoterCount,
            @JsonIgnore Tally counted,
            int countedVoterCount) {

        @JsonProperty("storedFor")
        @JsonSerialize(using = PlainDecimalText.class)
        public BigDecimal storedFor() {
            return stored.forVotes();
        }

        @JsonProperty("storedAgainst")
        @JsonSerialize(using = PlainDecimalText.class)
        public BigDecimal storedAgainst() {
            return stored.againstVotes();
        }

        @JsonProperty("storedAbstain")
        @JsonSerialize(using = PlainDecimalText.class)
        public BigDecimal storedAbstain() {
            return stored.abstainVotes();
        }

        @JsonProperty("countedFor")
        @JsonSerialize(using = PlainDecimalText.class)
        public BigDecimal countedFor() {
            return counted.forVotes();
        }

        @JsonProperty("countedAgainst")
        @JsonSerialize(using = PlainDecimalText.class)
        public BigDecimal countedAgainst() {
            return counted.againstVotes();
        }

        @JsonProperty("countedAbstain")
        @JsonSerialize(using = PlainDecimalText.class)
        public BigDecimal countedAbstain() {
            return counted.abstainVotes();
        }
    }

    /** Holdings as of the ledger sequence {@code snapshot}, delegations as of {@code delegationSnapshot}. */
    private VotingPower votingPower(EntityId entity, TokenId gov, long snapshot, long delegationSnapshot) {
        var delegated = delegations.delegationsAt(entity, delegationSnapshot); // one query for both sides
        boolean delegatedAway = delegated.delegatedAway();
        var own = ledger.balanceAt(entity, gov, snapshot);
        var received = ledger.sumOfBalancesAt(delegated.delegators(), gov, snapshot);
        var power = (delegatedAway ? Amount.ZERO : own).plus(received);
        var score = trust.scoreOf(entity).score();
        var weight = Decimals.plain(power.toBigDecimal().multiply(score).divide(HUNDRED));
        return new VotingPower(
                entity, snapshot, delegationSnapshot, own, received, delegatedAway, power, score, weight);
    }

    private TokenId governanceToken() {
        return ledger.resolve(TokenType.GOVERNANCE);
    }

    private Instant now() {
        return clock.instant();
    }
}
