package io.bta.tokenomics.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser without a browser: cookies kept, redirects not followed, forms posted as a page would. */
final class PageClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern REQUEST_ID = Pattern.compile("name=\"requestId\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    PageClient(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Posts a form; {@code _csrf} is sent only if the fields hold it. */
    HttpResponse<String> post(String path, Map<String, String> fields) {
        var body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts as htmx does: no body, the CSRF token (if any) in the X-XSRF-TOKEN header. */
    HttpResponse<String> htmxPost(String path, String csrfHeader) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("HX-Request", "true")
                .POST(HttpRequest.BodyPublishers.noBody());
        if (csrfHeader != null) {
            request.header("X-XSRF-TOKEN", csrfHeader);
        }
        return send(request);
    }

    /** The CSRF token that a page rendered into its forms. */
    String csrfFrom(String path) {
        var page = get(path).body();
        var m = CSRF.matcher(page);
        if (!m.find()) {
            throw new AssertionError("no CSRF field on " + path);
        }
        return m.group(1);
    }

    /** The one-time request id of the first form on the page that has one, or null. */
    static String requestIdIn(String html) {
        var m = REQUEST_ID.matcher(html);
        return m.find() ? m.group(1) : null;
    }

    /** Fields plus the CSRF token (and the first form's one-time request id, if any) of a page. */
    Map<String, String> withCsrf(String page, Map<String, String> fields) {
        var html = get(page).body();
        var m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF field on " + page);
        }
        var all = new LinkedHashMap<>(fields);
        all.put("_csrf", m.group(1));
        var requestId = requestIdIn(html);
        if (requestId != null) {
            all.putIfAbsent("requestId", requestId);
        }
        return all;
    }

    void signIn(String token) {
        var r = post("/app/sign-in", withCsrf("/app/sign-in", Map.of("token", token)));
        if (r.statusCode() != 302) {
            throw new AssertionError("sign-in answered " + r.statusCode() + ": " + r.body());
        }
    }

    /** Opens a never-ending response and answers "status content-type" without reading it. */
    String streamHead(String path) {
        try {
            var r = http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Accept", "text/event-stream")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            r.body().close();
            return r.statusCode() + " "
                    + r.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
