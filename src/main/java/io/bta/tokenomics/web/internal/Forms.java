package io.bta.tokenomics.web.internal;

import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.shared.error.InvalidInput;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.ui.Model;

/**
 * The errors of one submitted form, by field, for the template to show next to each field
 * ({@code errors['amount']}); {@code form} holds a refusal that belongs to no single field.
 */
final class Forms {

    static final String FORM = "form";

    private Forms() {}

    /**
     * A refused value-moving form, shown again: 422, what was typed, the errors by field, and the
     * same one-time request id (nothing was applied, so the corrected resend may use it).
     */
    static void showAgain(
            Model model, HttpServletResponse response, Object form, UUID requestId, Map<String, String> errors) {
        response.setStatus(422);
        model.addAttribute("form", form);
        model.addAttribute(PageRequests.FIELD, requestId.toString());
        model.addAttribute("errors", errors);
    }

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
