package io.bta.tokenomics.shared.web;

import io.bta.tokenomics.shared.error.Problems;
import io.bta.tokenomics.shared.idempotency.IdempotencyDeferral;
import io.bta.tokenomics.shared.security.AccessRules;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * Lists on every operation of the OpenAPI document the refusals it can answer, as {@code
 * application/problem+json} responses with the problem schema and one example per code: the
 * operation's own ({@link Refuses}), and those it shares with every operation like it, derived here
 * from the layers that answer them:
 *
 * <ul>
 *   <li>400 {@code INVALID_INPUT} when it takes parameters or a body ({@code Inputs}, binding);
 *   <li>401 {@code UNAUTHENTICATED} unless its path is public, and 403 {@code FORBIDDEN} where a
 *       role rule covers it ({@link AccessRules}, the table the security chain enforces);
 *   <li>on a state-changing request, the idempotency filter's 400 {@code INVALID_IDEMPOTENCY_KEY},
 *       409 {@code IDEMPOTENCY_REQUEST_IN_PROGRESS} and 422 {@code IDEMPOTENCY_KEY_REUSED}, the body
 *       limit's 413 {@code PAYLOAD_TOO_LARGE}, and the rate limiter's 429 {@code RATE_LIMITED} where
 *       it counts the path;
 *   <li>503 {@code LEDGER_BUSY}, {@code LEDGER_UNAVAILABLE} and {@code OUTCOME_UNKNOWN} on the paths
 *       whose module records their Idempotency-Key itself ({@link IdempotencyDeferral}): the ledger's
 *       group-commit writes, the only ones, which answer these when their queue cannot take or
 *       commit them.
 * </ul>
 *
 * A 404 depends on what the path names, so an operation names its own ({@code UNKNOWN_POOL}...).
 */
@Component
class ProblemResponses implements OperationCustomizer {

    /** The media type of every refusal. */
    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    /** The response member that lists the codes it documents, for tools and tests. */
    static final String CODES_EXTENSION = "x-problem-codes";

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final AbuseLimits limits;
    private final List<IdempotencyDeferral> deferrals;
    private final AntPathMatcher paths = new AntPathMatcher();

    ProblemResponses(AbuseLimits limits, List<IdempotencyDeferral> deferrals) {
        this.limits = limits;
        this.deferrals = List.copyOf(deferrals);
    }

    /** The problem schemas the responses refer to, for the document's components. */
    static void addSchemas(Components components) {
        components.addSchemas("Problem", problemSchema(false));
        components.addSchemas("InvalidInputProblem", problemSchema(true));
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        var refusals = new TreeMap<Integer, Set<String>>();
        var method = handler.getMethod();
        var mappings = mappings(handler);
        boolean takesInput = takesInput(method);
        for (var mapping : mappings) {
            shared(mapping.method(), mapping.path(), takesInput, refusals);
        }
        for (var refuses : AnnotatedElementUtils.findMergedRepeatableAnnotations(method, Refuses.class)) {
            for (var code : refuses.codes()) {
                add(refusals, refuses.status(), code);
            }
        }
        var instance = mappings.isEmpty() ? null : mappings.get(0).path();
        document(operation, refusals, instance);
        return operation;
    }

    private void shared(String method, String path, boolean takesInput, SortedMap<Integer, Set<String>> refusals) {
        boolean open = AccessRules.isPublic(path);
        if (takesInput) {
            add(refusals, 400, "INVALID_INPUT");
        }
        if (!open) {
            add(refusals, 401, "UNAUTHENTICATED");
        }
        if (AccessRules.needsRole(method, path)) {
            add(refusals, 403, "FORBIDDEN");
        }
        if (STATE_CHANGING.contains(method) && !open) {
            add(refusals, 400, "INVALID_IDEMPOTENCY_KEY");
            add(refusals, 409, "IDEMPOTENCY_REQUEST_IN_PROGRESS");
            add(refusals, 413, "PAYLOAD_TOO_LARGE");
            add(refusals, 422, "IDEMPOTENCY_KEY_REUSED");
            if (rateLimited(path)) {
                add(refusals, 429, "RATE_LIMITED");
            }
            if (deferrals.stream().anyMatch(d -> d.defers(method, path))) {
                add(refusals, 503, "LEDGER_BUSY");
                add(refusals, 503, "LEDGER_UNAVAILABLE");
                add(refusals, 503, "OUTCOME_UNKNOWN");
            }
        }
    }

    /** As {@link RateLimitFilter} decides, for the state-changing requests it sees. */
    private boolean rateLimited(String path) {
        var settings = limits.rateLimit();
        return settings.enabled()
                && path.startsWith("/api/")
                && settings.excludePaths().stream().noneMatch(p -> paths.match(p, path));
    }

    private void document(Operation operation, SortedMap<Integer, Set<String>> refusals, String instance) {
        if (refusals.isEmpty()) {
            return;
        }
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        refusals.forEach((status, codes) -> {
            var key = Integer.toString(status);
            var response = operation.getResponses().get(key);
            if (response == null) {
                response = new ApiResponse();
                operation.getResponses().addApiResponse(key, response);
            }
            response.setDescription(describe(status, codes));
            response.addExtension(CODES_EXTENSION, List.copyOf(codes));
            if (response.getContent() == null) {
                response.setContent(new Content());
            }
            var media = response.getContent().get(PROBLEM_JSON);
            if (media == null) {
                media = new MediaType()
                        .schema(new Schema<>()
                                .$ref("#/components/schemas/" + (status == 400 ? "InvalidInputProblem" : "Problem")));
                response.getContent().addMediaType(PROBLEM_JSON, media);
            }
            for (var code : codes) {
                var example = example(status, code, instance);
                if (example != null) {
                    media.addExamples(code, example);
                }
            }
        });
    }

    private static String describe(int status, Set<String> codes) {
        var reason = HttpStatus.resolve(status);
        return (reason == null ? "Refused" : reason.getReasonPhrase()) + ": " + String.join(", ", codes);
    }

    /** One problem document as the service answers {@code code}; null when there is no detail for it. */
    private Example example(int status, String code, String instance) {
        var detail = detail(code);
        if (detail == null) {
            return null;
        }
        var value = new LinkedHashMap<String, Object>();
        value.put("type", Problems.typeOf(code).toString());
        value.put("title", ProblemExamples.title(status, code));
        value.put("status", status);
        value.put("detail", detail);
        if (instance != null) {
            value.put("instance", instance);
        }
        value.put("code", code);
        if (code.equals("INVALID_INPUT")) {
            value.put("errors", List.of(Map.of("field", "amount", "message", "must be greater than zero")));
        } else if (code.equals("RATE_LIMITED")) {
            value.put("retryAfterSeconds", 1);
        }
        return new Example().summary(code).value(value);
    }

    private String detail(String code) {
        var rate = limits.rateLimit();
        return switch (code) {
            case "RATE_LIMITED" -> "more than " + rate.requestsPerSecond() + " state-changing requests a second"
                    + " (bursts of " + rate.burst() + ") from this caller; retry after 1 s";
            case "PAYLOAD_TOO_LARGE" -> "the request body exceeds "
                    + limits.maxBodySize().toBytes() + " bytes";
            default -> ProblemExamples.detail(code).orElse(null);
        };
    }

    private static void add(SortedMap<Integer, Set<String>> refusals, int status, String code) {
        refusals.computeIfAbsent(status, s -> new LinkedHashSet<>()).add(code);
    }

    private record Mapping(String method, String path) {}

    /** Every (method, path template) the handler is mapped to, from its class's and its own mapping. */
    private List<Mapping> mappings(HandlerMethod handler) {
        var type = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
        var own = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        var prefixes = type == null || type.path().length == 0 ? new String[] {""} : type.path();
        var suffixes = own == null || own.path().length == 0 ? new String[] {""} : own.path();
        var methods = own == null || own.method().length == 0 ? RequestMethod.values() : own.method();
        var result = new ArrayList<Mapping>();
        for (var prefix : prefixes) {
            for (var suffix : suffixes) {
                var path = paths.combine(prefix, suffix);
                for (var m : methods) {
                    result.add(new Mapping(m.name(), path.isEmpty() ? "/" : path));
                }
            }
        }
        return result;
    }

    private static boolean takesInput(Method method) {
        for (var parameter : method.getParameters()) {
            if (parameter.isAnnotationPresent(PathVariable.class)
                    || parameter.isAnnotationPresent(RequestParam.class)
                    || parameter.isAnnotationPresent(RequestBody.class)
                    || parameter.isAnnotationPresent(RequestHeader.class)
                    || parameter.isAnnotationPresent(ModelAttribute.class)) {
                return true;
            }
        }
        return false;
    }

    private static Schema<Object> problemSchema(boolean withErrors) {
        var schema = typed("object")
                .description(
                        withErrors
                                ? "An RFC 9457 problem; for INVALID_INPUT, errors names each field refused and why"
                                : "An RFC 9457 problem with the stable code of the refusal")
                .addProperty("type", typed("string").format("uri").description("urn:bta:problem: and the code"))
                .addProperty("title", typed("string"))
                .addProperty("status", typed("integer").format("int32").description("the HTTP status"))
                .addProperty("detail", typed("string").description("what was refused and why, for a person"))
                .addProperty("instance", typed("string").format("uri").description("the request's path"))
                .addProperty("code", typed("string").description("the stable code a client acts on"));
        schema.setRequired(List.of("type", "title", "status", "code"));
        if (withErrors) {
            var error = typed("object")
                    .addProperty("field", typed("string").description("the field, such as transfers[2].amount"))
                    .addProperty("message", typed("string"));
            var errors = typed("array").items(error);
            schema.addProperty("errors", errors);
        }
        return schema;
    }

    /** A schema of one JSON type, written for both OpenAPI 3.0 ({@code type}) and 3.1 ({@code types}). */
    private static Schema<Object> typed(String type) {
        var schema = new Schema<Object>().type(type);
        schema.setTypes(new LinkedHashSet<>(List.of(type)));
        return schema;
    }
}
