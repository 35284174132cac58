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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The scenarios of OpenZeppelin's Governor tests, with trust weighting: in this configuration the
 * quorum is 0.0001 of the BTA-GOV supply (100,000 of weight) and proposing needs 1,000 BTA-GOV.
 */
@IntegrationTest
@RecordApplicationEvents
class GovernanceTest {

    static final EntityId ADMIN = EntityId.of("admin");

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
    tools.jackson.databind.json.JsonMapper jsonMapper;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEvents events;

    @Autowired
    DataSource dataSource;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    Api api;
    EntityId proposer;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        ledger.initializeTokens(ADMIN);
        proposer = holder("proposer", "5000");
    }

    @AfterEach
    void invariantsHold() {
        Invariants.assertHold(jdbc);
        var check = jdbc.sql("select id from governance_proposals")
                .query(UUID.class)
                .list();
        for (var id : check) {
            assertThat(governance.verifyTally(new ProposalId(id)).consistent())
                    .as("tally of " + id)
                    .isTrue();
        }
    }

    EntityId holder(String name, String gov) {
        var entity = EntityId.of(name + "-" + UUID.randomUUID());
        if (gov != null) {
            ledger.transfer(ledger.resolve("BTA-GOV"), ledger.treasury(), entity, Amount.of(gov), null, ADMIN);
        }
        return entity;
    }

    EntityId voter(String gov, String trustScore) {
        var v = holder("voter", gov);
        trust.record(v, new BigDecimal(trustScore), ADMIN);
        return v;
    }

    void advanceTo(Instant instant) {
        if (instant.isAfter(clock.instant())) {
            clock.set(instant);
        }
    }

    Proposal signal() {
        return governance.propose(proposer, "Signal " + UUID.randomUUID(), "a vote without actions", List.of());
    }

    // --- the nominal workflow ---

    @Test
    void nominalWorkflowFromProposalToExecution() {
        var forA = voter("150000", "100");
        var forB = voter("20000", "50");
        var against = voter("50000", "80");
        var abstain = voter("40000", "25");
        var beneficiary = holder("beneficiary", null);

        var created = api.post(
                "/api/governance/proposals",
                Api.token(proposer.value()),
                """
                {"title":"Fund the academy","description":"Mint and transfer for courses","actions":[
                  {"type":"MINT","tokenId":"BTA-REWARD","toEntityId":"%1$s","amount":"1000.5"},
                  {"type":"TREASURY_TRANSFER","tokenId":"BTA-UTIL","toEntityId":"%1$s","amount":250}]}
                """
                        .formatted(beneficiary.value()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("PENDING");
        assertThat(created.json().get("actions").get(0).get("type").asString()).isEqualTo("MINT");
        assertThat(created.json().get("actions").get(1).get("amount").asString())
                .isEqualTo("250");
        assertThat(created.text("quorum")).isEqualTo("100000");
        var id = ProposalId.of(created.text("id"));
        var proposal = governance.proposal(id);
        assertThat(proposal.snapshotSequence()).isEqualTo(ledger.lastSequence());

        advanceTo(proposal.votingStartsAt());
        assertThat(governance.proposal(id).status()).isEqualTo(ProposalStatus.ACTIVE);
        vote(forA, id, "FOR", 201);
        governance.castVote(id, forB, Support.FOR, null);
        governance.castVote(id, against, Support.AGAINST, "too expensive");
        governance.castVote(id, abstain, Support.ABSTAIN, null);
        assertThat(voteCasts(id))
                .as("events of the votes cast through the facade (the first one went through the API)")
                .hasSize(4);

        var tallied = api.get("/api/governance/proposals/" + id, Api.token(forA.value()));
        assertThat(tallied.text("forVotes")).isEqualTo("160000"); // 150000×100/100 + 20000×50/100
        assertThat(tallied.text("againstVotes")).isEqualTo("40000");
        assertThat(tallied.text("abstainVotes")).isEqualTo("10000");
        assertThat(tallied.json().get("voterCount").asInt()).isEqualTo(4);
        assertThat(tallied.json().get("myVote").get("support").asString()).isEqualTo("FOR");

        advanceTo(proposal.votingEndsAt());
        assertThat(governance.proposal(id).status()).isEqualTo(ProposalStatus.QUEUED);
        assertThat(api.post("/api/governance/proposals/" + id + "/execute", Api.adminToken(), null)
                        .code())
                .isEqualTo("PROPOSAL_NOT_EXECUTABLE");
        advanceTo(proposal.executableAt());
        assertThat(governance.proposal(id).status()).isEqualTo(ProposalStatus.SUCCEEDED);
        var utilBefore =
                ledger.balance(ledger.treasury(), ledger.resolve("BTA-UTIL")).available();

        var executed = api.post("/api/governance/proposals/" + id + "/execute", Api.adminToken(), null);
        assertThat(executed.status()).as(executed.body()).isEqualTo(200);
        assertThat(executed.text("status")).isEqualTo("EXECUTED");
        assertThat(executed.text("executedAt")).isNotNull();
        assertThat(ledger.balance(beneficiary, ledger.resolve("BTA-REWARD")).available())
                .isEqualTo(Amount.of("1000.5"));
        assertThat(ledger.balance(beneficiary, ledger.resolve("BTA-UTIL")).available())
                .isEqualTo(Amount.of(250));
        assertThat(ledger.balance(ledger.treasury(), ledger.resolve("BTA-UTIL")).available())
                .isEqualTo(utilBefore.minus(Amount.of(250)));

        var again = api.post("/api/governance/proposals/" + id + "/execute", Api.adminToken(), null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("PROPOSAL_NOT_EXECUTABLE");
    }

    void vote(EntityId voter, ProposalId id, String support, int expected) {
        var r = api.post(
                "/api/governance/proposals/" + id + "/vote",
                Api.token(voter.value()),
                json("support", support, "reason", "because"));
        assertThat(r.status()).as(r.body()).isEqualTo(expected);
    }

    // --- votes ---

    @Test
    void aVoteBeforeTheStartIsRefused() {
        var p = signal();
        var r = api.post(
                "/api/governance/proposals/" + p.id() + "/vote", Api.token(proposer.value()), json("support", "FOR"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("VOTING_NOT_OPEN");
        assertThat(r.text("detail")).contains("not started");
        assertThat(r.json().get("status").asInt()).isEqualTo(409);
        assertThat(r.text("proposalStatus")).isEqualTo("PENDING");
    }

    @Test
    void aVoteAfterTheEndIsRefused() {
        var p = signal();
        advanceTo(p.votingEndsAt());
        var r = api.post(
                "/api/governance/proposals/" + p.id() + "/vote", Api.token(proposer.value()), json("support", "FOR"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("VOTING_NOT_OPEN");
    }

    @Test
    void aSecondVoteIsRefused() {
        var p = signal();
        advanceTo(p.votingStartsAt());
        vote(proposer, p.id(), "FOR", 201);
        var again = api.post(
                "/api/governance/proposals/" + p.id() + "/vote",
                Api.token(proposer.value()),
                json("support", "AGAINST"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("ALREADY_VOTED");
        assertThat(governance.proposal(p.id()).againstVotes()).isEqualByComparingTo("0");
    }

    @Test
    void anInvalidSupportIsA400() {
        var p = signal();
        advanceTo(p.votingStartsAt());
        for (var body : List.of(json("support", "MAYBE"), json("reason", "x"), "{\"support\":3}")) {
            var r = api.post("/api/governance/proposals/" + p.id() + "/vote", Api.token(proposer.value()), body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.isProblem()).isTrue();
        }
        assertThat(governance.proposal(p.id()).voterCount()).isZero();
    }

    @Test
    void aVoterWithoutPowerAtTheSnapshotIsRefused() {
        var p = signal();
        advanceTo(p.votingStartsAt());
        var r = api.post(
                "/api/governance/proposals/" + p.id() + "/vote",
                Api.token("nobody-" + UUID.randomUUID()),
                json("support", "FOR"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("NO_VOTING_POWER");
    }

    @Test
    void unknownProposalsAre404() {
        assertThat(api.get("/api/governance/proposals/" + UUID.randomUUID(), Api.adminToken())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/governance/proposals/not-a-uuid", Api.adminToken())
                        .code())
                .isEqualTo("UNKNOWN_PROPOSAL");
        assertThat(api.post(
                                "/api/governance/proposals/" + UUID.randomUUID() + "/vote",
                                Api.adminToken(),
                                json("support", "FOR"))
                        .status())
                .isEqualTo(404);
    }

    // --- execution refused ---

    @Test
    void executionWithoutQuorumIsRefused() {
        var small = voter("1000", "100"); // 1,000 of weight, quorum is 100,000
        var p = signal();
        advanceTo(p.votingStartsAt());
        vote(small, p.id(), "FOR", 201);
        advanceTo(p.executableAt());
        assertThat(governance.proposal(p.id()).status()).isEqualTo(ProposalStatus.DEFEATED);
        assertThatThrownBy(() -> governance.execute(p.id(), ADMIN)).hasMessageContaining("defeated");
    }

    @Test
    void executionWithoutMajorityIsRefused() {
        var forVoter = voter("100000", "100");
        var againstVoter = voter("200000", "100");
        var p = signal();
        advanceTo(p.votingStartsAt());
        vote(forVoter, p.id(), "FOR", 201);
        vote(againstVoter, p.id(), "AGAINST", 201);
        advanceTo(p.executableAt());
        assertThat(governance.proposal(p.id()).status()).isEqualTo(ProposalStatus.DEFEATED);
        var r = api.post("/api/governance/proposals/" + p.id() + "/execute", Api.adminToken(), null);
        assertThat(r.status()).isEqualTo(409);
    }

    @Test
    void aTieIsDefeated() {
        var a = voter("100000", "100");
        var b = voter("100000", "100");
        var p = signal();
        advanceTo(p.votingStartsAt());
        vote(a, p.id(), "FOR", 201);
        vote(b, p.id(), "AGAINST", 201);
        advanceTo(p.votingEndsAt());
        assertThat(governance.proposal(p.id()).status()).isEqualTo(ProposalStatus.DEFEATED);
    }

    @Test
    void abstentionsCountTowardsQuorumButNotTheMajority() {
        var a = voter("10000", "100");
        var b = voter("95000", "100");
        var p = signal();
        advanceTo(p.votingStartsAt());
        vote(a, p.id(), "FOR", 201);
        vote(b, p.id(), "ABSTAIN", 201);
        advanceTo(p.executableAt());
        assertThat(governance.proposal(p.id()).status()).isEqualTo(ProposalStatus.SUCCEEDED);
    }

    @Test
    void executionBeforeTheEndAndBeforeTheTimelockIsRefusedThenExpires() {
        var a = voter("150000", "100");
        var p = signal();
        assertThatThrownBy(() -> governance.execute(p.id(), ADMIN)).hasMessageContaining("voting ends");
        advanceTo(p.votingStartsAt());
        vote(a, p.id(), "FOR", 201);
        assertThatThrownBy(() -> governance.execute(p.id(), ADMIN)).hasMessageContaining("voting ends");
        advanceTo(p.votingEndsAt());
        assertThatThrownBy(() -> governance.execute(p.id(), ADMIN)).hasMessageContaining("timelock");
        advanceTo(p.expiresAt());
        assertThat(governance.proposal(p.id()).status()).isEqualTo(ProposalStatus.EXPIRED);
        assertThatThrownBy(() -> governance.execute(p.id(), ADMIN)).hasMessageContaining("grace period");
    }

    @Test
    void onlyAnAdminExecutes() {
        var p = signal();
        var r = api.post("/api/governance/proposals/" + p.id() + "/execute", Api.token(proposer.value()), null);
        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void actionsRunAtomically() {
        var a = voter("150000", "100");
        var beneficiary = holder("beneficiary", null);
        var p = governance.propose(
                proposer,
                "Two actions",
                "",
                List.of(
                        new ProposalAction(
                                "TREASURY_TRANSFER",
                                Map.of("tokenId", "BTA-UTIL", "toEntityId", beneficiary.value(), "amount", "10")),
                        new ProposalAction(
                                "MINT",
                                Map.of(
                                        "tokenId",
                                        "BTA-GOV",
                                        "toEntityId",
                                        beneficiary.value(),
                                        "amount",
                                        "1")))); // BTA-GOV is at its max supply: this one fails
        advanceTo(p.votingStartsAt());
        vote(a, p.id(), "FOR", 201);
        advanceTo(p.executableAt());
        var r = api.post("/api/governance/proposals/" + p.id() + "/execute", Api.adminToken(), null);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("PROPOSAL_ACTION_FAILED");
        assertThat(r.json().get("actionIndex").asInt()).isEqualTo(1);
        assertThat(r.text("causeCode")).isEqualTo("MAX_SUPPLY_EXCEEDED");
        assertThat(ledger.balance(beneficiary, ledger.resolve("BTA-UTIL")).available())
                .isEqualTo(Amount.ZERO);
        assertThat(governance.proposal(p.id()).status()).isEqualTo(ProposalStatus.SUCCEEDED);
    }

    // --- proposals ---

    @Test
    void aProposalBelowTheThresholdIsRefused() {
        var poor = holder("poor", "999.999999999999999999");
        var r = api.post("/api/governance/proposals", Api.token(poor.value()), json("title", "Too small"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("BELOW_PROPOSAL_THRESHOLD");
    }

    @Test
    void malformedActionsAreRefusedWithTheActionNamed() {
        var cases = Map.of(
                "{\"title\":\"t\",\"actions\":[{\"type\":\"DESTROY\"}]}", "actions[0].type",
                "{\"title\":\"t\",\"actions\":[{\"type\":\"MINT\",\"tokenId\":\"BTA-UTIL\",\"toEntityId\":\"x\",\"amount\":\"-1\"}]}",
                        "actions[0]",
                "{\"title\":\"t\",\"actions\":[{\"type\":\"MINT\",\"tokenId\":\"NOPE\",\"toEntityId\":\"x\",\"amount\":\"1\"}]}",
                        "actions[0]",
                "{\"title\":\"t\",\"actions\":[{\"type\":\"SET_PARAMETER\",\"key\":\"governance.voting-period\",\"value\":\"0s\"}]}",
                        "actions[0]",
                "{\"title\":\"t\",\"actions\":[{\"type\":\"SET_PARAMETER\",\"key\":\"admin.password\",\"value\":\"x\"}]}",
                        "actions[0]",
                "{\"title\":\"\"}", "title");
        cases.forEach((body, field) -> {
            var r = api.post("/api/governance/proposals", Api.token(proposer.value()), body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.json().get("errors").get(0).get("field").asString())
                    .as(body)
                    .isEqualTo(field);
        });
    }

    @Test
    void tooManyActionsAreRefused() {
        var action = "{\"type\":\"TREASURY_TRANSFER\",\"tokenId\":\"BTA-UTIL\",\"toEntityId\":\"x\",\"amount\":\"1\"}";
        var body = "{\"title\":\"many\",\"actions\":[" + String.join(",", java.util.Collections.nCopies(11, action))
                + "]}";
        var r = api.post("/api/governance/proposals", Api.token(proposer.value()), body);
        assertThat(r.status()).isEqualTo(400);
    }

    @Test
    void proposalsAreListedNewestFirstByStatusAndProposerWithPages() {
        var mine = holder("lister", "2000");
        var first = governance.propose(mine, "first", "", List.of());
        clock.advance(Duration.ofSeconds(1));
        var second = governance.propose(mine, "second", "", List.of());
        clock.advance(Duration.ofSeconds(1));
        var third = governance.propose(mine, "third", "", List.of());
        governance.cancel(third.id(), mine, false);
        var page1 = api.get("/api/governance/proposals?proposerId=" + mine + "&limit=2", Api.token(mine.value()));
        assertThat(page1.json().get("items").size()).isEqualTo(2);
        assertThat(page1.json().get("items").get(0).get("id").asString())
                .isEqualTo(third.id().toString());
        var page2 = api.get(
                "/api/governance/proposals?proposerId=" + mine + "&limit=2&cursor=" + page1.text("nextCursor"),
                Api.token(mine.value()));
        assertThat(page2.json().get("items").size()).isEqualTo(1);
        assertThat(page2.json().get("items").get(0).get("id").asString())
                .isEqualTo(first.id().toString());
        assertThat(page2.text("nextCursor")).isNull();
        var canceled =
                api.get("/api/governance/proposals?proposerId=" + mine + "&status=CANCELED", Api.token(mine.value()));
        assertThat(canceled.json().get("items").size()).isEqualTo(1);
        var pending =
                api.get("/api/governance/proposals?proposerId=" + mine + "&status=pending", Api.token(mine.value()));
        assertThat(pending.json().get("items").size()).isEqualTo(2);
        assertThat(second.status()).isEqualTo(ProposalStatus.PENDING);
        assertThat(api.get("/api/governance/proposals?status=NOPE", Api.token(mine.value()))
                        .status())
                .isEqualTo(400);
    }

    // --- cancel ---

    @Test
    void theProposerCancelsWhilePendingOnly() {
        var p = signal();
        var r = api.post("/api/governance/proposals/" + p.id() + "/cancel", Api.token(proposer.value()), null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("status")).isEqualTo("CANCELED");
        var twice = api.post("/api/governance/proposals/" + p.id() + "/cancel", Api.token(proposer.value()), null);
        assertThat(twice.status()).isEqualTo(409);

        var active = signal();
        advanceTo(active.votingStartsAt());
        var late = api.post("/api/governance/proposals/" + active.id() + "/cancel", Api.token(proposer.value()), null);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("PROPOSAL_NOT_CANCELABLE");
    }

    @Test
    void someoneElseMayNotCancel() {
        var p = signal();
        var r = api.post("/api/governance/proposals/" + p.id() + "/cancel", Api.token("stranger"), null);
        assertThat(r.status()).isEqualTo(403);
        assertThat(governance.proposal(p.id()).status()).isEqualTo(ProposalStatus.PENDING);
    }

    @Test
    void anAdminCancelsAtAnyTimeBeforeExecutionButNotAfter() {
        var a = voter("150000", "100");
        var active = signal();
        var succeeded = signal();
        var executed = signal();
        advanceTo(active.votingStartsAt());
        vote(a, succeeded.id(), "FOR", 201);
        vote(a, executed.id(), "FOR", 201);
        assertThat(api.post("/api/governance/proposals/" + active.id() + "/cancel", Api.adminToken(), null)
                        .status())
                .isEqualTo(200);
        advanceTo(executed.executableAt());
        governance.execute(executed.id(), ADMIN);
        assertThat(api.post("/api/governance/proposals/" + succeeded.id() + "/cancel", Api.adminToken(), null)
                        .status())
                .isEqualTo(200);
        var afterExecution = api.post("/api/governance/proposals/" + executed.id() + "/cancel", Api.adminToken(), null);
        assertThat(afterExecution.status()).isEqualTo(409);
        // a canceled proposal can neither be voted on nor executed
        assertThatThrownBy(() -> governance.execute(succeeded.id(), ADMIN)).hasMessageContaining("canceled");
    }

    @Test
    void noOneCancelsAFinalOutcome() {
        var a = voter("150000", "100");
        var defeated = signal(); // no votes: defeated once voting ends
        var expired = signal();
        var executed = signal();
        var canceled = signal();
        governance.cancel(canceled.id(), ADMIN, true);
        advanceTo(expired.votingStartsAt());
        vote(a, expired.id(), "FOR", 201);
        vote(a, executed.id(), "FOR", 201);
        advanceTo(executed.executableAt());
        governance.execute(executed.id(), ADMIN);
        // Nothing stored says DEFEATED or EXPIRED: both follow from the clock and the tallies.
        advanceTo(expired.expiresAt());
        var finals = Map.of(
                defeated.id(), ProposalStatus.DEFEATED,
                expired.id(), ProposalStatus.EXPIRED,
                executed.id(), ProposalStatus.EXECUTED,
                canceled.id(), ProposalStatus.CANCELED);
        finals.forEach((id, status) -> {
            var before = governance.proposal(id);
            assertThat(before.status()).isEqualTo(status);
            for (var caller : List.of(Api.adminToken(), Api.token(proposer.value()))) {
                var r = api.post("/api/governance/proposals/" + id + "/cancel", caller, null);
                assertThat(r.status()).as(status + ": " + r.body()).isEqualTo(409);
                assertThat(r.code()).isEqualTo("PROPOSAL_NOT_CANCELABLE");
                assertThat(r.text("proposalStatus")).isEqualTo(status.name());
            }
            assertThatThrownBy(() -> governance.cancel(id, ADMIN, true))
                    .isInstanceOf(DomainProblem.class)
                    .hasMessageContaining(status.name());
            assertThat(governance.proposal(id)).isEqualTo(before);
            assertThat(events.stream(GovernanceEvents.ProposalCanceled.class)
                            .filter(e -> e.proposalId().equals(id.value())))
                    .hasSize(status == ProposalStatus.CANCELED ? 1 : 0);
        });
    }

    @Test
    void aCanceledProposalTakesNoVotes() {
        var p = signal();
        governance.cancel(p.id(), ADMIN, true);
        advanceTo(p.votingStartsAt());
        var r = api.post(
                "/api/governance/proposals/" + p.id() + "/vote", Api.token(proposer.value()), json("support", "FOR"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.text("detail")).contains("canceled");
    }

    // --- snapshots and delegation ---

    @Test
    void tokensTransferredAfterTheSnapshotDoNotVoteTwice() {
        var a = voter("150000", "100");
        var b = voter(null, "100");
        var p = signal();
        advanceTo(p.votingStartsAt());
        vote(a, p.id(), "FOR", 201);
        ledger.transfer(ledger.resolve("BTA-GOV"), a, b, Amount.of(150000), null, ADMIN);
        var r = api.post("/api/governance/proposals/" + p.id() + "/vote", Api.token(b.value()), json("support", "FOR"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("NO_VOTING_POWER");
        assertThat(governance.proposal(p.id()).forVotes()).isEqualByComparingTo("150000");
    }

    @Test
    void delegationMovesPowerAndIsHonouredAtTheSnapshot() {
        var delegator = voter("60000", "100");
        var delegatee = voter("40000", "100");
        var r = api.post(
                "/api/governance/delegate", Api.token(delegator.value()), json("delegateeId", delegatee.value()));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("delegateeId")).isEqualTo(delegatee.value());
        ledger.transfer(
                ledger.resolve("BTA-GOV"),
                ledger.treasury(),
                proposer,
                Amount.of(1),
                null,
                ADMIN); // the ledger moves on
        var p = signal();

        // a delegation changed after the snapshot does not reach back into it
        governance.delegate(delegator, delegator);
        advanceTo(p.votingStartsAt());
        var power = api.get("/api/governance/proposals/" + p.id() + "/voting-power", Api.token(delegatee.value()));
        assertThat(power.text("votingPower")).isEqualTo("100000");
        assertThat(power.text("delegatedToIt")).isEqualTo("60000");
        var delegatorVote = api.post(
                "/api/governance/proposals/" + p.id() + "/vote",
                Api.token(delegator.value()),
                json("support", "AGAINST"));
        assertThat(delegatorVote.status()).isEqualTo(422);
        vote(delegatee, p.id(), "FOR", 201);
        assertThat(governance.proposal(p.id()).forVotes()).isEqualByComparingTo("100000");

        // for a proposal made after the undelegation, the delegator votes with its own holdings again
        ledger.transfer(ledger.resolve("BTA-GOV"), ledger.treasury(), proposer, Amount.of(1), null, ADMIN);
        var later = signal();
        assertThat(governance.votingPower(later.id(), delegatee).votingPower()).isEqualTo(Amount.of(40000));
        assertThat(governance.votingPower(later.id(), delegator).votingPower()).isEqualTo(Amount.of(60000));
    }

    @Test
    void aHolderWhoNeverDelegatedVotesWithItsOwnHoldings() {
        var holder = voter("12345.678", "100");
        var p = signal();
        var power = governance.votingPower(p.id(), holder);
        assertThat(power.votingPower()).isEqualTo(Amount.of("12345.678"));
        assertThat(power.delegatedAway()).isFalse();
        var undelegate = api.send(
                java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://127.0.0.1:" + port + "/api/governance/delegate"))
                        .DELETE(),
                Api.token(holder.value()),
                null);
        assertThat(undelegate.status()).isEqualTo(200);
        assertThat(undelegate.text("delegateeId")).isNull();
    }

    @Test
    void trustWeightingIsExactForFractionalScores() {
        var v = voter("3", "33.333333");
        var tiny = voter("0.000000000000000001", "0.000001");
        var p = signal();
        advanceTo(p.votingStartsAt());
        var r = api.post("/api/governance/proposals/" + p.id() + "/vote", Api.token(v.value()), json("support", "FOR"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.text("votingPower")).isEqualTo("3");
        assertThat(r.text("trustScore")).isEqualTo("33.333333");
        assertThat(r.text("weight")).isEqualTo("0.99999999");
        vote(tiny, p.id(), "FOR", 201);
        assertThat(governance.proposal(p.id()).forVotes()).isEqualByComparingTo("0.99999999000000000000000001");
        var votes = api.get("/api/governance/proposals/" + p.id() + "/votes?limit=1", Api.token(v.value()));
        assertThat(votes.json().get("items").get(0).get("weight").asString()).isEqualTo("0.99999999");
        var next = api.get(
                "/api/governance/proposals/" + p.id() + "/votes?limit=1&cursor=" + votes.text("nextCursor"),
                Api.token(v.value()));
        assertThat(next.json().get("items").get(0).get("weight").asString()).isEqualTo("0.00000000000000000000000001");
    }

    @Test
    void voteCastCarriesTheWeight() {
        var v = voter("2000", "75");
        var p = signal();
        advanceTo(p.votingStartsAt());
        governance.castVote(p.id(), v, Support.FOR, null);
        var cast = voteCasts(p.id()).stream()
                .filter(e -> e.voterId().equals(v))
                .findFirst()
                .orElseThrow();
        assertThat(cast.weight()).isEqualByComparingTo("1500");
        assertThat(cast.votingPower()).isEqualTo(Amount.of(2000));
    }

    // --- parameters ---

    @Test
    void setParameterChangesAGovernanceSettingForLaterProposals() {
        var a = voter("150000", "100");
        var p = governance.propose(
                proposer,
                "Shorter votes",
                "",
                List.of(new ProposalAction("SET_PARAMETER", Map.of("key", "governance.voting-period", "value", "3s"))));
        advanceTo(p.votingStartsAt());
        vote(a, p.id(), "FOR", 201);
        advanceTo(p.executableAt());
        try {
            governance.execute(p.id(), ADMIN);
            assertThat(events.stream(GovernanceEvents.ProposalExecuted.class)
                            .filter(e -> e.proposalId().equals(p.id().value())))
                    .hasSize(1);
            var next = signal();
            assertThat(Duration.between(next.votingStartsAt(), next.votingEndsAt()))
                    .isEqualTo(Duration.ofSeconds(3));
            assertThat(Duration.between(p.votingStartsAt(), p.votingEndsAt())).isEqualTo(Duration.ofDays(7));
        } finally {
            jdbc.sql("delete from governance_settings where key = 'governance.voting-period'")
                    .update();
        }
    }

    @Test
    void theCatalogListsActionTypesAndGovernedParameters() {
        var r = api.get("/api/governance/parameters", Api.token(proposer.value()));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("actionTypes").toString()).contains("MINT", "TREASURY_TRANSFER", "SET_PARAMETER");
        assertThat(r.body()).contains("governance.voting-period", "governance.quorum-fraction");
    }

    @Test
    void eachGovernedParameterIsListedWithItsValueAndBounds() {
        var r = api.get("/api/governance/parameters", Api.token(proposer.value()));
        assertThat(r.status()).isEqualTo(200);
        var byKey = new java.util.HashMap<String, tools.jackson.databind.JsonNode>();
        r.json().get("parameters").forEach(p -> byKey.put(p.get("key").asString(), p));
        assertThat(byKey).containsKeys("governance.voting-period", "rewards.inflation-rate", "rewards.claim-window");
        byKey.forEach((key, p) -> {
            assertThat(p.get("value").isString()).as(key).isTrue();
            assertThat(p.get("bounds").isString()).as(key).isTrue();
            assertThat(p.get("bounds").asString()).as(key).isNotBlank();
        });
        assertThat(byKey.get("governance.voting-period").get("bounds").asString())
                .isEqualTo("a duration from PT1S to PT2160H");
        assertThat(byKey.get("governance.quorum-fraction").get("bounds").asString())
                .isEqualTo("a decimal from 0 to 1, at most 6 decimals");
        assertThat(byKey.get("rewards.inflation-rate").get("bounds").asString())
                .isEqualTo("a decimal from 0 to 1, at most 8 decimals");
        // a value outside the bounds is refused with the bounds in the message
        var refused = api.post(
                "/api/governance/proposals",
                Api.token(proposer.value()),
                "{\"title\":\"t\",\"actions\":[{\"type\":\"SET_PARAMETER\",\"key\":\"governance.voting-period\",\"value\":\"0s\"}]}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("a duration from PT1S to PT2160H");
    }

    @Test
    void theTallyCheckWritesEveryTallyAsAString() {
        var a = voter("1000", "33.333333");
        var b = voter("3000", "12.5");
        var c = voter("7", "0.000001");
        var p = signal();
        advanceTo(p.votingStartsAt());
        vote(a, p.id(), "FOR", 201);
        vote(b, p.id(), "AGAINST", 201);
        vote(c, p.id(), "ABSTAIN", 201);
        var r = api.post("/api/governance/proposals/" + p.id() + "/verify-tally", Api.adminToken(), null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        var expected = Map.of("For", "333.33333", "Against", "375", "Abstain", "0.00000007");
        expected.forEach((support, tally) -> {
            for (var field : List.of("stored" + support, "counted" + support)) {
                assertThat(r.json().get(field).isString())
                        .as(field + " in " + r.body())
                        .isTrue();
                assertThat(r.text(field)).as(field).isEqualTo(tally);
            }
        });
        assertThat(r.json().get("storedVoterCount").asInt()).isEqualTo(3);
        assertThat(r.json().get("countedVoterCount").asInt()).isEqualTo(3);
        assertThat(r.json().get("consistent").asBoolean()).isTrue();
    }

    @Test
    void theTallyCheckAgreesWithTheVotes() {
        var a = voter("1000", "10");
        var p = signal();
        advanceTo(p.votingStartsAt());
        vote(a, p.id(), "AGAINST", 201);
        var r = api.post("/api/governance/proposals/" + p.id() + "/verify-tally", Api.adminToken(), null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("consistent").asBoolean()).isTrue();
        assertThat(api.post("/api/governance/proposals/" + p.id() + "/verify-tally", Api.token(a.value()), null)
                        .status())
                .isEqualTo(403);
    }

    // --- concurrent votes ---

    @Test
    void concurrentVotesAreAllCountedAndEachVoterVotesOnce() throws Exception {
        var voters = new java.util.ArrayList<EntityId>();
        for (int i = 0; i < 24; i++) {
            voters.add(voter(Integer.toString(1000 + i), Integer.toString(40 + i)));
        }
        var p = signal();
        advanceTo(p.votingStartsAt());
        var statuses = new ConcurrentHashMap<String, List<Integer>>();
        var pool = Executors.newFixedThreadPool(8);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (var v : voters) {
                for (var support : List.of("FOR", "AGAINST")) {
                    futures.add(pool.submit(() -> {
                        var r = api.post(
                                "/api/governance/proposals/" + p.id() + "/vote",
                                Api.token(v.value()),
                                json("support", support));
                        statuses.computeIfAbsent(
                                        v.value(),
                                        k -> java.util.Collections.synchronizedList(new java.util.ArrayList<>()))
                                .add(r.status());
                    }));
                }
            }
            for (var f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        for (var v : voters) {
            assertThat(statuses.get(v.value())).as(v.value()).containsExactlyInAnyOrder(201, 409);
        }
        var expected = BigDecimal.ZERO;
        var forVotes = BigDecimal.ZERO;
        for (var v : voters) {
            var vote = governance.voteOf(p.id(), v).orElseThrow();
            expected = expected.add(vote.weight());
            if (vote.support() == Support.FOR) {
                forVotes = forVotes.add(vote.weight());
            }
        }
        var tallied = governance.proposal(p.id());
        assertThat(tallied.voterCount()).isEqualTo(24);
        assertThat(tallied.forVotes()).isEqualByComparingTo(forVotes);
        assertThat(tallied.forVotes().add(tallied.againstVotes())).isEqualByComparingTo(expected);
    }

    @Test
    void aVoteWaitingOnACancelIsRefusedAndLeavesNoTrace() throws Exception {
        var a = voter("1000", "50");
        var p = signal();
        advanceTo(p.votingStartsAt());
        try (var holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (var lock = holder.prepareStatement(
                    "update governance_proposals set canceled_at = now(), canceled_by = 'admin' where id = ?")) {
                lock.setObject(1, p.id().value());
                assertThat(lock.executeUpdate()).isEqualTo(1);
            }
            var pool = Executors.newSingleThreadExecutor();
            try {
                // The vote reads the proposal as ACTIVE (the cancel is not committed), then waits for
                // the row lock to count itself.
                var answer = pool.submit(() -> api.post(
                        "/api/governance/proposals/" + p.id() + "/vote", Api.token(a.value()), json("support", "FOR")));
                var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (jdbc.sql(
                                        "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like 'update governance_proposals%'")
                                .query(Integer.class)
                                .single()
                        == 0) {
                    assertThat(System.nanoTime())
                            .as("the vote waits for the lock")
                            .isLessThan(deadline);
                    Thread.onSpinWait();
                }
                holder.commit();
                var r = answer.get(30, TimeUnit.SECONDS);
                assertThat(r.status()).as(r.body()).isEqualTo(409);
                assertThat(r.code()).isEqualTo("VOTING_NOT_OPEN");
                assertThat(r.text("detail")).contains("canceled");
            } finally {
                pool.shutdownNow();
            }
        }
        assertThat(governance.voteOf(p.id(), a)).isEmpty();
        assertThat(governance.proposal(p.id()).voterCount()).isZero();
    }

    /** Waits until the vote committer is blocked on a proposal row's lock and n votes queue behind it. */
    void awaitBlockedCommitterWith(int queued) {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (jdbc.sql(
                                        "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%update governance_proposals%'")
                                .query(Integer.class)
                                .single()
                        == 0
                || meters.get("governance.vote_commit.queued").gauge().value() < queued) {
            assertThat(System.nanoTime())
                    .as("the committer waits for the lock with " + queued + " votes queued")
                    .isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void votesQueuedTogetherAreRecordedInOneTransactionAndARepeatedVoterIsRefusedAlone() throws Exception {
        var a = voter("1000", "50");
        var b = voter("2000", "50");
        var c = voter("3000", "100");
        var d = voter("4000", "25");
        var p = signal();
        var q = signal();
        advanceTo(q.votingStartsAt());
        var pool = Executors.newFixedThreadPool(5);
        try (var holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (var lock =
                    holder.prepareStatement("select 1 from governance_proposals where id = ? for no key update")) {
                lock.setObject(1, p.id().value());
                lock.executeQuery();
            }
            // The committer takes a's vote alone and waits for p's row; the others queue meanwhile.
            var first = pool.submit(() -> governance.castVote(p.id(), a, Support.FOR, null));
            awaitBlockedCommitterWith(0);
            var queued = List.of(
                    pool.submit(() -> governance.castVote(q.id(), b, Support.FOR, null)),
                    pool.submit(() -> governance.castVote(q.id(), c, Support.AGAINST, "no")),
                    pool.submit(() -> governance.castVote(q.id(), d, Support.ABSTAIN, null)),
                    pool.submit(() -> governance.castVote(q.id(), b, Support.AGAINST, "again")));
            awaitBlockedCommitterWith(4);
            holder.rollback();
            assertThat(first.get(30, TimeUnit.SECONDS).weight()).isEqualByComparingTo("500");
            int refused = 0;
            for (var f : queued) {
                try {
                    f.get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(DomainProblem.class);
                    assertThat(((DomainProblem) e.getCause()).code()).isEqualTo("ALREADY_VOTED");
                    refused++;
                }
            }
            assertThat(refused).as("b's second vote").isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        var writers = jdbc.sql("select distinct xmin::text from governance_votes where proposal_id = ?")
                .param(q.id().value())
                .query(String.class)
                .list();
        assertThat(writers)
                .as("the three votes on q were recorded by one transaction")
                .hasSize(1);
        var tallied = governance.proposal(q.id());
        assertThat(tallied.voterCount()).isEqualTo(3);
        assertThat(tallied.forVotes().add(tallied.againstVotes()))
                .isEqualByComparingTo("4000"); // 2000×50/100 + 3000×100/100, whichever of b's votes won
        assertThat(tallied.abstainVotes()).isEqualByComparingTo("1000");
        assertThat(voteCasts(q.id())).hasSize(3);
    }

    @Test
    void aProposalClosedUnderABatchRefusesOnlyItsOwnVotes() throws Exception {
        var a = voter("1000", "50");
        var b = voter("2000", "50");
        var e = voter("3000", "50");
        var p = signal();
        var q = signal();
        advanceTo(q.votingStartsAt());
        var pool = Executors.newFixedThreadPool(3);
        try (var holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (var cancel = holder.prepareStatement(
                    "update governance_proposals set canceled_at = now(), canceled_by = 'admin' where id = ?")) {
                cancel.setObject(1, p.id().value());
                assertThat(cancel.executeUpdate()).isEqualTo(1);
            }
            // Every vote reads p as ACTIVE (the cancel is not committed yet).
            var first = pool.submit(() -> governance.castVote(p.id(), a, Support.FOR, null));
            awaitBlockedCommitterWith(0);
            var onQ = pool.submit(() -> governance.castVote(q.id(), b, Support.FOR, null));
            var onP = pool.submit(() -> governance.castVote(p.id(), e, Support.FOR, null));
            awaitBlockedCommitterWith(2);
            holder.commit();
            for (var refused : List.of(first, onP)) {
                assertThatThrownBy(() -> refused.get(30, TimeUnit.SECONDS))
                        .cause()
                        .isInstanceOf(DomainProblem.class)
                        .hasMessageContaining("canceled");
            }
            assertThat(onQ.get(30, TimeUnit.SECONDS).weight()).isEqualByComparingTo("1000");
        } finally {
            pool.shutdownNow();
        }
        assertThat(governance.proposal(p.id()).voterCount()).isZero();
        assertThat(governance.voteOf(p.id(), a)).isEmpty();
        assertThat(governance.voteOf(p.id(), e)).isEmpty();
        assertThat(voteCasts(p.id())).isEmpty();
        assertThat(governance.proposal(q.id()).voterCount()).isEqualTo(1);
        assertThat(governance.proposal(q.id()).forVotes()).isEqualByComparingTo("1000");
    }

    /**
     * The votes the proposal's VotesCast events carry (votes are recorded, and their events
     * published, on the vote committer's thread, so they are read from the publication registry).
     */
    List<VoteCast> voteCasts(ProposalId proposalId) {
        return jdbc
                .sql(
                        """
                        select distinct serialized_event from event_publication
                        where event_type = ? and serialized_event like ?
                        """)
                .param(VotesCast.class.getName())
                .param("%" + proposalId + "%")
                .query(String.class)
                .list()
                .stream()
                .flatMap(json -> jsonMapper.readValue(json, VotesCast.class).votes().stream())
                .filter(v -> v.proposalId().equals(proposalId.value()))
                .toList();
    }
}
