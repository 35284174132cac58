package io.bta.tokenomics.support;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every operation the running service describes in its OpenAPI document ({@code /v3/api-docs}),
 * which springdoc builds from the controllers' mappings: a suite that walks "every endpoint"
 * compares its own table with this list, so a new endpoint cannot be skipped in silence.
 */
public final class ApiCatalog {

    /** An operation: an HTTP method and a path template as the document writes it ({@code /api/trust/{entityId}}). */
    public record Endpoint(String method, String path) implements Comparable<Endpoint> {
        @Override
        public int compareTo(Endpoint o) {
            int byPath = path.compareTo(o.path);
            return byPath != 0 ? byPath : method.compareTo(o.method);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private ApiCatalog() {}

    /** The operations under {@code /api/} that the service at {@code api} describes. */
    public static Set<Endpoint> of(Api api) {
        var doc = api.get("/v3/api-docs", null);
        if (doc.status() != 200) {
            throw new IllegalStateException("no OpenAPI document: " + doc.status());
        }
        var endpoints = new TreeSet<Endpoint>();
        var paths = doc.json().get("paths");
        for (var path : paths.propertyNames()) {
            if (!path.startsWith("/api/")) {
                continue;
            }
            for (var method : paths.get(path).propertyNames()) {
                if (METHODS.contains(method)) {
                    endpoints.add(new Endpoint(method.toUpperCase(Locale.ROOT), path));
                }
            }
        }
        return endpoints;
    }
}
