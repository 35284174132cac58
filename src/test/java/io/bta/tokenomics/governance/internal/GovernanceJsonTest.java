package io.bta.tokenomics.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.governance.Governance;
import io.bta.tokenomics.governance.Proposal;
import io.bta.tokenomics.governance.ProposalAction;
import io.bta.tokenomics.governance.ProposalId;
import io.bta.tokenomics.governance.ProposalStatus;
import io.bta.tokenomics.governance.Support;
import io.bta.tokenomics.governance.Tally;
import io.bta.tokenomics.governance.Vote;
import io.bta.tokenomics.governance.VotingPower;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.web.AmountJson;
import io.bta.tokenomics.shared.web.EntityIdJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The JSON the governance API answers, written from the facade's records: field names and their
 * order, decimals as plain strings, ids as strings, actions flat. No Spring: the serializers the
 * service registers, on a plain mapper.
 */
class GovernanceJsonTest {

    static final ProposalId ID = ProposalId.of("0190f3a2-7c1e-7a44-8f6b-2d3c4e5f6a7b");
    static final EntityId ALICE = EntityId.of("alice");
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static final JsonMapper JSON = JsonMapper.builder()
            .addModule(new SimpleModule()
                    .addSerializer(ProposalId.class, new GovernanceJson.ProposalIdSerializer())
                    .addSerializer(EntityId.class, new EntityIdJson.Serializer())
                    .addSerializer(Amount.class, new AmountJson.Serializer()))
            .build();

    static JsonNode json(Object value) {
        return JSON.readTree(JSON.writeValueAsString(value));
    }

    static List<String> names(JsonNode node) {
        var names = new ArrayList<String>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    static Proposal proposal(List<ProposalAction> actions) {
        return new Proposal(
                ID,
                "Raise the quorum",
                "",
                ALICE,
                ProposalStatus.ACTIVE,
                actions,
                41,
                7,
                T0,
                T0.plusSeconds(60),
                T0.plusSeconds(120),
                T0.plusSeconds(180),
                T0.plusSeconds(240),
                new BigDecimal("4E+1"),
                new BigDecimal("0.000000000000000000000001"),
                BigDecimal.ZERO,
                new BigDecimal("12.50"),
                2,
                null,
                null);
    }

    static Vote vote() {
        return new Vote(
                ID, ALICE, Support.FOR, Amount.of("1000"), new BigDecimal("72.5"), new BigDecimal("7.25E+2"), null, T0);
    }

    @Test
    void aProposalIsWrittenFlatWithTheCallersVoteLast() {
        var node = json(new GovernanceController.ProposalView(
                proposal(List.of(new ProposalAction("SET_PARAMETER", Map.of("key", "k", "value", "0.05")))), vote()));
        assertThat(names(node))
                .containsExactly(
                        "id",
                        "title",
                        "description",
                        "proposerId",
                        "status",
                        "actions",
                        "snapshotSequence",
                        "delegationSequence",
                        "createdAt",
                        "votingStartsAt",
                        "votingEndsAt",
                        "executableAt",
                        "expiresAt",
                        "quorum",
                        "forVotes",
                        "againstVotes",
                        "abstainVotes",
                        "voterCount",
                        "executedAt",
                        "canceledAt",
                        "myVote");
        assertThat(node.get("id").asString()).isEqualTo(ID.toString());
        assertThat(node.get("proposerId").asString()).isEqualTo("alice");
        assertThat(node.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(node.get("snapshotSequence").asLong()).isEqualTo(41);
        assertThat(node.get("quorum").isString()).isTrue();
        assertThat(node.get("quorum").asString()).isEqualTo("40");
        assertThat(node.get("forVotes").asString()).isEqualTo("0.000000000000000000000001");
        assertThat(node.get("againstVotes").asString()).isEqualTo("0");
        assertThat(node.get("abstainVotes").asString()).isEqualTo("12.50");
        assertThat(node.get("executedAt").isNull()).isTrue();
        var action = node.get("actions").get(0);
        assertThat(names(action).get(0)).isEqualTo("type");
        assertThat(action.get("type").asString()).isEqualTo("SET_PARAMETER");
        assertThat(action.get("key").asString()).isEqualTo("k");
        assertThat(action.get("value").asString()).isEqualTo("0.05");
        assertThat(action.size()).isEqualTo(3);
        assertThat(node.get("myVote").get("proposalId").asString()).isEqualTo(ID.toString());
    }

    @Test
    void aProposalWithoutTheCallersVoteSaysSo() {
        var node = json(new GovernanceController.ProposalView(proposal(List.of()), null));
        assertThat(node.has("myVote")).isTrue();
        assertThat(node.get("myVote").isNull()).isTrue();
        assertThat(node.get("actions").isArray()).isTrue();
        assertThat(node.get("actions").size()).isZero();
    }

    @Test
    void aVoteIsWrittenWithItsDecimalsAsPlainStrings() {
        var node = json(vote());
        assertThat(names(node))
                .containsExactly(
                        "proposalId",
                        "voterId",
                        "support",
                        "votingPower",
                        "trustScore",
                        "weight",
                        "reason",
                        "createdAt");
        assertThat(node.get("support").asString()).isEqualTo("FOR");
        assertThat(node.get("votingPower").asString())
                .isEqualTo(Amount.of("1000").toString());
        assertThat(node.get("trustScore").asString()).isEqualTo("72.5");
        assertThat(node.get("weight").asString()).isEqualTo("725");
        assertThat(node.get("reason").isNull()).isTrue();
    }

    @Test
    void votingPowerIsWrittenWithItsDecimalsAsPlainStrings() {
        var node = json(new VotingPower(
                ALICE,
                41,
                7,
                Amount.of("10"),
                Amount.ZERO,
                false,
                Amount.of("10"),
                new BigDecimal("5E+1"),
                new BigDecimal("5")));
        assertThat(names(node))
                .containsExactly(
                        "entityId",
                        "snapshotSequence",
                        "delegationSequence",
                        "ownHoldings",
                        "delegatedToIt",
                        "delegatedAway",
                        "votingPower",
                        "trustScore",
                        "weight");
        assertThat(node.get("ownHoldings").asString()).isEqualTo(Amount.of("10").toString());
        assertThat(node.get("trustScore").asString()).isEqualTo("50");
        assertThat(node.get("delegatedAway").asBoolean()).isFalse();
    }

    @Test
    void aTallyCheckIsWrittenFlat() {
        var check = new Governance.TallyCheck(
                ID,
                false,
                new Tally(new BigDecimal("1.5"), BigDecimal.ZERO, new BigDecimal("1E-24")),
                2,
                new Tally(new BigDecimal("1.5"), new BigDecimal("3"), BigDecimal.ZERO),
                3);
        assertThat(JSON.writeValueAsString(check))
                .isEqualTo("{\"proposalId\":\"" + ID + "\",\"consistent\":false,"
                        + "\"storedFor\":\"1.5\",\"storedAgainst\":\"0\","
                        + "\"storedAbstain\":\"0.000000000000000000000001\",\"storedVoterCount\":2,"
                        + "\"countedFor\":\"1.5\",\"countedAgainst\":\"3\",\"countedAbstain\":\"0\","
                        + "\"countedVoterCount\":3}");
    }

    @Test
    void aDelegationShowsItsSequencesOrNullsWithoutAChange() {
        var none = json(new GovernanceController.DelegationView(ALICE, null, null, null));
        assertThat(names(none))
                .containsExactly("delegatorId", "delegateeId", "effectiveFromSequence", "delegationSequence");
        assertThat(none.get("delegatorId").asString()).isEqualTo("alice");
        assertThat(none.get("delegateeId").isNull()).isTrue();
        var made = json(GovernanceController.DelegationView.of(
                new io.bta.tokenomics.governance.Delegation(ALICE, EntityId.of("bob"), 9, 41, T0)));
        assertThat(made.get("delegateeId").asString()).isEqualTo("bob");
        assertThat(made.get("effectiveFromSequence").asLong()).isEqualTo(41);
        assertThat(made.get("delegationSequence").asLong()).isEqualTo(9);
        assertThat(made.has("changedAt")).isFalse();
    }
}
