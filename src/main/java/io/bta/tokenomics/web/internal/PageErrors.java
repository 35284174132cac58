package io.bta.tokenomics.web.internal;

import io.bta.tokenomics.shared.error.DomainProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refusal that no form caught, on a page, is shown as an HTML page with the problem's status and
 * detail. It resolves before the API's problem handler, and only for this module's handlers: the
 * API keeps its problem documents.
 */
@Component
class PageErrors implements HandlerExceptionResolver, Ordered {

    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        if (!(handler instanceof HandlerMethod method)
                || !method.getBeanType().getPackageName().equals(PageErrors.class.getPackageName())) {
            return null;
        }
        if (e instanceof DomainProblem problem) {
            return page(response, problem.status().value(), problem.title(), problem.getMessage());
        }
        if (e instanceof PageRequests.FormAlreadySent sent) {
            return page(response, 409, "Already sent", sent.getMessage());
        }
        if (e instanceof MethodArgumentTypeMismatchException mismatch) {
            return page(response, 400, "Bad request", mismatch.getName() + " is malformed");
        }
        return null;
    }

    private static ModelAndView page(HttpServletResponse response, int status, String title, String detail) {
        response.setStatus(status);
        var model = new HashMap<String, Object>();
        model.put("me", PageModel.signedIn());
        model.put("errors", Map.of());
        model.put("devSignIn", false);
        model.put("status", status);
        model.put("title", title);
        model.put("detail", detail);
        return new ModelAndView("web/error", model);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
