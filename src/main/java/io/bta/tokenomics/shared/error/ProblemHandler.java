package io.bta.tokenomics.shared.error;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place where exceptions become RFC 9457 problems. Domain refusals keep their code; Spring
 * MVC's own errors get a code from their status; anything unexpected is a 500 that says nothing of
 * its cause to the client (the log has it).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private static final Set<Class<?>> INTEGRAL = Set.of(
            Long.class,
            long.class,
            Integer.class,
            int.class,
            Short.class,
            short.class,
            Byte.class,
            byte.class,
            BigInteger.class);

    private static final Set<Class<?>> DECIMAL =
            Set.of(BigDecimal.class, Double.class, double.class, Float.class, float.class);

    @ExceptionHandler(DomainProblem.class)
    ResponseEntity<ProblemDetail> domain(DomainProblem e) {
        var response = ResponseEntity.status(e.status());
        if (e instanceof Unavailable) {
            response.header(HttpHeaders.RETRY_AFTER, "1");
        }
        return response.body(Problems.of(e));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return domain(InvalidInput.field(e.getName(), "has an invalid value"));
    }

    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e) {
        // The firewall refuses what it finds while the body is read (a form body with odd names).
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .body(Problems.of(
                        HttpStatus.BAD_REQUEST,
                        "INVALID_INPUT",
                        "Invalid input",
                        "the request was refused as malformed"));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        // Input is validated before it reaches the database, so this is a race or a gap in
        // validation: the constraint held, nothing was written, and the client may retry.
        log.warn("database constraint refused a write", e);
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Problems.of(
                        HttpStatus.CONFLICT,
                        "CONSTRAINT_VIOLATION",
                        "Conflict",
                        "the request conflicts with the stored state; nothing was changed"));
    }

    @ExceptionHandler({
        PessimisticLockingFailureException.class,
        TransientDataAccessException.class,
        DataAccessResourceFailureException.class,
        CannotCreateTransactionException.class
    })
    ResponseEntity<ProblemDetail> transientFailure(Exception e) {
        log.warn("transient database failure", e);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "TRY_AGAIN",
                        "Service unavailable",
                        "the request could not be completed now; nothing was changed, retry it"));
    }

    /**
     * The commit or the rollback itself failed: the database went away as the transaction ended
     * (a killed PostgreSQL). Whether a commit took effect is unknown, so say so; a client retrying
     * with its Idempotency-Key learns the outcome.
     */
    @ExceptionHandler(TransactionSystemException.class)
    ResponseEntity<ProblemDetail> transactionEndFailed(TransactionSystemException e) {
        log.warn("the database failed as a transaction ended", e);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "OUTCOME_UNKNOWN",
                        "Service unavailable",
                        "the database failed as the request's transaction ended; retry with the same"
                                + " Idempotency-Key to learn whether it took effect"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected failure", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(Problems.of(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "INTERNAL_ERROR",
                        "Internal error",
                        "the request failed unexpectedly"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var duplicate = duplicateKey(ex);
        if (duplicate != null) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                    .body(Problems.of(InvalidInput.field(
                            duplicate, "is given more than once in its object; each field may appear once")));
        }
        var field = fieldOf(ex);
        var unknown = causeOf(ex, UnrecognizedPropertyException.class) != null;
        var problem = field == null
                ? InvalidInput.field("body", "is missing or is not valid JSON of the expected shape")
                : InvalidInput.field(field, unknown ? "is not a field of this request" : expectation(ex));
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Problems.of(problem));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        var response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null
                && response.getBody() instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            var code = Problems.codeFor(statusCode);
            problem.setType(Problems.typeOf(code));
            problem.setProperty("code", code);
            if (problem.getTitle() == null) {
                problem.setTitle(HttpStatus.valueOf(statusCode.value()).getReasonPhrase());
            }
        }
        return response;
    }

    /**
     * What a field that failed binding must hold, from the type it binds to: a blank string, a
     * quoted whole number or 1.5 for a count fails binding (StrictScalarsConfig), and the client
     * learns what to send instead.
     */
    private static String expectation(Throwable ex) {
        Class<?> type = null;
        var mismatch = causeOf(ex, MismatchedInputException.class);
        if (mismatch != null) {
            type = mismatch.getTargetType();
        } else {
            var overflow = causeOf(ex, InputCoercionException.class);
            type = overflow == null ? null : overflow.getTargetType();
        }
        if (type == null) {
            return "has a value of the wrong type or format";
        }
        if (INTEGRAL.contains(type)) {
            return "must be a whole number, written as a JSON number such as 12";
        }
        if (DECIMAL.contains(type)) {
            return "must be a number such as 12.5";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type.isEnum()) {
            var names = new StringJoiner(", ");
            for (var constant : type.getEnumConstants()) {
                names.add(((Enum<?>) constant).name());
            }
            return "must be one of " + names;
        }
        if (type == String.class) {
            return "must be a string";
        }
        return "has a value of the wrong type or format";
    }

    /**
     * The path of a key that the parser found twice in one object (DuplicateKeysConfig), such as
     * {@code transfers[1].toEntityId}; null when the body was refused for another reason. Jackson
     * reports it with a message only, and the parser's context still says where it stopped.
     */
    private static String duplicateKey(Throwable ex) {
        var e = causeOf(ex, StreamReadException.class);
        if (e == null
                || e.getOriginalMessage() == null
                || !e.getOriginalMessage().startsWith("Duplicate Object property")
                || e.processor() == null) {
            return null;
        }
        var segments = new ArrayDeque<String>();
        for (var c = e.processor().streamReadContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.currentName() != null) {
                segments.push(abbreviate(c.currentName()));
            } else if (c.inArray()) {
                segments.push("[" + c.getCurrentIndex() + "]");
            }
        }
        var path = new StringBuilder();
        for (var segment : segments) {
            if (!path.isEmpty() && !segment.startsWith("[")) {
                path.append('.');
            }
            path.append(segment);
        }
        return path.isEmpty() ? null : path.toString();
    }

    /** A key as the client sent it, cut short: a problem document does not echo a 60,000-character key. */
    private static String abbreviate(String key) {
        return key.length() <= 100 ? key : key.substring(0, 100) + "…";
    }

    private static <T extends Throwable> T causeOf(Throwable ex, Class<T> type) {
        for (var t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String fieldOf(Throwable ex) {
        for (var t = ex; t != null; t = t.getCause()) {
            if (t instanceof JacksonException je) {
                List<JacksonException.Reference> path = je.getPath();
                if (path == null || path.isEmpty()) {
                    return null;
                }
                var sb = new StringBuilder();
                for (var ref : path) {
                    if (ref.getPropertyName() != null) {
                        if (!sb.isEmpty()) {
                            sb.append('.');
                        }
                        sb.append(ref.getPropertyName());
                    } else if (ref.getIndex() >= 0) {
                        sb.append('[').append(ref.getIndex()).append(']');
                    }
                }
                return sb.isEmpty() ? null : sb.toString();
            }
        }
        return null;
    }
}
