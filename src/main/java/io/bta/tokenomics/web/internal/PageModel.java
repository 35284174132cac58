package io.bta.tokenomics.web.internal;

import io.bta.tokenomics.shared.error.DomainProblem;
import io.bta.tokenomics.shared.security.Caller;
import io.bta.tokenomics.web.WebProperties;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.AuthenticationException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What every page knows (the signed-in caller) and how a refusal that no form caught is shown: an
 * HTML page with the problem's status and detail, not the API's problem document.
 */
@ControllerAdvice(basePackageClasses = PageModel.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageModel {

    private final WebProperties properties;

    PageModel(WebProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("me", signedIn());
        model.addAttribute("devSignIn", properties.devSignIn());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
    }

    @ExceptionHandler(DomainProblem.class)
    String refused(DomainProblem problem, Model model, HttpServletResponse response) {
        response.setStatus(problem.status().value());
        return error(model, problem.status().value(), problem.title(), problem.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String malformed(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
        response.setStatus(400);
        return error(model, 400, "Bad request", e.getName() + " is malformed");
    }

    private String error(Model model, int status, String title, String detail) {
        common(model);
        model.addAttribute("status", status);
        model.addAttribute("title", title);
        model.addAttribute("detail", detail);
        return "web/error";
    }

    static Caller signedIn() {
        try {
            return Caller.current();
        } catch (AuthenticationException e) {
            return null;
        }
    }
}
