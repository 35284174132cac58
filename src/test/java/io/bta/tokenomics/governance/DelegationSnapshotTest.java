package io.bta.tokenomics.governance;

import static io.bta.tokenomics.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.Invariants;
import io.bta.tokenomics.support.MutableClock;
import io.bta.tokenomics.trust.Trust;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A proposal's snapshot holds every delegation acknowledged before the proposal was created and
 * none acknowledged after it, whether or not the ledger moved in between (in OpenZeppelin's
 * Governor, a delegation in the snapshot's block counts). Gina holds 5,000,000 BTA-GOV, hank 10;
 * proposing needs 1,000 and the quorum is 100,000 of weight; both have a trust score of 100.
 */
@IntegrationTest
class DelegationSnapshotTest {

    static final EntityId ADMIN = EntityId.of("admin");
    static final Amount GINA_HOLDS = Amount.of(5_000_000);
    static final Amount HANK_HOLDS = Amount.of(10);
    static final Amount BOTH = GINA_HOLDS.plus(HANK_HOLDS);

    @LocalServerPort
    int port;

    @Autowired
    Governance governance;

    @Autowired
    Ledger ledger;

    @Autowired
    Trust trust;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    PlatformTransactionManager transactions;

    Api api;
    EntityId gina;
    EntityId hank;
    EntityId proposer;
    ExecutorService pool;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        ledger.initializeTokens(ADMIN);
        gina = holder("gina", GINA_HOLDS);
        hank = holder("hank", HANK_HOLDS);
        proposer = holder("proposer", Amount.of(5000));
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void invariantsHold() {
        pool.shutdownNow();
        Invariants.assertHold(jdbc);
        for (var id : jdbc.sql("select id from governance_proposals")
                .query(UUID.class)
                .list()) {
            assertThat(governance.verifyTally(new ProposalId(id)).consistent())
                    .as("tally of " + id)
                    .isTrue();
        }
    }

    EntityId holder(String name, Amount gov) {
        var entity = EntityId.of(name + "-" + UUID.randomUUID());
        ledger.transfer(ledger.resolve("BTA-GOV"), ledger.treasury(), entity, gov, null, ADMIN);
        trust.record(entity, BigDecimal.valueOf(100), ADMIN);
        return entity;
    }

    Proposal signal() {
        return governance.propose(proposer, "Signal " + UUID.randomUUID(), "", List.of());
    }

    void moveTheLedgerOn() {
        ledger.transfer(ledger.resolve("BTA-GOV"), ledger.treasury(), proposer, Amount.of(1), null, ADMIN);
    }

    void advanceTo(Instant instant) {
        if (instant.isAfter(clock.instant())) {
            clock.set(instant);
        }
    }

    Api.Response delegate(EntityId from, EntityId to) {
        var r = api.post("/api/governance/delegate", Api.token(from.value()), json("delegateeId", to.value()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    Api.Response propose(EntityId by) {
        return api.post("/api/governance/proposals", Api.token(by.value()), json("title", "By " + by));
    }

    Api.Response vote(ProposalId proposal, EntityId voter) {
        return api.post(
                "/api/governance/proposals/" + proposal + "/vote", Api.token(voter.value()), json("support", "FOR"));
    }

    long delegationSequenceOf(ProposalId proposal) {
        var r = api.get("/api/governance/proposals/" + proposal, Api.token(proposer.value()));
        var n = r.json().get("delegationSequence");
        assertThat(n).as("the proposal's delegationSequence in " + r.body()).isNotNull();
        return n.asLong();
    }

    long delegationSequenceOf(EntityId delegator) {
        var r = api.get("/api/governance/delegate", Api.token(delegator.value()));
        var n = r.json().get("delegationSequence");
        assertThat(n).as("the delegation's delegationSequence in " + r.body()).isNotNull();
        return n.asLong();
    }

    /** Hank has gina's power and gina none of her own at the proposal, for votes and in the tally. */
    void assertDelegationCounts(ProposalId proposal) {
        var hankPower = governance.votingPower(proposal, hank);
        assertThat(hankPower.votingPower()).isEqualTo(BOTH);
        assertThat(hankPower.delegatedToIt()).isEqualTo(GINA_HOLDS);
        var ginaPower = governance.votingPower(proposal, gina);
        assertThat(ginaPower.delegatedAway()).isTrue();
        assertThat(ginaPower.ownHoldings()).isEqualTo(GINA_HOLDS);
        assertThat(ginaPower.votingPower()).isEqualTo(Amount.ZERO);
    }

    /** Gina votes her own holdings at the proposal and hank only his. */
    void assertDelegationDoesNotCount(ProposalId proposal) {
        var hankPower = governance.votingPower(proposal, hank);
        assertThat(hankPower.votingPower()).isEqualTo(HANK_HOLDS);
        assertThat(hankPower.delegatedToIt()).isEqualTo(Amount.ZERO);
        var ginaPower = governance.votingPower(proposal, gina);
        assertThat(ginaPower.delegatedAway()).isFalse();
        assertThat(ginaPower.votingPower()).isEqualTo(GINA_HOLDS);
    }

    // --- a delegation acknowledged before the proposal counts ---

    @Test
    void aDelegateeProposingRightAfterTheDelegationPassesTheThresholdWithTheDelegatedPower() {
        var alone = propose(hank);
        assertThat(alone.status()).isEqualTo(422);
        assertThat(alone.code()).isEqualTo("BELOW_PROPOSAL_THRESHOLD");
        long head = ledger.lastSequence();

        delegate(gina, hank);
        var created = propose(hank);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("snapshotSequence").asLong())
                .as("no ledger transaction between the delegation and the proposal")
                .isEqualTo(head);
        var power =
                api.get("/api/governance/proposals/" + created.text("id") + "/voting-power", Api.token(hank.value()));
        assertThat(power.text("votingPower")).isEqualTo("5000010");
        assertThat(power.text("delegatedToIt")).isEqualTo("5000000");
    }

    @Test
    void aProposalRightAfterADelegationGivesTheDelegateeTheDelegatedPowerAndTheDelegatorNone() {
        long head = ledger.lastSequence();
        delegate(gina, hank);
        var p = signal();
        assertThat(p.snapshotSequence()).isEqualTo(head);

        assertDelegationCounts(p.id());
        advanceTo(p.votingStartsAt());
        var ginaVote = vote(p.id(), gina);
        assertThat(ginaVote.status()).isEqualTo(422);
        assertThat(ginaVote.code()).isEqualTo("NO_VOTING_POWER");
        var hankVote = vote(p.id(), hank);
        assertThat(hankVote.status()).as(hankVote.body()).isEqualTo(201);
        assertThat(hankVote.text("votingPower")).isEqualTo("5000010");

        // The quorum is the supply at the same snapshot; hank's 10 alone would not reach it.
        var gov = ledger.resolve("BTA-GOV");
        assertThat(p.quorum())
                .isEqualByComparingTo(ledger.totalSupplyAt(gov, p.snapshotSequence())
                        .toBigDecimal()
                        .multiply(new BigDecimal("0.0001")));
        assertThat(governance.proposal(p.id()).forVotes()).isEqualByComparingTo("5000010");
        advanceTo(p.votingEndsAt());
        assertThat(governance.proposal(p.id()).status()).isEqualTo(ProposalStatus.QUEUED);
    }

    @Test
    void takingADelegationBackRightBeforeAProposalCountsToo() {
        delegate(gina, hank);
        moveTheLedgerOn();
        var delegated = signal();
        var back = api.send(
                java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://127.0.0.1:" + port + "/api/governance/delegate"))
                        .DELETE(),
                Api.token(gina.value()),
                null);
        assertThat(back.status()).isEqualTo(200);
        var after = signal();

        assertThat(after.snapshotSequence()).isEqualTo(delegated.snapshotSequence());
        assertDelegationCounts(delegated.id());
        assertDelegationDoesNotCount(after.id());
    }

    // --- a delegation acknowledged after the proposal does not count ---

    @Test
    void aDelegationAfterAProposalWithNoLedgerTransactionInBetweenCountsOnlyForLaterProposals() {
        long head = ledger.lastSequence();
        var before = signal();
        delegate(gina, hank);
        var after = signal();
        assertThat(List.of(before.snapshotSequence(), after.snapshotSequence()))
                .as("one ledger sequence for both")
                .containsOnly(head);

        assertDelegationDoesNotCount(before.id());
        assertDelegationCounts(after.id());
        advanceTo(after.votingStartsAt());
        assertThat(vote(before.id(), gina).text("votingPower")).isEqualTo("5000000");
        assertThat(vote(before.id(), hank).text("votingPower")).isEqualTo("10");
        assertThat(vote(after.id(), gina).code()).isEqualTo("NO_VOTING_POWER");
        assertThat(vote(after.id(), hank).text("votingPower")).isEqualTo("5000010");
        assertThat(governance.proposal(before.id()).forVotes()).isEqualByComparingTo("5000010");
        assertThat(governance.proposal(after.id()).forVotes()).isEqualByComparingTo("5000010");
    }

    @Test
    void aDelegationAfterAProposalWithLedgerTransactionsInBetweenCountsOnlyForLaterProposals() {
        var before = signal();
        moveTheLedgerOn();
        delegate(gina, hank);
        var after = signal();
        moveTheLedgerOn();
        var later = signal();

        assertThat(after.snapshotSequence()).isGreaterThan(before.snapshotSequence());
        assertDelegationDoesNotCount(before.id());
        assertDelegationCounts(after.id());
        assertDelegationCounts(later.id());
        var hankLater = propose(hank);
        assertThat(hankLater.status()).as(hankLater.body()).isEqualTo(201);
    }

    // --- a delegation and a proposal that race ---

    /** Runs {@code work} in a transaction that stays open until {@code release} counts down. */
    <T> Future<T> heldOpen(Callable<T> work, CountDownLatch done, CountDownLatch release) {
        var template = new TransactionTemplate(transactions);
        return pool.submit(() -> template.execute(s -> {
            try {
                var result = work.call();
                done.countDown();
                assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
                return result;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    <T> T within30Seconds(Callable<T> work) throws Exception {
        return pool.submit(work).get(30, TimeUnit.SECONDS);
    }

    @Test
    void aDelegationUncommittedWhenAProposalIsCreatedStaysOutOfItForTheThresholdAndTheVotes() throws Exception {
        var done = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        Future<?> delegation;
        Proposal p;
        try {
            delegation = heldOpen(() -> governance.delegate(gina, hank), done, release);
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> within30Seconds(() -> governance.propose(hank, "Too early", "", List.of())))
                    .cause()
                    .isInstanceOf(DomainProblem.class)
                    .extracting(e -> ((DomainProblem) e).code())
                    .isEqualTo("BELOW_PROPOSAL_THRESHOLD");
            p = within30Seconds(this::signal);
        } finally {
            release.countDown();
        }
        delegation.get(30, TimeUnit.SECONDS);

        assertDelegationDoesNotCount(p.id());
        // acknowledged now: the next proposal, at the same ledger sequence, counts it
        var next = propose(hank);
        assertThat(next.status()).as(next.body()).isEqualTo(201);
        assertThat(next.json().get("snapshotSequence").asLong()).isEqualTo(p.snapshotSequence());
        assertDelegationCounts(ProposalId.of(next.text("id")));
        assertThat(delegationSequenceOf(gina)).isGreaterThan(delegationSequenceOf(p.id()));
    }

    @Test
    void aDelegationCommittedWhileAProposalIsBeingCreatedStaysOutOfIt() throws Exception {
        var done = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        Future<Proposal> proposal;
        try {
            proposal = heldOpen(this::signal, done, release);
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
            within30Seconds(() -> governance.delegate(gina, hank));
        } finally {
            release.countDown();
        }
        var p = proposal.get(30, TimeUnit.SECONDS);

        assertDelegationDoesNotCount(p.id());
        var next = signal();
        assertThat(next.snapshotSequence()).isEqualTo(p.snapshotSequence());
        assertDelegationCounts(next.id());
        assertThat(delegationSequenceOf(p.id())).isLessThan(delegationSequenceOf(gina));
    }

    // --- reading the delegation ---

    @Test
    void theDelegationReadsBackWithTheSequencesItWasAnsweredWith() {
        var none = api.get("/api/governance/delegate", Api.token(gina.value()));
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.text("delegateeId")).isNull();
        assertThat(none.text("effectiveFromSequence")).isNull();
        assertThat(none.text("delegationSequence")).isNull();

        long head = ledger.lastSequence();
        var made = delegate(gina, hank);
        assertThat(made.json().get("effectiveFromSequence").asLong()).isEqualTo(head);
        var read = api.get("/api/governance/delegate", Api.token(gina.value()));
        assertThat(read.text("delegateeId")).isEqualTo(hank.value());
        assertThat(read.text("effectiveFromSequence")).isEqualTo(made.text("effectiveFromSequence"));
        assertThat(read.text("delegationSequence")).isEqualTo(made.text("delegationSequence"));

        var p = propose(proposer);
        assertThat(p.json().get("delegationSequence").asLong())
                .isGreaterThanOrEqualTo(made.json().get("delegationSequence").asLong());
        assertThat(p.json().get("snapshotSequence").asLong())
                .isGreaterThanOrEqualTo(made.json().get("effectiveFromSequence").asLong());

        moveTheLedgerOn();
        long moved = ledger.lastSequence();
        var back = api.send(
                java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://127.0.0.1:" + port + "/api/governance/delegate"))
                        .DELETE(),
                Api.token(gina.value()),
                null);
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.json().get("delegationSequence").asLong())
                .isGreaterThan(made.json().get("delegationSequence").asLong());
        var taken = api.get("/api/governance/delegate", Api.token(gina.value()));
        assertThat(taken.text("delegateeId")).isNull();
        assertThat(taken.text("effectiveFromSequence")).isEqualTo(Long.toString(moved));
        assertThat(taken.text("delegationSequence")).isEqualTo(back.text("delegationSequence"));
    }
}
