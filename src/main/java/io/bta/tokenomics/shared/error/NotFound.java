package io.bta.tokenomics.shared.error;

import org.springframework.http.HttpStatus;

/** 404: the named thing does not exist. */
public class NotFound extends DomainProblem {

    protected NotFound(String code, String detail) {
        super(HttpStatus.NOT_FOUND, code, "Not found", detail);
    }

    public static NotFound of(String code, String detail) {
        return new NotFound(code, detail);
    }
}
