package io.bta.tokenomics.shared.error;

import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.TimeRange;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Turns raw request fields into domain values, collecting every problem with the field's name so
 * that one 400 lists them all. Use one instance per request, then {@link #check()}.
 */
public final class Inputs {

    private final List<InvalidInput.FieldError> errors = new ArrayList<>();

    public EntityId entityId(String field, String value) {
        if (value == null) {
            return reject(field, "is required");
        }
        try {
            return EntityId.of(value);
        } catch (IllegalArgumentException e) {
            return reject(field, e.getMessage());
        }
    }

    public EntityId optionalEntityId(String field, String value) {
        return value == null ? null : entityId(field, value);
    }

    /** A strictly positive amount: zero or negative amounts move nothing and are refused. */
    public Amount positiveAmount(String field, String raw) {
        if (raw == null) {
            return reject(field, "is required");
        }
        try {
            var amount = Amount.parse(raw);
            if (!amount.isPositive()) {
                return reject(field, "must be greater than zero");
            }
            return amount;
        } catch (IllegalArgumentException e) {
            return reject(field, e.getMessage());
        }
    }

    /** An ISO-8601 instant, or null when the field is absent. */
    public Instant optionalInstant(String field, String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            return reject(field, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    /**
     * The range {@code [from, to)}, an end open where it is null; a {@code from} that is not before
     * {@code to} is refused, naming {@code fromField}.
     */
    public TimeRange timeRange(String fromField, Instant from, Instant to) {
        try {
            return new TimeRange(from, to);
        } catch (IllegalArgumentException e) {
            return reject(fromField, e.getMessage());
        }
    }

    /**
     * The constant of {@code type} that {@code raw} names in any case, or null when absent; any
     * other text is refused with every name in declaration order ({@code must be one of A, B, C}).
     */
    public <E extends Enum<E>> E optionalOneOf(String field, String raw, Class<E> type) {
        if (raw == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            var names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            return reject(field, "must be one of " + String.join(", ", names));
        }
    }

    /** As {@link #optionalOneOf}, refusing an absent value as required. */
    public <E extends Enum<E>> E requiredOneOf(String field, String raw, Class<E> type) {
        return raw == null ? reject(field, "is required") : optionalOneOf(field, raw, type);
    }

    public String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return reject(field, "is required");
        }
        return optional(field, value, maxLength);
    }

    public String optional(String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            return reject(field, "must be at most " + maxLength + " characters");
        }
        return value;
    }

    /**
     * The constant of {@code type} named {@code raw}, in any case ({@code "active"} is {@code
     * ACTIVE}), or null when the field is absent; any other text is refused with {@code refusal},
     * which says what is accepted.
     */
    public <E extends Enum<E>> E optionalEnum(String field, Class<E> type, String raw, String refusal) {
        if (raw == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return reject(field, refusal);
        }
    }

    /** As {@link #optionalEnum}, and an absent field is refused: {@code is required}. */
    public <E extends Enum<E>> E requiredEnum(String field, Class<E> type, String raw, String refusal) {
        if (raw == null) {
            return reject(field, "is required");
        }
        return optionalEnum(field, type, raw, refusal);
    }

    /**
     * Builds a value whose type checks itself (a rule type such as {@code Apy} or {@code
     * NewAllocation.guaranteeId}); its refusal, an {@link IllegalArgumentException}, is recorded
     * against {@code field} with the type's own message. Null when refused.
     */
    public <T> T valid(String field, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            return reject(field, e.getMessage());
        }
    }

    public <T> T reject(String field, String message) {
        errors.add(new InvalidInput.FieldError(field, message));
        return null;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Throws the collected problems, if any, as one {@link InvalidInput}. */
    public void check() {
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
    }
}
