package io.bta.tokenomics.shared.error;

import org.springframework.http.HttpStatus;

/** 422: the request is understood but a business rule forbids it. */
public class RuleViolation extends DomainProblem {

    protected RuleViolation(String code, String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, code, "Rule violated", detail);
    }

    public static RuleViolation of(String code, String detail) {
        return new RuleViolation(code, detail);
    }
}
