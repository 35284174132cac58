package io.bta.tokenomics.shared.error;

import java.util.List;
import org.springframework.http.HttpStatus;

/** 400: the request is malformed; {@code errors} names each offending field and why. */
public final class InvalidInput extends DomainProblem {

    public record FieldError(String field, String message) {}

    private final List<FieldError> errors;

    private InvalidInput(List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "Invalid input", describe(errors));
        this.errors = List.copyOf(errors);
        with("errors", this.errors);
    }

    public static InvalidInput of(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one field");
        }
        return new InvalidInput(errors);
    }

    public static InvalidInput field(String field, String message) {
        return of(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        var sb = new StringBuilder();
        for (var e : errors) {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append(e.field()).append(": ").append(e.message());
        }
        return sb.toString();
    }
}
