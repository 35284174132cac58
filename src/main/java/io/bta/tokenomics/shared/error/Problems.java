package io.bta.tokenomics.shared.error;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the RFC 9457 documents every error of the API is answered with. */
public final class Problems {

    private Problems() {}

    public static URI typeOf(String code) {
        return URI.create("urn:bta:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(typeOf(code));
        problem.setProperty("code", code);
        return problem;
    }

    public static ProblemDetail of(DomainProblem e) {
        var problem = of(e.status(), e.code(), e.title(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    /** The answer to a request body over the configured limit. */
    public static ProblemDetail tooLarge(long limitBytes) {
        return of(
                HttpStatus.CONTENT_TOO_LARGE,
                "PAYLOAD_TOO_LARGE",
                "Payload too large",
                "the request body exceeds " + limitBytes + " bytes");
    }

    /** A code for a status when nothing more specific is known. */
    public static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "INVALID_INPUT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 409 -> "CONFLICT";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 422 -> "UNPROCESSABLE";
            case 429 -> "TOO_MANY_REQUESTS";
            case 503 -> "UNAVAILABLE";
            default -> status.is4xxClientError() ? "CLIENT_ERROR" : "INTERNAL_ERROR";
        };
    }
}
