package io.bta.tokenomics.shared.error;

import org.springframework.http.HttpStatus;

/** 409: the request is well formed but conflicts with the current state. */
public class Conflict extends DomainProblem {

    protected Conflict(String code, String detail) {
        super(HttpStatus.CONFLICT, code, "Conflict", detail);
    }

    public static Conflict of(String code, String detail) {
        return new Conflict(code, detail);
    }
}
