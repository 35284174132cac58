package io.bta.tokenomics.governance;

import io.bta.tokenomics.shared.error.Inputs;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/** One typed action of a proposal, with its parameters as text (amounts stay exact). */
public record ProposalAction(String type, Map<String, String> parameters) {

    public ProposalAction {
        Objects.requireNonNull(type, "type");
        parameters = Map.copyOf(parameters);
    }

    /**
     * The actions of a request, each a JSON object of its {@code type} and its parameters, whose
     * values are strings or numbers (a number is taken as its plain decimal text). What is missing
     * or of another kind is recorded in {@code in} as {@code actions[i]}, {@code actions[i].type}
     * or {@code actions[i].<parameter>}; an action without a type is left out, and a refused
     * parameter (the caller's {@code in.check()} then throws). Null reads as no actions. Whether a
     * type exists and its parameters are valid is the facade's check.
     */
    public static List<ProposalAction> read(Inputs in, List<Map<String, Object>> raw) {
        var actions = new ArrayList<ProposalAction>();
        if (raw == null) {
            return actions;
        }
        for (int i = 0; i < raw.size(); i++) {
            var fields = raw.get(i);
            if (fields == null) {
                in.reject("actions[" + i + "]", "must be an object with a type");
                continue;
            }
            var parameters = new LinkedHashMap<String, String>();
            String type = null;
            for (var e : fields.entrySet()) {
                var text = text(e.getValue());
                if (text == null) {
                    in.reject("actions[" + i + "]." + e.getKey(), "must be a string or a number");
                } else if (e.getKey().equals("type")) {
                    type = text;
                } else {
                    parameters.put(e.getKey(), text);
                }
            }
            if (type == null) {
                in.reject("actions[" + i + "].type", "is required");
            } else {
                actions.add(new ProposalAction(type, parameters));
            }
        }
        return actions;
    }

    private static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString()).toPlainString();
        }
        return null;
    }

    /**
     * Writes an action as the JSON API shows it: one object of its {@code type} and its
     * parameters side by side, as a proposer sends it. Put on a proposal's {@code actions} only:
     * the stored form of actions is the record's own shape.
     */
    public static class Flat extends ValueSerializer<ProposalAction> {
        @Override
        public void serialize(ProposalAction action, JsonGenerator gen, SerializationContext ctxt) {
            var flat = new LinkedHashMap<String, String>();
            flat.put("type", action.type());
            flat.putAll(action.parameters());
            gen.writeStartObject();
            for (var e : flat.entrySet()) {
                gen.writeStringProperty(e.getKey(), e.getValue());
            }
            gen.writeEndObject();
        }
    }
}
