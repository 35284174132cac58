package io.bta.tokenomics.shared.error;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * A refusal that the client can act on: it becomes an RFC 9457 problem with a stable {@code code}
 * (and a {@code type} derived from it), the given status, and the extra properties. Subclasses are
 * created through static factories that say which rule was broken.
 */
public abstract class DomainProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    /** The members RFC 9457 defines (and {@code code}, ours): an extension must not replace them. */
    private static final Set<String> RESERVED = Set.of("type", "title", "status", "detail", "instance", "code");

    protected DomainProblem(HttpStatus status, String code, String title, String detail) {
        super(detail, null, false, false); // no stack trace: a refusal is not a failure
        this.status = status;
        this.code = code;
        this.title = title;
    }

    /**
     * Adds a property to the problem document; for the static factories of subclasses. A member
     * the RFC defines keeps its meaning: {@code status} is always the HTTP status code.
     */
    public DomainProblem with(String name, Object value) {
        if (RESERVED.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is a problem document's own member");
        }
        properties.put(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }
}
