package io.bta.tokenomics.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bta.tokenomics.shared.error.Inputs;
import io.bta.tokenomics.shared.error.InvalidInput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading a request's actions, and a proposal id from text: no Spring, no database. */
class ProposalActionReadTest {

    static final String PROPOSAL = "0190f3a2-7c1e-7a44-8f6b-2d3c4e5f6a7b";

    static Map<String, Object> action(Object... keysAndValues) {
        var fields = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return fields;
    }

    static List<InvalidInput.FieldError> errors(Inputs in) {
        assertThat(in.hasErrors()).isTrue();
        try {
            in.check();
        } catch (InvalidInput e) {
            return e.errors();
        }
        throw new AssertionError("check() accepted inputs with errors");
    }

    @Test
    void noActionsIsAnEmptyList() {
        var in = new Inputs();
        assertThat(ProposalAction.read(in, null)).isEmpty();
        assertThat(ProposalAction.read(in, List.of())).isEmpty();
        assertThat(in.hasErrors()).isFalse();
    }

    @Test
    void anActionIsItsTypeAndTheOtherFieldsAsParameters() {
        var in = new Inputs();
        var actions = ProposalAction.read(
                in, List.of(action("type", "SET_PARAMETER", "key", "governance.quorum-fraction", "value", "0.05")));
        assertThat(in.hasErrors()).isFalse();
        assertThat(actions)
                .containsExactly(new ProposalAction(
                        "SET_PARAMETER", Map.of("key", "governance.quorum-fraction", "value", "0.05")));
    }

    @Test
    void numbersAreTakenAsTheirPlainDecimalText() {
        var in = new Inputs();
        var actions = ProposalAction.read(
                in,
                List.of(action(
                        "type",
                        "MINT",
                        "amount",
                        new BigDecimal("1E+3"),
                        "small",
                        new BigDecimal("0.000000000000000001"),
                        "count",
                        7,
                        "big",
                        new java.math.BigInteger("123456789012345678901234567890"))));
        assertThat(in.hasErrors()).isFalse();
        assertThat(actions.get(0).parameters())
                .isEqualTo(Map.of(
                        "amount", "1000",
                        "small", "0.000000000000000001",
                        "count", "7",
                        "big", "123456789012345678901234567890"));
    }

    @Test
    void eachProblemIsNamedByTheActionsIndexAndAnActionWithoutATypeIsLeftOut() {
        var in = new Inputs();
        var raw = new ArrayList<Map<String, Object>>();
        raw.add(null);
        raw.add(action("key", "x"));
        raw.add(action("type", "MINT", "amount", true, "to", Map.of("a", "b")));
        raw.add(action("type", List.of("MINT")));
        raw.add(action("type", "BURN", "amount", "5"));
        var actions = ProposalAction.read(in, raw);
        assertThat(actions)
                .containsExactly(
                        new ProposalAction("MINT", Map.of()), new ProposalAction("BURN", Map.of("amount", "5")));
        assertThat(errors(in))
                .containsExactly(
                        new InvalidInput.FieldError("actions[0]", "must be an object with a type"),
                        new InvalidInput.FieldError("actions[1].type", "is required"),
                        new InvalidInput.FieldError("actions[2].amount", "must be a string or a number"),
                        new InvalidInput.FieldError("actions[2].to", "must be a string or a number"),
                        new InvalidInput.FieldError("actions[3].type", "must be a string or a number"),
                        new InvalidInput.FieldError("actions[3].type", "is required"));
    }

    @Test
    void aNullParameterIsRefused() {
        var in = new Inputs();
        var actions = ProposalAction.read(in, List.of(action("type", "MINT", "amount", null)));
        assertThat(actions).containsExactly(new ProposalAction("MINT", Map.of()));
        assertThat(errors(in))
                .containsExactly(new InvalidInput.FieldError("actions[0].amount", "must be a string or a number"));
    }

    @Test
    void aProposalIdIsAUuidWrittenAsItsText() {
        var id = ProposalId.of(PROPOSAL);
        assertThat(id.toString()).isEqualTo(PROPOSAL);
        assertThat(id).isEqualTo(ProposalId.of(PROPOSAL.toUpperCase()));
    }

    @Test
    void anythingElseIsNoProposalId() {
        for (var text : new String[] {null, "", "abc", PROPOSAL + "0", "not-a-uuid-at-all"}) {
            assertThatThrownBy(() -> ProposalId.of(text))
                    .as(String.valueOf(text))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(ProposalId.NOT_A_PROPOSAL_ID);
        }
    }
}
