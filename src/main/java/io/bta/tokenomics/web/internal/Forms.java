package io.bta.tokenomics.web.internal;

import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.shared.error.InvalidInput;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The errors of one submitted form, by field, for the template to show next to each field
 * ({@code errors['amount']}); {@code form} holds a refusal that belongs to no single field.
 */
final class Forms {

    static final String FORM = "form";

    private Forms() {}

    /**
     * A refusal as field errors: each bad field of an {@code INVALID_INPUT}, or the problem's
     * detail under the field its code points at ({@code fieldByCode}), else under {@link #FORM}.
     */
    static Map<String, String> errors(DomainProblem problem, Map<String, String> fieldByCode) {
        var errors = new LinkedHashMap<String, String>();
        if (problem instanceof InvalidInput invalid && !invalid.errors().isEmpty()) {
            for (var e : invalid.errors()) {
                errors.putIfAbsent(fieldOf(e.field()), e.message());
            }
            return errors;
        }
        errors.put(fieldByCode.getOrDefault(problem.code(), FORM), problem.getMessage());
        return errors;
    }

    /** {@code transfers[0].amount} and the like name the field {@code amount}. */
    private static String fieldOf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    /** A form field as sent: blank means not given. */
    static String given(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
