package io.bta.tokenomics.rewards;

import static io.bta.tokenomics.support.Api.adminToken;
import static io.bta.tokenomics.support.Api.json;
import static io.bta.tokenomics.support.Api.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.governance.GovernedParameter;
import io.bta.tokenomics.governance.GovernedParameters;
import io.bta.tokenomics.governance.Support;
import io.bta.tokenomics.governance.VoteCast;
import io.bta.tokenomics.governance.VotesCast;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import io.bta.tokenomics.support.Invariants;
import io.bta.tokenomics.support.MutableClock;
import io.bta.tokenomics.trust.Trust;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class RewardsApiTest {

    static final EntityId ADMIN = EntityId.of("admin");

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Autowired
    Rewards rewards;

    @Autowired
    Trust trust;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    List<GovernedParameters> registered;

    List<GovernedParameter> parameters;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    Api api;
    String alice;
    String bob;
    String aliceToken;
    String serviceToken;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        parameters = registered.stream().flatMap(r -> r.all().stream()).toList();
        ledger.initializeTokens(ADMIN);
        alice = "alice-" + UUID.randomUUID();
        bob = "bob-" + UUID.randomUUID();
        aliceToken = token(alice);
        serviceToken = token("learning-service", "SERVICE");
    }

    @AfterEach
    void invariantsHold() {
        Invariants.assertHold(jdbc);
        RewardInvariants.assertHold(jdbc);
    }

    GovernedParameter parameter(String key) {
        return parameters.stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow();
    }

    /** Sets a governed parameter for the duration of a test body, then restores it. */
    void withParameter(String key, String value, Runnable body) {
        var p = parameter(key);
        var previous = p.currentValue();
        p.apply(value);
        try {
            body.run();
        } finally {
            p.apply(previous);
        }
    }

    Amount rewardBalance(String entity) {
        return ledger.balance(EntityId.of(entity), ledger.resolve("BTA-REWARD")).available();
    }

    Api.Response learning(String entity, String course) {
        return api.post("/api/rewards/triggers/learning", serviceToken, json("entityId", entity, "courseId", course));
    }

    Amount emission(String field) {
        return Amount.parse(api.get("/api/rewards/emission", aliceToken).text(field));
    }

    // --- triggers and policies ---

    @Test
    void learningPaysThePolicyAmountOnceAndRecordsTheTrustScore() {
        trust.record(EntityId.of(alice), new BigDecimal("80"), ADMIN);
        var reservedBefore = emission("reserved");

        var first = learning(alice, "course-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.text("recipientId")).isEqualTo(alice);
        assertThat(first.text("amount")).isEqualTo("10");
        assertThat(first.text("symbol")).isEqualTo("BTA-REWARD");
        assertThat(first.text("type")).isEqualTo("LEARNING");
        assertThat(first.text("sourceRef")).isEqualTo("course-1");
        assertThat(first.text("status")).isEqualTo("PENDING");
        assertThat(first.json().get("trustScore").decimalValue()).isEqualByComparingTo("80");
        assertThat(first.json().get("claimedAt").isNull()).isTrue();
        assertThat(first.json().get("expiresAt").isNull()).isTrue();

        var repeat = learning(alice, "course-1");
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.text("id")).isEqualTo(first.text("id"));
        assertThat(emission("reserved")).isEqualTo(reservedBefore.plus(Amount.of(10)));

        var level = api.post(
                "/api/rewards/triggers/learning",
                serviceToken,
                json("entityId", alice, "courseId", "course-1", "level", "advanced"));
        assertThat(level.status()).isEqualTo(201);
        assertThat(level.text("sourceRef")).isEqualTo("course-1#advanced");
        assertThat(rewardBalance(alice)).isEqualTo(Amount.ZERO);
    }

    @Test
    void transactionPaysAFractionOfTheValueCappedPerTransaction() {
        var small = api.post(
                "/api/rewards/triggers/transaction",
                serviceToken,
                json("entityId", alice, "transactionRef", "tx-1", "transactionValue", "5000"));
        assertThat(small.status()).isEqualTo(201);
        assertThat(small.text("amount")).isEqualTo("5");
        assertThat(small.text("type")).isEqualTo("TRANSACTION");

        var large = api.post(
                "/api/rewards/triggers/transaction",
                serviceToken,
                json("entityId", alice, "transactionRef", "tx-2", "transactionValue", "1000000"));
        assertThat(large.status()).isEqualTo(201);
        assertThat(large.text("amount")).isEqualTo("100");

        var bad = api.post(
                "/api/rewards/triggers/transaction",
                serviceToken,
                json("entityId", alice, "transactionRef", "tx-3", "transactionValue", "-1"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("INVALID_INPUT");
    }

    @Test
    void referralPaysTheReferrerOncePerReferee() {
        var referee = "referee-" + UUID.randomUUID();
        var first = api.post(
                "/api/rewards/triggers/referral", serviceToken, json("referrerId", alice, "refereeId", referee));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.text("amount")).isEqualTo("5");
        assertThat(first.text("recipientId")).isEqualTo(alice);
        assertThat(first.text("sourceRef")).isEqualTo(referee);

        var again = api.post(
                "/api/rewards/triggers/referral", serviceToken, json("referrerId", alice, "refereeId", referee));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("id")).isEqualTo(first.text("id"));

        var other =
                api.post("/api/rewards/triggers/referral", serviceToken, json("referrerId", bob, "refereeId", referee));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.code()).isEqualTo("REFEREE_ALREADY_REFERRED");

        var self =
                api.post("/api/rewards/triggers/referral", serviceToken, json("referrerId", alice, "refereeId", alice));
        assertThat(self.status()).isEqualTo(400);
    }

    @Test
    void belowTheMinimumTrustATriggerIsRefusedWithTheReason() {
        trust.record(EntityId.of(alice), new BigDecimal("40"), ADMIN);
        trust.record(EntityId.of(bob), new BigDecimal("60"), ADMIN);
        withParameter("rewards.learning.min-trust", "50", () -> {
            var refused = learning(alice, "course-x");
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.code()).isEqualTo("TRUST_TOO_LOW");
            assertThat(refused.text("detail")).contains("40").contains("50").contains("LEARNING");
            assertThat(learning(bob, "course-x").status()).isEqualTo(201);
            var policy = api.get("/api/rewards/policies", aliceToken);
            assertThat(policy.json().get(1).get("type").asString()).isEqualTo("LEARNING");
            assertThat(policy.json().get(1).get("minTrust").decimalValue()).isEqualByComparingTo("50");
        });
        assertThat(jdbc.sql("select count(*) from rewards where recipient_id = ?")
                        .param(alice)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aTrustBoostScalesTheAmountAndRoundsDown() {
        trust.record(EntityId.of(alice), new BigDecimal("80"), ADMIN);
        trust.record(EntityId.of(bob), new BigDecimal("33.333333"), ADMIN);
        withParameter("rewards.learning.trust-boost", "0.5", () -> {
            // 10 × (1 + 0.5 × 0.8)
            assertThat(learning(alice, "course-b").text("amount")).isEqualTo("14");
            // 10 × (1 + 0.5 × 0.33333333), exactly 11.6666666500, no rounding needed
            assertThat(learning(bob, "course-b").text("amount")).isEqualTo("11.66666665");
        });
        withParameter("rewards.governance.trust-boost", "0.3", () -> {
            // 1 × (1 + 0.3 × 0.33333333) = 1.099999999, exact
            assertThat(rewards.rewardGovernance(EntityId.of(bob), UUID.randomUUID())
                            .reward()
                            .amount())
                    .isEqualTo(Amount.of("1.099999999"));
            withParameter("rewards.governance.amount", "0.000000000000000003", () -> {
                // 3 units × (1 + 0.3 × 0.8) = 3.72 units: rounded down to 3, not to the nearest (4)
                assertThat(rewards.rewardGovernance(EntityId.of(alice), UUID.randomUUID())
                                .reward()
                                .amount())
                        .isEqualTo(Amount.of("0.000000000000000003"));
            });
        });
        withParameter("rewards.transaction.trust-boost", "1", () -> {
            // 0.001 × 90000 = 90, × 1.8 = 162: the cap (100) applies after the boost
            assertThat(rewards.rewardTransaction(EntityId.of(alice), "tx-boost", Amount.of(90000))
                            .reward()
                            .amount())
                    .isEqualTo(Amount.of(100));
        });
    }

    @Test
    void governanceParametersRefuseValuesOutOfBounds() {
        assertThat(parameters.stream().map(GovernedParameter::key))
                .contains(
                        "rewards.inflation-rate",
                        "rewards.learning.amount",
                        "rewards.transaction.cap",
                        "rewards.claim-window");
        assertThat(parameters.stream().map(GovernedParameter::key))
                .allMatch(k -> k.startsWith("rewards.") || !k.startsWith("rewards"));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> parameter("rewards.inflation-rate").validate("1.5"))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> parameter("rewards.learning.amount").validate("0"))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> parameter("rewards.learning.min-trust").validate("101"))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> parameter("rewards.claim-window").validate("soon"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(parameter("rewards.inflation-rate").currentValue()).isEqualTo("0.05");
        assertThat(parameter("rewards.learning.amount").currentValue()).isEqualTo("10");
    }

    // --- direct distribution ---

    @Test
    void adminsAndServicesDistributeWithOrWithoutAnAmount() {
        var manual = api.post(
                "/api/rewards",
                adminToken(),
                json(
                        "recipientId",
                        alice,
                        "type",
                        "MANUAL",
                        "sourceRef",
                        "bonus-1",
                        "amount",
                        "7.5",
                        "reason",
                        "thanks"));
        assertThat(manual.status()).isEqualTo(201);
        assertThat(manual.text("amount")).isEqualTo("7.5");
        assertThat(manual.text("reason")).isEqualTo("thanks");

        var noAmount = api.post(
                "/api/rewards", adminToken(), json("recipientId", alice, "type", "MANUAL", "sourceRef", "bonus-2"));
        assertThat(noAmount.status()).isEqualTo(422);
        assertThat(noAmount.code()).isEqualTo("REWARD_AMOUNT_REQUIRED");

        var fromPolicy = api.post(
                "/api/rewards",
                serviceToken,
                json("recipientId", alice, "type", "referral", "sourceRef", "referee-" + UUID.randomUUID()));
        assertThat(fromPolicy.status()).isEqualTo(201);
        assertThat(fromPolicy.text("amount")).isEqualTo("5");

        var notAllowed = api.post(
                "/api/rewards",
                aliceToken,
                json("recipientId", alice, "type", "MANUAL", "sourceRef", "self", "amount", "1000"));
        assertThat(notAllowed.status()).isEqualTo(403);
        assertThat(api.post("/api/rewards/triggers/learning", aliceToken, json("entityId", alice, "courseId", "c"))
                        .status())
                .isEqualTo(403);

        var invalid = api.post(
                "/api/rewards",
                adminToken(),
                json("recipientId", "not valid!", "type", "BOGUS", "sourceRef", "", "amount", "0"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").size()).isEqualTo(4);
    }

    // --- claims ---

    @Test
    void theRecipientClaimsOnceAndTheAmountIsMinted() {
        var reward = learning(alice, "course-claim");
        var id = reward.text("id");
        var mintedBefore = emission("minted");
        var reservedBefore = emission("reserved");

        assertThat(api.post("/api/rewards/" + id + "/claim", token(bob), null).status())
                .isEqualTo(403);
        var byAdmin = api.post("/api/rewards/" + id + "/claim", adminToken(), null);
        assertThat(byAdmin.status()).isEqualTo(403);
        assertThat(byAdmin.code()).isEqualTo("NOT_RECIPIENT");

        var claimed = api.post("/api/rewards/" + id + "/claim", aliceToken, null);
        assertThat(claimed.status()).isEqualTo(200);
        assertThat(claimed.text("status")).isEqualTo("CLAIMED");
        assertThat(claimed.text("claimedAt")).isNotNull();
        assertThat(rewardBalance(alice)).isEqualTo(Amount.of(10));
        assertThat(emission("minted")).isEqualTo(mintedBefore.plus(Amount.of(10)));
        assertThat(emission("reserved")).isEqualTo(reservedBefore.minus(Amount.of(10)));

        var again = api.post("/api/rewards/" + id + "/claim", aliceToken, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("REWARD_NOT_PENDING");
        assertThat(rewardBalance(alice)).isEqualTo(Amount.of(10));

        assertThat(api.post("/api/rewards/" + UUID.randomUUID() + "/claim", aliceToken, null)
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/rewards/not-a-uuid/claim", aliceToken, null).status())
                .isEqualTo(400);
    }

    @Test
    void anExpiredRewardCannotBeClaimedAndItsReservationIsReleased() {
        var reservedBefore = emission("reserved");
        String first;
        String second;
        var window = parameter("rewards.claim-window");
        var previous = window.currentValue();
        window.apply("PT1H");
        try {
            first = learning(alice, "course-expiring").text("id");
            var secondReward = learning(bob, "course-expiring");
            second = secondReward.text("id");
            assertThat(Instant.parse(secondReward.text("expiresAt")))
                    .isEqualTo(Instant.parse(secondReward.text("createdAt")).plus(Duration.ofHours(1)));
        } finally {
            window.apply(previous);
        }
        assertThat(emission("reserved")).isEqualTo(reservedBefore.plus(Amount.of(20)));

        clock.advance(Duration.ofMinutes(61));

        // Read lazily as EXPIRED before the job runs.
        var listed = api.get("/api/rewards?status=EXPIRED", token(bob));
        assertThat(listed.json().get("items").size()).isEqualTo(1);
        assertThat(listed.json().get("items").get(0).get("id").asString()).isEqualTo(second);

        var claim = api.post("/api/rewards/" + first + "/claim", aliceToken, null);
        assertThat(claim.status()).isEqualTo(409);
        assertThat(claim.text("rewardStatus")).isEqualTo("EXPIRED");
        assertThat(claim.json().get("status").asInt()).isEqualTo(409);
        assertThat(rewardBalance(alice)).isEqualTo(Amount.ZERO);
        assertThat(emission("reserved")).isEqualTo(reservedBefore.plus(Amount.of(10)));

        assertThat(rewards.expireDue()).isGreaterThanOrEqualTo(1);
        assertThat(emission("reserved")).isEqualTo(reservedBefore);
        assertThat(jdbc.sql("select status from rewards where id = ?::uuid")
                        .param(second)
                        .query(String.class)
                        .single())
                .isEqualTo("EXPIRED");
    }

    // --- history, totals, routes ---

    @Test
    void historyIsPagedAndFilteredAndOnlyForTheOwnerOrAnAdmin() {
        var c1 = learning(alice, "c1").text("id");
        learning(alice, "c2");
        api.post(
                "/api/rewards/triggers/referral",
                serviceToken,
                json("referrerId", alice, "refereeId", "referee-" + UUID.randomUUID()));
        api.post("/api/rewards/" + c1 + "/claim", aliceToken, null);

        var page1 = api.get("/api/rewards?limit=2", aliceToken);
        assertThat(page1.status()).isEqualTo(200);
        assertThat(page1.json().get("items").size()).isEqualTo(2);
        var cursor = page1.text("nextCursor");
        assertThat(cursor).isNotNull();
        var page2 = api.get("/api/rewards?limit=2&cursor=" + cursor, aliceToken);
        assertThat(page2.json().get("items").size()).isEqualTo(1);
        assertThat(page2.json().get("nextCursor").isNull()).isTrue();
        var ids = new HashSet<String>();
        page1.json().get("items").forEach(n -> ids.add(n.get("id").asString()));
        page2.json().get("items").forEach(n -> ids.add(n.get("id").asString()));
        assertThat(ids).hasSize(3).contains(c1);

        var claimed = api.get("/api/rewards/" + alice + "?status=claimed", aliceToken);
        assertThat(claimed.json().get("items").size()).isEqualTo(1);
        assertThat(claimed.json().get("items").get(0).get("id").asString()).isEqualTo(c1);
        var referrals = api.get("/api/rewards/" + alice + "?type=REFERRAL", adminToken());
        assertThat(referrals.status()).isEqualTo(200);
        assertThat(referrals.json().get("items").size()).isEqualTo(1);

        var other = api.get("/api/rewards/" + alice, token(bob));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.code()).isEqualTo("NOT_OWNER");
        assertThat(api.get("/api/rewards/" + alice + "/totals", token(bob)).status())
                .isEqualTo(403);
        assertThat(api.get("/api/rewards?limit=0", aliceToken).status()).isEqualTo(400);
        assertThat(api.get("/api/rewards?limit=101", aliceToken).status()).isEqualTo(400);
        assertThat(api.get("/api/rewards?status=LOST", aliceToken).status()).isEqualTo(400);
        assertThat(api.get("/api/rewards?cursor=@@@", aliceToken).status()).isEqualTo(400);
    }

    @Test
    void literalPathsAreNotTakenForARecipient() {
        var policies = api.get("/api/rewards/policies", aliceToken);
        assertThat(policies.status()).isEqualTo(200);
        assertThat(policies.json().size()).isEqualTo(6);
        var learningPolicy = policies.json().get(1);
        assertThat(learningPolicy.get("amount").asString()).isEqualTo("10");
        var transactionPolicy = policies.json().get(0);
        assertThat(transactionPolicy.get("type").asString()).isEqualTo("TRANSACTION");
        assertThat(transactionPolicy.get("rate").decimalValue()).isEqualByComparingTo("0.001");
        assertThat(transactionPolicy.get("cap").asString()).isEqualTo("100");

        var emission = api.get("/api/rewards/emission", aliceToken);
        assertThat(emission.status()).isEqualTo(200);
        for (var field :
                List.of("epoch", "startsAt", "endsAt", "budget", "minted", "reserved", "remaining", "inflationRate")) {
            assertThat(emission.json().has(field)).as(field).isTrue();
        }
        assertThat(emission.json().get("inflationRate").decimalValue()).isEqualByComparingTo("0.05");
        assertThat(Amount.parse(emission.text("budget"))).isGreaterThanOrEqualTo(Amount.of(50_000_000));
        assertThat(emission("remaining"))
                .isEqualTo(emission("budget").minus(emission("minted")).minus(emission("reserved")));

        var trigger = api.get("/api/rewards/triggers/learning", serviceToken);
        assertThat(trigger.status()).isEqualTo(405);
    }

    @Test
    void totalsEqualTheSumOfTheRecords() {
        var a = learning(alice, "t1").text("id");
        learning(alice, "t2");
        api.post(
                "/api/rewards/triggers/transaction",
                serviceToken,
                json("entityId", alice, "transactionRef", "tx-t", "transactionValue", "1234.5"));
        api.post("/api/rewards/" + a + "/claim", aliceToken, null);

        var totals = api.get("/api/rewards/" + alice + "/totals", aliceToken);
        assertThat(totals.status()).isEqualTo(200);
        var token = totals.json().get("tokens").get(0);
        assertThat(totals.json().get("tokens").size()).isEqualTo(1);
        assertThat(token.get("symbol").asString()).isEqualTo("BTA-REWARD");

        var items = api.get("/api/rewards?limit=100", aliceToken).json().get("items");
        var claimed = Amount.ZERO;
        var pending = Amount.ZERO;
        for (var item : items) {
            var amount = Amount.parse(item.get("amount").asString());
            if (item.get("status").asString().equals("CLAIMED")) {
                claimed = claimed.plus(amount);
            } else {
                pending = pending.plus(amount);
            }
        }
        assertThat(Amount.parse(token.get("claimed").asString()))
                .isEqualTo(claimed)
                .isEqualTo(Amount.of(10));
        assertThat(Amount.parse(token.get("pending").asString()))
                .isEqualTo(pending)
                .isEqualTo(Amount.of("11.2345"));
        assertThat(Amount.parse(token.get("distributed").asString())).isEqualTo(claimed.plus(pending));
        assertThat(token.get("count").asLong()).isEqualTo(items.size());
        var byType = token.get("byType");
        assertThat(byType.size()).isEqualTo(2);
        var sumOfTypes = Amount.ZERO;
        for (var t : byType) {
            sumOfTypes = sumOfTypes.plus(Amount.parse(t.get("distributed").asString()));
        }
        assertThat(sumOfTypes).isEqualTo(claimed.plus(pending));
        assertThat(rewardBalance(alice)).isEqualTo(claimed);
    }

    // --- the emission budget covers every mint of BTA-REWARD ---

    @Test
    void anAdminMintBeyondTheBudgetIsRefusedAndAMintWithinItIsCounted() {
        var remaining = emission("remaining");
        var oneUnitTooMuch = Amount.ofUnits(remaining.units().add(BigInteger.ONE));
        var refused = api.post(
                "/api/tokens/mint",
                adminToken(),
                json("entityId", alice, "tokenId", "BTA-REWARD", "amount", oneUnitTooMuch.toString()));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("EMISSION_BUDGET_EXCEEDED");
        assertThat(refused.text("budget")).isEqualTo(emission("budget").toString());
        assertThat(refused.text("remaining")).isEqualTo(remaining.toString());
        assertThat(rewardBalance(alice)).isEqualTo(Amount.ZERO);

        var minted = emission("minted");
        var ok = api.post(
                "/api/tokens/mint", adminToken(), json("entityId", alice, "tokenId", "BTA-REWARD", "amount", "3"));
        assertThat(ok.status()).isEqualTo(201);
        assertThat(emission("minted")).isEqualTo(minted.plus(Amount.of(3)));

        // Other tokens are not the budget's business.
        assertThat(api.post(
                                "/api/tokens/mint",
                                adminToken(),
                                json("entityId", alice, "tokenId", "BTA-GUAR", "amount", oneUnitTooMuch.toString()))
                        .status())
                .isEqualTo(201);
    }

    // --- governance votes ---

    @Test
    void aVotePaysOneGovernanceRewardEvenIfTheEventComesTwice() throws InterruptedException {
        var proposal = UUID.randomUUID();
        // The same vote delivered twice (say, a re-cast). The two events differ in castAt: the
        // publication registry tells publications apart by their serialized form.
        var vote = new VoteCast(
                proposal,
                EntityId.of(alice),
                Support.FOR,
                Amount.of(100),
                new BigDecimal("50"),
                new BigDecimal("50"),
                clock.instant());
        var again = new VoteCast(
                proposal,
                EntityId.of(alice),
                Support.AGAINST,
                Amount.of(100),
                new BigDecimal("50"),
                new BigDecimal("50"),
                clock.instant().plusMillis(1));
        transactions.executeWithoutResult(s -> events.publishEvent(new VotesCast(List.of(vote))));
        transactions.executeWithoutResult(s -> events.publishEvent(new VotesCast(List.of(again))));

        long open = awaitListeners(proposal);
        var published = jdbc.sql("select count(*) from event_publication where serialized_event like ?")
                .param("%" + proposal + "%")
                .query(Long.class)
                .single();
        assertThat(published).isGreaterThanOrEqualTo(2);
        assertThat(open).as("event publications still incomplete").isZero();

        var items = api.get("/api/rewards?type=GOVERNANCE", aliceToken).json().get("items");
        assertThat(items.size()).isEqualTo(1);
        assertThat(items.get(0).get("sourceRef").asString()).isEqualTo(proposal.toString());
        assertThat(items.get(0).get("amount").asString()).isEqualTo("1");
        assertThat(items.get(0).get("status").asString()).isEqualTo("PENDING");
    }

    /** Waits until no publication of an event naming {@code proposal} is incomplete; the count left. */
    long awaitListeners(UUID proposal) throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long open;
        do {
            Thread.sleep(50); // waits for the asynchronous listener only; time itself is not moved
            open = jdbc.sql(
                            """
                    select count(*) from event_publication
                    where serialized_event like ? and completion_date is null
                    """)
                    .param("%" + proposal + "%")
                    .query(Long.class)
                    .single();
        } while (open > 0 && System.nanoTime() < deadline);
        return open;
    }

    @Test
    void aVoteThePolicyRefusesPaysNothingAndItsEventStillCompletes() throws InterruptedException {
        // The refusal rolls back to a savepoint inside the listener's transaction: the listener then
        // completes normally (its publication is marked complete), with no reward and nothing else.
        trust.record(EntityId.of(alice), new BigDecimal("10"), ADMIN);
        var proposal = UUID.randomUUID();
        var vote = new VoteCast(
                proposal,
                EntityId.of(alice),
                Support.FOR,
                Amount.of(100),
                new BigDecimal("10"),
                new BigDecimal("10"),
                clock.instant());
        withParameter("rewards.governance.min-trust", "90", () -> {
            transactions.executeWithoutResult(s -> events.publishEvent(new VotesCast(List.of(vote))));
            try {
                assertThat(awaitListeners(proposal))
                        .as("event publications still incomplete")
                        .isZero();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(api.get("/api/rewards?type=GOVERNANCE", aliceToken)
                        .json()
                        .get("items")
                        .size())
                .isZero();
        assertThat(jdbc.sql("select count(*) from rewards where recipient_id = ?")
                        .param(alice)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void votesRewardedTogetherBeyondTheBudgetAreGrantedOneByOneAsFarAsItGoes() {
        var voters = List.of(EntityId.of(alice), EntityId.of(bob), EntityId.of("carol-" + UUID.randomUUID()));
        var proposal = UUID.randomUUID();
        var votes = voters.stream()
                .map(v -> new Rewards.GovernanceVote(v, proposal))
                .toList();
        // Everything below runs in one transaction that is rolled back at the end, so that the
        // exhausted budget does not reach the other tests.
        var marker = new IllegalStateException("roll back");
        try {
            transactions.executeWithoutResult(s -> {
                int epoch = rewards.emission().epoch();
                jdbc.sql("update rewards_epochs set reserved = budget - minted - 2 where epoch = ?")
                        .param(epoch)
                        .update();
                // Three rewards of 1 each do not fit in the 2 left together: each then goes alone.
                assertThat(rewards.rewardGovernance(votes)).isEqualTo(2);
                assertThat(jdbc.sql("select count(*) from rewards where type = 'GOVERNANCE' and source_ref = ?")
                                .param(proposal.toString())
                                .query(Long.class)
                                .single())
                        .isEqualTo(2);
                assertThat(rewards.emission().remaining()).isEqualTo(Amount.ZERO);
                // A second delivery of the same votes creates nothing and reserves nothing.
                assertThat(rewards.rewardGovernance(votes)).isZero();
                throw marker;
            });
        } catch (IllegalStateException e) {
            assertThat(e).isSameAs(marker);
        }
    }

    @Test
    void votesRewardedTogetherWithinTheBudgetAreGrantedInOneGoAndOnceEach() {
        var voters = List.of(EntityId.of(alice), EntityId.of(bob));
        var proposal = UUID.randomUUID();
        var votes = voters.stream()
                .map(v -> new Rewards.GovernanceVote(v, proposal))
                .toList();
        var reserved = emission("reserved");
        assertThat(rewards.rewardGovernance(votes)).isEqualTo(2);
        assertThat(rewards.rewardGovernance(votes)).isZero();
        assertThat(emission("reserved")).isEqualTo(reserved.plus(Amount.of(2)));
        for (var voter : voters) {
            var items = api.get("/api/rewards?type=GOVERNANCE", token(voter.value()))
                    .json()
                    .get("items");
            assertThat(items.size()).isEqualTo(1);
            assertThat(items.get(0).get("sourceRef").asString()).isEqualTo(proposal.toString());
            assertThat(items.get(0).get("status").asString()).isEqualTo("PENDING");
        }
    }
}
