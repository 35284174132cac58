package io.bta.tokenomics.shared.error;

import org.springframework.http.HttpStatus;

/** 403: the caller is known but may not do this. */
public final class Forbidden extends DomainProblem {

    private Forbidden(String code, String detail) {
        super(HttpStatus.FORBIDDEN, code, "Forbidden", detail);
    }

    public static Forbidden notYourAccount(String entityId) {
        return new Forbidden("NOT_OWNER", "the caller may not act on entity '" + entityId + "'");
    }

    public static Forbidden requiresRole(String role) {
        return new Forbidden("ROLE_REQUIRED", "this operation requires the " + role + " role");
    }

    public static Forbidden of(String code, String detail) {
        return new Forbidden(code, detail);
    }
}
