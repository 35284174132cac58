package io.bta.tokenomics.shared.error;

import org.springframework.http.HttpStatus;

/** 503: the service cannot take the request now; the client may retry it (answered with Retry-After). */
public class Unavailable extends DomainProblem {

    protected Unavailable(String code, String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, code, "Service unavailable", detail);
    }

    public static Unavailable of(String code, String detail) {
        return new Unavailable(code, detail);
    }
}
