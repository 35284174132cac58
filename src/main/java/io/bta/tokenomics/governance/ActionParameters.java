package io.bta.tokenomics.governance;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reading a proposal action's parameters (a map of text, one field of the proposal), for the
 * modules that define actions. A refusal is an {@link IllegalArgumentException} whose message
 * starts with the parameter's name, since the name is how the proposer finds the culprit; the
 * governance module answers it as {@code 400} on the proposal's {@code actions}.
 */
public final class ActionParameters {

    private ActionParameters() {}

    /** The parameter's text; refused as {@code name: is required} when absent or blank. */
    public static String required(Map<String, String> parameters, String name) {
        var value = parameters.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + ": is required");
        }
        return value;
    }

    /**
     * The value {@code build} makes from a parameter, or its refusal prefixed with the parameter's
     * name (once: a refusal that already names it is kept as it is).
     */
    public static <T> T parameter(String name, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            var message = String.valueOf(e.getMessage());
            throw new IllegalArgumentException(message.startsWith(name + ":") ? message : name + ": " + message, e);
        }
    }

    /** Refuses any parameter but {@code names}: {@code key: not a parameter of this action}. */
    public static void only(Map<String, String> parameters, String... names) {
        var allowed = Set.of(names);
        for (var key : parameters.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(key + ": not a parameter of this action");
            }
        }
    }

    /** An ISO-8601 instant, or null for no text. */
    public static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }
}
