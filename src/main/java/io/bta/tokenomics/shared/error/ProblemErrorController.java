package io.bta.tokenomics.shared.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the servlet container's error page (errors raised outside Spring MVC, such as a
 * malformed request line) with a problem document too, so no error ever leaves as HTML or with a
 * stack trace.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping(
            value = "/error",
            produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        var statusAttr = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        var status = statusAttr instanceof Integer code ? HttpStatus.resolve(code) : null;
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        var detail = status.is5xxServerError() ? "the request failed unexpectedly" : status.getReasonPhrase();
        var problem = Problems.of(status, Problems.codeFor(status), status.getReasonPhrase(), detail);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
